namespace Analytics.Domain;

/// <summary>The category rule of metrics.md §2.</summary>
public static class CategoryRules
{
    /// <summary>
    /// residential → Residential; non-residential lv → LvThreeZero / LvOther by the 三零 flag;
    /// 10kV and above → HvSingle / HvDual by the number of power sources.
    /// </summary>
    public static Category Derive(CustomerType customerType, Voltage voltage, int powerSources, bool threeZero)
    {
        if (customerType == CustomerType.Residential) return Category.Residential;
        if (customerType != CustomerType.NonResidential || voltage == Voltage.Invalid) return Category.Invalid;
        if (voltage == Voltage.Lv) return threeZero ? Category.LvThreeZero : Category.LvOther;
        return powerSources >= 2 ? Category.HvDual : Category.HvSingle;
    }
}
