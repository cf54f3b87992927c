using System.Text;
using Analytics.Domain;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// The header of one file bound to a template's columns, once per file (templates.md §1, Headers):
/// English or Chinese name (or an alias), case- and white-space-insensitive, full-width brackets equal
/// half-width ones, <c>_</c>/<c>-</c> and a trailing required-marker <c>*</c> ignored; column order free.
/// A missing required column or a column given twice is an error; unknown columns are one warning.
/// </summary>
public sealed class HeaderBinding
{
    private readonly int[] _ordinalOf;
    private readonly string?[] _headerOf;

    private readonly TemplateColumn?[] _columnAt;

    private HeaderBinding(int[] ordinalOf, string?[] headerOf, IReadOnlyList<string> headers, TemplateColumn?[] columnAt)
    {
        _ordinalOf = ordinalOf;
        _headerOf = headerOf;
        _columnAt = columnAt;
        Headers = headers;
    }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The template column at a header ordinal; null for an unknown or unnamed column.</summary>
    public TemplateColumn? ColumnAt(int ordinal) => (uint)ordinal < (uint)_columnAt.Length ? _columnAt[ordinal] : null;

    /// <summary>The file's ordinal of a template column; -1 when the file lacks it.</summary>
    public int OrdinalOf(TemplateColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _ordinalOf[column.Index];
    }

    /// <summary>The column as the file's header writes it; the English name when the file lacks it.</summary>
    public string HeaderOf(TemplateColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _headerOf[column.Index] ?? column.Name;
    }

    /// <summary>The comparison key of a header or a column name.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var n = Codes.Normalize(text);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
            if (c is not ('_' or '-' or '＿')) sb.Append(c);
        while (sb.Length > 0 && sb[^1] is '*' or '＊') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Binds <paramref name="headers"/> to <paramref name="columns"/>; problems go to the two lists.</summary>
    public static HeaderBinding Bind(
        IReadOnlyList<string> headers, IReadOnlyList<TemplateColumn> columns, bool xlsx, int headerRow,
        Func<IngestErrorCode, int?, string?, MessageText, IngestError> error, List<IngestError> errors, List<MessageText> warnings)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        var byKey = new Dictionary<string, TemplateColumn>(StringComparer.Ordinal);
        foreach (var c in columns)
            foreach (var name in new[] { c.Name, c.ChineseName }.Concat(c.Aliases))
                byKey.TryAdd(Key(name), c);

        var ordinalOf = new int[columns.Count];
        Array.Fill(ordinalOf, -1);
        var headerOf = new string?[columns.Count];
        var columnAt = new TemplateColumn?[headers.Count];
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var h = headers[i];
            if (h.Length == 0) continue; // an unnamed column: its cells are ignored
            if (!byKey.TryGetValue(Key(h), out var col))
            {
                unknown.Add(h);
                continue;
            }
            if (ordinalOf[col.Index] >= 0)
            {
                var first = ordinalOf[col.Index];
                errors.Add(error(IngestErrorCode.DuplicateColumn, headerRow, h,
                    IngestMessages.DuplicateColumn.With(col.Label, Position(first, xlsx), headers[first], Position(i, xlsx), h)));
                continue;
            }
            ordinalOf[col.Index] = i;
            headerOf[col.Index] = h;
            columnAt[i] = col;
        }
        foreach (var c in columns)
        {
            if (!c.Required || ordinalOf[c.Index] >= 0) continue;
            var separated = headers.Count == 1 && (headers[0].Contains('\t', StringComparison.Ordinal) || headers[0].Contains(';', StringComparison.Ordinal));
            errors.Add(error(IngestErrorCode.MissingColumn, headerRow, c.Name,
                (separated ? IngestMessages.MissingColumnWrongSeparator : IngestMessages.MissingColumn).With(c.Label)));
        }
        if (unknown.Count > 0)
            warnings.Add(IngestMessages.UnknownColumns.With(ListText.Of(unknown.Select(u => new Localized("“" + u + "”", "\"" + u + "\"")))));
        return new HeaderBinding(ordinalOf, headerOf, headers, columnAt);
    }

    /// <summary><c>第 3 列</c> / <c>column 3</c> for CSV, <c>C 列</c> / <c>column C</c> for XLSX.</summary>
    public static MessageText Position(int ordinal, bool xlsx)
    {
        if (!xlsx) return IngestMessages.CsvPosition.With(ordinal + 1);
        var n = ordinal + 1;
        var letters = "";
        while (n > 0)
        {
            var r = (n - 1) % 26;
            letters = (char)('A' + r) + letters;
            n = (n - 1) / 26;
        }
        return IngestMessages.XlsxPosition.With(letters);
    }
}
