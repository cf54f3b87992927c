using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Ledger;
using Analytics.Store;
using ClosedXML.Excel;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, the ledger's read side: a ledger made from a store (each ledger's week from the records selected for the week,
/// its year to date from the store's counts, <see cref="LedgerStore"/>) is the ledger made from the records of the year to
/// the week's end, cell for cell on every sheet, on both stores: one county, every county and the city's roll-up, for
/// ordinary weeks, the week of the bulk filing, the week of the revised filing and a week as known before it. The roll-up
/// with its forensics streamed from the store: <see cref="CityLedgerFromStoreTests"/>.
/// </summary>
[Collection(FromRecordsVariable.Collection)]
public sealed class LedgerFromStoreTests : IClassFixture<MetricsFastPathTests.Stores>
{
    private readonly MetricsFastPathTests.Stores _stores;

    public LedgerFromStoreTests(MetricsFastPathTests.Stores stores) => _stores = stores;

    public static TheoryData<string, string, string, string?> CountyWeeks()
    {
        var data = new TheoryData<string, string, string, string?>();
        foreach (var store in new[] { "sqlite", "postgres" })
        {
            data.Add(store, "2026-11-05", "yaodu", null);        // an ordinary week
            data.Add(store, "2026-11-19", "yaodu", null);        // the week of the bulk filing (every record filed in it)
            data.Add(store, "2026-11-26", "houma", null);        // the week of the revised filing
            data.Add(store, "2026-11-19", "xiangfen", "2026-11-20"); // as known before the revised filing
            data.Add(store, "2026-06-04", "hongtong", null);     // mid-year
            data.Add(store, "2026-01-01", "yaodu", null);        // a week of the year before, ending on 31 December
            data.Add(store, "2026-01-08", "yaodu", null);        // the first week of a year
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CountyWeeks))]
    public void A_county_ledger_from_the_store_counts_is_the_records_ledger_cell_for_cell(string store, string thursday,
        string county, string? asOfDay)
    {
        using var s = StoreFactory.Open(Path(store));
        var (week, knownAt) = Question(thursday, asOfDay);
        var (records, fromStore) = Both(s, week, knownAt, county);

        var expected = WeeklyLedgers.ComposeCounty(records, county, week);
        var actual = WeeklyLedgers.ComposeCounty(fromStore, county, week);
        AssertSameCells(Workbook(expected), Workbook(actual));

        // Not a vacuous comparison: the year's answer came from the store's counts, and the ledger has figures.
        var year = fromStore.Store!.Answer(fromStore, new MetricsPeriod(week.YearStart, week.LastDay), fromStore.AsOfFor(week), county);
        Assert.True(year.CountedInStore > 0, "the store counted nothing: the year came from the records");
        Assert.Contains(actual.Targets, t => t.YearToDate.Total > 0);
        Assert.True(actual.Connected.Count + actual.InProgress.Count > 0, "the ledger lists no application");
    }

    [Theory]
    [InlineData("sqlite", "2026-11-05")]
    [InlineData("sqlite", "2026-11-19")]
    [InlineData("postgres", "2026-11-19")]
    [InlineData("postgres", "2026-11-05")]
    public void Every_county_and_the_city_roll_up_from_the_store_are_the_records_ones_cell_for_cell(string store, string thursday)
    {
        using var s = StoreFactory.Open(Path(store));
        var (week, knownAt) = Question(thursday, null);
        var (records, fromStore) = Both(s, week, knownAt, county: null);

        var expected = WeeklyLedgers.ComposeAll(records, week);
        var actual = WeeklyLedgers.ComposeAll(fromStore, week);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) AssertSameCells(Workbook(expected[i]), Workbook(actual[i]));
        Assert.Contains(actual, l => l.Approvals.Count > 0);

        var expectedCity = WeeklyLedgers.ComposeCity(records, week);
        var actualCity = WeeklyLedgers.ComposeCity(fromStore, week);
        AssertSameCells(CityWorkbook(expectedCity), CityWorkbook(actualCity));
        Assert.True(actualCity.Total.YearVolumes.Connected > 0);
    }

    [Fact]
    public void A_first_ledger_with_the_risk_column_trains_from_the_store_what_it_trains_from_the_records()
    {
        // No model kept yet in either copy: the store's path trains from the applications streamed (RiskCommand.Trained),
        // the records' path from the loaded snapshot; both keep it, and the 风险 column must be the same.
        string Write(string name, bool fromRecords)
        {
            var store = _stores.SqliteCopy();
            var outDir = _stores.Dir(name);
            if (fromRecords) Environment.SetEnvironmentVariable(FromRecordsVariable.Name, "1");
            try
            {
                var r = CliRunner.Run("ledger", "--county", "尧都区", "--date", "2026-11-19", "--out", outDir, "--store", store,
                    "--key-file", _stores.Key);
                Assert.True(r.ExitCode == 0, r.Err);
                Assert.Contains("训练", r.Err);
                return r.Out.Trim();
            }
            finally
            {
                if (fromRecords) Environment.SetEnvironmentVariable(FromRecordsVariable.Name, null);
            }
        }

        var fromStore = Write("risk-store", fromRecords: false);
        var fromRecords = Write("risk-records", fromRecords: true);
        AssertSameCells(File.ReadAllBytes(fromRecords), File.ReadAllBytes(fromStore));
        // Not vacuous: the 在途工单 sheet has scored rows.
        using var wb = new ClosedXML.Excel.XLWorkbook(fromStore);
        var sheet = wb.Worksheet("在途工单");
        var riskColumn = sheet.Row(3).CellsUsed().First(c => c.GetString().Contains("风险", StringComparison.Ordinal)).Address.ColumnNumber;
        Assert.Contains(sheet.Column(riskColumn).CellsUsed(), c => c.Address.RowNumber > 3 && !c.IsEmpty() && c.GetString().Length > 0);
    }

    [Theory]
    [InlineData("--county", "尧都区", "2026-11-19")]
    [InlineData("--all", null, "2026-11-05")]
    [InlineData("--county", "侯马市", "2026-11-26")]
    [InlineData("--city", null, "2026-11-05")]
    public void The_ledger_command_writes_from_the_store_what_it_writes_from_the_records(string mode, string? county, string thursday)
    {
        var store = _stores.SqliteCopy();
        var key = _stores.Key;
        string[] Args(string outDir) => ["ledger", mode, .. county is null ? Array.Empty<string>() : [county], "--date", thursday,
            "--no-risk", "--out", outDir, "--store", store, "--key-file", key];

        var fromStore = CliRunner.Run(Args(_stores.Dir("store-" + mode + thursday)));
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecordsVariable.Name, "1");
        CliRunner.Result fromRecords;
        try
        {
            fromRecords = CliRunner.Run(Args(_stores.Dir("records-" + mode + thursday)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecordsVariable.Name, null);
        }
        Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        Assert.Equal(fromRecords.Err, fromStore.Err);
        var expected = Lines(fromRecords.Out);
        var actual = Lines(fromStore.Out);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(mode == "--all" ? Registries.Default.Counties.Count : 1, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(System.IO.Path.GetFileName(expected[i]), System.IO.Path.GetFileName(actual[i]));
            AssertSameCells(File.ReadAllBytes(expected[i]), File.ReadAllBytes(actual[i]));
        }

        static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private string Path(string store) => store == "sqlite" ? _stores.Sqlite : _stores.Postgres;

    private static (LedgerWeek Week, DateTime? KnownAt) Question(string thursday, string? asOfDay) =>
        (LedgerWeek.For(DateOnly.Parse(thursday, CultureInfo.InvariantCulture)),
         asOfDay is null ? null : DayBounds.EndOfDay(DateOnly.Parse(asOfDay, CultureInfo.InvariantCulture)));

    /// <summary>The inputs as <c>ledger --no-risk</c> makes them from the records (<see cref="LedgerWeek.Scope"/>) and from the store.</summary>
    private static (LedgerInputs Records, LedgerInputs FromStore) Both(IAnalyticsStore store, LedgerWeek week, DateTime? knownAt, string? county)
    {
        var source = new LedgerStore(store, MetricsFastPathTests.Stores.Derivation, knownAt);
        return (Inputs(RecordSnapshot.Load(store, knownAt, week.Scope(county)), knownAt), Inputs(source.Head(), knownAt) with { Store = source });
    }

    private static LedgerInputs Inputs(RecordSnapshot data, DateTime? knownAt) => new()
    {
        Records = data,
        AsOf = knownAt,
        Policy = Policy.Default,
        Calendar = WorkingDayCalendar.Default,
        Registries = Registries.Default,
    };

    private static byte[] Workbook(CountyLedger ledger)
    {
        using var ms = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, ms);
        return ms.ToArray();
    }

    internal static byte[] CityWorkbook(CityLedger ledger)
    {
        using var ms = new MemoryStream();
        CityLedgerWorkbook.Write(ledger, ms);
        return ms.ToArray();
    }

    /// <summary>The same sheets, in the same order, with the same cells: address, value, formula and number format.</summary>
    internal static void AssertSameCells(byte[] expected, byte[] actual)
    {
        using var e = new XLWorkbook(new MemoryStream(expected));
        using var a = new XLWorkbook(new MemoryStream(actual));
        Assert.Equal(e.Worksheets.Select(w => w.Name), a.Worksheets.Select(w => w.Name));
        foreach (var sheet in e.Worksheets)
        {
            var cells = Cells(sheet);
            Assert.NotEmpty(cells);
            Assert.Equal(cells, Cells(a.Worksheet(sheet.Name)));
        }

        static List<string> Cells(IXLWorksheet sheet) => [.. sheet.CellsUsed(XLCellsUsedOptions.AllContents).Select(c =>
            $"{sheet.Name}!{c.Address}\t{Convert.ToString(c.Value, CultureInfo.InvariantCulture)}\t{c.FormulaA1}\t{c.Style.NumberFormat.Format}")];
    }
}

/// <summary>
/// The tests that set <see cref="Name"/> (the comparison's switch to the records, read by <c>metrics</c> and <c>ledger</c>)
/// or <c>ANALYTICS_REPORT_FROM_RECORDS</c> (the reports') run one after another: the variables are the process's.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class FromRecordsVariable
{
    public const string Collection = "ANALYTICS_METRICS_FROM_RECORDS";
    public const string Name = "ANALYTICS_METRICS_FROM_RECORDS";
}
