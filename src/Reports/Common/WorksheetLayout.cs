using ClosedXML.Excel;

namespace Analytics.Reports.Common;

/// <summary>
/// The look every report worksheet shares: a title row and a subtitle row (who, which period,
/// as of when), a header row, then data; frozen header, auto-filter, explicit widths, number and
/// date formats by column, thin borders, and A4 landscape printing one page wide with the title
/// and header rows repeated on every page. Typography lives here, not in each report.
/// </summary>
public static class WorksheetLayout
{
    /// <summary>Row of the title.</summary>
    public const int TitleRow = 1;
    /// <summary>Row of the subtitle.</summary>
    public const int SubtitleRow = 2;
    /// <summary>Row of the table header when a sheet has one table.</summary>
    public const int HeaderRow = 3;

    public static readonly XLColor HeaderFill = XLColor.FromArgb(0xDD, 0xE5, 0xF0);
    public static readonly XLColor BadFill = XLColor.FromArgb(0xF8, 0xCB, 0xAD);
    public static readonly XLColor WarnFill = XLColor.FromArgb(0xFF, 0xEB, 0x9C);
    public static readonly XLColor GoodFill = XLColor.FromArgb(0xC6, 0xEF, 0xCE);
    public static readonly XLColor InputFill = XLColor.FromArgb(0xFF, 0xFF, 0xE0);
    public const string FontName = "宋体";

    /// <summary>Writes title and subtitle (merged across the table's width), sets the column widths and the sheet's font.</summary>
    public static void Title(IXLWorksheet sheet, string title, string subtitle, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = 10;
        var width = Math.Max(1, columns.Count);
        for (var i = 0; i < columns.Count; i++) sheet.Column(i + 1).Width = columns[i].Width;

        var t = sheet.Range(TitleRow, 1, TitleRow, width).Merge();
        Text(t.FirstCell(), title);
        t.Style.Font.Bold = true;
        t.Style.Font.FontSize = 14;
        t.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Row(TitleRow).Height = 24;

        var s = sheet.Range(SubtitleRow, 1, SubtitleRow, width).Merge();
        Text(s.FirstCell(), subtitle);
        s.Style.Font.FontSize = 9;
        s.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        s.Style.Alignment.WrapText = true;
        sheet.Row(SubtitleRow).Height = 28;
    }

    /// <summary>Writes a header row at <paramref name="row"/>.</summary>
    public static void Header(IXLWorksheet sheet, int row, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Count; i++) Text(sheet.Cell(row, i + 1), columns[i].Header);
        var r = sheet.Range(row, 1, row, columns.Count);
        r.Style.Font.Bold = true;
        r.Style.Fill.BackgroundColor = HeaderFill;
        r.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        r.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        r.Style.Alignment.WrapText = true;
        r.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        r.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Row(row).Height = 30;
    }

    /// <summary>
    /// Formats the data block under a header (rows <paramref name="headerRow"/>+1 … <paramref name="lastRow"/>):
    /// number formats by column, borders; with <paramref name="filter"/>, an auto-filter over header and data.
    /// </summary>
    public static void Table(IXLWorksheet sheet, int headerRow, int lastRow, IReadOnlyList<SheetColumn> columns, bool filter = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        if (lastRow > headerRow)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var col = sheet.Range(headerRow + 1, i + 1, lastRow, i + 1);
                if (columns[i].Format is { } f) col.Style.NumberFormat.Format = f;
                col.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            }
            var data = sheet.Range(headerRow + 1, 1, lastRow, columns.Count);
            data.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            data.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        }
        if (filter) sheet.Range(headerRow, 1, Math.Max(headerRow, lastRow), columns.Count).SetAutoFilter();
    }

    /// <summary>Freezes the rows down to <paramref name="headerRow"/> and sets up A4 landscape printing, one page wide, title and header repeated.</summary>
    public static void Finish(IXLWorksheet sheet, int headerRow)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.SheetView.FreezeRows(headerRow);
        var p = sheet.PageSetup;
        p.PaperSize = XLPaperSize.A4Paper;
        p.PageOrientation = XLPageOrientation.Landscape;
        p.FitToPages(1, 0);
        p.SetRowsToRepeatAtTop(TitleRow, headerRow);
        p.Margins.Left = 0.4;
        p.Margins.Right = 0.4;
        p.Margins.Top = 0.5;
        p.Margins.Bottom = 0.5;
        p.CenterHorizontally = true;
        p.Footer.Center.AddText("第 ", XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(" 页，共 ", XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(" 页", XLHFOccurrence.AllPages);
    }

    /// <summary>Text, always stored as text (an id like <c>0012</c> stays <c>0012</c>, never a number).</summary>
    public static void Text(IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (string.IsNullOrEmpty(text)) return;
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    /// <summary>A value of any supported type: text, whole or decimal number, date, date-time; null leaves the cell empty.</summary>
    public static void Value(IXLCell cell, object? value)
    {
        ArgumentNullException.ThrowIfNull(cell);
        switch (value)
        {
            case null: return;
            case string s: Text(cell, s); return;
            case int i: cell.SetValue(i); return;
            case long l: cell.SetValue(l); return;
            case decimal d: cell.SetValue(d); return;
            case double x: cell.SetValue(x); return;
            case DateTime t: cell.SetValue(t); return;
            case DateOnly d: cell.SetValue(d.ToDateTime(TimeOnly.MinValue)); return;
            case bool b: Text(cell, ReportLabels.YesNo(b)); return;
            default: throw new ArgumentException($"Unsupported cell value type {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Writes one data row from column 1.</summary>
    public static void Row(IXLWorksheet sheet, int row, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++) Value(sheet.Cell(row, i + 1), values[i]);
    }
}
