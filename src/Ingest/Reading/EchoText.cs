using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A value as it may be quoted in an error message: cut to a few dozen characters with "…", and with
/// control characters shown as their Unicode pictures (NUL → ␀, ESC → ␛), so that a hostile cell can
/// neither flood the terminal nor drive it.
/// </summary>
public static class EchoText
{
    /// <summary>The default length a quoted value is cut to (<see cref="InputBounds.MaxEchoChars"/>).</summary>
    public const int DefaultMax = 80;

    /// <summary><paramref name="value"/>, at most <paramref name="max"/> characters (plus "…" when cut), controls made visible.</summary>
    public static string Of(ReadOnlySpan<char> value, int max = DefaultMax)
    {
        var cut = value.Length > max;
        if (cut)
        {
            var n = Math.Max(0, max);
            if (n > 0 && char.IsHighSurrogate(value[n - 1])) n--; // never split a pair
            value = value[..n];
        }
        if (value.IndexOfAnyInRange('\0', '\u001F') < 0 && value.IndexOfAnyInRange('\u007F', '\u009F') < 0 && value.IndexOf(TextMarks.MixedEncoding) < 0)
            return cut ? string.Concat(value, "…") : value.ToString();
        var sb = new StringBuilder(value.Length + 1);
        foreach (var c in value)
        {
            if (c < '\u0020') sb.Append((char)('\u2400' + c));
            else if (c == '\u007F') sb.Append('\u2421');
            else if (c is >= '\u0080' and <= '\u009F') sb.Append('\uFFFD');
            else if (c == TextMarks.MixedEncoding) continue;
            else sb.Append(c);
        }
        if (cut) sb.Append('…');
        return sb.ToString();
    }
}
