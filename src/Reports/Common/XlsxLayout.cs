using Analytics.Domain.Output;
using Analytics.Reports.Common.Xlsx;
using Analytics.Reports.Wording;

namespace Analytics.Reports.Common;

/// <summary>
/// <see cref="WorksheetLayout"/>'s look for sheets of the light <see cref="XlsxWorkbook"/> model: the same title and
/// subtitle rows, header, column widths and formats, frozen header, auto-filter, fills and A4 landscape print setup, so a
/// report moved off ClosedXML reads back the same. The ledgers use it (thousands of rows, written in well under a second).
/// </summary>
/// <remarks>
/// Each method does what its namesake in <see cref="WorksheetLayout"/> does, step for step, so the cells come out with
/// the same styles (a new cell takes its column's style, as in ClosedXML); the ledger's comparison test checks that
/// ClosedXML reads both the same.
/// </remarks>
public static class XlsxLayout
{
    /// <summary>Row of the title.</summary>
    public const int TitleRow = WorksheetLayout.TitleRow;
    /// <summary>Row of the subtitle.</summary>
    public const int SubtitleRow = WorksheetLayout.SubtitleRow;
    /// <summary>Row of the table header when a sheet has one table.</summary>
    public const int HeaderRow = WorksheetLayout.HeaderRow;

    public static readonly XlsxColor HeaderFill = XlsxColor.FromArgb(0xDD, 0xE5, 0xF0);
    public static readonly XlsxColor BadFill = XlsxColor.FromArgb(0xF8, 0xCB, 0xAD);
    public static readonly XlsxColor WarnFill = XlsxColor.FromArgb(0xFF, 0xEB, 0x9C);
    public static readonly XlsxColor GoodFill = XlsxColor.FromArgb(0xC6, 0xEF, 0xCE);
    public static readonly XlsxColor InputFill = XlsxColor.FromArgb(0xFF, 0xFF, 0xE0);

    /// <summary>The footer printed on every page: 第 n 页，共 N 页.</summary>
    public const string PageFooter = "&C第 &P 页，共 &N 页";

    /// <summary>Title and subtitle (merged across the table), the sheet's font, the main table's widths and column styles.</summary>
    public static void Title(XlsxSheet sheet, string title, string subtitle, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        sheet.Style.Font.FontName = WorksheetLayout.FontName;
        sheet.Style.Font.FontSize = 10;
        var width = Math.Max(1, columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var col = sheet.Column(i + 1);
            col.Width = columns[i].Width;
            col.Style.Alignment.Vertical = XlsxVertical.Top;
            if (columns[i].Format is { } f) col.Style.NumberFormat.Format = f;
        }

        var t = sheet.Range(TitleRow, 1, TitleRow, width).Merge();
        Text(t.FirstCell(), title);
        t.Style.Font.Bold = true;
        t.Style.Font.FontSize = 14;
        t.Style.Alignment.Horizontal = XlsxHorizontal.Center;
        sheet.Row(TitleRow).Height = 24;

        var s = sheet.Range(SubtitleRow, 1, SubtitleRow, width).Merge();
        Text(s.FirstCell(), subtitle);
        s.Style.Font.FontSize = 9;
        s.Style.Alignment.Horizontal = XlsxHorizontal.Left;
        s.Style.Alignment.WrapText = true;
        sheet.Row(SubtitleRow).Height = 28;
    }

    /// <summary>A header row at <paramref name="row"/>: bold, header fill, centred, wrapped, thin borders.</summary>
    public static void Header(XlsxSheet sheet, int row, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Count; i++) Text(sheet.Cell(row, i + 1), columns[i].Header);
        var r = sheet.Range(row, 1, row, columns.Count);
        r.Style.Font.Bold = true;
        r.Style.Fill.BackgroundColor = HeaderFill;
        r.Style.Alignment.Horizontal = XlsxHorizontal.Center;
        r.Style.Alignment.Vertical = XlsxVertical.Center;
        r.Style.Alignment.WrapText = true;
        r.Style.Border.OutsideBorder = XlsxBorderStyle.Thin;
        r.Style.Border.InsideBorder = XlsxBorderStyle.Thin;
        sheet.Row(row).Height = 30;
    }

    /// <summary>Closes the main table: with <paramref name="filter"/>, an auto-filter over header and data.</summary>
    public static void Table(XlsxSheet sheet, int headerRow, int lastRow, IReadOnlyList<SheetColumn> columns, bool filter = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        if (filter) sheet.Range(headerRow, 1, Math.Max(headerRow, lastRow), columns.Count).SetAutoFilter();
    }

    /// <summary>A small secondary table's number formats by column and thin borders, over its data rows.</summary>
    public static void Block(XlsxSheet sheet, int headerRow, int lastRow, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        if (lastRow <= headerRow) return;
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Format is { } f) sheet.Range(headerRow + 1, i + 1, lastRow, i + 1).Style.NumberFormat.Format = f;
        var data = sheet.Range(headerRow + 1, 1, lastRow, columns.Count);
        data.Style.Border.OutsideBorder = XlsxBorderStyle.Thin;
        data.Style.Border.InsideBorder = XlsxBorderStyle.Thin;
    }

    /// <summary>Fills cells <paramref name="fromColumn"/> … <paramref name="toColumn"/> of a row.</summary>
    public static void Fill(XlsxSheet sheet, int row, int fromColumn, int toColumn, XlsxColor color)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.Range(row, fromColumn, row, toColumn).Style.Fill.BackgroundColor = color;
    }

    /// <summary>Freezes the rows down to <paramref name="headerRow"/>; A4 landscape, one page wide, title and header repeated, gridlines, page footer.</summary>
    public static void Finish(XlsxSheet sheet, int headerRow)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.FrozenRows = headerRow;
        var p = sheet.PageSetup;
        p.PaperSize = XlsxPageSetup.A4;
        p.Landscape = true;
        p.FitToPages(1, 0);
        p.SetRowsToRepeatAtTop(TitleRow, headerRow);
        p.MarginLeft = 0.4;
        p.MarginRight = 0.4;
        p.MarginTop = 0.5;
        p.MarginBottom = 0.5;
        p.CenterHorizontally = true;
        p.ShowGridlines = true; // data cells carry no borders: print the grid instead
        p.Footer = PageFooter;
    }

    /// <summary>
    /// Text, always stored as text (<c>0012</c> stays <c>0012</c>); formula-like text
    /// (<see cref="SpreadsheetText.IsFormulaLike"/>) also gets the quote-prefix style, its value unchanged. Never a formula.
    /// </summary>
    public static void Text(XlsxCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        cell.SetText(text, quotePrefix: SpreadsheetText.IsFormulaLike(text));
    }

    /// <summary>A value of any supported type: text, whole or decimal number, date, date-time; null leaves the cell empty.</summary>
    public static void Value(XlsxCell cell, object? value)
    {
        switch (value)
        {
            case null: return;
            case string s: Text(cell, s); return;
            case int i: cell.SetNumber((double)i); return;
            case long l: cell.SetNumber((double)l); return;
            case decimal d: cell.SetNumber(d); return;
            case double x: cell.SetNumber(x); return;
            case DateTime t: cell.SetDateTime(t); return;
            case DateOnly d: cell.SetDateTime(d.ToDateTime(TimeOnly.MinValue)); return;
            case bool b: Text(cell, WordingTable.YesNo(b)); return;
            default: throw new ArgumentException($"Unsupported cell value type {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Writes one data row from column 1.</summary>
    public static void Row(XlsxSheet sheet, int row, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++) Value(sheet.Cell(row, i + 1), values[i]);
    }
}
