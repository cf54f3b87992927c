using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>One breach of the stage order: <see cref="Later"/> (recorded at <see cref="LaterAt"/>) is before <see cref="Earlier"/>, which must precede it.</summary>
public readonly record struct StageOrderBreach(ApplicationField Later, DateTime LaterAt, ApplicationField Earlier, DateTime EarlierAt);

/// <summary>时序异常 (<see cref="FindingRule.OutOfOrder"/>): every breach of <see cref="StagePrecedence"/> in the record, in check order.</summary>
public sealed record OutOfOrderEvidence(IReadOnlyList<StageOrderBreach> Breaches) : FindingEvidence;

/// <summary>体外循环 (<see cref="FindingRule.EnteredLate"/>): the record was created <see cref="LateDays"/> working days after acceptance, over <see cref="LimitDays"/>.</summary>
public sealed record EnteredLateEvidence(DateTime CreatedAt, DateTime AcceptedAt, int LateDays, int LimitDays) : FindingEvidence;

/// <summary>后补流程 (<see cref="FindingRule.BackFilled"/>): the record was created after the connection.</summary>
public sealed record CreatedAfterConnectionEvidence(DateTime CreatedAt, DateTime ConnectedAt) : FindingEvidence;

/// <summary>A filing of a revision: the revision number, the filing's id and its as-of.</summary>
public readonly record struct FilingPoint(int Revision, long FilingId, DateTime AsOf);

/// <summary>A process time a later revision changed: what it was, and what it became (null: removed).</summary>
public readonly record struct TimeChange(ApplicationField Time, DateTime Was, DateTime? Now);

/// <summary>改写 (<see cref="FindingRule.Rewritten"/>): the process times changed between two consecutive revisions.</summary>
public sealed record RewrittenEvidence(IReadOnlyList<TimeChange> Changes, FilingPoint Before, FilingPoint After) : FindingEvidence;

/// <summary>A process time first reported by a later revision, with the time it carries.</summary>
public readonly record struct ReportedTime(ApplicationField Time, DateTime At);

/// <summary>
/// 后补流程 (<see cref="FindingRule.BackFilled"/>) between revisions: process times first reported in <see cref="After"/>
/// with times before the as-of of <see cref="Before"/>.
/// </summary>
public sealed record BackFilledEvidence(IReadOnlyList<ReportedTime> Times, FilingPoint Before, FilingPoint After) : FindingEvidence;

/// <summary>
/// 重走流程 (<see cref="FindingRule.Rewalked"/>): the withdrawn application, when it was withdrawn, the days until the new
/// acceptance (at most <see cref="WindowDays"/>), and whether the new application names it (else: the same customer).
/// </summary>
public sealed record RewalkedEvidence(string Utility, string WithdrawnApplicationId, DateTime WithdrawnAt, int Days, int WindowDays,
    bool Named, DateTime AcceptedAt) : FindingEvidence;
