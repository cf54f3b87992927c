using Analytics.Domain.Output;

namespace Analytics.Reports.Export;

/// <summary>
/// RFC 4180 writing: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break.
/// Text fields go through <see cref="Text"/> (formula-like text neutralised, <see cref="SpreadsheetText"/>); figures
/// formatted as numbers do not.
/// </summary>
internal static class Csv
{
    public static void Row(TextWriter w, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) w.Write(',');
            Field(w, fields[i]);
        }
        w.Write("\r\n");
    }

    /// <summary>A text field as it may be written: formula-like text gets a leading apostrophe (<see cref="SpreadsheetText"/>).</summary>
    public static string? Text(string? value) => SpreadsheetText.Neutralise(value);

    public static void Field(TextWriter w, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            w.Write(value);
            return;
        }
        w.Write('"');
        w.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }
}
