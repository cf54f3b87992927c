using System.Text;
using Analytics.Domain.Output;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Templates;

namespace Analytics.Ingest;

/// <summary>
/// The rejects file of an accept-partial load (templates.md §7): a CSV in UTF-8 with BOM (so Excel
/// shows the Chinese), with the input's own columns and then <c>row</c>, <c>column</c>, <c>reason</c>
/// (in the language asked for, Chinese by default) and <c>code</c> (the catalogue ids of
/// <see cref="Messages.IngestMessages"/>, e.g. <c>row.count_between</c>, for programs). One line per bad row;
/// several errors of a row are joined with <c>; </c>. Personal
/// data is masked, so once the rest is corrected and the personal cells filled in again, the file can
/// be loaded as it is (the four extra columns are ignored with a warning). A cell a spreadsheet would read as a
/// formula (<c>=cmd|…</c>, <c>+1+…</c>, <c>@…</c>) is written with a leading apostrophe (<see cref="SpreadsheetText"/>).
/// </summary>
internal sealed class RejectsWriter : IDisposable
{
    private readonly StreamWriter _out;
    private readonly HeaderBinding _binding;
    private readonly StringBuilder _line = new();
    private readonly Messages.MessageLanguage _language;

    public RejectsWriter(string path, HeaderBinding binding, Messages.MessageLanguage language = Messages.MessageLanguage.Chinese)
    {
        _binding = binding;
        _language = language;
        // The caller renames this temporary file into place when the filing is decided; a device, pipe or folder
        // under its name is refused rather than written into.
        var full = OutputFile.CheckTarget(path);
        if (full.EndsWith(".tmp", StringComparison.Ordinal)) OutputFile.CheckTarget(full[..^4]); // FileIngestor's FINAL.tmp
        _out = new StreamWriter(new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), TextEncodings.Utf8WithBom);
        foreach (var h in binding.Headers) Field(h);
        Field("row");
        Field("column");
        Field("reason");
        Field("code");
        EndLine();
    }

    public void Write(ITableReader reader, int row, IReadOnlyList<IngestError> errors)
    {
        for (var i = 0; i < _binding.Headers.Count; i++)
        {
            var raw = reader.Display(i);
            Field(_binding.ColumnAt(i) is { Personal: true } col ? TemplateRow.MaskPersonal(col, raw) : raw);
        }
        Field(row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(string.Join("; ", errors.Select(e => e.Column).OfType<string>().Distinct()));
        Field(string.Join("; ", errors.Select(e => e.MessageIn(_language))));
        Field(string.Join("; ", errors.Select(e => e.MessageId)));
        EndLine();
    }

    private void Field(string value)
    {
        // Meant to be opened in Excel: formula-like cells (the input's own, or a reason quoting them) are neutralised.
        value = SpreadsheetText.Neutralise(value)!;
        if (_line.Length > 0) _line.Append(',');
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))))
            _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        else _line.Append(value);
    }

    private void EndLine()
    {
        _line.Append("\r\n");
        _out.Write(_line);
        _line.Clear();
    }

    public void Dispose() => _out.Dispose();
}
