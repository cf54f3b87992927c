using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>The oversight tables (issue 16) on both stores: draws, field results, the rectification ledger.</summary>
public abstract class OversightStoreTests : IDisposable
{
    private readonly List<IAnalyticsStore> _opened = [];

    protected abstract string StoreArgument { get; }

    /// <summary>The store's migration that brought in the rectification history.</summary>
    private protected abstract Migration HistoryMigration { get; }

    /// <summary>Runs SQL on the store directly (to put it back in the state of a store before that migration).</summary>
    protected abstract void Execute(string sql);

    private IOversightStore Open()
    {
        var s = StoreFactory.Open(StoreArgument);
        _opened.Add(s);
        s.EnsureSchema();
        return Assert.IsAssignableFrom<IOversightStore>(s);
    }

    private static SpotCheckDrawRecord Draw(string id) => new()
    {
        DrawId = id,
        Seed = 20260701,
        From = new DateOnly(2026, 1, 1),
        To = new DateOnly(2026, 6, 30),
        DrawnAt = new DateTime(2026, 7, 1, 9, 30, 15, 123),
        Method = "按县×供电企业分层，每层 59 件，种子 20260701",
        Items =
        [
            new("yaodu", "sgcc-linfen", "GW2601000001", false, "赵六、周九"),
            new("yaodu", "sgcc-linfen", "GW2601000007", true, "赵六、周九"),
            new("xiangning", "sxdl-xiangning", "XN2602000003", false, "张三、王五"),
        ],
    };

    [Fact]
    public void A_draw_is_stored_and_read_back_whole_from_another_instance()
    {
        Open().SaveDraw(Draw("d1"));
        var back = Open().FindDraw("d1");
        Assert.NotNull(back);
        var expected = Draw("d1");
        Assert.Equal(expected.Seed, back.Seed);
        Assert.Equal(expected.From, back.From);
        Assert.Equal(expected.To, back.To);
        Assert.Equal(expected.DrawnAt, back.DrawnAt);
        Assert.Equal(expected.Method, back.Method);
        Assert.Equal(expected.Items, back.Items);
        Assert.Null(Open().FindDraw("d2"));
    }

    [Fact]
    public void A_draw_id_is_stored_once()
    {
        var s = Open();
        s.SaveDraw(Draw("d1"));
        var e = Assert.Throws<StoreDataException>(() => s.SaveDraw(Draw("d1") with { Seed = 1 }));
        Assert.Equal("draw_id", e.Field);
        Assert.Equal(20260701, s.FindDraw("d1")!.Seed);
    }

    [Fact]
    public void Results_filed_again_for_an_application_replace_its_earlier_ones()
    {
        var s = Open();
        var at = new DateTime(2026, 7, 20, 16, 0, 0);
        s.SaveResults(
        [
            new SpotCheckResult { DrawId = "d1", Utility = "sgcc-linfen", ApplicationId = "A1", County = "yaodu", Verified = false, Field = "connected_at", RecordedValue = "2026-03-02", CustomerValue = "2026-03-09", FiledAt = at },
            new SpotCheckResult { DrawId = "d1", Utility = "sgcc-linfen", ApplicationId = "A1", County = "yaodu", Verified = false, Field = "fee_yuan", RecordedValue = "0", CustomerValue = "300", FiledAt = at },
            new SpotCheckResult { DrawId = "d1", Utility = "sgcc-linfen", ApplicationId = "A2", County = "yaodu", Verified = true, FiledAt = at },
        ]);
        Assert.Equal(3, s.SpotCheckResults().Count);
        s.SaveResults([new SpotCheckResult { DrawId = "d1", Utility = "sgcc-linfen", ApplicationId = "A1", County = "yaodu", Verified = true, FiledAt = at.AddDays(1) }]);
        var all = Open().SpotCheckResults();
        Assert.Equal(2, all.Count);
        Assert.All(all, r => Assert.True(r.Verified));
        Assert.Equal(at.AddDays(1), all.Single(r => r.ApplicationId == "A1").FiledAt);
    }

    [Fact]
    public void A_rectification_item_goes_through_its_life()
    {
        var s = Open();
        var item = s.AddRectification(new RectificationItem
        {
            Problem = "装表接电时间与客户所述不符", Source = "field_discrepancy", County = "yaodu", Utility = "sgcc-linfen", ApplicationId = "A1",
            ResponsibleUnit = "国网临汾供电公司", Deadline = new DateOnly(2026, 8, 31), Measures = "核实并更正系统记录",
            Status = RectificationStatus.Open, CreatedAt = new DateTime(2026, 7, 21, 10, 0, 0),
        }, Change("立项"));
        Assert.True(item.Id > 0);
        var second = s.AddRectification(item with { Id = 0, ApplicationId = "A2" }, Change("立项"));
        Assert.NotEqual(item.Id, second.Id);

        s.UpdateRectification(item with { Status = RectificationStatus.InProgress, FollowUpOn = new DateOnly(2026, 9, 10) }, Change("更新", RectificationAction.Updated));
        var progressed = Open().Rectifications().Single(i => i.Id == item.Id);
        Assert.Equal(RectificationStatus.InProgress, progressed.Status);
        Assert.Equal(new DateOnly(2026, 9, 10), progressed.FollowUpOn);
        Assert.True(progressed.IsOverdue(new DateOnly(2026, 9, 1)));

        s.UpdateRectification(progressed with { Status = RectificationStatus.Closed, FollowUpResult = "回头看：已更正", ClosedAt = new DateTime(2026, 9, 10, 15, 0, 0) },
            Change("销号", RectificationAction.Closed));
        var closed = Open().Rectifications().Single(i => i.Id == item.Id);
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal("回头看：已更正", closed.FollowUpResult);
        Assert.False(closed.IsOverdue(new DateOnly(2026, 9, 11)));
        Assert.Equal([item.Id, second.Id], Open().Rectifications().Select(i => i.Id));

        Assert.Throws<KeyNotFoundException>(() => s.UpdateRectification(item with { Id = 999_999 }, Change("更新", RectificationAction.Updated)));
    }

    private static RectificationChange Change(string detail, RectificationAction action = RectificationAction.Added) =>
        new(new DateTime(2026, 7, 21, 10, 0, 0), "检查员甲", action, detail);

    [Fact]
    public void Every_change_of_an_item_and_its_countys_ledger_progress_are_kept_and_read_back_in_order_from_another_instance()
    {
        var s = Open();
        var opened = new DateTime(2026, 7, 21, 10, 0, 0);
        var item = s.AddRectification(new RectificationItem
        {
            Problem = "收费与客户所述不一致", County = "yaodu", Utility = "sgcc-linfen", ResponsibleUnit = "国网临汾供电公司",
            Deadline = new DateOnly(2026, 8, 31), Measures = "退还多收费用", Status = RectificationStatus.Open, CreatedAt = opened,
        }, new RectificationChange(opened, "张局", RectificationAction.Added, "立项：收费与客户所述不一致"));
        var other = s.AddRectification(item with { Id = 0, Problem = "另一事项" }, new RectificationChange(opened, "张局", RectificationAction.Added, "立项：另一事项"));
        var progressing = item with { Status = RectificationStatus.InProgress, Measures = "逐户退费" };
        s.UpdateRectification(progressing, new RectificationChange(opened.AddDays(3), "李科", RectificationAction.Updated, "更新：整改措施 退还多收费用 → 逐户退费"));

        // The county reports progress through its ledger of 2026-08-06 (signed), and on another item and in another county.
        var loaded = new DateTime(2026, 8, 6, 17, 30, 0);
        using (var w = ((IAnalyticsStore)s).BeginFiling(FilingKind.Ledger, "工作台账_尧都区_2026-08-06.xlsx", "sha-ledger", loaded, loaded))
        {
            var thursday = new DateOnly(2026, 8, 6);
            w.Add(new LedgerNote { County = "yaodu", Thursday = thursday, Task = RectificationTask.Key(item.Id), Text = LedgerNoteText.Compose("已退 12 户", "2 户联系不上"), Status = "推进中" });
            w.Add(new LedgerNote { County = "yaodu", Thursday = thursday, Task = RectificationTask.Key(other.Id), Text = "未开始", Status = "未启动" });
            w.Add(LedgerSignature.Of("王小明", "赵大", thursday).ToNote("yaodu", thursday));
            w.Add(new LedgerNote { County = "hongtong", Thursday = thursday, Task = RectificationTask.Key(item.Id), Text = "别县的行", Status = "推进中" });
            w.Commit(4, 0);
        }

        var failedAt = new DateTime(2026, 9, 1, 9, 0, 0);
        s.UpdateRectification(progressing with { FollowUpOn = new DateOnly(2026, 9, 1), FollowUpResult = "仍有 2 户未退" },
            new RectificationChange(failedAt, "检查员甲", RectificationAction.FollowUpFailed, "回头看（2026-09-01）：仍有 2 户未退；问题仍在，未销号"));
        var closedAt = new DateTime(2026, 9, 15, 16, 0, 0);
        s.UpdateRectification(progressing with { Status = RectificationStatus.Closed, FollowUpOn = new DateOnly(2026, 9, 15), FollowUpResult = "已全部退费", ClosedAt = closedAt },
            new RectificationChange(closedAt, "检查员乙", RectificationAction.Closed, "回头看（2026-09-15）：已全部退费；销号"));

        var history = Open().RectificationHistory(item.Id);
        Assert.Equal(
            [RectificationAction.Added, RectificationAction.Updated, RectificationAction.LedgerProgress, RectificationAction.FollowUpFailed, RectificationAction.Closed],
            history.Select(e => e.Action));
        Assert.Equal([opened, opened.AddDays(3), loaded, failedAt, closedAt], history.Select(e => e.At));
        Assert.Equal(["张局", "李科", "王*", "检查员甲", "检查员乙"], history.Select(e => e.Actor));
        Assert.Equal([RectificationStatus.Open, RectificationStatus.InProgress, null, RectificationStatus.InProgress, RectificationStatus.Closed],
            history.Select(e => e.Status));
        Assert.All(history, e => Assert.Equal(item.Id, e.ItemId));
        var ledger = history[2].Detail;
        Assert.Contains("2026-08-06", ledger, StringComparison.Ordinal);
        Assert.Contains("推进中", ledger, StringComparison.Ordinal);
        Assert.Contains("已退 12 户", ledger, StringComparison.Ordinal);
        Assert.Contains("2 户联系不上", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain("别县的行", string.Concat(history.Select(e => e.Detail)), StringComparison.Ordinal);
        Assert.Equal("回头看（2026-09-01）：仍有 2 户未退；问题仍在，未销号", history[3].Detail);

        // The other item has its own history; an unknown id has none.
        Assert.Equal([RectificationAction.Added, RectificationAction.LedgerProgress], Open().RectificationHistory(other.Id).Select(e => e.Action));
        Assert.Empty(Open().RectificationHistory(999_999));
        // A change of an unknown item leaves no history behind (one transaction).
        Assert.Throws<KeyNotFoundException>(() => s.UpdateRectification(item with { Id = 999_999 }, new RectificationChange(closedAt, "x", RectificationAction.Updated, "x")));
        Assert.Empty(Open().RectificationHistory(999_999));
        // A change without an actor is refused, and the item is left as it was.
        var e = Assert.Throws<StoreDataException>(() => s.UpdateRectification(item with { Measures = "改" }, new RectificationChange(closedAt, " ", RectificationAction.Updated, "x")));
        Assert.Equal("actor", e.Field);
        Assert.Equal("逐户退费", Open().Rectifications().Single(i => i.Id == item.Id).Measures);
        Assert.Equal(5, Open().RectificationHistory(item.Id).Count);
    }

    [Fact]
    public void Nul_in_an_oversight_text_is_refused_naming_the_field()
    {
        var s = Open();
        var e = Assert.Throws<StoreDataException>(() => s.SaveDraw(Draw("d1") with { Method = "a\0b" }));
        Assert.Equal("method", e.Field);
        Assert.Null(s.FindDraw("d1"));
    }

    [Fact]
    public void Items_opened_before_the_history_was_kept_get_one_entry_for_the_state_they_are_in_when_the_store_is_upgraded()
    {
        var s = Open();
        var created = new DateTime(2026, 7, 21, 10, 0, 0);
        var open = s.AddRectification(new RectificationItem
        {
            Problem = "待整改的旧事项", ResponsibleUnit = "国网临汾供电公司", Deadline = new DateOnly(2026, 8, 31), Measures = "m",
            Status = RectificationStatus.Open, CreatedAt = created,
        }, Change("立项"));
        var closedAt = new DateTime(2026, 9, 1, 15, 0, 0);
        var closed = s.AddRectification(open with { Id = 0, Problem = "已销号的旧事项" }, Change("立项"));
        s.UpdateRectification(closed with { Status = RectificationStatus.Closed, ClosedAt = closedAt }, Change("销号", RectificationAction.Closed));
        // The store as it was before the history: items, no entries; then the migration.
        Execute("DELETE FROM rectification_events");
        Assert.Equal("rectification history", HistoryMigration.Description);
        Execute(HistoryMigration.Sql);

        var a = Assert.Single(Open().RectificationHistory(open.Id));
        Assert.Equal((RectificationAction.Migrated, RectificationStatus.Open, created, "（升级前）"), (a.Action, a.Status!.Value, a.At, a.Actor));
        var b = Assert.Single(Open().RectificationHistory(closed.Id));
        Assert.Equal((RectificationAction.Migrated, RectificationStatus.Closed, closedAt), (b.Action, b.Status!.Value, b.At));
        // Run again (a schema taken back and forth): nothing doubled.
        Execute(HistoryMigration.Sql);
        Assert.Single(Open().RectificationHistory(open.Id));
    }

    public void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteOversightStoreTests : OversightStoreTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-oversight-tests", Guid.NewGuid().ToString("N"));

    protected override string StoreArgument => Path.Combine(_folder, "analytics.db");

    private protected override Migration HistoryMigration => SqliteSchema.Migrations.Single(m => m.Version == 6);

    protected override void Execute(string sql)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + StoreArgument);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

public sealed class PostgresOversightStoreTests : OversightStoreTests, IClassFixture<PostgresDatabase>
{
    private readonly string _store;

    public PostgresOversightStoreTests(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _store = database.NewSchema();
    }

    protected override string StoreArgument => _store;

    private protected override Migration HistoryMigration => PostgresSchema.Migrations.Single(m => m.Version == 7);

    protected override void Execute(string sql)
    {
        using var conn = new Npgsql.NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }
}
