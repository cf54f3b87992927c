using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Domain.Output;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using Analytics.Reports.Common;
using ClosedXML.Excel;
using static Analytics.Reports.Common.WorksheetLayout;

namespace Analytics.Reports.Tables;

/// <summary>
/// <c>analytics applications --format xlsx</c>: the same rows as the CSV contract, for people — Chinese
/// headers and names, dates as Excel dates, codes kept beside the labels so the sheet can be filtered
/// either way. Personal data only as the mask. Text cells through <see cref="Common.WorksheetLayout.Text"/>
/// (formula-like text neutralised); the file through <see cref="OutputFile"/> (whole or not at all).
/// </summary>
public static class ApplicationsWorkbook
{
    private static readonly (string Header, double Width)[] Columns =
    [
        ("工单编号", 16), ("供电企业", 16), ("县（市、区）", 10), ("供电区域", 8), ("用户类别", 18), ("状态", 8),
        ("户名", 8), ("申请受理时间", 17), ("装表接电时间", 17), ("全过程办电时间(工作日)", 12), ("供电企业办理时间(工作日)", 12),
        ("审批时间(工作日)", 10), ("环节数", 7), ("环节", 30), ("问题", 30),
    ];

    public static void Write(MetricsResult result, IEnumerable<ApplicationFigures> rows, Registries registries, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(registries);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("工单明细");
        for (var c = 0; c < Columns.Length; c++)
        {
            Text(ws.Cell(1, c + 1), Columns[c].Header);
            ws.Column(c + 1).Width = Columns[c].Width;
        }
        var header = ws.Range(1, 1, 1, Columns.Length);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = true;
        var r = 2;
        foreach (var f in rows)
        {
            var a = f.Application;
            Text(ws.Cell(r, 1), a.ApplicationId);
            Text(ws.Cell(r, 2), registries.TryUtility(a.Utility, out var ut) ? ut.ShortName : a.Utility);
            Text(ws.Cell(r, 3), registries.TryCounty(a.County, out var co) ? co.Name : a.County);
            Text(ws.Cell(r, 4), Codes.Label(a.Area));
            Text(ws.Cell(r, 5), Codes.Label(f.Category));
            Text(ws.Cell(r, 6), Codes.Label(a.Status));
            Text(ws.Cell(r, 7), a.CustomerMask ?? "");
            ws.Cell(r, 8).Value = a.AcceptedAt;
            if (a.ConnectedAt is { } conn) ws.Cell(r, 9).Value = conn;
            if (f.WholeProcessDays is { } w) ws.Cell(r, 10).Value = w;
            if (f.UtilityDays is { } ud) ws.Cell(r, 11).Value = ud;
            if (f.ApprovalDays is { } ad) ws.Cell(r, 12).Value = ad;
            ws.Cell(r, 13).Value = f.StageCount;
            Text(ws.Cell(r, 14), string.Join("、", f.Stages.Stages.Select(Codes.Label)));
            // People read this workbook: each code by its Chinese name (the CSV and JSON exports keep the codes).
            Text(ws.Cell(r, 15), string.Join("；", result.FindingCodes(f).Select(c => WordingTable.FindingCode(c, result.Policy))));
            r++;
        }
        ws.Range(2, 8, Math.Max(2, r - 1), 9).Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, Math.Max(1, r - 1), Columns.Length).SetAutoFilter();
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.SetRowsToRepeatAtTop(1, 1);
        OutputFile.Write(path, s => wb.SaveAs(s));
    }
}
