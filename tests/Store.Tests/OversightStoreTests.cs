using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>The oversight tables (issue 16) on both stores: draws, field results, the rectification ledger.</summary>
public abstract class OversightStoreTests : IDisposable
{
    private readonly List<IAnalyticsStore> _opened = [];

    protected abstract string StoreArgument { get; }

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
        });
        Assert.True(item.Id > 0);
        var second = s.AddRectification(item with { Id = 0, ApplicationId = "A2" });
        Assert.NotEqual(item.Id, second.Id);

        s.UpdateRectification(item with { Status = RectificationStatus.InProgress, FollowUpOn = new DateOnly(2026, 9, 10) });
        var progressed = Open().Rectifications().Single(i => i.Id == item.Id);
        Assert.Equal(RectificationStatus.InProgress, progressed.Status);
        Assert.Equal(new DateOnly(2026, 9, 10), progressed.FollowUpOn);
        Assert.True(progressed.IsOverdue(new DateOnly(2026, 9, 1)));

        s.UpdateRectification(progressed with { Status = RectificationStatus.Closed, FollowUpResult = "回头看：已更正", ClosedAt = new DateTime(2026, 9, 10, 15, 0, 0) });
        var closed = Open().Rectifications().Single(i => i.Id == item.Id);
        Assert.Equal(RectificationStatus.Closed, closed.Status);
        Assert.Equal("回头看：已更正", closed.FollowUpResult);
        Assert.False(closed.IsOverdue(new DateOnly(2026, 9, 11)));
        Assert.Equal([item.Id, second.Id], Open().Rectifications().Select(i => i.Id));

        Assert.Throws<KeyNotFoundException>(() => s.UpdateRectification(item with { Id = 999_999 }));
    }

    [Fact]
    public void Nul_in_an_oversight_text_is_refused_naming_the_field()
    {
        var s = Open();
        var e = Assert.Throws<StoreDataException>(() => s.SaveDraw(Draw("d1") with { Method = "a\0b" }));
        Assert.Equal("method", e.Field);
        Assert.Null(s.FindDraw("d1"));
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
}
