using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Ledger;
using Analytics.Reports.Oversight;
using Analytics.Store;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, the city's roll-up from the store (<c>ledger --city</c>, the web's download): every county's ledger composed from
/// the store in turn, the 全市 line from the store's counts and the forensics over the city's applications of the year
/// streamed from the store (<see cref="OversightDigest.ForStore"/>) give the roll-up made from the city's records of the year
/// (<see cref="OversightDigest.For"/> over them), cell for cell, on both stores, on data where one utility games its
/// durations so that the forensics flag it.
/// </summary>
[Collection(FromRecordsVariable.Collection)]
public sealed class CityLedgerFromStoreTests : IClassFixture<CityLedgerFromStoreTests.GamedStores>
{
    private readonly GamedStores _stores;

    public CityLedgerFromStoreTests(GamedStores stores) => _stores = stores;

    /// <summary>The stores of <see cref="MetricsFastPathTests.Stores"/> with data of 2026 where 国网临汾 sets every over-limit duration to the limit day.</summary>
    public sealed class GamedStores : MetricsFastPathTests.Stores
    {
        public GamedStores()
            : base(["--applications", "8000", "--outages", "400", "--seed", "11", "--from", "2026-01-01",
                "--game-utility", "sgcc-linfen", "--game-share", "1"])
        {
        }
    }

    [Theory]
    [InlineData("sqlite", "2026-11-19", null)]         // the week of the bulk filing
    [InlineData("sqlite", "2026-11-05", null)]         // an ordinary week
    [InlineData("sqlite", "2026-11-26", null)]         // the week of the revised filing
    [InlineData("sqlite", "2026-11-19", "2026-11-20")] // as known before the revised filing
    [InlineData("postgres", "2026-11-19", null)]
    [InlineData("postgres", "2026-11-19", "2026-11-20")]
    public void The_roll_up_with_forensics_streamed_from_the_store_is_the_records_roll_up_cell_for_cell(string store, string thursday,
        string? asOfDay)
    {
        using var s = StoreFactory.Open(store == "sqlite" ? _stores.Sqlite : _stores.Postgres);
        var week = LedgerWeek.For(DateOnly.Parse(thursday, CultureInfo.InvariantCulture));
        DateTime? knownAt = asOfDay is null ? null : DayBounds.EndOfDay(DateOnly.Parse(asOfDay, CultureInfo.InvariantCulture));
        var weekPeriod = new MetricsPeriod(week.FirstDay, week.LastDay);
        var yearToDate = new MetricsPeriod(week.YearToDateFrom, week.LastDay);

        // As ledger --city with ANALYTICS_METRICS_FROM_RECORDS=1: the city's records of the year, the forensics over them.
        var data = RecordSnapshot.Load(s, knownAt, week.Scope(null));
        var records = Inputs(data, knownAt);
        records = records with
        {
            Oversight = OversightDigest.For(Policy.Default, WorkingDayCalendar.Default, s, data, weekPeriod, yearToDate, records.AsOfFor(week)),
        };
        // As ledger --city: the head, the store's counts and weeks, the forensics streamed.
        var source = new LedgerStore(s, MetricsFastPathTests.Stores.Derivation, knownAt);
        var fromStore = Inputs(source.Head(), knownAt) with { Store = source };
        fromStore = fromStore with
        {
            Oversight = OversightDigest.ForStore(Policy.Default, WorkingDayCalendar.Default, s, knownAt, weekPeriod, yearToDate, fromStore.AsOfFor(week)),
        };

        Assert.Equal(Flags(records.Oversight), Flags(fromStore.Oversight));
        Assert.Equal(records.Oversight.ForensicsTestCount, fromStore.Oversight.ForensicsTestCount);
        var expected = WeeklyLedgers.ComposeCity(records, week);
        var actual = WeeklyLedgers.ComposeCity(fromStore, week);
        LedgerFromStoreTests.AssertSameCells(LedgerFromStoreTests.CityWorkbook(expected), LedgerFromStoreTests.CityWorkbook(actual));

        // Not a vacuous comparison: the forensics ran and flagged the gaming utility, whose flag is on the roll-up's issues;
        // the counties have figures and issues of their own.
        Assert.True(fromStore.Oversight.ForensicsTestCount > 10, $"only {fromStore.Oversight.ForensicsTestCount} tests ran");
        Assert.Contains(fromStore.Oversight.Flags, f => f.Test == "bunching" && f.Utility == "sgcc-linfen");
        Assert.Contains(actual.Issues, i => i.Issue.Kind == "造假风险");
        Assert.Equal(Registries.Default.Counties.Count, actual.Counties.Count);
        Assert.True(actual.Total.YearVolumes.Connected > 0);
        Assert.True(actual.Counties.Sum(c => c.Issues) > 0);
    }

    [Fact]
    public void The_city_command_writes_from_the_store_what_it_writes_from_the_records_with_the_forensics_flag()
    {
        var store = _stores.SqliteCopy();
        string[] Args(string outDir) => ["ledger", "--city", "--date", "2026-11-19", "--out", outDir, "--store", store, "--key-file", _stores.Key];

        var fromStore = CliRunner.Run(Args(_stores.Dir("store-city")));
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecordsVariable.Name, "1");
        CliRunner.Result fromRecords;
        try
        {
            fromRecords = CliRunner.Run(Args(_stores.Dir("records-city")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecordsVariable.Name, null);
        }
        Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        Assert.Equal(fromRecords.Err, fromStore.Err);
        var expected = fromRecords.Out.Trim();
        var actual = fromStore.Out.Trim();
        Assert.Equal(Path.GetFileName(expected), Path.GetFileName(actual));
        LedgerFromStoreTests.AssertSameCells(File.ReadAllBytes(expected), File.ReadAllBytes(actual));
        using var wb = new ClosedXML.Excel.XLWorkbook(actual);
        Assert.Contains(wb.Worksheet("问题清单").CellsUsed(), c => c.GetString() == "造假风险");
    }

    private static LedgerInputs Inputs(RecordSnapshot data, DateTime? knownAt) => new()
    {
        Records = data,
        AsOf = knownAt,
        Policy = Policy.Default,
        Calendar = WorkingDayCalendar.Default,
        Registries = Registries.Default,
    };

    private static List<string> Flags(OversightInputs o) =>
        [.. o.Flags.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.Test}|{f.Target}|{f.Utility}|{f.County}|{f.PValue:R}|{f.PAdjusted:R}|{f.Applications}|{f.Evidence}"))];
}
