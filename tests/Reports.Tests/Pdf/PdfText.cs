using UglyToad.PdfPig;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Reads a PDF back: the text of each page, as a reader's copy-and-paste would give it.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))).ToList();
    }

    /// <summary>Saves the PDF under $ANALYTICS_TEST_OUT (when set) so a person can look at it.</summary>
    public static void Keep(string name, byte[] pdf)
    {
        var dir = Environment.GetEnvironmentVariable("ANALYTICS_TEST_OUT");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), pdf);
    }
}
