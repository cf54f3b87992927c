using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Pdf;

/// <summary>
/// The one typeface of the PDF reports, "Analytics Report Sans": Droid Sans Fallback (CJK, Apache 2.0)
/// merged with the Latin of DejaVu Sans (Bitstream Vera licence) — see <c>Fonts/README.md</c>. It is
/// carried in this assembly because SkiaSharp here finds no system font, and it is one merged font
/// because neither Skia's plain text drawing nor ScottPlot falls back per character: with it
/// "2024年下半年 12.5%" draws in one run. Headings use Skia's synthetic bold. SkiaSharp's PDF backend embeds it with a ToUnicode map, so the text of a
/// report stays searchable and copyable; <see cref="PdfRenderer"/> then cuts the embedded copy down to
/// the glyphs used (SkiaSharp's native build here does not subset).
/// </summary>
public static class ReportFonts
{
    /// <summary>The family name under which ScottPlot resolves the typeface.</summary>
    public const string FamilyName = "Analytics Report Sans";

    private const string ResourceName = "Analytics.Reports.Fonts.ReportSans.ttf";

    private static readonly Lazy<byte[]> LazyBytes = new(LoadBytes);
    private static readonly Lazy<SKTypeface> LazyTypeface = new(() =>
        SKTypeface.FromData(SKData.CreateCopy(LazyBytes.Value))
        ?? throw new InvalidOperationException($"The embedded font {ResourceName} could not be read as a TrueType font."));
    private static readonly object ScottPlotGate = new();
    private static bool _scottPlotRegistered;

    /// <summary>The typeface, loaded once from the embedded resource.</summary>
    public static SKTypeface Typeface => LazyTypeface.Value;

    /// <summary>
    /// Makes ScottPlot resolve every font name to this typeface (its own resolver finds nothing here,
    /// so titles and tick labels would otherwise be drawn as empty boxes). Idempotent, thread-safe.
    /// </summary>
    public static void RegisterWithScottPlot()
    {
        lock (ScottPlotGate)
        {
            if (_scottPlotRegistered) return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            ScottPlot.Fonts.Default = FamilyName;
            _scottPlotRegistered = true;
        }
    }

    /// <summary>The font file's bytes (what SkiaSharp embeds whole, and <see cref="Fonts.PdfFontSubsetter"/> cuts down).</summary>
    internal static byte[] FontBytes => LazyBytes.Value;

    private static byte[] LoadBytes()
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font {ResourceName} is missing from {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Answers every request with the embedded typeface: the reports have one font.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Typeface;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typeface;
    }
}
