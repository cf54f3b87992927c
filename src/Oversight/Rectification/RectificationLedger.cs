using Analytics.Domain.Storage;

namespace Analytics.Oversight.Rectification;

/// <summary>
/// The rules of the rectification ledger (整改台账) over <see cref="IOversightStore"/>: an item is opened with its 责任单位,
/// 完成时限 and 整改措施; progress moves it to 整改中; it closes (销号) only when the follow-up check (回头看) finds the
/// problem gone — a check that finds it still there records the finding and keeps the item open. Overdue: not closed
/// after its deadline.
/// </summary>
public static class RectificationLedger
{
    public static RectificationItem Open(IOversightStore store, RectificationItem item)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.Problem) || string.IsNullOrWhiteSpace(item.ResponsibleUnit) || string.IsNullOrWhiteSpace(item.Measures))
            throw new ArgumentException("整改事项须有问题、责任单位和整改措施。");
        if (item.FollowUpOn is { } f && f < DateOnly.FromDateTime(item.CreatedAt))
            throw new ArgumentException("回头看日期不能早于立项日期。");
        return store.AddRectification(item with { Id = 0, Status = RectificationStatus.Open, ClosedAt = null, FollowUpResult = null });
    }

    /// <summary>Reports progress: 整改中, with new measures, deadline or follow-up date where given.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    /// <exception cref="InvalidOperationException">The item is closed.</exception>
    public static RectificationItem Progress(IOversightStore store, long id, string? measures = null, DateOnly? deadline = null, DateOnly? followUpOn = null)
    {
        var item = Find(store, id);
        if (item.Status == RectificationStatus.Closed) throw new InvalidOperationException($"整改事项 {id} 已销号，不能再更新。");
        var updated = item with
        {
            Status = RectificationStatus.InProgress,
            Measures = measures ?? item.Measures,
            Deadline = deadline ?? item.Deadline,
            FollowUpOn = followUpOn ?? item.FollowUpOn,
        };
        store.UpdateRectification(updated);
        return updated;
    }

    /// <summary>
    /// Records the follow-up check made on <paramref name="checkedOn"/>: closed when <paramref name="problemGone"/>,
    /// otherwise still 整改中 with the check's finding recorded.
    /// </summary>
    public static RectificationItem FollowUp(IOversightStore store, long id, DateOnly checkedOn, bool problemGone, string finding, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finding);
        var item = Find(store, id);
        if (item.Status == RectificationStatus.Closed) throw new InvalidOperationException($"整改事项 {id} 已销号。");
        var updated = item with
        {
            FollowUpOn = checkedOn,
            FollowUpResult = finding,
            Status = problemGone ? RectificationStatus.Closed : RectificationStatus.InProgress,
            ClosedAt = problemGone ? now : null,
        };
        store.UpdateRectification(updated);
        return updated;
    }

    /// <summary>The items not closed after their deadline on <paramref name="today"/>, by deadline.</summary>
    public static IReadOnlyList<RectificationItem> Overdue(IOversightStore store, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.Rectifications().Where(i => i.IsOverdue(today)).OrderBy(i => i.Deadline).ThenBy(i => i.Id)];
    }

    private static RectificationItem Find(IOversightStore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Rectifications().FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"整改事项 {id} 不存在。");
    }
}
