using System.IO.Compression;
using Analytics.Domain;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Ingest.Tests.Reading;

public class XlsxTableReaderTests
{
    /// <summary>
    /// ClosedXML saves formulas without results; Excel saves the last result beside each formula.
    /// This puts such results in, as Excel would have.
    /// </summary>
    private static void SetCachedValues(string path, string sheet, Dictionary<string, (string Value, bool IsText)> values)
    {
        using var doc = SpreadsheetDocument.Open(path, true);
        var wbPart = doc.WorkbookPart!;
        var id = wbPart.Workbook.Descendants<Sheet>().First(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)wbPart.GetPartById(id);
        foreach (var c in part.Worksheet.Descendants<Cell>())
        {
            if (c.CellFormula is null || !values.TryGetValue(c.CellReference!.Value!, out var v)) continue;
            c.CellValue = new CellValue(v.Value);
            if (v.IsText) c.DataType = CellValues.String;
        }
        part.Worksheet.Save();
    }

    private static int Col(string name) => TestFiles.Application().Keys.ToList().IndexOf(name) + 1;

    [Fact]
    public void A_workbook_with_date_cells_serials_formulas_and_trailing_empty_rows_loads()
    {
        using var dir = new TempFolder();
        var rows = new List<IReadOnlyDictionary<string, string>>
        {
            TestFiles.Application("X-1"),
            TestFiles.Application("X-2"),
            TestFiles.Application("X-3"),
        };
        var path = dir.File("book.xlsx");
        using (var wb = new XLWorkbook())
        {
            var notes = wb.AddWorksheet("说明");
            notes.Cell(1, 1).SetValue("本表由营销系统导出");
            var ws = wb.AddWorksheet("用电报装工单");
            var header = rows[0].Keys.ToList();
            // Row 1 empty: the header is the first non-empty row (2), data starts at row 3.
            for (var c = 0; c < header.Count; c++) ws.Cell(2, c + 1).SetValue(header[c]);
            for (var r = 0; r < rows.Count; r++)
                for (var c = 0; c < header.Count; c++)
                    if (rows[r][header[c]] is { Length: > 0 } v) ws.Cell(3 + r, c + 1).SetValue(v);
            // accepted_at as a real Excel date cell, capacity and fee as numbers, three_zero as a boolean cell.
            ws.Cell(3, Col("accepted_at")).SetValue(new DateTime(2021, 9, 22, 10, 30, 0));
            ws.Cell(3, Col("accepted_at")).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
            ws.Cell(3, Col("capacity_kw")).SetValue(315.5);
            ws.Cell(3, Col("fee_yuan")).SetValue(1200);
            ws.Cell(3, Col("three_zero")).SetValue(true);
            ws.Cell(3, Col("paused_days")).SetValue(2);
            // a bare serial number in a date column, a date-only cell.
            ws.Cell(4, Col("accepted_at")).SetValue(44461.4375);
            ws.Cell(4, Col("plan_replied_at")).SetValue(new DateTime(2021, 9, 24));
            ws.Cell(4, Col("plan_replied_at")).Style.NumberFormat.NumberFormatId = 14;
            // formulas; their cached results are what counts.
            ws.Cell(5, Col("accepted_at")).FormulaA1 = "DATE(2021,9,22)+TIME(10,30,0)";
            ws.Cell(5, Col("capacity_kw")).FormulaA1 = "200+50";
            ws.Cell(5, Col("county")).FormulaA1 = "CONCATENATE(\"yao\",\"du\")";
            // Trailing rows that only look used: formatting, an empty string, a blank.
            ws.Row(9).Style.Fill.BackgroundColor = XLColor.Yellow;
            ws.Cell(10, 1).SetValue("");
            ws.Cell(11, 2).SetValue("   ");
            wb.SaveAs(path);
        }
        string Ref(string column, int row) => XLHelper.GetColumnLetterFromNumber(Col(column)) + row;
        SetCachedValues(path, "用电报装工单", new()
        {
            [Ref("accepted_at", 5)] = ("44461.4375", false),
            [Ref("capacity_kw", 5)] = ("250", false),
            // The workbook last showed "houma" (say, before an edit of the formula's inputs): that is what the person saw.
            [Ref("county", 5)] = ("houma", true),
        });

        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.RowsRead);
        var apps = result.Records.Cast<Application>().ToDictionary(a => a.ApplicationId);
        var accepted = new DateTime(2021, 9, 22, 10, 30, 0);
        Assert.All(apps.Values, a => Assert.Equal(accepted, a.AcceptedAt));
        Assert.Equal(315.5m, apps["X-1"].CapacityKw);
        Assert.Equal(1200m, apps["X-1"].FeeYuan);
        Assert.True(apps["X-1"].ThreeZero);
        Assert.Equal(2, apps["X-1"].PausedDays);
        Assert.Equal(new DateTime(2021, 9, 24), apps["X-2"].PlanRepliedAt);
        Assert.Equal(250m, apps["X-3"].CapacityKw);
        Assert.Equal("houma", apps["X-3"].County);
    }

    [Fact]
    public void Errors_carry_the_sheet_and_its_own_row_numbers()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Xlsx(dir, "rows.xlsx", [TestFiles.Application("A-1"), TestFiles.Application("A-2").With("capacity_kw", "lots")],
            sheet: "applications", headerRow: 4);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Applications, path));
        Assert.Equal("applications", e.Sheet);
        Assert.Equal(6, e.Row);
        Assert.Equal("capacity_kw", e.Column);
        Assert.StartsWith(path + "[applications]:6:capacity_kw: ", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_sheet_named_like_the_template_the_first_sheet_is_read()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Xlsx(dir, "first.xlsx", [TestFiles.Outage()], sheet: "2021年7月", edit: ws => ws.Workbook.AddWorksheet("其他").Cell(1, 1).SetValue("x"));
        var result = TestFiles.Read(dir, FilingKind.Outages, path);
        Assert.Empty(result.Errors);
        Assert.Single(result.Records);
    }

    [Fact]
    public void An_ID_number_stored_as_a_number_is_an_error_that_says_so()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Xlsx(dir, "idnum.xlsx", [TestFiles.Application()],
            edit: ws => ws.Cell(2, Col("id_number")).SetValue(141002198503154210d));
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Applications, path));
        Assert.Equal(IngestErrorCode.InvalidIdNumber, e.Code);
        Assert.Equal("applications.id_number_as_number", e.MessageId);
        Assert.Contains("以数字格式保存", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("141002198503154", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_right_of_the_header_are_ignored_with_a_warning()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Xlsx(dir, "beyond.xlsx", [TestFiles.Customers()], edit: ws => ws.Cell(2, 9).SetValue("备注：估算"));
        var result = TestFiles.Read(dir, FilingKind.Customers, path);
        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Message.Contains("I2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ZIP_that_is_not_a_workbook_is_refused()
    {
        using var dir = new TempFolder();
        var path = dir.File("archive.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            w.Write("hello");
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Applications, path));
        Assert.Equal(IngestErrorCode.NotAWorkbook, e.Code);
        Assert.Null(e.Row);
    }

    [Fact]
    public void An_old_xls_workbook_is_refused_with_advice()
    {
        using var dir = new TempFolder();
        var path = dir.File("old.xls");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Applications, path));
        Assert.Equal(IngestErrorCode.UnsupportedFormat, e.Code);
        Assert.Contains(".xlsx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_named_csv_is_read_as_a_workbook()
    {
        using var dir = new TempFolder();
        var xlsx = TestFiles.Xlsx(dir, "n.xlsx", [TestFiles.Note()]);
        var csv = dir.File("n.csv");
        File.Move(xlsx, csv);
        var result = TestFiles.Read(dir, FilingKind.Notes, csv);
        Assert.Empty(result.Errors);
        Assert.Single(result.Records);
    }

    [Fact]
    public void An_empty_sheet_has_no_header()
    {
        using var dir = new TempFolder();
        var path = dir.File("blank.xlsx");
        using (var wb = new XLWorkbook())
        {
            wb.AddWorksheet("notes");
            wb.SaveAs(path);
        }
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Notes, path));
        Assert.Equal(IngestErrorCode.NoHeader, e.Code);
    }
}
