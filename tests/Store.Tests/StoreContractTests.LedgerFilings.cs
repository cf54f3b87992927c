using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

public abstract partial class StoreContractTests
{
    // ---- issue 14: when each county-week's ledger was filed (the web's 按时/逾期, the roll-up's 报送情况)

    [Fact]
    public void Ledger_filings_give_each_county_week_the_load_times_of_the_filings_whose_notes_are_stored()
    {
        var first = new DateTime(2022, 6, 2, 16, 0, 0);
        var refiled = new DateTime(2022, 6, 6, 9, 30, 0);
        var task1 = Samples.Ledger("任务1", "已完成线上办电推广", "已完成");
        var task2 = Samples.Ledger("任务2", "推进中");
        var otherWeek = Samples.Ledger("任务1", "下周进展") with { Thursday = new DateOnly(2022, 6, 9) };
        FileLedger(Store, first, "a", task1, task2);
        Assert.Equal([new LedgerFiling("fenxi", task1.Thursday, first, first)], Reopen().LedgerFilings());

        // A re-filing changes one note: the unchanged one keeps the first filing, so the week keeps its first load time.
        FileLedger(Store, refiled, "b", task1, task2 with { Text = "已完成" });
        FileLedger(Store, refiled.AddDays(4), "c", otherWeek);
        Assert.Equal(
            [new LedgerFiling("fenxi", task1.Thursday, first, refiled), new LedgerFiling("fenxi", otherWeek.Thursday, refiled.AddDays(4), refiled.AddDays(4))],
            Reopen().LedgerFilings());
    }

    private static void FileLedger(IAnalyticsStore store, DateTime loadedAt, string sha256, params LedgerNote[] notes)
    {
        using var w = store.BeginFiling(FilingKind.Ledger, "台账.xlsx", sha256, notes[0].Thursday.ToDateTime(TimeOnly.MinValue), loadedAt);
        foreach (var n in notes) w.Add(n);
        w.Commit(notes.Length, 0);
    }
}
