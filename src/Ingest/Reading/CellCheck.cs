using System.Buffers;
using System.Globalization;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The text rules every cell is held to before any template rule (templates.md §1, docs/input-bounds.md):
/// no NUL or other control character (a tab is allowed everywhere; CR and LF only in a column that
/// holds running text, such as the notes' 内容), no bytes the file's encoding cannot decode (U+FFFD), no
/// line in another encoding than the rest of the file, and at most <see cref="InputBounds.MaxCellChars"/>
/// characters. One vectorised search per cell: clean text costs next to nothing.
/// </summary>
public static class CellCheck
{
    // C0 controls but tab, CR and LF; DEL; C1 controls; the replacement character; the mixed-encoding mark.
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(Chars(lineBreaks: false));
    private static readonly SearchValues<char> SuspiciousBesidesLineBreaks = SearchValues.Create(Chars(lineBreaks: true));

    /// <summary>
    /// What is wrong with the text of a cell, as the end of a sentence about the cell; null when nothing.
    /// <paramref name="code"/> says which rule it breaks.
    /// </summary>
    public static MessageText? TextProblem(ReadOnlySpan<char> text, bool lineBreaksAllowed, InputBounds bounds, out IngestErrorCode code)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        code = IngestErrorCode.Invalid;
        if (text.Length > bounds.MaxCellChars)
        {
            code = IngestErrorCode.TooLong;
            return IngestMessages.CellTooLong.With(text.Length.ToString("N0", CultureInfo.InvariantCulture), bounds.MaxCellChars.ToString("N0", CultureInfo.InvariantCulture));
        }
        var at = text.IndexOfAny(lineBreaksAllowed ? SuspiciousBesidesLineBreaks : Suspicious);
        if (at < 0) return null;
        var c = text[at];
        switch (c)
        {
            case TextMarks.MixedEncoding:
                code = IngestErrorCode.InvalidEncoding;
                return IngestMessages.CellMixedEncoding.Text();
            case TextMarks.Replacement:
                code = IngestErrorCode.InvalidEncoding;
                return IngestMessages.CellInvalidBytes.With(at + 1);
            case '\r' or '\n':
                code = IngestErrorCode.InvalidText;
                return IngestMessages.CellLineBreak.Text();
            default:
                code = IngestErrorCode.InvalidText;
                return IngestMessages.CellControlCharacter.With(string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}{Name(c)}"), at + 1);
        }
    }

    /// <summary>What is wrong with a header cell (too long, control characters, undecodable bytes); null when nothing.</summary>
    public static MessageText? HeaderProblem(ReadOnlySpan<char> text, InputBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        if (text.Length > bounds.MaxHeaderCellChars)
            return IngestMessages.HeaderTooLong.With(text.Length.ToString("N0", CultureInfo.InvariantCulture),
                bounds.MaxHeaderCellChars.ToString("N0", CultureInfo.InvariantCulture), EchoText.Of(text, bounds.MaxEchoChars));
        var problem = TextProblem(text, lineBreaksAllowed: false, bounds, out _);
        return problem is null ? null : IngestMessages.HeaderTextProblem.With(EchoText.Of(text, bounds.MaxEchoChars), problem);
    }

    private static string Name(char c) => c switch
    {
        '\0' => " (NUL)",
        '\u001B' => " (ESC)",
        '\u0007' => " (BEL)",
        '\b' => " (BS)",
        '\u007F' => " (DEL)",
        _ => "",
    };

    private static string Chars(bool lineBreaks)
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
            if (c != '\t' && (!lineBreaks || (c != '\r' && c != '\n'))) chars.Add(c);
        for (var c = '\u007F'; c <= '\u009F'; c++) chars.Add(c);
        chars.Add(TextMarks.Replacement);
        chars.Add(TextMarks.MixedEncoding);
        return new string(chars.ToArray());
    }
}
