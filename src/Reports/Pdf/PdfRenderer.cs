using System.Globalization;
using Analytics.Domain.Output;
using Analytics.Reports.Pdf.Fonts;
using Analytics.Reports.Pdf.Layout;
using Analytics.Reports.Pdf.Model;
using SkiaSharp;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as an A4 PDF with SkiaSharp's PDF backend, in two passes:
/// lay every page out (so the page count is known), then draw each page with its running header and
/// the footer 第 N 页 共 M 页. The cover is drawn without header, footer or number; body pages count
/// from 1. Text is drawn in a subset of <see cref="ReportFonts.Typeface"/> holding the document's characters,
/// embedded and searchable; charts are drawn as vectors with the same font.
/// </summary>
public sealed class PdfRenderer
{
    private readonly Theme _theme;

    public PdfRenderer(Theme? theme = null) => _theme = theme ?? Theme.Default;

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>; returns the number of pages written (cover included).</summary>
    public int Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ReportFonts.RegisterWithScottPlot();
        using var measurer = new TextMeasurer(ReportFonts.TypefaceOf);
        var pages = new PageComposer(_theme, measurer).Compose(document);
        var bodyPages = pages.Count(p => !p.IsCover);

        // Draw with subsets of the fonts holding this document's characters (SkiaSharp would embed each whole): each
        // face gets the characters drawn in it, and Sans those a face lacks besides the charts and the running header.
        var texts = Enum.GetValues<FontFace>().ToDictionary(f => f, _ => new List<string>());
        if (_theme.IsOfficial)
        {
            texts[_theme.TitleFace].Add(OfficialPageLabel(bodyPages));
        }
        else
        {
            texts[FontFace.Sans].AddRange([document.HeaderLeft ?? document.Title, document.HeaderRight ?? "", document.FooterLeft ?? "", PageLabel(bodyPages, bodyPages)]);
        }
        foreach (var op in pages.SelectMany(p => p.Ops))
        {
            if (op is TextOp t) AddText(texts, measurer, t.Face, t.Text);
            else if (op is ChartOp c) texts[FontFace.Sans].AddRange(ChartPainter.TextOf(c.Plot, c.Rect, _theme.ChartPixelsPerPoint));
        }
        var fonts = texts.Where(kv => kv.Key == FontFace.Sans || kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => DocumentFont.For(kv.Key, kv.Value));
        try
        {
            return Draw(document, pages, bodyPages, fonts, output);
        }
        finally
        {
            foreach (var f in fonts.Values) f.Dispose();
        }
    }

    private static void AddText(Dictionary<FontFace, List<string>> texts, TextMeasurer measurer, FontFace face, string text)
    {
        if (face == FontFace.Sans || text.All(c => measurer.Has(face, c)))
        {
            texts[face].Add(text);
            return;
        }
        texts[face].Add(string.Concat(text.Where(c => measurer.Has(face, c))));
        texts[FontFace.Sans].Add(string.Concat(text.Where(c => !measurer.Has(face, c))));
    }

    private int Draw(ReportDocument document, List<LaidOutPage> pages, int bodyPages, Dictionary<FontFace, DocumentFont> fonts, Stream output)
    {
        var font = fonts[FontFace.Sans];
        using var drawing = new TextMeasurer(f => fonts.TryGetValue(f, out var d) ? d.Typeface : font.Typeface);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = document.Author,
            Subject = document.Subject,
            Keywords = document.Keywords,
            Creator = "Analytics",
            Producer = "Analytics (SkiaSharp PDF)",
            Creation = document.CreatedAt,
            Modified = document.CreatedAt,
            RasterDpi = 300,
            EncodingQuality = 101,
        };
        // SkiaSharp writes from native code: an exception thrown by the caller's stream there (a full disk) cannot be
        // caught and ends the process. It writes into memory instead; the copy to the caller's stream is managed.
        using var buffer = new MemoryStream();
        using (var managed = new SKManagedWStream(buffer))
        using (var pdf = SKDocument.CreatePdf(managed, metadata) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        using (var painter = new PagePainter(drawing, _theme.ChartPixelsPerPoint, font.Typeface))
        {
            var number = 0;
            foreach (var page in pages)
            {
                var canvas = pdf.BeginPage(_theme.PageWidth, _theme.PageHeight);
                painter.Paint(canvas, page.Ops);
                if (!page.IsCover)
                {
                    number++;
                    if (_theme.IsOfficial) PaintPageNumber(painter, canvas, number);
                    else PaintHeaderFooter(painter, canvas, document, number, bodyPages);
                }
                pdf.EndPage();
            }
            pdf.Close();
            managed.Flush();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
        output.Flush();
        return pages.Count;
    }

    /// <summary>The PDF as bytes.</summary>
    public byte[] RenderToBytes(ReportDocument document)
    {
        using var ms = new MemoryStream();
        Render(document, ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Writes the PDF to <paramref name="path"/> through <see cref="OutputFile"/>: whole or not at all, never over
    /// a device or a folder, a write failure an <see cref="OutputFileException"/>.
    /// </summary>
    public int RenderToFile(ReportDocument document, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        OutputFile.CheckTarget(path);
        var count = 0;
        OutputFile.Write(path, s => count = Render(document, s));
        return count;
    }

    /// <summary>The footer's page label, e.g. 第 3 页 共 12 页.</summary>
    public static string PageLabel(int number, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"第 {number} 页 共 {total} 页");

    /// <summary>A GB/T 9704 page number: 一字线, the number, 一字线 — "— 3 —".</summary>
    public static string OfficialPageLabel(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"— {number} —");

    /// <summary>
    /// The page number of GB/T 9704 (7.5): 4号, its top 7 mm under the 版心; odd pages at the right, even pages at the
    /// left, one character in from the edge of the 版心.
    /// </summary>
    private void PaintPageNumber(PagePainter painter, SKCanvas canvas, int number)
    {
        var t = _theme;
        var size = t.PageNumberSize;
        var label = OfficialPageLabel(number);
        var width = painter.Width(label, size, t.TitleFace);
        var baseline = t.ContentBottom + 7 * Theme.Mm + 0.8f * size;
        var x = number % 2 == 1 ? t.PageWidth - t.MarginRight - size - width : t.MarginLeft + size;
        painter.Text(canvas, x, baseline, label, size, false, t.Text, t.TitleFace);
    }

    private void PaintHeaderFooter(PagePainter painter, SKCanvas canvas, ReportDocument doc, int number, int total)
    {
        var t = _theme;
        var size = t.HeaderFooterSize;
        var left = t.MarginLeft;
        var right = t.PageWidth - t.MarginRight;
        var hb = t.HeaderBaseline;
        var headerLeft = doc.HeaderLeft ?? doc.Title;
        painter.Text(canvas, left, hb, headerLeft, size, false, t.Muted);
        if (doc.HeaderRight is not null)
            painter.Text(canvas, right - painter.Width(doc.HeaderRight, size), hb, doc.HeaderRight, size, false, t.Muted);
        painter.Line(canvas, left, hb + 4, right, hb + 4, t.Rule, 0.5f);

        var fb = t.PageHeight - t.FooterBaseline;
        var label = PageLabel(number, total);
        painter.Text(canvas, (t.PageWidth - painter.Width(label, size)) / 2, fb, label, size, false, t.Text);
        if (doc.FooterLeft is not null)
            painter.Text(canvas, left, fb, doc.FooterLeft, size, false, t.Muted);
    }
}
