using Analytics.Reports.Wording;
using Analytics.Domain.Output;
using Analytics.Reports.Common.Xlsx;
using ClosedXML.Excel;

namespace Analytics.Reports.Common;

/// <summary>
/// The look every report worksheet shares: a title row and a subtitle row (who, which period,
/// as of when), a header row, then data; frozen header, auto-filter, explicit widths, number and
/// date formats by column, and A4 landscape printing one page wide with the title and header rows
/// repeated on every page and gridlines printed. Typography lives here, not in each report.
/// </summary>
/// <remarks>
/// Speed: ClosedXML (0.95) is slow at styling ranges cell by cell, so a sheet's main table takes its
/// number formats from column styles set before any data is written, data cells get no borders (the
/// gridlines are printed instead), and highlights are filled cell by cell (<see cref="Fill"/>).
/// Small secondary tables under the main one use <see cref="Block"/>, which styles their range.
/// </remarks>
public static class WorksheetLayout
{
    /// <summary>Row of the title.</summary>
    public const int TitleRow = 1;
    /// <summary>Row of the subtitle.</summary>
    public const int SubtitleRow = 2;
    /// <summary>Row of the table header when a sheet has one table.</summary>
    public const int HeaderRow = 3;

    // The report colours are XlsxLayout's, so both kinds of sheet share them.
    public static readonly XLColor HeaderFill = ToXl(XlsxLayout.HeaderFill);
    public static readonly XLColor BadFill = ToXl(XlsxLayout.BadFill);
    public static readonly XLColor WarnFill = ToXl(XlsxLayout.WarnFill);
    public static readonly XLColor GoodFill = ToXl(XlsxLayout.GoodFill);
    public static readonly XLColor InputFill = ToXl(XlsxLayout.InputFill);
    public const string FontName = "宋体";

    /// <summary>
    /// Writes title and subtitle (merged across the table's width), sets the sheet's font and the main
    /// table's column widths and column styles (number format, top alignment), before any data is written.
    /// </summary>
    public static void Title(IXLWorksheet sheet, string title, string subtitle, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        sheet.Style.Font.FontName = FontName;
        sheet.Style.Font.FontSize = 10;
        var width = Math.Max(1, columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var col = sheet.Column(i + 1);
            col.Width = columns[i].Width;
            col.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (columns[i].Format is { } f) col.Style.NumberFormat.Format = f;
        }

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
    /// Closes the main table under a header (rows <paramref name="headerRow"/>+1 … <paramref name="lastRow"/>):
    /// with <paramref name="filter"/>, an auto-filter over header and data. Formats come from the column styles.
    /// </summary>
    public static void Table(IXLWorksheet sheet, int headerRow, int lastRow, IReadOnlyList<SheetColumn> columns, bool filter = true)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        if (filter) sheet.Range(headerRow, 1, Math.Max(headerRow, lastRow), columns.Count).SetAutoFilter();
    }

    /// <summary>
    /// Styles a small secondary table (rows <paramref name="headerRow"/>+1 … <paramref name="lastRow"/>) whose
    /// columns differ from the sheet's main table: number formats by column and thin borders, over its range.
    /// </summary>
    public static void Block(IXLWorksheet sheet, int headerRow, int lastRow, IReadOnlyList<SheetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        if (lastRow <= headerRow) return;
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Format is { } f) sheet.Range(headerRow + 1, i + 1, lastRow, i + 1).Style.NumberFormat.Format = f;
        var data = sheet.Range(headerRow + 1, 1, lastRow, columns.Count);
        data.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        data.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    /// <summary>Fills cells <paramref name="fromColumn"/> … <paramref name="toColumn"/> of a row (cell by cell: cheaper than a range in ClosedXML).</summary>
    public static void Fill(IXLWorksheet sheet, int row, int fromColumn, int toColumn, XLColor color)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        for (var c = fromColumn; c <= toColumn; c++) sheet.Cell(row, c).Style.Fill.BackgroundColor = color;
    }

    private static XLColor ToXl(XlsxColor c) => XLColor.FromArgb(c.R, c.G, c.B);

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
        p.ShowGridlines = true; // data cells carry no borders: print the grid instead
        p.Footer.Center.AddText("第 ", XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(XLHFPredefinedText.PageNumber, XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(" 页，共 ", XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(XLHFPredefinedText.NumberOfPages, XLHFOccurrence.AllPages);
        p.Footer.Center.AddText(" 页", XLHFOccurrence.AllPages);
    }

    /// <summary>
    /// Text, always stored as text (an id like <c>0012</c> stays <c>0012</c>, never a number). Text a spreadsheet
    /// would read as a formula (<see cref="SpreadsheetText.IsFormulaLike"/>: <c>=…</c>, <c>+…</c>, <c>@…</c> …) also
    /// gets the cell's "quote prefix" style, so it is shown as text and stays text when edited; the value is unchanged.
    /// </summary>
    public static void Text(IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (string.IsNullOrEmpty(text)) return;
        if (SpreadsheetText.IsFormulaLike(text))
        {
            // ClosedXML 0.95 stores a value set with a leading apostrophe as the text after it, with quotePrefix="1".
            cell.Value = "'" + text;
            cell.DataType = XLDataType.Text;
            return;
        }
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
            case bool b: Text(cell, WordingTable.YesNo(b)); return;
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
