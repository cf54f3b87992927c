using System.Globalization;
using System.Text;
using Analytics.Domain.Storage;

namespace Analytics.Oversight.Rectification;

/// <summary>
/// The rules of the rectification ledger (整改台账) over <see cref="IOversightStore"/>: an item is opened with its 责任单位,
/// 完成时限 and 整改措施; progress moves it to 整改中; it closes (销号) only when the follow-up check (回头看) finds the
/// problem gone — a check that finds it still there records the finding and keeps the item open. Overdue: not closed
/// after its deadline. Every change is kept in the item's history with who made it, when, and what changed
/// (<see cref="IOversightStore.RectificationHistory"/>).
/// </summary>
public static class RectificationLedger
{
    /// <summary>Opens the item (待整改) as <paramref name="actor"/>, at its <see cref="RectificationItem.CreatedAt"/>.</summary>
    public static RectificationItem Open(IOversightStore store, RectificationItem item, string actor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(item.Problem) || string.IsNullOrWhiteSpace(item.ResponsibleUnit) || string.IsNullOrWhiteSpace(item.Measures))
            throw new ArgumentException("整改事项须有问题、责任单位和整改措施。");
        if (item.FollowUpOn is { } f && f < DateOnly.FromDateTime(item.CreatedAt))
            throw new ArgumentException("回头看日期不能早于立项日期。");
        var open = item with { Id = 0, Status = RectificationStatus.Open, ClosedAt = null, FollowUpResult = null };
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"立项：{open.Problem}；责任单位 {open.ResponsibleUnit}；完成时限 {open.Deadline:yyyy-MM-dd}；整改措施 {open.Measures}")
            + (open.FollowUpOn is { } d ? string.Create(CultureInfo.InvariantCulture, $"；回头看 {d:yyyy-MM-dd}") : "");
        return store.AddRectification(open, new RectificationChange(open.CreatedAt, actor, RectificationAction.Added, detail));
    }

    /// <summary>Reports progress: 整改中, with new measures, deadline or follow-up date where given.</summary>
    /// <exception cref="KeyNotFoundException">No item has this id.</exception>
    /// <exception cref="InvalidOperationException">The item is closed.</exception>
    public static RectificationItem Progress(IOversightStore store, long id, string actor, DateTime now, string? measures = null,
        DateOnly? deadline = null, DateOnly? followUpOn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var item = Find(store, id);
        if (item.Status == RectificationStatus.Closed) throw new InvalidOperationException($"整改事项 {id} 已销号，不能再更新。");
        var updated = item with
        {
            Status = RectificationStatus.InProgress,
            Measures = measures ?? item.Measures,
            Deadline = deadline ?? item.Deadline,
            FollowUpOn = followUpOn ?? item.FollowUpOn,
        };
        var changes = new List<string>();
        if (item.Status != updated.Status) changes.Add($"状态 {Label(item.Status)} → {Label(updated.Status)}");
        if (!string.Equals(item.Measures, updated.Measures, StringComparison.Ordinal)) changes.Add($"整改措施 {item.Measures} → {updated.Measures}");
        if (item.Deadline != updated.Deadline) changes.Add(string.Create(CultureInfo.InvariantCulture, $"完成时限 {item.Deadline:yyyy-MM-dd} → {updated.Deadline:yyyy-MM-dd}"));
        if (item.FollowUpOn != updated.FollowUpOn) changes.Add($"回头看 {Day(item.FollowUpOn)} → {Day(updated.FollowUpOn)}");
        var detail = "更新：" + (changes.Count > 0 ? string.Join("；", changes) : "报告整改进展（无字段变化）");
        store.UpdateRectification(updated, new RectificationChange(now, actor, RectificationAction.Updated, detail));
        return updated;
    }

    /// <summary>
    /// Records the follow-up check made on <paramref name="checkedOn"/>: closed when <paramref name="problemGone"/>,
    /// otherwise still 整改中 with the check's finding recorded.
    /// </summary>
    public static RectificationItem FollowUp(IOversightStore store, long id, DateOnly checkedOn, bool problemGone, string finding, DateTime now, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(finding);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var item = Find(store, id);
        if (item.Status == RectificationStatus.Closed) throw new InvalidOperationException($"整改事项 {id} 已销号。");
        var updated = item with
        {
            FollowUpOn = checkedOn,
            FollowUpResult = finding,
            Status = problemGone ? RectificationStatus.Closed : RectificationStatus.InProgress,
            ClosedAt = problemGone ? now : null,
        };
        var detail = new StringBuilder();
        detail.Append(CultureInfo.InvariantCulture, $"回头看（{checkedOn:yyyy-MM-dd}）：{finding}；");
        detail.Append(problemGone ? "问题已整改，销号" : "问题仍在，未销号");
        if (item.Status != updated.Status) detail.Append(CultureInfo.InvariantCulture, $"；状态 {Label(item.Status)} → {Label(updated.Status)}");
        store.UpdateRectification(updated, new RectificationChange(now, actor,
            problemGone ? RectificationAction.Closed : RectificationAction.FollowUpFailed, detail.ToString()));
        return updated;
    }

    /// <summary>The items not closed after their deadline on <paramref name="today"/>, by deadline.</summary>
    public static IReadOnlyList<RectificationItem> Overdue(IOversightStore store, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.Rectifications().Where(i => i.IsOverdue(today)).OrderBy(i => i.Deadline).ThenBy(i => i.Id)];
    }

    /// <summary>The status as the ledger names it: 待整改, 整改中, 已销号.</summary>
    public static string Label(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.InProgress => "整改中",
        RectificationStatus.Closed => "已销号",
        _ => "?",
    };

    /// <summary>What a history entry was: 立项, 更新, 回头看未通过, 销号, 台账报送, 升级前状态.</summary>
    public static string Label(RectificationAction action) => action switch
    {
        RectificationAction.Added => "立项",
        RectificationAction.Updated => "更新",
        RectificationAction.FollowUpFailed => "回头看未通过",
        RectificationAction.Closed => "销号",
        RectificationAction.LedgerProgress => "台账报送",
        RectificationAction.Migrated => "升级前状态",
        _ => "?",
    };

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "无";

    private static RectificationItem Find(IOversightStore store, long id)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Rectifications().FirstOrDefault(i => i.Id == id) ?? throw new KeyNotFoundException($"整改事项 {id} 不存在。");
    }
}
