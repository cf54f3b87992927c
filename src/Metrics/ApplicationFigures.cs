using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The computed figures of one application (metrics.md §3), independent of the reporting period except
/// for the in-progress figures, which speak of the as-of instant. A figure is null where it does not apply.
/// </summary>
/// <remarks>
/// Working days follow metrics.md §1: the working days d with date(s) &lt; d ≤ date(e).
/// <list type="bullet">
/// <item>全过程办电时间 <see cref="WholeProcessDays"/> = working days accepted_at → connected_at − paused_days (≥ 0); connected only.</item>
/// <item>供电企业办理时间 <see cref="UtilityDays"/> = the same, leaving out the working days inside customer works
/// [customer_works_start, customer_works_end] and government approval [approval_submitted_at, approval_granted_at]
/// (overlaps counted once; an interval with a missing end is not excluded) − paused_days (≥ 0); connected only.</item>
/// <item>审批时间 <see cref="ApprovalDays"/> = working days approval_submitted_at → approval_granted_at; both needed.</item>
/// <item>In progress (status in_progress, not connected): <see cref="ElapsedDays"/> = working days accepted_at → as-of − paused_days;
/// the limit is the day target (目标2, T2a–T2e) whose categories hold this category, in force on the accepted date.</item>
/// </list>
/// </remarks>
public sealed record ApplicationFigures
{
    /// <summary>The record the figures were computed from (latest revision).</summary>
    public required Application Application { get; init; }

    public string ApplicationId => Application.ApplicationId;
    public string Utility => Application.Utility;
    public string County => Application.County;
    public Area Area => Application.Area;
    public ApplicationStatus Status => Application.Status;
    public DateTime AcceptedAt => Application.AcceptedAt;
    public DateTime? ConnectedAt => Application.ConnectedAt;

    /// <summary>Derived category (metrics.md §2).</summary>
    public required Category Category { get; init; }

    /// <summary>全过程办电时间 (working days); connected applications only.</summary>
    public int? WholeProcessDays { get; init; }

    /// <summary>供电企业办理时间 (working days); connected applications only.</summary>
    public int? UtilityDays { get; init; }

    /// <summary>审批时间 (working days); only when both approval_submitted_at and approval_granted_at are given.</summary>
    public int? ApprovalDays { get; init; }

    /// <summary>环节: the stages with any time recorded.</summary>
    public required StageSet Stages { get; init; }

    /// <summary>Number of <see cref="Stages"/>.</summary>
    public int StageCount => Stages.Count;

    /// <summary>In progress: working days accepted_at → as-of − paused_days (≥ 0). Null otherwise.</summary>
    public int? ElapsedDays { get; init; }

    /// <summary>
    /// In progress: elapsed days measured the way the limit measures them — for a utility-days limit, leaving out
    /// customer works and approval time recorded so far (an interval started and not ended runs to the as-of
    /// instant); for a whole-process limit, equal to <see cref="ElapsedDays"/>. Null when no limit applies.
    /// </summary>
    public int? CountedDays { get; init; }

    /// <summary>In progress: the id of the day target whose limit applies (e.g. <c>T2a</c>); null when none is in force on the accepted date.</summary>
    public string? LimitTargetId { get; init; }

    /// <summary>In progress: what the limit measures (<see cref="TargetKind.UtilityDays"/> or <see cref="TargetKind.WholeProcessDays"/>).</summary>
    public TargetKind? LimitKind { get; init; }

    /// <summary>In progress: the limit in working days, from the policy by accepted date.</summary>
    public decimal? LimitDays { get; init; }

    /// <summary>
    /// In progress: the last day on time = AddWorkingDays(date(accepted_at), limit + paused_days + working days left out so far
    /// (utility-days limits only)). Connecting on this date still meets the limit.
    /// </summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>In progress: limit − <see cref="CountedDays"/> (negative when overdue).</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>In progress: <see cref="CountedDays"/> &gt; limit.</summary>
    public bool? Overdue { get; init; }

    /// <summary>Ids of the targets (in policy order) this application falls under and is in force for, whatever the period.</summary>
    public IReadOnlyList<string> ApplicableTargets { get; internal set; } = [];

    /// <summary>Ids of the targets (in policy order) this application breaches, whatever the period.</summary>
    public IReadOnlyList<string> BreachedTargets { get; internal set; } = [];

    /// <summary>
    /// True when the application's life [accepted_at, connected_at or withdrawn_at or open] overlaps the period:
    /// the selection of the <c>applications</c> command.
    /// </summary>
    public bool IsActiveIn(MetricsPeriod period)
    {
        var start = DateOnly.FromDateTime(AcceptedAt);
        if (start > period.To) return false;
        var end = ConnectedAt ?? Application.WithdrawnAt;
        return end is null || DateOnly.FromDateTime(end.Value) >= period.From;
    }
}
