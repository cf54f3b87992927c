using System.Globalization;
using System.Net;
using Analytics.Cli;
using Analytics.Oversight.SpotChecks;
using ClosedXML.Excel;
using UglyToad.PdfPig;
using Analytics.Reports.Oversight;

namespace Analytics.Web.Tests;

/// <summary>
/// The web's documents carry the oversight (issue 16) exactly as the command line's: the same store and question give the
/// same 监督检查 section in the circular and the same oversight sheets on the city roll-up — both composed by the one
/// <c>OversightDigest.For</c>. Its own fixture: the spot check and rectification items it files must not reach the other
/// web tests' documents.
/// </summary>
public sealed class OversightDocumentsTests : IDisposable
{
    private readonly WebFixture _web = new();

    public void Dispose() => _web.Dispose();

    /// <summary>Runs the command line on the fixture's store with the clock at <paramref name="now"/>.</summary>
    private string At(DateTime now, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = CliApp.Run([.. args, "--store", _web.StorePath, "--key-file", _web.KeyFile], o, e, () => now);
        Assert.True(code == 0, $"analytics {string.Join(' ', args)} exited {code}: {e}");
        return o.ToString();
    }

    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    /// <summary>From （四）监督检查发现的问题 to the next part (五、工作要求).</summary>
    private static string Section(string text)
    {
        var from = text.IndexOf("监督检查发现的问题", StringComparison.Ordinal);
        Assert.True(from >= 0, "the circular has no 监督检查 section");
        var to = text.IndexOf("五、工作要求", from, StringComparison.Ordinal);
        Assert.True(to > from);
        return text[from..to];
    }

    private static string SheetText(XLWorkbook wb, string sheet) =>
        string.Join("\n", wb.Worksheet(sheet).RowsUsed().Select(r => string.Join("\t", r.CellsUsed().Select(c => c.GetString()))));

    [Fact]
    public async Task The_web_circular_and_city_roll_up_carry_the_same_oversight_as_the_command_lines()
    {
        // A spot check of the first quarter, drawn on 1 April, its results filed on 20 May; a rectification item opened in
        // May, past its deadline at the half's end; another closed.
        var draw = Path.Combine(_web.Folder, "draw.xlsx");
        At(new DateTime(2026, 4, 1, 9, 0, 0), "spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-03-31", "--seed", "5", "--out", draw);
        using (var wb = new XLWorkbook(draw))
        {
            var ws = wb.Worksheet(SpotCheckForm.ListSheet);
            ws.Cell(2, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Discrepant;
            ws.Cell(2, SpotCheckForm.ItemColumn).Value = "装表接电时间";
            ws.Cell(2, SpotCheckForm.CustomerColumn).Value = "晚两天";
            for (var r = 3; r <= 12; r++) ws.Cell(r, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Verified;
            wb.Save();
        }
        At(new DateTime(2026, 5, 20, 16, 0, 0), "spotcheck", "file", draw);
        var open = At(new DateTime(2026, 5, 21, 10, 0, 0), "rectify", "add", "--problem", "接电时间与客户所述不符待更正", "--unit", "国网临汾",
            "--deadline", "2026-06-10", "--measures", "更正记录", "--county", "尧都区", "--utility", "国网临汾").Trim();
        var closed = At(new DateTime(2026, 5, 21, 11, 0, 0), "rectify", "add", "--problem", "资料缺失已补齐", "--unit", "洪洞县",
            "--deadline", "2026-06-20", "--measures", "补齐资料", "--county", "洪洞县").Trim();
        At(new DateTime(2026, 6, 5, 15, 0, 0), "rectify", "close", closed, "--checked-on", "2026-06-05", "--finding", "已补齐", "--resolved");
        Assert.NotEqual(open, closed);

        using var boss = await Sessions.As(_web, "boss");
        using var pdf = await boss.GetAsync("/api/report/circular?half=2026H1");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var web = Section(PdfText(await pdf.Content.ReadAsByteArrayAsync()));
        var cliPath = Path.Combine(_web.Folder, "circular.pdf");
        At(WebFixture.Start, "report", "city", "--half", "2026H1", "--out", cliPath);
        var cli = Section(PdfText(File.ReadAllBytes(cliPath)));
        Assert.Equal(cli, web);
        // And it is the oversight of this store: the spot check, the forensics, the overdue item, the closed one counted.
        Assert.Contains("双随机抽查", web, StringComparison.Ordinal);
        Assert.Contains("核查工单11件", web, StringComparison.Ordinal);
        Assert.Contains("数据造假风险检验", web, StringComparison.Ordinal);
        Assert.Contains("接电时间与客户所述不符待更正", web, StringComparison.Ordinal);
        Assert.Contains("经回头看销号1项", web, StringComparison.Ordinal);

        // The city roll-up of a week: the same 问题清单 and 整改逾期 from the web as from ledger --city.
        var thursday = new DateOnly(2026, 6, 18);
        using var xlsx = await boss.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/ledger/city?date={thursday:yyyy-MM-dd}"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var webBook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var dir = Path.Combine(_web.Folder, "ledgers");
        var cliBook = At(WebFixture.Start, "ledger", "--city", "--date", "2026-06-18", "--out", dir).Trim();
        using var cliWb = new XLWorkbook(cliBook);
        Assert.Equal(SheetText(cliWb, "整改逾期"), SheetText(webBook, "整改逾期"));
        Assert.Equal(SheetText(cliWb, "问题清单"), SheetText(webBook, "问题清单"));
        Assert.Contains("接电时间与客户所述不符待更正", SheetText(webBook, "整改逾期"), StringComparison.Ordinal);
    }
}
