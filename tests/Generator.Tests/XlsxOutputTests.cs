using Analytics.Domain;
using ClosedXML.Excel;

namespace Analytics.Generator.Tests;

/// <summary>XLSX output read back with ClosedXML: Chinese headers and labels, real date cells, text IDs.</summary>
public sealed class XlsxOutputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "generator-xlsx-" + Guid.NewGuid().ToString("N"));
    private readonly GenerationResult _result;

    public XlsxOutputTests()
    {
        _result = new DataGenerator(new GeneratorOptions { Applications = 300, Outages = 40, Format = OutputFormat.Xlsx, Seed = 3 }).Generate(_dir);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [Theory]
    [InlineData(0, "用电报装")]
    [InlineData(1, "用电报装")]
    [InlineData(2, "停电事件")]
    [InlineData(3, "用户数")]
    [InlineData(4, "半年报文字材料")]
    public void Each_workbook_has_one_sheet_named_like_the_template_with_chinese_headers(int file, string sheet)
    {
        var f = _result.Files[file];
        Assert.EndsWith(".xlsx", f.Path, StringComparison.Ordinal);
        using var wb = new XLWorkbook(f.Path);
        var ws = Assert.Single(wb.Worksheets);
        Assert.Equal(sheet, ws.Name);
        var columns = TemplateDescriptions.Of(f.Kind);
        for (var c = 0; c < columns.Count; c++)
            Assert.Equal(columns[c].Header, ws.Cell(1, c + 1).GetString());
        Assert.Equal(f.Rows + 1, ws.LastRowUsed()!.RowNumber());
        for (var c = 0; c < columns.Count; c++)
            Assert.True(ws.Column(c + 1).Width > 5);
    }

    [Fact]
    public void Application_times_are_date_cells_and_identifiers_are_text()
    {
        using var wb = new XLWorkbook(_result.Files[0].Path);
        var ws = wb.Worksheet(1);
        var col = TemplateDescriptions.Applications.Select((c, i) => (c.Name, i + 1)).ToDictionary(x => x.Name, x => x.Item2);
        var rows = ws.RowsUsed().Skip(1).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var accepted = row.Cell(col["accepted_at"]);
            Assert.Equal(XLDataType.DateTime, accepted.DataType);
            Assert.True(accepted.GetDateTime().Year >= 2024);
            var id = row.Cell(col["id_number"]);
            if (!id.IsEmpty())
            {
                Assert.Equal(XLDataType.Text, id.DataType);
                Assert.True(IdNumbers.IsValid(id.GetString()));
            }
            var phone = row.Cell(col["phone"]);
            if (!phone.IsEmpty()) Assert.Equal(XLDataType.Text, phone.DataType);
            Assert.Equal(XLDataType.Number, row.Cell(col["capacity_kw"]).DataType);
            Assert.Contains(row.Cell(col["status"]).GetString(), (string[])["在途", "已接电", "已撤销"]);
            Assert.Contains(row.Cell(col["three_zero"]).GetString(), (string[])["是", "否"]);
            Assert.True(Codes.TryParse<Area>(row.Cell(col["area"]).GetString(), out _));
            Assert.Contains("（", row.Cell(col["county"]).GetString() + "（", StringComparison.Ordinal);
        }
        Assert.Contains(rows, r => r.Cell(col["connected_at"]).DataType == XLDataType.DateTime);
        Assert.Equal("yyyy-mm-dd hh:mm", rows[0].Cell(col["accepted_at"]).Style.DateFormat.Format);
    }

    [Fact]
    public void Labels_in_the_workbooks_are_chinese()
    {
        using var outages = new XLWorkbook(_result.Files[2].Path);
        var kinds = outages.Worksheet(1).Column(6).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().ToList();
        Assert.All(kinds, k => Assert.Contains(k, (string[])["预安排", "故障"]));
        using var notes = new XLWorkbook(_result.Files[4].Path);
        var halves = notes.Worksheet(1).Column(2).CellsUsed().Skip(1).Select(c => c.GetString()).Distinct().ToList();
        Assert.Contains("2024年上半年", halves);
        using var customers = new XLWorkbook(_result.Files[3].Path);
        var period = customers.Worksheet(1).Cell(2, 1);
        Assert.Equal(XLDataType.Text, period.DataType);
        Assert.Equal("2024", period.GetString());
    }
}
