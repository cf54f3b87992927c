namespace Analytics.Domain.Storage;

/// <summary>
/// A stored spot-check draw (双随机、一公开): the seed and rule that reproduce it, and every drawn application with its
/// stratum and inspectors. <see cref="Method"/> is the publishable text of the rule (公开).
/// </summary>
public sealed record SpotCheckDrawRecord
{
    /// <summary>The draw's id, e.g. <c>2026-07-01-20260701</c> (drawing date and seed).</summary>
    public required string DrawId { get; init; }
    public required int Seed { get; init; }
    /// <summary>The period whose connected applications were the register of targets (inclusive).</summary>
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required DateTime DrawnAt { get; init; }
    /// <summary>The rule, in Chinese, as published: strata, sizes, oversampling, recusal, seed.</summary>
    public required string Method { get; init; }
    public required IReadOnlyList<SpotCheckDrawItem> Items { get; init; }
}

/// <summary>One drawn application: its stratum (county × utility), whether it is a risk-weighted extra draw, its inspectors.</summary>
public sealed record SpotCheckDrawItem(string County, string Utility, string ApplicationId, bool RiskDraw, string Inspectors);

/// <summary>
/// One field result filed back: the application verified (<see cref="Verified"/>, no field), or one discrepancy — the
/// field, the value on record and the customer's value. Key: draw, utility, application, field ("" when verified).
/// </summary>
public sealed record SpotCheckResult
{
    public required string DrawId { get; init; }
    public required string Utility { get; init; }
    public required string ApplicationId { get; init; }
    public required string County { get; init; }
    public required bool Verified { get; init; }
    /// <summary>The field found different (e.g. <c>connected_at</c>, <c>fee_yuan</c>); null when verified.</summary>
    public string? Field { get; init; }
    public string? RecordedValue { get; init; }
    public string? CustomerValue { get; init; }
    public required DateTime FiledAt { get; init; }
}

/// <summary>The life of a rectification item (整改台账): open → in progress → closed only after a follow-up check (回头看) finds the problem gone.</summary>
public enum RectificationStatus
{
    Invalid = 0,
    /// <summary>待整改.</summary>
    Open = 1,
    /// <summary>整改中.</summary>
    InProgress = 2,
    /// <summary>已销号: the follow-up check found the problem gone.</summary>
    Closed = 3,
}

/// <summary>One item of the rectification ledger (整改台账).</summary>
public sealed record RectificationItem
{
    /// <summary>Assigned by the store (0 before it is added).</summary>
    public long Id { get; init; }
    /// <summary>The problem, in Chinese (the finding's evidence or the bureau's words).</summary>
    public required string Problem { get; init; }
    /// <summary>Where it comes from: a finding code (<c>field_discrepancy</c>, <c>T2a</c> …), a forensics test, or null.</summary>
    public string? Source { get; init; }
    public string? County { get; init; }
    public string? Utility { get; init; }
    public string? ApplicationId { get; init; }
    /// <summary>责任单位.</summary>
    public required string ResponsibleUnit { get; init; }
    /// <summary>完成时限 (inclusive: overdue from the next day while not closed).</summary>
    public required DateOnly Deadline { get; init; }
    /// <summary>整改措施.</summary>
    public required string Measures { get; init; }
    /// <summary>状态.</summary>
    public required RectificationStatus Status { get; init; }
    /// <summary>回头看 date: when the follow-up check is (or was) made.</summary>
    public DateOnly? FollowUpOn { get; init; }
    /// <summary>What the follow-up check found.</summary>
    public string? FollowUpResult { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ClosedAt { get; init; }

    /// <summary>Not closed and past its deadline on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => Status != RectificationStatus.Closed && today > Deadline;
}

/// <summary>What a change of a rectification item was (its history, 整改台账的状态变更记录).</summary>
public enum RectificationAction
{
    Invalid = 0,
    /// <summary>立项: the item was opened.</summary>
    Added = 1,
    /// <summary>更新: progress recorded by the bureau (measures, deadline or 回头看 date).</summary>
    Updated = 2,
    /// <summary>回头看未通过: the follow-up check found the problem still there.</summary>
    FollowUpFailed = 3,
    /// <summary>销号: the follow-up check found the problem gone.</summary>
    Closed = 4,
    /// <summary>台账报送: the item's county reported progress through its weekly ledger (never changes the item).</summary>
    LedgerProgress = 5,
    /// <summary>The state an item had when the store began keeping history (schema upgrade): its earlier changes are unknown.</summary>
    Migrated = 6,
}

/// <summary>A change about to be made to an item: when, by whom, what, and a description in Chinese.</summary>
/// <param name="At">China local time.</param>
/// <param name="Actor">Who made it: the official's name or the operator's account (an official's, not a customer's).</param>
/// <param name="Action">What kind of change (never <see cref="RectificationAction.LedgerProgress"/>: a ledger changes no item).</param>
/// <param name="Detail">What changed, in Chinese (old → new values, the follow-up's finding).</param>
public sealed record RectificationChange(DateTime At, string Actor, RectificationAction Action, string Detail);

/// <summary>
/// One entry of an item's history as the store keeps it: the change and the status it left the item in
/// (null for a <see cref="RectificationAction.LedgerProgress"/> entry, which changes nothing; its <see cref="Detail"/> holds the
/// county's own status word).
/// </summary>
public sealed record RectificationEvent(long ItemId, DateTime At, string Actor, RectificationAction Action, RectificationStatus? Status, string Detail);
