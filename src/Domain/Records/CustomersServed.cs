namespace Analytics.Domain;

/// <summary>
/// A customers-served snapshot (templates.md §5). <see cref="Month"/> is null for a yearly figure.
/// The number served in a year is the mean of the snapshots given for it.
/// </summary>
public sealed record CustomersServed
{
    public required int Year { get; init; }
    /// <summary>1–12 for a month-end snapshot, null for a yearly figure.</summary>
    public int? Month { get; init; }
    public required string Utility { get; init; }
    public required string County { get; init; }
    public required Area Area { get; init; }
    public required long Customers { get; init; }
}
