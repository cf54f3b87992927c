using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace Analytics.Cli.Tests;

/// <summary>
/// metrics.md §8, "one answer": the same question (period, as-of, group) gives the same number in the JSON of
/// <c>metrics</c>, the county ledger's workbook cells and the PDF reports' text, for a sample of counties, utilities and
/// periods over one generated data set.
/// </summary>
public sealed class OneAnswerTests : IClassFixture<OneAnswerTests.Loaded>
{
    private readonly Loaded _data;

    public OneAnswerTests(Loaded data) => _data = data;

    /// <summary>One store with two years of generated data, loaded once for the class.</summary>
    public sealed class Loaded : IDisposable
    {
        private readonly TempDir _dir = new();

        public Loaded()
        {
            var data = _dir.File("data");
            Assert.Equal(0, Run("generate", "--applications", "3000", "--outages", "400", "--seed", "11", "--out", data).ExitCode);
            Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);
            Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
            foreach (var kind in new[] { "outages", "customers", "notes" })
                Assert.Equal(0, Run("ingest", kind, Path.Combine(data, kind + ".csv")).ExitCode);
        }

        public string File(string name) => _dir.File(name);

        public string StorePath => _dir.File("store.db");

        public CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", _dir.File("store.db"), "--key-file", _dir.File("key")]);

        public JsonElement Metrics(params string[] args)
        {
            var r = Run(["metrics", "--format", "json", .. args]);
            Assert.True(r.ExitCode == 0, r.Err);
            return JsonDocument.Parse(r.Out).RootElement.Clone();
        }

        public void Dispose() => _dir.Dispose();
    }

    [Theory]
    [InlineData("yaodu", "尧都区")]
    [InlineData("houma", "侯马市")]
    [InlineData("hongtong", "洪洞县")]
    public void The_county_ledger_says_what_metrics_says_for_the_week_and_the_year_to_date(string county, string name)
    {
        var outDir = _data.File("ledgers-" + county);
        var r = _data.Run("ledger", "--county", county, "--date", "2026-11-26", "--out", outDir, "--no-risk");
        Assert.True(r.ExitCode == 0, r.Err);
        using var wb = new XLWorkbook(r.Out.Trim());
        var week = _data.Metrics("--county", county, "--from", "2026-11-19", "--to", "2026-11-25");
        var year = _data.Metrics("--county", county, "--from", "2026-01-01", "--to", "2026-11-25");

        var summary = wb.Worksheet("汇总");
        var header = summary.RowsUsed().First(x => x.Cells().Any(c => c.GetString() == "本周总数"));
        int Col(string title) => header.Cells().First(c => c.GetString() == title).Address.ColumnNumber;
        var compared = 0;
        foreach (var row in summary.RowsUsed().Where(x => x.RowNumber() > header.RowNumber()))
        {
            var id = row.Cell(1).GetString();
            if (id is "" or "T5" || !id.StartsWith('T')) continue;
            var w = CountyRow(week, id, county);
            var y = CountyRow(year, id, county);
            Assert.Equal(w.GetProperty("total").GetInt32(), Int(row.Cell(Col("本周总数"))));
            Assert.Equal(w.GetProperty("compliant").GetInt32(), Int(row.Cell(Col("本周合规"))));
            Assert.Equal(y.GetProperty("total").GetInt32(), Int(row.Cell(Col("年累计总数"))));
            Assert.Equal(y.GetProperty("compliant").GetInt32(), Int(row.Cell(Col("年累计合规"))));
            compared++;
        }
        Assert.True(compared >= 10, $"{name}: only {compared} target rows compared");

        // 期末在途: the in-progress sheet lists exactly the applications in progress at the end of the week.
        var inProgress = week.GetProperty("indicators").GetProperty("volumes").GetProperty("in_progress").GetInt32();
        Assert.Equal(inProgress, year.GetProperty("indicators").GetProperty("volumes").GetProperty("in_progress").GetInt32());
        var sheet = wb.Worksheet("在途工单");
        var top = sheet.RowsUsed().First(x => x.Cell(1).GetString() == "工单编号").RowNumber();
        var listed = sheet.RowsUsed().Count(x => x.RowNumber() > top && !x.Cell(2).IsEmpty() && !x.Cell(8).IsEmpty());
        Assert.Equal(inProgress, listed);

        // SAIDI year to date by area: the 停电事件 sheet's figure is the reliability entry of the same dates.
        var outages = wb.Worksheet("停电事件");
        foreach (var e in year.GetProperty("reliability").EnumerateArray())
        {
            if (e.GetProperty("county").GetString() != county || e.GetProperty("utility").ValueKind != JsonValueKind.Null
                || e.GetProperty("area").ValueKind == JsonValueKind.Null) continue;
            var label = e.GetProperty("area").GetString() switch { "central" => "中心区", "urban" => "市区", "town" => "城镇", _ => "农村" };
            var cell = outages.RowsUsed().First(x => x.Cell(1).GetString() == label).Cell(4);
            Assert.Equal(Math.Round(e.GetProperty("saidi_h").GetDecimal(), 4), Math.Round((decimal)cell.GetDouble(), 4));
        }
    }

    [Fact]
    public void The_circular_says_what_metrics_says_for_the_half()
    {
        var path = _data.File("circular.pdf");
        var r = _data.Run("report", "city", "--half", "2026H1", "--out", path);
        Assert.True(r.ExitCode == 0, r.Err);
        var text = Text(path);
        var m = _data.Metrics("--from", "2026-01-01", "--to", "2026-06-30");
        var v = m.GetProperty("indicators").GetProperty("volumes");
        Assert.Contains($"受理用电报装{N(v.GetProperty("accepted").GetInt32())}件", text, StringComparison.Ordinal);
        Assert.Contains($"接电{N(v.GetProperty("connected").GetInt32())}件", text, StringComparison.Ordinal);
        Assert.Contains($"期末在途{N(v.GetProperty("in_progress").GetInt32())}件", text, StringComparison.Ordinal);
        // SAIDI by area, 2026-01-01 … 06-30, as in the circular's table of 目标5.
        foreach (var e in m.GetProperty("reliability").EnumerateArray())
        {
            if (e.GetProperty("county").ValueKind != JsonValueKind.Null || e.GetProperty("utility").ValueKind != JsonValueKind.Null
                || e.GetProperty("area").ValueKind == JsonValueKind.Null) continue;
            Assert.Equal("2026-06-30", e.GetProperty("to").GetString());
            var label = e.GetProperty("area").GetString() switch { "central" => "中心区", "urban" => "市区", "town" => "城镇", _ => "农村" };
            var hours = e.GetProperty("saidi_h").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
            Assert.True(TableRow(path, label, "目标5结论").Contains(hours, StringComparison.Ordinal),
                $"{label}: {hours} h not in the row '{TableRow(path, label, "目标5结论")}'");
        }
    }

    [Theory]
    [InlineData("sgcc-linfen", "2026H1", "2026-01-01", "2026-06-30")]
    [InlineData("sxdl-puxian", "2025H2", "2025-07-01", "2025-12-31")]
    public void A_utility_report_says_what_metrics_says_for_the_utility_and_half(string utility, string half, string from, string to)
    {
        var path = _data.File($"{utility}-{half}.pdf");
        var r = _data.Run("report", "semiannual", "--utility", utility, "--half", half, "--out", path);
        Assert.True(r.ExitCode == 0, r.Err);
        var words = Words(path);
        var m = _data.Metrics("--utility", utility, "--from", from, "--to", to);
        var v = m.GetProperty("indicators").GetProperty("volumes");
        // The tiles: 受理工单（件） and 接电工单（件） with their values.
        Assert.Contains(N(v.GetProperty("accepted").GetInt32()), words);
        Assert.Contains(N(v.GetProperty("connected").GetInt32()), words);
        // Every day target's rate of the half, as 表1 prints it.
        foreach (var t in m.GetProperty("targets").EnumerateArray())
        {
            if (t.GetProperty("group").GetString() != "city" || t.GetProperty("total").GetInt32() == 0
                || !t.TryGetProperty("mean_days", out _)) continue;
            var counts = $"{N(t.GetProperty("compliant").GetInt32())}/{N(t.GetProperty("total").GetInt32())}";
            Assert.Contains(counts, words);
        }
    }

    [Theory]
    [InlineData(null, null, "2026-11-19", "2026-11-25")]
    [InlineData("yaodu", null, "2026-11-19", "2026-11-25")]
    [InlineData("houma", null, "2026-01-01", "2026-11-25")]
    [InlineData(null, "sxdl-puxian", "2025-07-01", "2025-12-31")]
    [InlineData("hongtong", "sgcc-linfen", "2025-12-15", "2026-02-15")]
    [InlineData(null, null, "2024-01-01", "2026-12-31")]
    public void The_stores_selection_answers_a_question_as_every_record_does(string? county, string? utility, string from, string to)
    {
        // The command asks the store for the question's records only (issue 12); the engine over every record is the reference.
        string[] args = ["--from", from, "--to", to, .. county is null ? Array.Empty<string>() : ["--county", county],
            .. utility is null ? Array.Empty<string>() : ["--utility", utility]];
        var r = _data.Run(["metrics", "--format", "json", .. args]);
        Assert.True(r.ExitCode == 0, r.Err);
        using var store = Analytics.Store.StoreFactory.Open(_data.StorePath);
        var all = Analytics.Domain.RecordSnapshot.Load(store, knownAt: null);
        var period = new Analytics.Metrics.MetricsPeriod(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        var reference = Analytics.Metrics.MetricsEngine.Compute(Analytics.Metrics.MetricsInput.Of(all, Analytics.Domain.Policy.Policy.Default,
            Analytics.Domain.Calendar.WorkingDayCalendar.Default, period, all.DataThrough!.Value, county, utility));
        using var expected = new StringWriter();
        Analytics.Reports.Export.MetricsJsonWriter.Write(reference, expected);
        Assert.Equal(expected.ToString(), r.Out);
    }

    private static JsonElement CountyRow(JsonElement metrics, string id, string county) =>
        metrics.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("id").GetString() == id
            && t.GetProperty("group").GetString() == "county" && t.GetProperty("county").GetString() == county
            && t.GetProperty("area").ValueKind == JsonValueKind.Null);

    private static int Int(IXLCell cell) => cell.IsEmpty() ? 0 : (int)cell.GetDouble();

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Text(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    private static List<string> Words(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)];
    }

    /// <summary>The words on the line that starts with <paramref name="first"/>, on the page whose table has <paramref name="header"/>.</summary>
    private static string TableRow(string pdf, string first, string header)
    {
        using var doc = PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            var words = page.GetWords().ToList();
            if (!words.Any(w => w.Text.Contains(header, StringComparison.Ordinal))) continue;
            var start = words.FirstOrDefault(w => w.Text == first);
            if (start is null) continue;
            var y = start.BoundingBox.Bottom;
            return string.Join(" ", words.Where(w => Math.Abs(w.BoundingBox.Bottom - y) < 2).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
        }
        return "";
    }
}
