using System.Text;
using Analytics.Domain;
using ClosedXML.Excel;

namespace Analytics.Generator.Tests;

public sealed class BlankTemplatesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "generator-blank-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void Each_template_has_a_csv_and_an_xlsx_with_the_chinese_headers()
    {
        var paths = BlankTemplates.Write(_dir);
        Assert.Equal(8, paths.Count);
        foreach (var kind in BlankTemplates.Kinds)
        {
            var columns = TemplateDescriptions.Of(kind);
            var csv = File.ReadAllBytes(Path.Combine(_dir, Codes.Of(kind) + ".csv"));
            Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
            Assert.Equal(string.Join(",", columns.Select(c => c.Header.Contains(',', StringComparison.Ordinal) ? $"\"{c.Header}\"" : c.Header)) + "\r\n", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));

            using var wb = new XLWorkbook(Path.Combine(_dir, Codes.Of(kind) + ".xlsx"));
            var data = wb.Worksheet(1);
            Assert.Equal(Codes.Label(kind), data.Name);
            Assert.Equal(columns.Select(c => c.Header), data.Row(1).Cells(1, columns.Count).Select(c => c.GetString()));
            Assert.Equal(1, data.LastRowUsed()!.RowNumber());
            var help = wb.Worksheet("填报说明");
            Assert.Equal(columns.Count + 1, help.LastRowUsed()!.RowNumber());
        }
    }

    [Fact]
    public void The_blank_templates_carry_the_columns_ingest_reads_one_contract()
    {
        var paths = BlankTemplates.Write(_dir);
        var context = new Analytics.Ingest.Templates.TemplateContext(Analytics.Domain.Registry.Registries.Default, new DateTime(2026, 1, 1),
            () => throw new InvalidOperationException("no keyring needed"));
        foreach (var kind in BlankTemplates.Kinds)
        {
            var ingest = Analytics.Ingest.Templates.Template.For(kind, context).Columns;
            using var wb = new XLWorkbook(Path.Combine(_dir, Codes.Of(kind) + ".xlsx"));
            var headers = wb.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Equal(ingest.Select(c => c.ChineseName), headers);
            var help = wb.Worksheet("填报说明");
            for (var i = 0; i < ingest.Count; i++)
            {
                Assert.Equal(ingest[i].Name, help.Cell(i + 2, 2).GetString());
                Assert.Equal(ingest[i].Required ? "必填" : "选填", help.Cell(i + 2, 3).GetString());
            }
        }
    }

    [Fact]
    public void Writing_the_templates_twice_gives_the_same_bytes()
    {
        var a = BlankTemplates.Write(Path.Combine(_dir, "a"));
        var b = BlankTemplates.Write(Path.Combine(_dir, "b"));
        for (var i = 0; i < a.Count; i++) Assert.Equal(File.ReadAllBytes(a[i]), File.ReadAllBytes(b[i]));
    }
}
