namespace Analytics.Metrics;

/// <summary>How one application stands against one target (internal to the engine's single pass).</summary>
/// <remarks><see cref="Gap"/>: the target applies but the field it tests was left blank (metrics.md §8: a data gap, neither
/// compliant nor a breach).</remarks>
internal enum TargetStatus : byte { NotApplicable = 0, Compliant = 1, Breach = 2, Gap = 3 }

/// <summary>
/// One application against one target: status, the numeric figure judged (days, stage count, yuan), the limit it was
/// judged by, and the date that selects it into a period (see <see cref="TargetResult"/>).
/// </summary>
internal struct TargetOutcome
{
    public TargetStatus Status;
    public decimal? Value;
    public decimal? Limit;
    public DateOnly SelectDate;
}
