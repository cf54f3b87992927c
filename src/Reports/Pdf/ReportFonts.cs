using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Pdf;

/// <summary>
/// The one font of the PDF reports, "Analytics Report Sans": Droid Sans Fallback (CJK, Apache 2.0) merged with
/// the Latin of DejaVu Sans (Bitstream Vera licence) — see <c>Fonts/README.md</c>. It is carried in this
/// assembly because SkiaSharp here finds no system font, and it is one merged font because neither Skia's plain
/// text drawing nor ScottPlot falls back per character: with it "2024年下半年 12.5%" draws in one run. Headings use
/// Skia's synthetic bold.
/// </summary>
/// <remarks>
/// Layout measures with the whole font (<see cref="Typeface"/>); each document is then drawn with a subset of it
/// holding only its own characters (<see cref="Fonts.DocumentFont"/>), because SkiaSharp's native build here
/// embeds fonts whole (it is built without HarfBuzz's subsetter, which <see cref="Fonts.FontSubsetter"/> calls instead). Skia writes a ToUnicode map, so the text stays searchable and copyable.
/// </remarks>
public static class ReportFonts
{
    /// <summary>The family name under which ScottPlot resolves the font.</summary>
    public const string FamilyName = "Analytics Report Sans";

    private const string ResourceName = "Analytics.Reports.Fonts.ReportSans.ttf";

    private static readonly Lazy<byte[]> LazyBytes = new(() => LoadBytes(ResourceName));
    private static readonly Dictionary<FontFace, Lazy<byte[]>> FaceBytes = new()
    {
        [FontFace.Sans] = LazyBytes,
        [FontFace.Song] = new(() => LoadBytes("Analytics.Reports.Fonts.OfficialSong.ttf")),
        [FontFace.Kai] = new(() => LoadBytes("Analytics.Reports.Fonts.OfficialKai.ttf")),
        [FontFace.Hei] = new(() => LoadBytes("Analytics.Reports.Fonts.OfficialHei.ttf")),
    };
    private static readonly Dictionary<FontFace, Lazy<SKTypeface>> FaceTypefaces = FaceBytes.ToDictionary(
        kv => kv.Key,
        kv => kv.Key == FontFace.Sans ? new Lazy<SKTypeface>(() => Typeface) : new Lazy<SKTypeface>(() =>
            SKTypeface.FromData(SKData.CreateCopy(kv.Value.Value))
            ?? throw new InvalidOperationException($"The embedded font of {kv.Key} could not be read as a TrueType font.")));
    private static readonly Lazy<SKTypeface> LazyTypeface = new(() =>
        SKTypeface.FromData(SKData.CreateCopy(LazyBytes.Value))
        ?? throw new InvalidOperationException($"The embedded font {ResourceName} could not be read as a TrueType font."));
    private static readonly object Gate = new();
    private static bool _registered;
    private static SKTypeface? _chartTypeface;

    /// <summary>The whole font, loaded once from the embedded resource.</summary>
    public static SKTypeface Typeface => LazyTypeface.Value;

    /// <summary>The font file's bytes (what <see cref="Fonts.FontSubsetter"/> cuts down per document).</summary>
    internal static byte[] FontBytes => LazyBytes.Value;

    /// <summary>The whole font of <paramref name="face"/>, loaded once from the embedded resource.</summary>
    public static SKTypeface TypefaceOf(FontFace face) => FaceTypefaces[face].Value;

    /// <summary>The font file of <paramref name="face"/> (what <see cref="Fonts.FontSubsetter"/> cuts down per document).</summary>
    internal static byte[] BytesOf(FontFace face) => FaceBytes[face].Value;

    /// <summary>
    /// Makes ScottPlot resolve every font name to the report font (its own resolver finds nothing here, so
    /// titles and tick labels would otherwise be drawn as empty boxes). Idempotent, thread-safe.
    /// </summary>
    public static void RegisterWithScottPlot()
    {
        lock (Gate)
        {
            if (_registered) return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            ScottPlot.Fonts.Default = FamilyName;
            _registered = true;
        }
    }

    /// <summary>
    /// Makes ScottPlot draw with <paramref name="typeface"/> (a document's subset) from now on, or with the whole
    /// font when null. ScottPlot caches typefaces by name for the life of the process, so its cache is reset
    /// whenever the typeface changes. The caller serializes chart
    /// rendering (<see cref="Layout.ChartPainter"/> holds one lock around this and the render).
    /// </summary>
    internal static void UseForCharts(SKTypeface? typeface)
    {
        RegisterWithScottPlot();
        if (ReferenceEquals(typeface, _chartTypeface)) return;
        _chartTypeface = typeface;
        // ScottPlot has no public way to forget a resolved typeface (Fonts.Reset keeps the cache), so its
        // private cache is cleared by name; the version is pinned and a test checks one font per PDF.
        ScottPlotTypefaceCache.Value.Clear();
    }

    private static readonly Lazy<System.Collections.IDictionary> ScottPlotTypefaceCache = new(() =>
        typeof(ScottPlot.Fonts).GetField("TypefaceCache", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            ?.GetValue(null) as System.Collections.IDictionary
        ?? throw new InvalidOperationException(
            "ScottPlot's typeface cache (Fonts.TypefaceCache) was not found, so charts cannot be drawn with each document's font subset. "
            + "This code expects ScottPlot 5.1.59."));

    private static byte[] LoadBytes(string resourceName)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded font {resourceName} is missing from {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Answers every request with the current chart typeface: the reports have one font.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => _chartTypeface ?? Typeface;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => _chartTypeface ?? Typeface;
    }
}
