using System.Text;
using SkiaSharp;

namespace Analytics.Reports.Pdf.Fonts;

/// <summary>
/// The report font cut down to the characters of one document (<see cref="FontSubsetter"/>, HarfBuzz's subsetter), as the typeface
/// its pages are drawn with. Printable ASCII is always in, so numbers a chart library formats on its own
/// always have their glyphs.
/// </summary>
internal sealed class DocumentFont : IDisposable
{
    private static readonly Dictionary<FontFace, Lazy<FontSubsetter>> Subsetters =
        Enum.GetValues<FontFace>().ToDictionary(f => f, f => new Lazy<FontSubsetter>(() => new FontSubsetter(ReportFonts.BytesOf(f))));

    private DocumentFont(SKTypeface typeface, int characters)
    {
        Typeface = typeface;
        Characters = characters;
    }

    public SKTypeface Typeface { get; }

    /// <summary>How many distinct characters the subset was asked for.</summary>
    public int Characters { get; }

    /// <summary>The report font (Sans) cut down to <paramref name="texts"/>.</summary>
    public static DocumentFont For(IEnumerable<string> texts) => For(FontFace.Sans, texts);

    /// <summary>The font of <paramref name="face"/> cut down to <paramref name="texts"/> (and printable ASCII).</summary>
    public static DocumentFont For(FontFace face, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var codePoints = new HashSet<int>();
        for (var c = 0x20; c < 0x7F; c++) codePoints.Add(c);
        if (face == FontFace.Sans)
            foreach (var c in "−–—…·×÷±≤≥%‰（）【】《》“”‘’、，。：；？！") codePoints.Add(c);
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                codePoints.Add(rune.Value);
        var subset = Subsetters[face].Value.Subset(codePoints);
        var typeface = SKTypeface.FromData(SKData.CreateCopy(subset))
            ?? throw new InvalidOperationException("The document's subset of the report font could not be read back.");
        return new DocumentFont(typeface, codePoints.Count);
    }

    public void Dispose() => Typeface.Dispose();
}
