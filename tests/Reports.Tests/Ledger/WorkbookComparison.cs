using ClosedXML.Excel;

namespace Analytics.Reports.Tests.Ledger;

/// <summary>Asserts that two workbooks read the same through ClosedXML: everything a ledger sets, sheet by sheet and cell by cell.</summary>
internal static class WorkbookComparison
{
    public static void AssertSame(XLWorkbook expected, XLWorkbook actual)
    {
        Assert.Equal(expected.Worksheets.Select(w => (w.Name, w.Visibility)), actual.Worksheets.Select(w => (w.Name, w.Visibility)));
        Assert.Equal(expected.Worksheets.Single(w => w.TabActive).Name, actual.Worksheets.Single(w => w.TabActive).Name);
        Assert.Equal(expected.Properties.Title, actual.Properties.Title);
        Assert.Equal(expected.Properties.Subject, actual.Properties.Subject);
        Assert.Equal(expected.Properties.Author, actual.Properties.Author);
        Assert.Equal(expected.Properties.Created, actual.Properties.Created);
        Assert.Equal(expected.Properties.Modified, actual.Properties.Modified);
        foreach (var e in expected.Worksheets) Sheet(e, actual.Worksheet(e.Name));
    }

    private static void Sheet(IXLWorksheet e, IXLWorksheet a)
    {
        var where = e.Name;
        var addresses = e.CellsUsed(XLCellsUsedOptions.All).Concat(a.CellsUsed(XLCellsUsedOptions.All))
            .Select(c => (c.Address.RowNumber, c.Address.ColumnNumber)).Distinct().OrderBy(x => x).ToList();
        Assert.NotEmpty(addresses);
        foreach (var (r, c) in addresses) Cell(e.Cell(r, c), a.Cell(r, c), $"{where}!{e.Cell(r, c).Address}");

        var lastColumn = addresses.Max(x => x.ColumnNumber) + 2;
        for (var c = 1; c <= lastColumn; c++)
        {
            Assert.True(e.Column(c).Width == a.Column(c).Width, $"{where} column {c} width {e.Column(c).Width} ≠ {a.Column(c).Width}");
            Style(e.Column(c).Style, a.Column(c).Style, $"{where} column {c}");
        }
        var lastRow = addresses.Max(x => x.RowNumber) + 2;
        for (var r = 1; r <= lastRow; r++)
            Assert.True(e.Row(r).Height == a.Row(r).Height, $"{where} row {r} height {e.Row(r).Height} ≠ {a.Row(r).Height}");

        Assert.Equal(e.MergedRanges.Select(m => m.RangeAddress.ToString()).Order(), a.MergedRanges.Select(m => m.RangeAddress.ToString()).Order());
        Assert.Equal((e.SheetView.SplitRow, e.SheetView.SplitColumn), (a.SheetView.SplitRow, a.SheetView.SplitColumn));
        Assert.Equal(e.AutoFilter.IsEnabled, a.AutoFilter.IsEnabled);
        if (e.AutoFilter.IsEnabled) Assert.Equal(e.AutoFilter.Range.RangeAddress.ToString(), a.AutoFilter.Range.RangeAddress.ToString());

        var ep = e.PageSetup;
        var ap = a.PageSetup;
        if (e.Visibility == XLWorksheetVisibility.Visible)
        {
            Assert.Equal(
                (ep.PaperSize, ep.PageOrientation, ep.PagesWide, ep.PagesTall, ep.FirstRowToRepeatAtTop, ep.LastRowToRepeatAtTop),
                (ap.PaperSize, ap.PageOrientation, ap.PagesWide, ap.PagesTall, ap.FirstRowToRepeatAtTop, ap.LastRowToRepeatAtTop));
            Assert.Equal(
                (ep.Margins.Left, ep.Margins.Right, ep.Margins.Top, ep.Margins.Bottom, ep.Margins.Header, ep.Margins.Footer),
                (ap.Margins.Left, ap.Margins.Right, ap.Margins.Top, ap.Margins.Bottom, ap.Margins.Header, ap.Margins.Footer));
            Assert.Equal((ep.CenterHorizontally, ep.CenterVertically, ep.ShowGridlines), (ap.CenterHorizontally, ap.CenterVertically, ap.ShowGridlines));
            Assert.Equal(ep.Footer.Center.GetText(XLHFOccurrence.OddPages), ap.Footer.Center.GetText(XLHFOccurrence.OddPages));
            Assert.Equal("第 &P 页，共 &N 页", ap.Footer.Center.GetText(XLHFOccurrence.OddPages));
        }

        var ev = e.DataValidations.ToList();
        var av = a.DataValidations.ToList();
        Assert.Equal(ev.Count, av.Count);
        for (var i = 0; i < ev.Count; i++)
        {
            Assert.Equal(string.Join(",", ev[i].Ranges.Select(x => x.RangeAddress.ToString())), string.Join(",", av[i].Ranges.Select(x => x.RangeAddress.ToString())));
            Assert.Equal(
                (ev[i].AllowedValues, ev[i].Operator, ev[i].MinValue, ev[i].MaxValue, ev[i].ErrorStyle, ev[i].ErrorTitle, ev[i].ErrorMessage),
                (av[i].AllowedValues, av[i].Operator, av[i].MinValue, av[i].MaxValue, av[i].ErrorStyle, av[i].ErrorTitle, av[i].ErrorMessage));
            Assert.Equal((ev[i].IgnoreBlanks, ev[i].InCellDropdown, ev[i].ShowErrorMessage), (av[i].IgnoreBlanks, av[i].InCellDropdown, av[i].ShowErrorMessage));
        }
    }

    private static void Cell(IXLCell e, IXLCell a, string where)
    {
        Assert.True(e.IsEmpty() == a.IsEmpty(), $"{where}: empty {e.IsEmpty()} ≠ {a.IsEmpty()}");
        Assert.False(a.HasFormula, where);
        if (!e.IsEmpty())
        {
            Assert.True(e.DataType == a.DataType, $"{where}: type {e.DataType} ≠ {a.DataType}");
            Assert.True(Equals(e.Value, a.Value), $"{where}: value “{e.Value}” ≠ “{a.Value}”");
        }
        Style(e.Style, a.Style, where);
    }

    private static void Style(IXLStyle e, IXLStyle a, string where)
    {
        Assert.True(e.NumberFormat.Format == a.NumberFormat.Format && e.NumberFormat.NumberFormatId == a.NumberFormat.NumberFormatId,
            $"{where}: number format {e.NumberFormat.Format}/{e.NumberFormat.NumberFormatId} ≠ {a.NumberFormat.Format}/{a.NumberFormat.NumberFormatId}");
        Assert.True(e.Fill.PatternType == a.Fill.PatternType && e.Fill.BackgroundColor.ToString() == a.Fill.BackgroundColor.ToString(),
            $"{where}: fill {e.Fill.PatternType} {e.Fill.BackgroundColor} ≠ {a.Fill.PatternType} {a.Fill.BackgroundColor}");
        Assert.True((e.Font.FontName, e.Font.FontSize, e.Font.Bold, e.Font.FontColor.ToString()) == (a.Font.FontName, a.Font.FontSize, a.Font.Bold, a.Font.FontColor.ToString()),
            $"{where}: font {e.Font.FontName} {e.Font.FontSize} {e.Font.Bold} {e.Font.FontColor} ≠ {a.Font.FontName} {a.Font.FontSize} {a.Font.Bold} {a.Font.FontColor}");
        Assert.True((e.Alignment.Horizontal, e.Alignment.Vertical, e.Alignment.WrapText) == (a.Alignment.Horizontal, a.Alignment.Vertical, a.Alignment.WrapText),
            $"{where}: alignment {e.Alignment.Horizontal} {e.Alignment.Vertical} {e.Alignment.WrapText} ≠ {a.Alignment.Horizontal} {a.Alignment.Vertical} {a.Alignment.WrapText}");
        Assert.True((e.Border.LeftBorder, e.Border.RightBorder, e.Border.TopBorder, e.Border.BottomBorder) == (a.Border.LeftBorder, a.Border.RightBorder, a.Border.TopBorder, a.Border.BottomBorder),
            $"{where}: borders {e.Border.LeftBorder} {e.Border.RightBorder} {e.Border.TopBorder} {e.Border.BottomBorder} ≠ {a.Border.LeftBorder} {a.Border.RightBorder} {a.Border.TopBorder} {a.Border.BottomBorder}");
        Assert.True(e.IncludeQuotePrefix == a.IncludeQuotePrefix, $"{where}: quote prefix {e.IncludeQuotePrefix} ≠ {a.IncludeQuotePrefix}");
    }
}
