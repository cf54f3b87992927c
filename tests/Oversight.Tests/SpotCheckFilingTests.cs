using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Generator;
using Analytics.Metrics;
using Analytics.Oversight.SpotChecks;
using Analytics.Store;
using ClosedXML.Excel;
using Policy = Analytics.Domain.Policy.Policy;
using Analytics.Reports.Oversight;

namespace Analytics.Oversight.Tests;

/// <summary>A draw written as the field workbook, filled in, filed back: findings and stratum rates.</summary>
public sealed class SpotCheckFilingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-spotcheck-tests", Guid.NewGuid().ToString("N"));

    private static readonly Lazy<MetricsResult> Result = new(() =>
    {
        var options = new GeneratorOptions { Applications = 6_000, Outages = 0, Seed = 5 };
        return MetricsEngine.Compute(new MetricsInput
        {
            Applications = new DataGenerator(options).Applications().ToList(), Policy = Policy.Default, Calendar = WorkingDayCalendar.Default,
            Period = new MetricsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), AsOf = options.RevisedFilingAsOf,
        });
    });

    private static readonly Inspector[] Register = [new("赵六", "city-bureau"), new("周九", "city-bureau"), new("钱七", "hongtong")];

    private (SqliteStore Store, SpotCheckDrawRecord Draw, string Path) DrawInto()
    {
        Directory.CreateDirectory(_folder);
        var store = new SqliteStore(Path.Combine(_folder, "a.db"));
        store.EnsureSchema();
        var strata = SpotCheckDraw.Draw(Result.Value, Register, seed: 99);
        var draw = SpotCheckMethod.Record(strata, new SpotCheckPlan(), 99, Result.Value.Period.From, Result.Value.Period.To,
            new DateTime(2026, 7, 1, 9, 0, 0), Registries.Default);
        var path = Path.Combine(_folder, "抽查.xlsx");
        SpotCheckWorkbook.Write(path, draw, strata, Result.Value, Registries.Default);
        store.SaveDraw(draw);
        return (store, draw, path);
    }

    private static void Fill(string path, Action<IXLWorksheet> fill)
    {
        using var wb = new XLWorkbook(path);
        fill(wb.Worksheet(SpotCheckForm.ListSheet));
        wb.Save();
    }

    [Fact]
    public void The_workbook_lists_every_drawn_application_with_answer_cells_and_the_published_rule()
    {
        var (store, draw, path) = DrawInto();
        using var _ = store;
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(SpotCheckForm.ListSheet);
        Assert.Equal(draw.Items.Count + 1, ws.LastRowUsed()!.RowNumber());
        Assert.Equal("核查结果（一致/不一致）", ws.Cell(1, SpotCheckForm.ResultColumn).GetString());
        Assert.All(Enumerable.Range(2, draw.Items.Count), r => Assert.True(ws.Cell(r, SpotCheckForm.ResultColumn).IsEmpty()));
        Assert.Equal(draw.Items[0].Utility + "/" + draw.Items[0].ApplicationId, ws.Cell(2, SpotCheckForm.KeyColumn).GetString());
        var pub = wb.Worksheet(SpotCheckForm.PublicSheet);
        Assert.Equal("99", pub.Cell(2, 2).GetFormattedString());
        Assert.Contains("种子 99", pub.Cell(3, 2).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filed_results_become_findings_and_a_stratum_rate_with_its_upper_bound()
    {
        var (store, draw, path) = DrawInto();
        using var _ = store;
        var first = draw.Items[0];
        var stratum = draw.Items.Where(i => i.County == first.County && i.Utility == first.Utility).ToList();
        Assert.True(stratum.Count >= 5);
        // Row r + 2 is item r: four verified, one discrepancy on the connection date.
        Fill(path, ws =>
        {
            for (var r = 0; r < 4; r++) ws.Cell(draw.Items.ToList().IndexOf(stratum[r]) + 2, SpotCheckForm.ResultColumn).Value = "一致";
            var row = draw.Items.ToList().IndexOf(stratum[4]) + 2;
            ws.Cell(row, SpotCheckForm.ResultColumn).Value = "不一致";
            ws.Cell(row, SpotCheckForm.ItemColumn).Value = "装表接电时间";
            ws.Cell(row, SpotCheckForm.CustomerColumn).Value = "2026-04-30";
        });
        var (results, errors) = SpotCheckFiling.Read(path, draw, new DateTime(2026, 7, 20, 17, 0, 0));
        Assert.Empty(errors);
        Assert.Equal(5, results.Count);
        store.SaveResults(results);

        var discrepancy = Assert.Single(store.SpotCheckResults(), r => !r.Verified);
        Assert.Equal("connected_at", discrepancy.Field);
        Assert.Equal("2026-04-30", discrepancy.CustomerValue);
        var recorded = Result.Value.Applications.Single(a => a.Utility == stratum[4].Utility && a.ApplicationId == stratum[4].ApplicationId).ConnectedAt;
        Assert.Equal(recorded!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), discrepancy.RecordedValue);

        var rate = StratumRate.Of(draw, store.SpotCheckResults()).Single(r => r.County == first.County && r.Utility == first.Utility);
        Assert.Equal((stratum.Count, 5, 1), (rate.Drawn, rate.Checked, rate.Discrepant));
        Assert.Equal(0.2, rate.Rate, 12);
        Assert.InRange(rate.UpperBound, 0.6, 0.7); // one of five: the exact 95 % bound is 0.657
        Assert.All(StratumRate.Of(draw, store.SpotCheckResults()).Where(r => r != rate), r => Assert.Equal(0, r.Checked));

        var findings = OversightFindings.For(store, first.County, new MetricsPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)));
        var finding = Assert.Single(findings);
        Assert.Equal(OversightFindings.FieldDiscrepancy, finding.Code);
        Assert.Equal(stratum[4].ApplicationId, finding.ApplicationId);
        Assert.Equal(new FieldDiscrepancyEvidence(discrepancy.DrawId, "connected_at", discrepancy.RecordedValue, "2026-04-30"), finding.Evidence);
        Assert.Empty(OversightFindings.For(store, first.County, new MetricsPeriod(new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31))));
    }

    [Fact]
    public void A_wrongly_filled_workbook_is_refused_whole_with_located_errors()
    {
        var (store, draw, path) = DrawInto();
        using var _ = store;
        Fill(path, ws =>
        {
            ws.Cell(2, SpotCheckForm.ResultColumn).Value = "一致";
            ws.Cell(3, SpotCheckForm.ResultColumn).Value = "差不多";
            ws.Cell(4, SpotCheckForm.ResultColumn).Value = "不一致";
            ws.Cell(4, SpotCheckForm.ItemColumn).Value = "装表接电时间";
        });
        var (results, errors) = SpotCheckFiling.Read(path, draw, new DateTime(2026, 7, 20));
        Assert.Empty(results);
        Assert.Equal([(3, SpotCheckForm.ResultColumn), (4, SpotCheckForm.CustomerColumn)], errors.Select(e => (e.Row, e.Column)));
        Assert.All(errors, e => Assert.StartsWith("抽查.xlsx:", e.ToString(), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
