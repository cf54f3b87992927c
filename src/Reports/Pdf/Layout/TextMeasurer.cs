using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// Measures text in the report faces. Skia draws glyph by glyph without kerning, so the width of a string is the
/// sum of its characters' advances; those are cached per face and font size, which keeps the layout of a few
/// hundred pages of tables fast. A character a face lacks is measured (and drawn, <see cref="PagePainter"/>) in
/// <see cref="FontFace.Sans"/>.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    private readonly Func<FontFace, SKTypeface> _typefaces;
    private readonly Dictionary<(FontFace, float), Entry> _entries = [];
    private readonly Dictionary<FontFace, bool[]> _has = [];

    /// <summary>One typeface for every face (the plain theme, tests).</summary>
    public TextMeasurer(SKTypeface typeface) : this(_ => typeface) { }

    /// <param name="typefaces">The typeface of each face (whole fonts for layout, a document's subsets for drawing).</param>
    public TextMeasurer(Func<FontFace, SKTypeface> typefaces) => _typefaces = typefaces;

    /// <summary>A font of the report typeface; <paramref name="bold"/> is Skia's synthetic bold.</summary>
    public SKFont Font(float size, bool bold, FontFace face = FontFace.Sans)
    {
        var e = Get(face, size);
        return bold ? e.Bold : e.Regular;
    }

    /// <summary>Whether <paramref name="face"/> has a glyph for <paramref name="c"/> (otherwise Sans draws it).</summary>
    public bool Has(FontFace face, char c)
    {
        if (face == FontFace.Sans) return true;
        if (char.IsSurrogate(c)) return false;
        if (!_has.TryGetValue(face, out var has))
        {
            has = new bool[char.MaxValue + 1];
            var font = Get(face, 12f).Regular;
            for (var i = 0x20; i <= char.MaxValue; i++)
            {
                if (char.IsSurrogate((char)i)) continue;
                has[i] = font.GetGlyph(i) != 0;
            }
            _has[face] = has;
        }
        return has[c];
    }

    /// <summary>The face that draws <paramref name="c"/>: <paramref name="face"/> when it has it, else Sans.</summary>
    public FontFace FaceFor(FontFace face, char c) => Has(face, c) ? face : FontFace.Sans;

    /// <summary>Advance width of one UTF-16 unit (a surrogate half counts as a full CJK square on its high half, zero on its low half).</summary>
    public float Advance(char c, float size, FontFace face = FontFace.Sans)
    {
        face = FaceFor(face, c);
        var e = Get(face, size);
        var w = e.Widths[c];
        if (w >= 0) return w;
        w = char.IsLowSurrogate(c) ? 0 : char.IsHighSurrogate(c) ? size : e.Regular.MeasureText(c.ToString());
        e.Widths[c] = w;
        return w;
    }

    /// <summary>Width of <paramref name="text"/> at <paramref name="size"/>.</summary>
    public float Width(ReadOnlySpan<char> text, float size, FontFace face = FontFace.Sans)
    {
        var sum = 0f;
        foreach (var c in text) sum += Advance(c, size, face);
        return sum;
    }

    /// <summary>Ascent (negative, above the baseline) and descent (positive) at <paramref name="size"/>.</summary>
    public (float Ascent, float Descent) Metrics(float size, FontFace face = FontFace.Sans)
    {
        var m = Get(face, size).Regular.Metrics;
        return (m.Ascent, m.Descent);
    }

    public void Dispose()
    {
        foreach (var e in _entries.Values)
        {
            e.Regular.Dispose();
            e.Bold.Dispose();
        }
        _entries.Clear();
    }

    private Entry Get(FontFace face, float size)
    {
        if (_entries.TryGetValue((face, size), out var e)) return e;
        var typeface = _typefaces(face);
        var regular = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        var bold = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Embolden = true };
        if (face != FontFace.Sans)
        {
            // Unhinted, linear advances: hinting rounds a 15.79 pt advance up to 16 and breaks GB/T 9704's 28-character grid.
            regular.Hinting = bold.Hinting = SKFontHinting.None;
            regular.LinearMetrics = bold.LinearMetrics = true;
        }
        var widths = new float[char.MaxValue + 1];
        Array.Fill(widths, -1f);
        e = new Entry(regular, bold, widths);
        _entries[(face, size)] = e;
        return e;
    }

    private sealed record Entry(SKFont Regular, SKFont Bold, float[] Widths);
}
