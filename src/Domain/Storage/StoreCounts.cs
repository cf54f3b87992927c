namespace Analytics.Domain.Storage;

/// <summary>
/// A metrics question counted where the data lives (issue 12, item 2): the applications of a <see cref="RecordScope"/>
/// (latest revisions known at the as-of) whose derived figures (<see cref="DerivedFigures"/>) are the period's — settled
/// before the end of the period, not in progress — counted by the store in a few small histograms, and every other
/// application of the scope read in full (<see cref="Open"/>). The period is the scope's [From, To].
/// </summary>
/// <remarks>
/// A settled application is one with derived figures, status connected or withdrawn and <c>d_settled_at</c> before the
/// end of the period: <see cref="RecordSnapshot.Rewind"/> to the end of the period leaves it unchanged, and its figures do
/// not depend on the as-of instant (only in-progress ones do), so its stored figures answer the question.
/// </remarks>
/// <param name="Targets">Settled applications with a target's selecting date in the period, counted by their target cells.</param>
/// <param name="Volumes">Every settled application of the scope, counted by its volume and indicator cells.</param>
/// <param name="Open">The other applications of the scope (in progress, settled after the period, not derived), in full, ordered by (utility, id).</param>
/// <param name="CalendarGaps">Settled applications counted whose derivation met a year without calendar (their figures are incomplete).</param>
/// <param name="AcceptedBefore">Settled applications counted that were accepted before the <c>acceptedFrom</c> instant asked about.</param>
public sealed record StoreCounts(
    IReadOnlyList<TargetCountRow> Targets,
    IReadOnlyList<VolumeCountRow> Volumes,
    IReadOnlyList<Application> Open,
    long CalendarGaps,
    long AcceptedBefore)
{
    /// <summary>The settled applications counted (the sum of <see cref="Volumes"/>' counts).</summary>
    public long Counted => Volumes.Sum(v => (long)v.Count);
}

/// <summary>
/// Settled applications alike in every figure a target row needs: group cell, derived category, the outcome against each
/// target (<see cref="DerivedFigures.Outcomes"/>), whether each selecting date lies in the period, and the day figures.
/// </summary>
/// <param name="County">County code.</param>
/// <param name="Utility">Utility code.</param>
/// <param name="Area">Area class.</param>
/// <param name="Category">The derived category (<see cref="DerivedFigures.Category"/>).</param>
/// <param name="Outcomes">The outcome against each target (<see cref="DerivedFigures.Outcomes"/>).</param>
/// <param name="ApprovalInPeriod">approval_granted_at lies in the period (selects approval-days targets).</param>
/// <param name="ConnectedInPeriod">connected_at lies in the period (selects every other target).</param>
/// <param name="ApprovalDays">审批时间 (<see cref="DerivedFigures.ApprovalDays"/>).</param>
/// <param name="UtilityDays">供电企业办理时间.</param>
/// <param name="WholeDays">全过程办电时间.</param>
/// <param name="Count">How many applications.</param>
public sealed record TargetCountRow(
    string County,
    string Utility,
    Area Area,
    Category Category,
    string Outcomes,
    bool ApprovalInPeriod,
    bool ConnectedInPeriod,
    int? ApprovalDays,
    int? UtilityDays,
    int? WholeDays,
    int Count);

/// <summary>
/// Settled applications alike in every field the period's volumes and indicators read (metrics.md §6), and in whether
/// their life overlaps the period (a group row is given for them).
/// </summary>
/// <param name="County">County code.</param>
/// <param name="Utility">Utility code.</param>
/// <param name="Area">Area class.</param>
/// <param name="Category">The derived category (<see cref="DerivedFigures.Category"/>).</param>
/// <param name="Status">connected or withdrawn.</param>
/// <param name="Channel">受理渠道.</param>
/// <param name="Voltage">Access voltage.</param>
/// <param name="ApprovalMode">审批方式, if given.</param>
/// <param name="EContract">e_contract is given and yes.</param>
/// <param name="AcceptedInPeriod">accepted_at lies in the period.</param>
/// <param name="ConnectedInPeriod">connected_at lies in the period.</param>
/// <param name="WithdrawnInPeriod">withdrawn_at (accepted_at when blank) lies in the period.</param>
/// <param name="ActiveInPeriod">The life [accepted_at, connected_at or withdrawn_at or open] overlaps the period.</param>
/// <param name="Count">How many applications.</param>
public sealed record VolumeCountRow(
    string County,
    string Utility,
    Area Area,
    Category Category,
    ApplicationStatus Status,
    Channel Channel,
    Voltage Voltage,
    bool EContract,
    ApprovalMode? ApprovalMode,
    bool AcceptedInPeriod,
    bool ConnectedInPeriod,
    bool WithdrawnInPeriod,
    bool ActiveInPeriod,
    int Count);
