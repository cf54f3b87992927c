namespace Analytics.Reports.Common.Xlsx;

/// <summary>
/// How a sheet prints: paper, orientation, fit to pages, rows repeated at the top of each page, margins (inches),
/// centring, gridlines and the footer. Defaults are Excel's (and ClosedXML's): header 0.5, footer 0.75.
/// </summary>
public sealed class XlsxPageSetup
{
    /// <summary>Excel's paper code A4 (<c>paperSize="9"</c>).</summary>
    public const int A4 = 9;

    /// <summary>Excel's paper code; 0 leaves the printer's default.</summary>
    public int PaperSize { get; set; }
    public bool Landscape { get; set; }

    /// <summary>Pages wide to fit to; with <see cref="FitToPagesTall"/> 0, as many pages tall as needed. Null: no fitting.</summary>
    public int? FitToPagesWide { get; private set; }
    public int? FitToPagesTall { get; private set; }

    /// <summary>First and last rows repeated at the top of each page, or null.</summary>
    public (int First, int Last)? RowsToRepeatAtTop { get; private set; }

    public double MarginLeft { get; set; } = 0.7;
    public double MarginRight { get; set; } = 0.7;
    public double MarginTop { get; set; } = 0.75;
    public double MarginBottom { get; set; } = 0.75;
    public double MarginHeader { get; set; } = 0.5;
    public double MarginFooter { get; set; } = 0.75;

    public bool CenterHorizontally { get; set; }

    /// <summary>Print the gridlines.</summary>
    public bool ShowGridlines { get; set; }

    /// <summary>Footer in Excel's codes (<c>&amp;C</c> centre, <c>&amp;P</c> page, <c>&amp;N</c> pages), or empty.</summary>
    public string Footer { get; set; } = "";

    /// <summary>Fits the sheet to <paramref name="wide"/> pages across and <paramref name="tall"/> down (0: as many as needed).</summary>
    public void FitToPages(int wide, int tall)
    {
        FitToPagesWide = wide;
        FitToPagesTall = tall;
    }

    /// <summary>Repeats rows <paramref name="first"/> … <paramref name="last"/> at the top of every printed page.</summary>
    public void SetRowsToRepeatAtTop(int first, int last)
    {
        XlsxRangeAddress.Check(first, 1);
        XlsxRangeAddress.Check(last, 1);
        RowsToRepeatAtTop = (Math.Min(first, last), Math.Max(first, last));
    }
}
