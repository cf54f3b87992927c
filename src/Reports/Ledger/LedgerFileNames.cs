using Analytics.Domain.Registry;
using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>File names a person understands: <c>工作台账_尧都区_2026-11-26.xlsx</c>, <c>工作台账_临汾市汇总_2026-11-26.xlsx</c>.</summary>
public static class LedgerFileNames
{
    /// <summary>A county's ledger due on <paramref name="thursday"/>.</summary>
    public static string County(RegistryEntry county, DateOnly thursday)
    {
        ArgumentNullException.ThrowIfNull(county);
        return $"工作台账_{county.Name}_{Formats.Date(thursday)}.xlsx";
    }

    /// <summary>The city's roll-up of the week due on <paramref name="thursday"/>.</summary>
    public static string City(string cityName, DateOnly thursday) => $"工作台账_{cityName}汇总_{Formats.Date(thursday)}.xlsx";
}
