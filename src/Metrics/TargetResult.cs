using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// One target of the plan (metrics.md §4) evaluated over one group for the period.
/// </summary>
/// <remarks>
/// <para>Which applications a target counts (its <see cref="Total"/>): those it applies to, in force on their own
/// accepted date (each is judged by the limit of that date), whose <em>selecting date</em> lies in the period:</para>
/// <list type="bullet">
/// <item>approval days (T1): approval_granted_at — the approval is complete, and its days known, on that date;</item>
/// <item>utility / whole-process days, stages, zero investment, zero cost, materials, connection voltage (T2, T3, T4,
/// T6, T7): connected_at (metrics.md §8) — the clock and the stage set are final only at connection; in-progress and
/// withdrawn applications are not counted;</item>
/// <item>SAIDI (T5): the calendar year, one row per year of the period and area class.</item>
/// </list>
/// <para>Degenerate cases: <see cref="Rate"/> is null when <see cref="Total"/> = 0. <see cref="Met"/> is
/// <c>InForce &amp;&amp; Compliant == Total</c>: a target in force with nothing to count is met (nothing breached; the null
/// rate shows it was empty); a target not in force during the period is never met.</para>
/// </remarks>
public sealed record TargetResult
{
    /// <summary>Target id, e.g. <c>T2a</c>.</summary>
    public required string Id { get; init; }

    /// <summary>目标N / 任务N.</summary>
    public required string Clause { get; init; }

    /// <summary>Chinese title from the policy.</summary>
    public required string Title { get; init; }

    /// <summary>What the target measures.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>The group this row covers.</summary>
    public required TargetGroup Group { get; init; }

    /// <summary>T5 only: the year; null for other targets.</summary>
    public int? Year { get; init; }

    /// <summary>The categories the target applies to (empty for targets not defined by category).</summary>
    public IReadOnlyList<Category> Categories { get; init; } = [];

    /// <summary>
    /// The numeric limit in force on the period's last day (days, stage count, or SAIDI hours for T5); null for targets
    /// without one. Each application is judged by the limit in force on its own accepted date.
    /// </summary>
    public decimal? Limit { get; init; }

    /// <summary>Applications (T5: groups with a verdict) judged compliant or non-compliant; data gaps are not counted.</summary>
    public required int Total { get; init; }

    /// <summary>Of <see cref="Total"/>, those that comply.</summary>
    public required int Compliant { get; init; }

    /// <summary>
    /// Applications the target applies to whose tested field was left blank (metrics.md §8, 数据缺项): neither compliant
    /// nor non-compliant, so not in <see cref="Total"/>.
    /// </summary>
    public int DataGaps { get; init; }

    /// <summary>T5 only: the 目标5 verdict of the row's reliability entry (met … breached); null for other targets.</summary>
    public ReliabilityStatus? Status { get; init; }

    /// <summary>Compliant / Total (= compliant / (compliant + non-compliant)); null when Total = 0.</summary>
    public double? Rate => Total == 0 ? null : (double)Compliant / Total;

    /// <summary>True when the target is in force on some day of the period (T5: in the row's year).</summary>
    public required bool InForce { get; init; }

    /// <summary>InForce and every counted application compliant.</summary>
    public bool Met => InForce && Compliant == Total;

    /// <summary>Day targets: mean of the figure over the counted applications; null otherwise or when none.</summary>
    public double? MeanDays { get; init; }

    /// <summary>
    /// Day targets: the 90th percentile by nearest rank — the value at 1-based rank ⌈0.9 n⌉ of the n figures sorted ascending.
    /// </summary>
    public int? P90Days { get; init; }

    /// <summary>Day targets: the largest figure.</summary>
    public int? MaxDays { get; init; }

    /// <summary>T5 only: the group's SAIDI in hours.</summary>
    public decimal? Value { get; init; }

    /// <summary>True for targets measured in working days (approval, utility, whole-process days).</summary>
    public bool IsDayTarget => Kind is TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays;
}
