using System.Globalization;
using System.Text;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest;

/// <summary>
/// One located problem of an input file (templates.md §1, Errors; style.md habit 5): the file, the
/// sheet (XLSX), the row as a person sees it (header = row 1; in XLSX the sheet's own row number), the
/// column as written in the header, the bad value and what was expected.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is masked for personal-data columns (customer_name, id_number, phone), so an
/// error can be printed or logged without leaking personal data. Rendered as
/// <c>FILE:ROW:COLUMN: message</c>; for XLSX the file part is <c>FILE[SHEET]</c>; parts that do not
/// apply (a file-level error has no row) are left out. The message is Chinese unless English is asked for
/// (<see cref="ToString(MessageLanguage)"/>); <see cref="Code"/> and <see cref="MessageId"/> never change with the language.
/// </remarks>
public sealed record IngestError
{
    public required IngestErrorCode Code { get; init; }
    /// <summary>The file as the caller named it.</summary>
    public required string File { get; init; }
    public string? Sheet { get; init; }
    /// <summary>Null for an error of the whole file.</summary>
    public int? Row { get; init; }
    /// <summary>The column as written in the file's header (or the template name when the column is missing).</summary>
    public string? Column { get; init; }
    /// <summary>The offending value as found (masked for personal data); null when there is none.</summary>
    public string? Value { get; init; }
    /// <summary>What is wrong and what was expected, in one sentence or two, in either language (<see cref="IngestMessages"/>).</summary>
    public required MessageText Text { get; init; }

    /// <summary>The message in Chinese, the default language.</summary>
    public string Message => Text.Render(MessageLanguage.Chinese);

    /// <summary>The catalogue id of the message (<c>row.count_between</c>): finer than <see cref="Code"/>, as stable.</summary>
    public string MessageId => Text.Id;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string MessageIn(MessageLanguage language) => Text.Render(language);

    /// <summary><c>FILE[SHEET]:ROW:COLUMN: message</c>, in Chinese.</summary>
    public override string ToString() => ToString(MessageLanguage.Chinese);

    /// <summary><c>FILE[SHEET]:ROW:COLUMN: message</c>, the message in <paramref name="language"/>.</summary>
    public string ToString(MessageLanguage language)
    {
        var sb = new StringBuilder(File);
        if (Sheet is not null) sb.Append('[').Append(Sheet).Append(']');
        if (Row is { } r) sb.Append(':').Append(r.ToString(CultureInfo.InvariantCulture));
        if (Column is not null) sb.Append(':').Append(Column);
        sb.Append(": ").Append(Text.Render(language));
        return sb.ToString();
    }
}
