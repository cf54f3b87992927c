namespace Analytics.Metrics;

/// <summary>
/// The 目标5 verdict of a reliability entry (metrics.md §8): <see cref="Met"/> / <see cref="NotMet"/> for a complete
/// calendar year; <see cref="OnTrack"/> / <see cref="AtRisk"/> / <see cref="Breached"/> for a year in progress (a part
/// that starts on 1 January and ends before 31 December, or whose data end before it).
/// </summary>
public enum ReliabilityStatus
{
    Invalid = 0,
    /// <summary>A complete year: SAIDI ≤ the limit, or ≤ (1 − reduction) × SAIDI of the year before.</summary>
    Met = 1,
    /// <summary>A complete year: neither branch of 目标5 holds.</summary>
    NotMet = 2,
    /// <summary>Year to date: SAIDI ≤ limit × elapsed share of the year, or ≤ (1 − reduction) × SAIDI of the same dates a year earlier.</summary>
    OnTrack = 3,
    /// <summary>Year to date: neither on track nor breached.</summary>
    AtRisk = 4,
    /// <summary>Year to date: SAIDI already exceeds the limit and (1 − reduction) × the previous whole year's SAIDI.</summary>
    Breached = 5,
}

/// <summary>Codes of <see cref="ReliabilityStatus"/> (their Chinese labels are in Analytics.Reports <c>WordingTable</c>).</summary>
public static class ReliabilityStatuses
{
    /// <summary>The machine code (<c>met</c>, <c>not_met</c>, <c>on_track</c>, <c>at_risk</c>, <c>breached</c>).</summary>
    public static string Code(ReliabilityStatus s) => s switch
    {
        ReliabilityStatus.Met => "met",
        ReliabilityStatus.NotMet => "not_met",
        ReliabilityStatus.OnTrack => "on_track",
        ReliabilityStatus.AtRisk => "at_risk",
        ReliabilityStatus.Breached => "breached",
        _ => "invalid",
    };

    /// <summary>True for the verdicts that count as compliant in a target row: met, or on track in a year in progress.</summary>
    public static bool Compliant(ReliabilityStatus s) => s is ReliabilityStatus.Met or ReliabilityStatus.OnTrack;
}
