using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight.Rectification;
using Analytics.Store;

namespace Analytics.Oversight.Tests;

public sealed class RectificationLedgerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-rectify-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void An_item_goes_from_open_through_a_failed_follow_up_to_closed()
    {
        Directory.CreateDirectory(_folder);
        using var store = new SqliteStore(Path.Combine(_folder, "a.db"));
        var item = RectificationLedger.Open(store, new RectificationItem
        {
            Problem = "装表接电时间与客户所述不符", Source = "field_discrepancy", County = "yaodu", Utility = "sgcc-linfen", ApplicationId = "GW1",
            ResponsibleUnit = "国网临汾供电公司", Deadline = new DateOnly(2026, 8, 31), Measures = "核实并更正系统记录",
            Status = RectificationStatus.Closed, CreatedAt = new DateTime(2026, 7, 21, 10, 0, 0),
        }, "张局");
        Assert.Equal(RectificationStatus.Open, item.Status); // whatever the caller says, a new item is open

        var progressing = RectificationLedger.Progress(store, item.Id, "李科", new DateTime(2026, 8, 1, 9, 0, 0), followUpOn: new DateOnly(2026, 9, 10));
        Assert.Equal(RectificationStatus.InProgress, progressing.Status);
        Assert.Empty(RectificationLedger.Overdue(store, new DateOnly(2026, 8, 31)));
        Assert.Equal([item.Id], RectificationLedger.Overdue(store, new DateOnly(2026, 9, 1)).Select(i => i.Id));

        // The follow-up finds the problem still there: recorded, not closed, still overdue and in the 问题清单.
        var failed = RectificationLedger.FollowUp(store, item.Id, new DateOnly(2026, 9, 10), problemGone: false, "回头看：记录未更正", new DateTime(2026, 9, 10, 16, 0, 0), "检查员甲");
        Assert.Equal(RectificationStatus.InProgress, failed.Status);
        Assert.Null(failed.ClosedAt);
        Assert.Equal("回头看：记录未更正", store.Rectifications().Single().FollowUpResult);
        var september = new MetricsPeriod(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30));
        var row = Assert.Single(OversightFindings.For(store, "yaodu", september));
        Assert.Equal(OversightFindings.RectificationOverdue, row.Code);
        Assert.Equal(new OverdueRectificationEvidence(item.Id, "装表接电时间与客户所述不符", "国网临汾供电公司",
            new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30), RectificationStatus.InProgress), row.Evidence);
        Assert.Empty(OversightFindings.For(store, "hongtong", september));

        var closed = RectificationLedger.FollowUp(store, item.Id, new DateOnly(2026, 9, 20), problemGone: true, "回头看：已更正", new DateTime(2026, 9, 20, 11, 0, 0), "检查员乙");
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal(new DateTime(2026, 9, 20, 11, 0, 0), store.Rectifications().Single().ClosedAt);
        Assert.Empty(RectificationLedger.Overdue(store, new DateOnly(2026, 10, 1)));
        Assert.Empty(OversightFindings.For(store, "yaodu", september));
        Assert.Throws<InvalidOperationException>(() => RectificationLedger.Progress(store, item.Id, "李科", new DateTime(2026, 9, 21), measures: "再改"));
        Assert.Throws<KeyNotFoundException>(() => RectificationLedger.Progress(store, 12345, "李科", new DateTime(2026, 9, 21)));

        // Its history: who, when, what, and the status each change left; the refused changes left nothing.
        var history = store.RectificationHistory(item.Id);
        Assert.Equal([RectificationAction.Added, RectificationAction.Updated, RectificationAction.FollowUpFailed, RectificationAction.Closed], history.Select(e => e.Action));
        Assert.Equal(["张局", "李科", "检查员甲", "检查员乙"], history.Select(e => e.Actor));
        Assert.Equal([new DateTime(2026, 7, 21, 10, 0, 0), new DateTime(2026, 8, 1, 9, 0, 0), new DateTime(2026, 9, 10, 16, 0, 0), new DateTime(2026, 9, 20, 11, 0, 0)],
            history.Select(e => e.At));
        Assert.Equal([RectificationStatus.Open, RectificationStatus.InProgress, RectificationStatus.InProgress, RectificationStatus.Closed], history.Select(e => e.Status));
        Assert.Equal("更新：状态 待整改 → 整改中；回头看 无 → 2026-09-10", history[1].Detail);
        Assert.Equal("回头看（2026-09-10）：回头看：记录未更正；问题仍在，未销号", history[2].Detail);
        Assert.Equal("回头看（2026-09-20）：回头看：已更正；问题已整改，销号；状态 整改中 → 已销号", history[3].Detail);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
