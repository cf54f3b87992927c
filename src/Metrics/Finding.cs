namespace Analytics.Metrics;

/// <summary>
/// One finding about one application: an integrity finding (metrics.md §7, <see cref="Rule"/> set) or a target
/// breach (metrics.md §4, <see cref="TargetId"/> set). Both print as the same row in the <c>findings</c> command.
/// </summary>
/// <remarks>
/// <see cref="On"/> is the date that places the finding in a period: the date the evidence arose.
/// 时序异常 accepted_at; 体外循环 record_created_at; 后补 record_created_at, or the as-of of the filing that first
/// reported the stage; 改写 the as-of of the filing that changed it; 重走 the new application's accepted_at;
/// a target breach, the target's selecting date (see <see cref="TargetResult"/>).
/// </remarks>
public sealed record Finding
{
    /// <summary>Utility code; with <see cref="ApplicationId"/> the application's key.</summary>
    public required string Utility { get; init; }
    public required string ApplicationId { get; init; }
    /// <summary>County code of the application.</summary>
    public required string County { get; init; }

    /// <summary>The integrity rule; null for a target breach.</summary>
    public FindingRule? Rule { get; init; }

    /// <summary>The target breached; null for an integrity finding.</summary>
    public string? TargetId { get; init; }

    /// <summary>Machine code: the rule code (<c>out_of_order</c> …) or the target id (<c>T2a</c> …).</summary>
    public required string Code { get; init; }

    /// <summary>任务4 for integrity findings; the target's clause for breaches.</summary>
    public required string Clause { get; init; }

    /// <summary>
    /// Target breaches: the target's title as the policy names it; null otherwise. The label people read (the rule's
    /// Chinese name, or this title) comes from Analytics.Reports <c>WordingTable.FindingLabel</c>.
    /// </summary>
    public string? TargetTitle { get; init; }

    /// <summary>
    /// The evidence as typed facts: the times and values involved (no personal data). The presentation layer words it
    /// (Analytics.Reports <c>EvidenceText</c>).
    /// </summary>
    public required FindingEvidence Evidence { get; init; }

    /// <summary>The date that places the finding in a period.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Target breaches: the offending value where numeric (days, stage count, yuan); null otherwise.</summary>
    public decimal? Value { get; init; }

    /// <summary>Target breaches: the limit it was judged by, where numeric.</summary>
    public decimal? Limit { get; init; }

    /// <summary>True for a target breach.</summary>
    public bool IsTargetBreach => TargetId is not null;
}
