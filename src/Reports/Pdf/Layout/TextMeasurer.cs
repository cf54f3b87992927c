using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// Measures text in the report typeface. Skia draws glyph by glyph without kerning, so the width of
/// a string is the sum of its characters' advances; those are cached per font size, which keeps the
/// layout of a few hundred pages of tables fast.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    private readonly SKTypeface _typeface;
    private readonly Dictionary<float, Entry> _bySize = [];

    public TextMeasurer(SKTypeface typeface) => _typeface = typeface;

    /// <summary>A font of the report typeface; <paramref name="bold"/> is Skia's synthetic bold.</summary>
    public SKFont Font(float size, bool bold)
    {
        var e = Get(size);
        return bold ? e.Bold : e.Regular;
    }

    /// <summary>Advance width of one UTF-16 unit (a surrogate half counts as a full CJK square on its high half, zero on its low half).</summary>
    public float Advance(char c, float size)
    {
        var e = Get(size);
        var w = e.Widths[c];
        if (w >= 0) return w;
        w = char.IsLowSurrogate(c) ? 0 : char.IsHighSurrogate(c) ? size : e.Regular.MeasureText(c.ToString());
        e.Widths[c] = w;
        return w;
    }

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/>.</summary>
    public float Width(ReadOnlySpan<char> text, float size)
    {
        var sum = 0f;
        foreach (var c in text) sum += Advance(c, size);
        return sum;
    }

    /// <summary>Ascent (negative, above the baseline) and descent (positive) at <paramref name="size"/>.</summary>
    public (float Ascent, float Descent) Metrics(float size)
    {
        var m = Get(size).Regular.Metrics;
        return (m.Ascent, m.Descent);
    }

    public void Dispose()
    {
        foreach (var e in _bySize.Values)
        {
            e.Regular.Dispose();
            e.Bold.Dispose();
        }
        _bySize.Clear();
    }

    private Entry Get(float size)
    {
        if (_bySize.TryGetValue(size, out var e)) return e;
        var regular = new SKFont(_typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var bold = new SKFont(_typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Embolden = true };
        var widths = new float[char.MaxValue + 1];
        Array.Fill(widths, -1f);
        e = new Entry(regular, bold, widths);
        _bySize[size] = e;
        return e;
    }

    private sealed record Entry(SKFont Regular, SKFont Bold, float[] Widths);
}
