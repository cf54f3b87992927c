namespace Analytics.Ingest.Parsing;

/// <summary>The unit suffix a number column accepts (templates.md §1, Numbers).</summary>
public enum NumberUnit
{
    /// <summary>No suffix.</summary>
    None = 0,
    /// <summary><c>元</c>.</summary>
    Yuan = 1,
    /// <summary><c>kW</c>, <c>kVA</c> (taken as kW), <c>千瓦</c>; any letter case.</summary>
    Kilowatt = 2,
    /// <summary><c>户</c> (households), for customer counts.</summary>
    Households = 3,
    /// <summary><c>天</c> / <c>日</c>, for day counts.</summary>
    Days = 4,
}
