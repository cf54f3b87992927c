namespace Analytics.Domain.Storage;

/// <summary>
/// What an application revision's derived figures were computed under (issue 12, item 2): a fingerprint of the working-day
/// calendar, one of the policy (the plan's targets) and the version of the derivation rules. A store keeps the three with
/// its derived figures; a command working under other ones derives every revision again and says which one changed.
/// </summary>
public sealed record DerivationVersion(string Calendar, string Policy, string Rules);

/// <summary>
/// The figures derived from one application revision as filed (metrics.md §3–§4), independent of any period or as-of:
/// what a period's target and volume counts need, kept beside the revision so that the store can count them itself.
/// </summary>
/// <param name="Category">The derived category (metrics.md §2).</param>
/// <param name="SettledAt">
/// The latest time of the record (accepted, every stage time, connection, withdrawal): for a period ending after it,
/// the record as it stood at the end of the period is the record itself (<see cref="RecordSnapshot.Rewind"/> changes
/// nothing), so these figures are the period's.
/// </param>
/// <param name="ApprovalDays">审批时间 in working days, where both approval times are given.</param>
/// <param name="UtilityDays">供电企业办理时间, connected applications.</param>
/// <param name="WholeDays">全过程办电时间, connected applications.</param>
/// <param name="Outcomes">
/// One character per target of the policy, in policy order: <c>-</c> not applicable, <c>c</c> compliant,
/// <c>b</c> breach, <c>g</c> data gap. The date that selects an outcome into a period is the approval date for
/// approval-days targets and the connection date for every other.
/// </param>
/// <param name="CalendarGap">A date of the record falls in a year the calendar has no schedule for: its figures are
/// incomplete, so a question touching it is answered from the records.</param>
public readonly record struct DerivedFigures(
    Category Category,
    DateTime SettledAt,
    int? ApprovalDays,
    int? UtilityDays,
    int? WholeDays,
    string Outcomes,
    bool CalendarGap);

/// <summary>Derives <see cref="DerivedFigures"/> from a revision under one calendar, policy and rule version.</summary>
public interface IRecordDerivation
{
    /// <summary>What the figures are derived under.</summary>
    DerivationVersion Version { get; }

    /// <summary>The figures of one revision (thread-safe: ingest derives on its writer thread).</summary>
    DerivedFigures Derive(Application application);
}

/// <summary>What bringing a store's derived figures up to date did (<see cref="IAnalyticsStore.Derive"/>).</summary>
/// <param name="Revisions">Revisions derived again (0 when the store was up to date).</param>
/// <param name="CalendarChanged">The calendar differs from the one the stored figures were derived under.</param>
/// <param name="PolicyChanged">The policy differs.</param>
/// <param name="RulesChanged">The derivation rules differ.</param>
/// <param name="First">The store held no derivation (a store from before derived figures, or revisions filed without them).</param>
public sealed record DerivationReport(long Revisions, bool CalendarChanged, bool PolicyChanged, bool RulesChanged, bool First = false)
{
    /// <summary>Nothing was derived again.</summary>
    public static DerivationReport UpToDate { get; } = new(0, false, false, false);
}
