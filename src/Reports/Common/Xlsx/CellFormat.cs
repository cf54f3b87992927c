namespace Analytics.Reports.Common.Xlsx;

/// <summary>Horizontal alignment of a cell (the values of <c>&lt;alignment horizontal&gt;</c> the reports use).</summary>
public enum XlsxHorizontal
{
    General = 0,
    Left = 1,
    Center = 2,
    Right = 3,
}

/// <summary>Vertical alignment of a cell.</summary>
public enum XlsxVertical
{
    Bottom = 0,
    Center = 1,
    Top = 2,
}

/// <summary>Which edges of a cell carry a thin border.</summary>
[Flags]
public enum XlsxEdges
{
    None = 0,
    Left = 1,
    Right = 2,
    Top = 4,
    Bottom = 8,
    All = Left | Right | Top | Bottom,
}

/// <summary>
/// Everything a cell's look is made of, as one immutable value: font, fill, alignment, thin borders, number format and
/// the quote prefix. Equal values share one <c>&lt;xf&gt;</c> in styles.xml (<see cref="XlsxStyleTable"/>).
/// </summary>
/// <param name="FontName">Font face.</param>
/// <param name="FontSize">Font size in points.</param>
/// <param name="Bold">Bold font.</param>
/// <param name="Fill">Solid background fill, or null for none.</param>
/// <param name="Horizontal">Horizontal alignment.</param>
/// <param name="Vertical">Vertical alignment.</param>
/// <param name="WrapText">Wrap text in the cell.</param>
/// <param name="Borders">Edges with a thin black border.</param>
/// <param name="NumberFormat">Excel format code, or null for General (or for <paramref name="NumberFormatId"/>).</param>
/// <param name="NumberFormatId">A built-in format id used when <paramref name="NumberFormat"/> is null (0 = General).</param>
/// <param name="QuotePrefix">The "quote prefix": text that looks like a formula is shown and kept as text.</param>
public readonly record struct CellFormat(
    string FontName,
    double FontSize,
    bool Bold,
    XlsxColor? Fill,
    XlsxHorizontal Horizontal,
    XlsxVertical Vertical,
    bool WrapText,
    XlsxEdges Borders,
    string? NumberFormat,
    int NumberFormatId,
    bool QuotePrefix)
{
    /// <summary>The workbook's default look (Calibri 11, no fill, General), style index 0.</summary>
    public static CellFormat Default { get; } = new("Calibri", 11, false, null, XlsxHorizontal.General, XlsxVertical.Bottom,
        false, XlsxEdges.None, null, 0, false);
}

/// <summary>The distinct <see cref="CellFormat"/>s of a workbook, each with its index in styles.xml's cellXfs (0 is the default).</summary>
public sealed class XlsxStyleTable
{
    private readonly List<CellFormat> _formats = [CellFormat.Default];
    private readonly Dictionary<CellFormat, int> _index = new() { [CellFormat.Default] = 0 };

    /// <summary>The formats in index order.</summary>
    public IReadOnlyList<CellFormat> Formats => _formats;

    /// <summary>The format at <paramref name="id"/>.</summary>
    public CellFormat this[int id] => _formats[id];

    /// <summary>The index of <paramref name="format"/>, added when new.</summary>
    public int Intern(CellFormat format)
    {
        if (_index.TryGetValue(format, out var id)) return id;
        id = _formats.Count;
        _formats.Add(format);
        _index.Add(format, id);
        return id;
    }
}
