using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Reads a PDF back: the text of each page, as a reader's copy-and-paste would give it.</summary>
internal static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))).ToList();
    }

    /// <summary>The words of every page, separated by spaces (cells and lines stay apart, unlike <see cref="Pages"/>).</summary>
    public static string Words(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join(" ", doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    /// <summary>The distinct font names the letters of the PDF are drawn in.</summary>
    public static IReadOnlyList<string> FontNames(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The sizes (Length1) of the TrueType font programs embedded in the PDF.</summary>
    public static IReadOnlyList<int> EmbeddedFontSizes(byte[] pdf) =>
        Length1().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Saves the PDF under $ANALYTICS_TEST_OUT (when set) so a person can look at it.</summary>
    public static void Keep(string name, byte[] pdf)
    {
        var dir = Environment.GetEnvironmentVariable("ANALYTICS_TEST_OUT");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), pdf);
    }

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex Length1();
}
