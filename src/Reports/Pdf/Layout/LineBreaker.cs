namespace Analytics.Reports.Pdf.Layout;

/// <summary>One line of wrapped text; <see cref="FirstOfParagraph"/> lines carry the first-line indent.</summary>
internal readonly record struct WrappedLine(string Text, bool FirstOfParagraph);

/// <summary>
/// Breaks text into lines that fit a width. Chinese wraps between any two characters; Latin text
/// wraps at spaces (a word wider than the line is cut where it must). Line-breaking rules of Chinese
/// typesetting (避头尾): closing punctuation such as ，。、）》” never starts a line and opening
/// punctuation such as （《“ never ends one — the character before or after moves along with it.
/// A line break in the text starts a new paragraph.
/// </summary>
internal static class LineBreaker
{
    private const string NoStart = "，。、；：？！）」』】》〉”’…％,.;:?!)]}%·～";
    private const string NoEnd = "（「『【《〈“‘([{";

    /// <summary>Wraps <paramref name="text"/> into lines of at most <paramref name="maxWidth"/>; the first line of each paragraph is <paramref name="firstLineIndent"/> narrower.</summary>
    public static List<WrappedLine> Wrap(string text, float maxWidth, Func<char, float> advance, float firstLineIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(advance);
        var lines = new List<WrappedLine>();
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        foreach (var paragraph in normalized.Split('\n'))
            WrapParagraph(paragraph, maxWidth, advance, firstLineIndent, lines);
        return lines;
    }

    private static void WrapParagraph(string p, float maxWidth, Func<char, float> advance, float indent, List<WrappedLine> lines)
    {
        var n = p.Length;
        var start = 0;
        var first = true;
        if (n == 0)
        {
            lines.Add(new WrappedLine("", true));
            return;
        }
        while (start < n)
        {
            var width = first ? indent : 0f;
            var lastBreak = -1;
            var i = start;
            var broke = false;
            while (i < n)
            {
                if (i > start && CanBreakBefore(p, i)) lastBreak = i;
                var w = advance(p[i]);
                if (width + w > maxWidth && i > start && !char.IsLowSurrogate(p[i]))
                {
                    // A space that does not fit hangs past the margin: break there, it is trimmed.
                    var at = p[i] == ' ' ? i : lastBreak > start ? lastBreak : i;
                    lines.Add(new WrappedLine(p[start..at].TrimEnd(), first));
                    first = false;
                    start = at;
                    while (start < n && p[start] == ' ') start++;
                    broke = true;
                    break;
                }
                width += w;
                i++;
            }
            if (!broke)
            {
                lines.Add(new WrappedLine(p[start..].TrimEnd(), first));
                return;
            }
        }
    }

    /// <summary>
    /// The width of the widest run of <paramref name="text"/> that cannot be broken (a number such as 12,745/13,433 or
    /// 100.0%, a Latin word): wrapping to a narrower width would have to cut it.
    /// </summary>
    public static float WidestUnbreakable(string text, Func<char, float> advance)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(advance);
        float widest = 0, run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or ' ' || (i > 0 && CanBreakBefore(text, i)))
            {
                widest = Math.Max(widest, run);
                run = 0;
                if (text[i] is '\n' or '\r' or ' ') continue;
            }
            run += advance(text[i]);
        }
        return Math.Max(widest, run);
    }

    private static bool CanBreakBefore(string p, int i)
    {
        var prev = p[i - 1];
        var c = p[i];
        if (char.IsLowSurrogate(c)) return false;
        if (NoStart.Contains(c, StringComparison.Ordinal) || NoEnd.Contains(prev, StringComparison.Ordinal)) return false;
        if (prev == ' ') return c != ' ';
        return IsWide(c) || IsWide(prev);
    }

    /// <summary>CJK ideographs, kana, hangul, CJK and full-width punctuation, and supplementary-plane characters.</summary>
    private static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF'
        or >= '\uAC00' and <= '\uD7AF'
        or >= '\uF900' and <= '\uFAFF'
        or >= '\uFE30' and <= '\uFE4F'
        or >= '\uFF00' and <= '\uFFEF'
        || char.IsSurrogate(c);
}
