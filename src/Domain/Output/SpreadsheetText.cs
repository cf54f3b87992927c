namespace Analytics.Domain.Output;

/// <summary>
/// Text that a spreadsheet would read as a formula, made safe (the OWASP CSV-injection rule): every text cell we
/// write to CSV or XLSX passes through <see cref="Neutralise"/>. Numbers written as numbers (a negative figure
/// included) never do.
/// </summary>
/// <remarks>
/// A text that begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab, a carriage return or a line feed — or with
/// the full-width <c>＝ ＋ － ＠</c>, which Chinese input methods type and some spreadsheets accept as the same —
/// and is not just a signed decimal number (<c>-12</c>, <c>+3.5</c> are read as numbers) gets a leading apostrophe <c>'</c>: Excel, WPS and LibreOffice then show it as text and never evaluate it. The rest
/// of the text is unchanged, so a machine reading our CSV strips one leading <c>'</c> before those characters to get
/// the original back. Quoting of CSV fields (RFC 4180) is separate and still applies. In XLSX the cell is stored as
/// text with the "quote prefix" style instead (<c>Analytics.Reports.Common.WorksheetLayout.Text</c>): the value is
/// unchanged, shown as text, and stays text when a person edits it.
/// </remarks>
public static class SpreadsheetText
{
    /// <summary>True when a spreadsheet could read <paramref name="text"/> as a formula.</summary>
    public static bool IsFormulaLike(ReadOnlySpan<char> text) =>
        text.Length > 0
        && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠'
        && !IsPlainNumber(text);

    /// <summary><c>-12</c>, <c>+3.5</c>: a spreadsheet reads these as the number they are, never as a formula.</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] is not ('-' or '+')) return false;
        var digits = 0;
        var dots = 0;
        foreach (var c in text[1..])
        {
            if (c is >= '0' and <= '9') digits++;
            else if (c == '.' && dots++ == 0) { }
            else return false;
        }
        return digits > 0;
    }

    /// <summary><paramref name="text"/> with a leading <c>'</c> when it is formula-like; otherwise itself (null stays null).</summary>
    public static string? Neutralise(string? text) =>
        text is not null && IsFormulaLike(text) ? "'" + text : text;
}
