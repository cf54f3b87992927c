namespace Analytics.Generator.Outages;

/// <summary>One row of the <c>customers</c> template: a yearly figure (<see cref="Month"/> null) or a month-end snapshot.</summary>
internal sealed record CustomerSnapshot(ServiceGroup Group, int Year, int? Month, long Customers)
{
    /// <summary>The period as the template spells it: <c>2024</c> or <c>2024-06</c>.</summary>
    public string Period => Month is { } m
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}")
        : Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
