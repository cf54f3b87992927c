namespace Analytics.Cli.Tests;

/// <summary>The report and ledger commands end to end on a small generated data set.</summary>
public sealed class ReportAndLedgerCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", _dir.File("key")]);

    public void Dispose() => _dir.Dispose();

    private void Load()
    {
        var data = _dir.File("data");
        var g = Run("generate", "--applications", "600", "--outages", "60", "--seed", "7", "--out", data);
        Assert.Equal(0, g.ExitCode);
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
        foreach (var kind in new[] { "outages", "customers", "notes" })
            Assert.Equal(0, Run("ingest", kind, Path.Combine(data, kind + ".csv")).ExitCode);
    }

    [Fact]
    public void Semiannual_and_city_reports_are_written_as_pdf()
    {
        Load();
        var r = Run("report", "semiannual", "--utility", "国网临汾", "--half", "2026H1", "--out", _dir.File("r.pdf"));
        Assert.Equal(0, r.ExitCode);
        Assert.True(new FileInfo(_dir.File("r.pdf")).Length > 10_000);
        Assert.Equal("%PDF", File.ReadAllText(_dir.File("r.pdf"))[..4]);
        var all = Run("report", "semiannual", "--all", "--half", "2026H1", "--out", _dir.File("all"));
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(5, Directory.GetFiles(_dir.File("all"), "*.pdf").Length);
        var city = Run("report", "city", "--half", "2026H1", "--out", _dir.File("city.pdf"));
        Assert.Equal(0, city.ExitCode);
        Assert.True(File.Exists(_dir.File("city.pdf")));
    }

    [Theory]
    [InlineData("report", "semiannual", "--utility", "sgcc-linfen", "--half", "2026H3")]
    [InlineData("report", "semiannual", "--utility", "国网太原", "--half", "2026H1")]
    [InlineData("report", "semiannual", "--half", "2026H1")]
    [InlineData("report", "city")]
    [InlineData("ledger", "--county", "太原", "--date", "2026-11-26")]
    [InlineData("ledger", "--date", "2026-11-26")]
    public void Bad_report_and_ledger_usage_exits_2(params string[] args)
    {
        var r = Run(args);
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_ledger_is_written_and_filed_back_for_the_city_roll_up()
    {
        Load();
        var outDir = _dir.File("ledgers");
        var r = Run("ledger", "--county", "尧都区", "--date", "2026-11-26", "--out", outDir, "--no-risk");
        Assert.Equal(0, r.ExitCode);
        var path = r.Out.Trim();
        Assert.EndsWith("工作台账_尧都区_2026-11-26.xlsx", path, StringComparison.Ordinal);
        using (var wb = new ClosedXML.Excel.XLWorkbook(path))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().First(x => x.Cell(2).GetString() == "任务1");
            row.Cell(4).Value = "已与市政务平台完成接口联调";
            row.Cell(5).Value = "推进中";
            wb.Save();
        }
        var unsigned = Run("ingest", "ledger", path);
        Assert.Equal(ExitCodes.BadInput, unsigned.ExitCode);
        Assert.Contains("[工作进展]:", unsigned.Err, StringComparison.Ordinal);
        Assert.Contains("填报人", unsigned.Err, StringComparison.Ordinal);
        using (var wb = new ClosedXML.Excel.XLWorkbook(path))
        {
            var progress = wb.Worksheet("工作进展");
            LedgerSignature.Sign(progress, new DateTime(2026, 11, 26));
            wb.Save();
        }
        var filed = Run("ingest", "ledger", path);
        Assert.Equal(0, filed.ExitCode);
        Assert.Contains("尧都区", filed.Out, StringComparison.Ordinal);
        Assert.Contains("（填报人 王*，报送日期 2026-11-26）", filed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", filed.Out + filed.Err, StringComparison.Ordinal);
        Assert.Contains("本次未作任何更改", Run("ingest", "ledger", path).Out, StringComparison.Ordinal);
        var city = Run("ledger", "--city", "--date", "2026-11-26", "--out", outDir);
        Assert.Equal(0, city.ExitCode);
        using var cityWb = new ClosedXML.Excel.XLWorkbook(city.Out.Trim());
        var text = string.Join("\n", cityWb.Worksheet("工作进展").CellsUsed().Select(c => c.GetString()));
        Assert.Contains("已与市政务平台完成接口联调", text, StringComparison.Ordinal);
        var filings = string.Join("\n", cityWb.Worksheet("报送情况").CellsUsed().Select(c => c.GetString()));
        Assert.Contains("王*", filings, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", filings, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", filings + text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_that_is_not_a_ledger_is_refused_and_nothing_is_loaded()
    {
        var path = _dir.File("other.xlsx");
        using (var wb = new ClosedXML.Excel.XLWorkbook())
        {
            wb.AddWorksheet("Sheet1").Cell(1, 1).Value = "hello";
            wb.SaveAs(path);
        }
        var r = Run("ingest", "ledger", path);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("other.xlsx", r.Err, StringComparison.Ordinal);
        Assert.Contains("未载入任何数据。", r.Err, StringComparison.Ordinal);
    }
}
