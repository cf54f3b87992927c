namespace Analytics.Metrics;

/// <summary>How one application stands against one target (internal to the engine's single pass).</summary>
internal enum TargetStatus : byte { NotApplicable = 0, Compliant = 1, Breach = 2 }

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
