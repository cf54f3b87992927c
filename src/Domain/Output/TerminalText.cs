using System.Globalization;
using System.Text;

namespace Analytics.Domain.Output;

/// <summary>
/// Text for a terminal: data (an application id, a county's note, a file's header) may hold control characters that a
/// terminal would obey — <c>ESC]0;…BEL</c> retitles the window, <c>ESC[2J</c> clears the screen, a bare CR overwrites
/// the line. <see cref="Escape"/> shows each as a visible escape instead.
/// </summary>
/// <remarks>
/// Escaped: C0 controls (U+0000–U+001F, tab and line breaks included — a table cell is one line), DEL (U+007F),
/// C1 controls (U+0080–U+009F, which some terminals read as CSI/OSC) and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) that can make text read differently from what it is. C0, DEL and C1 show as
/// <c>\xHH</c>, the others as <c>\uHHHH</c>; everything else, Chinese included, is unchanged.
/// </remarks>
public static class TerminalText
{
    /// <summary>True when <paramref name="c"/> is escaped by <see cref="Escape"/>.</summary>
    public static bool IsUnsafe(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary><paramref name="text"/> with every unsafe character shown as an escape; null stays null.</summary>
    public static string? Escape(string? text)
    {
        if (text is null) return null;
        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i])) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 8).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c)) sb.Append(c);
            else if (c <= '\u009F') sb.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
