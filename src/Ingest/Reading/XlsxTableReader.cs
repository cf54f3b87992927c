using System.Globalization;
using ClosedXML.Excel;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Reads one worksheet of an XLSX workbook (ClosedXML): the sheet named like the template
/// (<c>applications</c>, <c>用电报装</c>, …) or else the first one; the header is the first non-empty
/// row; empty rows (including trailing formatted ones) are skipped; row numbers are the sheet's own.
/// Date-formatted cells arrive as date-times, number cells as numbers, formula cells as their cached
/// (last calculated) value, because that is what the person saw in Excel.
/// </summary>
/// <remarks>
/// Input is data, never code: a formula is never evaluated (ClosedXML would compute it when asked for
/// <c>Value</c>, and a hostile formula can exhaust the stack or the memory). A formula cell without a
/// saved value reads as empty and carries a <see cref="CellProblem"/>, which the template reports with
/// its row and column.
/// </remarks>
/// <remarks>ClosedXML holds the whole workbook in memory; a template workbook is small next to a CSV export.</remarks>
public sealed class XlsxTableReader : ITableReader
{
    private readonly IEnumerator<IXLRow> _rows;
    private readonly string[] _headers;
    private readonly CellKind[] _kinds;
    private readonly string?[] _texts;
    private readonly double[] _numbers;
    private readonly DateTime[] _dates;
    private readonly bool[] _bools;
    private readonly Messages.MessageText?[] _problems;
    private bool _anyProblem;
    private int _rowNumber;

    private XlsxTableReader(IXLWorksheet sheet, IEnumerator<IXLRow> rows, string[] headers, int headerRow)
    {
        Sheet = sheet.Name;
        _rows = rows;
        _headers = headers;
        HeaderRow = headerRow;
        var n = headers.Length;
        _kinds = new CellKind[n];
        _texts = new string?[n];
        _numbers = new double[n];
        _dates = new DateTime[n];
        _bools = new bool[n];
        _problems = new Messages.MessageText?[n];
    }

    /// <summary>
    /// Opens the first sheet of <paramref name="workbook"/> whose name <paramref name="isTemplateSheet"/>
    /// accepts, else the first sheet. Throws <see cref="TableFormatException"/> when that sheet has no header row.
    /// </summary>
    public static XlsxTableReader Open(XLWorkbook workbook, Func<string, bool> isTemplateSheet, InputBounds? bounds = null)
    {
        bounds ??= InputBounds.Default;
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(isTemplateSheet);
        var sheets = workbook.Worksheets.OrderBy(w => w.Position).ToList();
        if (sheets.Count == 0) throw new TableFormatException(Messages.IngestMessages.NoWorksheet.Text(), 1);
        var sheet = sheets.FirstOrDefault(w => isTemplateSheet(w.Name)) ?? sheets[0];

        var rows = sheet.RowsUsed().GetEnumerator();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            var cells = row.CellsUsed().Select(c => (Column: c.Address.ColumnNumber, Text: Text(c))).Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
            if (cells.Count == 0) continue;
            var width = cells.Max(c => c.Column);
            var headers = new string[width];
            Array.Fill(headers, "");
            foreach (var (col, text) in cells)
            {
                var header = text.Trim();
                if (CellCheck.HeaderProblem(header, bounds) is { } problem)
                {
                    rows.Dispose();
                    throw new TableFormatException(Messages.IngestMessages.HeaderCellXlsx.With(XLHelper.GetColumnLetterFromNumber(col) + row.RowNumber().ToString(CultureInfo.InvariantCulture), problem), row.RowNumber());
                }
                headers[col - 1] = header;
            }
            return new XlsxTableReader(sheet, rows, headers, row.RowNumber());
        }
        rows.Dispose();
        throw new TableFormatException(Messages.IngestMessages.SheetEmpty.With(sheet.Name), 1);
    }

    /// <summary>
    /// Opens the sheet named <paramref name="sheetName"/> (null when the workbook has none) with the header
    /// at the first of the first <paramref name="maxHeaderRow"/> rows whose cells <paramref name="isHeader"/>
    /// accepts; the non-empty rows above it are in <see cref="RowsAboveHeader"/> (a title). Returns a reader
    /// with <see cref="HeaderFound"/> false when no row qualifies. Throws <see cref="TableFormatException"/>
    /// for a header cell that breaks the bounds.
    /// </summary>
    public static XlsxTableReader? OpenSheet(XLWorkbook workbook, string sheetName, Func<IReadOnlyList<string>, bool> isHeader,
        int maxHeaderRow, InputBounds? bounds = null)
    {
        bounds ??= InputBounds.Default;
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(isHeader);
        if (!workbook.Worksheets.TryGetWorksheet(sheetName, out var sheet)) return null;
        var above = new List<(int Row, IReadOnlyList<string> Cells)>();
        var rows = sheet.RowsUsed().GetEnumerator();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.RowNumber() > maxHeaderRow) break;
            var cells = row.CellsUsed().Select(c => (Column: c.Address.ColumnNumber, Text: Text(c))).Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
            if (cells.Count == 0) continue;
            var headers = new string[cells.Max(c => c.Column)];
            Array.Fill(headers, "");
            foreach (var (col, text) in cells) headers[col - 1] = text.Trim();
            if (!isHeader(headers))
            {
                above.Add((row.RowNumber(), headers));
                continue;
            }
            foreach (var (col, text) in cells)
                if (CellCheck.HeaderProblem(text.Trim(), bounds) is { } problem)
                {
                    rows.Dispose();
                    throw new TableFormatException(Messages.IngestMessages.HeaderCellXlsx.With(XLHelper.GetColumnLetterFromNumber(col) + row.RowNumber().ToString(CultureInfo.InvariantCulture), problem), row.RowNumber());
                }
            return new XlsxTableReader(sheet, rows, headers, row.RowNumber()) { RowsAboveHeader = above };
        }
        rows.Dispose();
        return new XlsxTableReader(sheet, Enumerable.Empty<IXLRow>().GetEnumerator(), [], 0) { RowsAboveHeader = above, HeaderFound = false };
    }

    /// <summary>The non-empty rows above the header (<see cref="OpenSheet"/>): row number and cell texts (trimmed; "" for an empty cell).</summary>
    public IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> RowsAboveHeader { get; private init; } = [];

    /// <summary>False when <see cref="OpenSheet"/> found no header row.</summary>
    public bool HeaderFound { get; private init; } = true;

    /// <summary>The names of the workbook's sheets, in order.</summary>
    public static IReadOnlyList<string> SheetNames(XLWorkbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return [.. workbook.Worksheets.OrderBy(w => w.Position).Select(w => w.Name)];
    }

    public string? Sheet { get; }
    public IReadOnlyList<string> Headers => _headers;
    public int HeaderRow { get; }
    public int RowNumber => _rowNumber;
    public int FieldCount => _headers.Length;

    /// <summary>The first cell, right of the last header column, that held a value (e.g. <c>H12</c>); such cells are ignored.</summary>
    public string? FirstCellBeyondHeader { get; private set; }

    public bool Read()
    {
        while (_rows.MoveNext())
        {
            var row = _rows.Current;
            Array.Clear(_kinds);
            Array.Clear(_texts);
            if (_anyProblem) { Array.Clear(_problems); _anyProblem = false; }
            var any = false;
            foreach (var cell in row.CellsUsed())
            {
                var i = cell.Address.ColumnNumber - 1;
                if (i >= _headers.Length)
                {
                    if (FirstCellBeyondHeader is null && !string.IsNullOrWhiteSpace(Text(cell)))
                        FirstCellBeyondHeader = cell.Address.ToString();
                    continue;
                }
                any |= Load(cell, i);
            }
            if (!any) continue;
            _rowNumber = row.RowNumber();
            return true;
        }
        return false;
    }

    public CellValue Cell(int ordinal)
    {
        if ((uint)ordinal >= (uint)_kinds.Length) return CellValue.Empty;
        return _kinds[ordinal] switch
        {
            CellKind.Text => CellValue.OfText(_texts[ordinal]),
            CellKind.Number => CellValue.OfNumber(_numbers[ordinal]),
            CellKind.DateTime => CellValue.OfDateTime(_dates[ordinal]),
            CellKind.Boolean => CellValue.OfBoolean(_bools[ordinal]),
            _ => CellValue.Empty,
        };
    }

    /// <summary>Why the cell cannot be read: a formula without a saved value. Null for a readable cell.</summary>
    public Messages.MessageText? CellProblem(int ordinal) => _anyProblem && (uint)ordinal < (uint)_problems.Length ? _problems[ordinal] : null;

    public string Display(int ordinal)
    {
        if ((uint)ordinal >= (uint)_kinds.Length) return "";
        if (_anyProblem && _problems[ordinal] is not null) return _texts[ordinal] ?? "";
        return _kinds[ordinal] switch
        {
            CellKind.Text => _texts[ordinal] ?? "",
            CellKind.Number => FormatNumber(_numbers[ordinal]),
            CellKind.DateTime => _dates[ordinal].ToString(_dates[ordinal].TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            CellKind.Boolean => _bools[ordinal] ? "TRUE" : "FALSE",
            _ => "",
        };
    }

    public void Dispose() => _rows.Dispose();

    /// <summary>An integral number without decimals (an ID typed as a number), otherwise round-trip form.</summary>
    internal static string FormatNumber(double d) =>
        Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? d.ToString("F0", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    /// <returns>True when the cell holds something other than blank text.</returns>
    private bool Load(IXLCell cell, int i)
    {
        if (cell.HasFormula)
        {
            // The value Excel saved, never a value computed here (see the remarks above).
            var text = CachedText(cell);
            if (text is null)
            {
                _kinds[i] = CellKind.Empty;
                _texts[i] = "=" + cell.FormulaA1; // for messages and the rejects file
                _problems[i] = Messages.IngestMessages.FormulaWithoutValue.Text();
                _anyProblem = true;
                return true;
            }
            _kinds[i] = CellKind.Text;
            _texts[i] = text;
            return !string.IsNullOrWhiteSpace(text);
        }
        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                _kinds[i] = CellKind.DateTime;
                _dates[i] = cell.GetDateTime();
                return true;
            case XLDataType.Number:
                _kinds[i] = CellKind.Number;
                _numbers[i] = cell.GetDouble();
                return true;
            case XLDataType.Boolean:
                _kinds[i] = CellKind.Boolean;
                _bools[i] = cell.GetBoolean();
                return true;
            case XLDataType.TimeSpan:
                _kinds[i] = CellKind.Text;
                _texts[i] = cell.GetFormattedString();
                return true;
            default:
                var s = cell.GetString();
                _kinds[i] = CellKind.Text;
                _texts[i] = s;
                return !string.IsNullOrWhiteSpace(s);
        }
    }

    /// <summary>A formula cell's saved value as text; null when the file saved none.</summary>
    private static string? CachedText(IXLCell cell) => cell.CachedValue switch
    {
        null => null,
        string s => s,
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double dd => FormatNumber(dd),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var o => o.ToString(),
    };

    private static string Text(IXLCell cell)
    {
        if (cell.HasFormula) return CachedText(cell) ?? "";
        return cell.DataType switch
        {
            XLDataType.Number => FormatNumber(cell.GetDouble()),
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "TRUE" : "FALSE",
            _ => cell.GetString(),
        };
    }
}
