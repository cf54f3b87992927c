using Analytics.Domain;
using Analytics.Reports.Ledger;
using Analytics.Reports.Tests.Ledger.Reference;
using ClosedXML.Excel;
using static Analytics.Reports.Tests.Ledger.LedgerTestData;

namespace Analytics.Reports.Tests.Ledger;

/// <summary>
/// Issue 12: the ledgers are written by the light XLSX writer instead of ClosedXML. Read back with ClosedXML, the new
/// file is the old one (<see cref="ClosedXmlWeeklyLedgerWorkbook"/>, <see cref="ClosedXmlCityLedgerWorkbook"/>: the
/// ClosedXML writers as they were) cell for cell: values, types, number formats, fills, fonts, alignment, borders,
/// quote prefixes, merges, widths, heights, frozen rows, auto-filter, data validations, print setup and properties.
/// </summary>
public class LedgerWorkbookComparisonTests
{
    /// <summary>Records that reach every sheet and every style: late, overdue and nearly due, outages, approvals, notes, odd text.</summary>
    private static LedgerInputs Rich()
    {
        Application[] apps =
        [
            Residential("YD-OK", "yaodu", At(11, 20), At(11, 24)),
            Residential("YD-LATE", "yaodu", At(11, 16), At(11, 23)),
            Residential("YD-OPEN-OLD", "yaodu", At(11, 10), null),
            Residential("YD-OPEN-NEW", "yaodu", At(11, 24), null),
            Residential("YD-DUE-SOON", "yaodu", At(11, 23), null),
            Residential("0012", "yaodu", At(11, 20), At(11, 24), mask: "=HYPERLINK(\"http://x\")"),
            Residential("=1+2", "yaodu", At(11, 21), null, mask: "+86 123"),
            Residential("_x0041_ id", "yaodu", At(11, 21), null, mask: " 张* "),
            LvOther("YD-LV", "yaodu", At(11, 18), At(11, 25, 15)),
            LvOther("AP-CLOSED", "yaodu", At(11, 10), null) with { ApprovalSubmittedAt = At(11, 12), ApprovalGrantedAt = At(11, 24) },
            LvOther("AP-OPEN", "yaodu", At(11, 10), null) with { ApprovalSubmittedAt = At(11, 23) },
            Residential("YD-MARCH", "yaodu", At(3, 2), At(3, 4)),
            Residential("HM-1", "houma", At(11, 20), At(11, 24)),
            Residential("HM-OPEN", "houma", At(11, 2), null),
        ];
        OutageStep[] outages =
        [
            Outage("O-WEEK", "yaodu", Area.Rural, At(11, 21, 10), 2, 500),
            Outage("O-MAY", "yaodu", Area.Rural, At(5, 3, 10), 10, 1000),
            Outage("O-PLAN", "yaodu", Area.Urban, At(11, 24, 8), 1, 100, OutageKind.Planned, notified: At(11, 23, 20)),
            Outage("O-PLAN-OK", "yaodu", Area.Town, At(11, 24, 8), 1, 100, OutageKind.Planned, notified: At(11, 10)),
        ];
        LedgerNote[] notes =
        [
            new() { County = "yaodu", Thursday = Thursday, Task = "任务1", Text = "已入驻政务平台\n存在问题：接口未通", Status = "推进中" },
            new() { County = "yaodu", Thursday = Thursday, Task = "任务2", Text = "=cmd|' /C calc'!A0", Status = "已完成" },
            new() { County = "houma", Thursday = Thursday.AddDays(-7), Task = "任务1", Text = "上周的" },
        ];
        return Inputs(apps, outages, notes);
    }

    [Fact]
    public void The_county_ledger_reads_back_as_the_ClosedXML_written_one()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Rich(), "yaodu", Week);
        using var expected = Reopen(s => { using var wb = ClosedXmlWeeklyLedgerWorkbook.Build(ledger); wb.SaveAs(s); });
        using var actual = Reopen(s => WeeklyLedgerWorkbook.Write(ledger, s));

        WorkbookComparison.AssertSame(expected, actual);
        // Not vacuous: the sheets hold rows, fills and the formula-like text.
        Assert.True(actual.Worksheet("在途工单").LastRowUsed()!.RowNumber() > 5);
        Assert.Contains(actual.Worksheet("在途工单").CellsUsed(), c => c.Style.Fill.BackgroundColor == Analytics.Reports.Common.WorksheetLayout.BadFill);
        Assert.Contains(actual.Worksheet("本周接电").CellsUsed(), c => c.GetString() == "0012" && c.DataType == XLDataType.Text);
        Assert.Contains(actual.Worksheets.SelectMany(w => w.CellsUsed()), c => c.Style.IncludeQuotePrefix);
    }

    [Fact]
    public void The_city_ledger_reads_back_as_the_ClosedXML_written_one()
    {
        var city = WeeklyLedgers.ComposeCity(Rich(), Week);
        using var expected = Reopen(s => { using var wb = ClosedXmlCityLedgerWorkbook.Build(city); wb.SaveAs(s); });
        using var actual = Reopen(s => CityLedgerWorkbook.Write(city, s));

        WorkbookComparison.AssertSame(expected, actual);
        Assert.True(actual.Worksheet(CityLedgerWorkbook.CountiesSheet).LastRowUsed()!.RowNumber() > 10);
    }

    [Fact]
    public void Both_ledgers_are_valid_SpreadsheetML_by_the_Open_XML_SDK_validator()
    {
        // ClosedXML reading a file back is lenient; Excel is not. The SDK validates every part against the Office schemas.
        var inputs = Rich();
        var county = WeeklyLedgers.ComposeCounty(inputs, "yaodu", Week);
        var city = WeeklyLedgers.ComposeCity(inputs, Week);
        foreach (var write in new Action<Stream>[] { s => WeeklyLedgerWorkbook.Write(county, s), s => CityLedgerWorkbook.Write(city, s) })
        {
            using var ms = new MemoryStream();
            write(ms);
            ms.Position = 0;
            using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(ms, false);
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013)
                .Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
            Assert.True(doc.WorkbookPart!.WorksheetParts.Count() >= 2);
        }
    }

    [Fact]
    public void The_same_ledger_is_written_to_the_same_bytes()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Rich(), "yaodu", Week);
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, a);
        Thread.Sleep(1100); // a zip entry dated by the clock would differ now
        WeeklyLedgerWorkbook.Write(ledger, b);

        Assert.Equal(a.ToArray(), b.ToArray());
    }

    private static XLWorkbook Reopen(Action<Stream> write)
    {
        var ms = new MemoryStream();
        write(ms);
        ms.Position = 0;
        return new XLWorkbook(ms);
    }
}
