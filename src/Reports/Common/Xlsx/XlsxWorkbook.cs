using System.Buffers;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>The document properties of a workbook (docProps/core.xml).</summary>
public sealed class XlsxProperties
{
    public string Title { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Author { get; set; } = "";
    /// <summary>Written as UTC (an unspecified kind is taken as UTC, so the file never depends on the machine's zone); null: left out.</summary>
    public DateTime? Created { get; set; }
    public DateTime? Modified { get; set; }
}

/// <summary>
/// A workbook held as a light model of cells and styles and written as XLSX by <see cref="XlsxPackageWriter"/>: the
/// subset of ClosedXML's <c>XLWorkbook</c> the ledgers use (styles, merges, widths, heights, frozen rows, auto-filter,
/// data validations, print setup, properties, hidden sheets, the active tab), without ClosedXML's object per cell.
/// </summary>
/// <remarks>
/// Why not a library: SpreadCheetah 1.29 (the streaming writer the registry serves) has no page setup — no paper,
/// orientation, fit-to-page, margins, centring, printed gridlines, footer or print titles — no quote-prefix style and no
/// created/modified dates (so no deterministic file); all of these are part of the ledgers. The Open XML SDK's SAX
/// writer could write them, but the parts (styles, shared strings, defined names) would still be ours to build,
/// so a small serializer over this model, checked cell by cell against ClosedXML's reading of it, is the lighter way.
/// </remarks>
public sealed class XlsxWorkbook
{
    private static readonly SearchValues<char> BadNameChars = SearchValues.Create("[]:*?/\\");
    private readonly List<XlsxSheet> _sheets = [];

    /// <summary>Distinct cell formats of the workbook.</summary>
    internal XlsxStyleTable Styles { get; } = new();

    public XlsxProperties Properties { get; } = new();

    public IReadOnlyList<XlsxSheet> Worksheets => _sheets;

    /// <summary>0-based index of the tab shown when the file opens.</summary>
    public int ActiveTab { get; set; }

    /// <summary>Adds a sheet at the end.</summary>
    /// <exception cref="ArgumentException">The name is empty, longer than 31 characters, holds <c>[]:*?/\</c> or is taken.</exception>
    public XlsxSheet AddWorksheet(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > 31 || name.AsSpan().IndexOfAny(BadNameChars) >= 0 || name[0] == '\'' || name[^1] == '\'')
            throw new ArgumentException($"“{name}” is not a valid sheet name.", nameof(name));
        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"A sheet named “{name}” exists already.", nameof(name));
        var sheet = new XlsxSheet(this, name);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>The sheet named <paramref name="name"/>.</summary>
    public XlsxSheet Worksheet(string name) =>
        _sheets.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No sheet named “{name}”.", nameof(name));

    /// <summary>Writes the workbook as XLSX to <paramref name="output"/> (left open).</summary>
    public void SaveAs(Stream output) => XlsxPackageWriter.Write(this, output);
}
