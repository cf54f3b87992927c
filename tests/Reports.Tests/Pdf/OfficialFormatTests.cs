using System.Text.RegularExpressions;
using Analytics.Reports.Pdf;
using UglyToad.PdfPig;
using static Analytics.Reports.Tests.Pdf.Gbt9704;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>The circular, rendered once with the shipped (GB/T 9704) options, read back with PdfPig.</summary>
public sealed class OfficialCircularFixture
{
    public OfficialCircularFixture()
    {
        var inputs = SyntheticCity.Create(3000, seed: 11);
        Bytes = CityCircular.Render(inputs, SyntheticCity.Half, SyntheticCity.AsOf, new ReportOptions { DocNumber = "12" });
        PdfText.Keep("通报_GBT9704.pdf", Bytes);
    }

    public byte[] Bytes { get; }
}

/// <summary>
/// The GB/T 9704-2012 self-check of the circular: page size and 版心, the page numbers and where they sit, the faces
/// of the title, headings and body, the 版头 and the 版记, read from the PDF as a reader's software sees it.
/// </summary>
public partial class OfficialFormatTests(OfficialCircularFixture f) : IClassFixture<OfficialCircularFixture>
{
    private const double Tolerance = 1.0;

    [Fact]
    public void Pages_are_A4_and_all_text_but_the_page_numbers_lies_inside_the_type_area()
    {
        using var doc = PdfDocument.Open(f.Bytes);
        Assert.True(doc.NumberOfPages >= 4);
        foreach (var page in doc.GetPages())
        {
            Assert.Equal(PageWidth, page.Width, 0.5);
            Assert.Equal(PageHeight, page.Height, 0.5);
            foreach (var l in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Top > CoreBottom - 2))
            {
                var r = l.BoundingBox;
                Assert.True(r.Left >= CoreLeft - Tolerance && r.Right <= CoreRight + Tolerance,
                    $"page {page.Number}: '{l.Value}' at x {r.Left:0.0}–{r.Right:0.0} outside the 版心 {CoreLeft:0.0}–{CoreRight:0.0}");
                Assert.True(r.Top <= CoreTop + Tolerance, $"page {page.Number}: '{l.Value}' at top {r.Top:0.0} above the 版心 {CoreTop:0.0}");
            }
        }
    }

    [Fact]
    public void Page_numbers_read_dash_n_dash_in_4hao_7mm_under_the_type_area_odd_right_even_left()
    {
        using var doc = PdfDocument.Open(f.Bytes);
        foreach (var page in doc.GetPages())
        {
            var below = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Top < CoreBottom - 2).ToList();
            Assert.Equal($"—{page.Number}—", string.Concat(below.Select(l => l.Value)));
            Assert.All(below, l => Assert.Equal(14, l.PointSize, 0.1));
            var baseline = below.Max(l => l.StartBaseLine.Y);
            var depth = CoreBottom - baseline;
            Assert.InRange(depth, 7 * Mm, 7 * Mm + 14);
            var left = below.Min(l => l.BoundingBox.Left);
            var right = below.Max(l => l.EndBaseLine.X);
            if (page.Number % 2 == 1) Assert.Equal(CoreRight - 14, right, 1.0);
            else Assert.Equal(CoreLeft + 14, left, 1.5);
        }
    }

    [Fact]
    public void The_head_has_the_red_issuer_the_doc_number_and_the_title_and_the_last_page_the_imprint()
    {
        var pages = PdfText.Pages(f.Bytes).Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("临汾市能源局文件临能源电力发〔2025〕12号关于", pages[0], StringComparison.Ordinal);
        using var doc = PdfDocument.Open(f.Bytes);
        var first = doc.GetPage(1);
        var mark = first.Letters.Where(l => "临汾市能源局文件".Contains(l.Value, StringComparison.Ordinal)).Take(8).ToList();
        Assert.Equal(8, mark.Count);
        // The mark is set in synthetic bold, which Skia writes as filled outlines under invisible text: its colour is
        // that of the outlines drawn where its letters are.
        var left = mark.Min(l => l.BoundingBox.Left) - 2;
        var right = mark.Max(l => l.BoundingBox.Right) + 2;
        var bottom = mark.Min(l => l.BoundingBox.Bottom) - 2;
        var top = mark.Max(l => l.BoundingBox.Top) + 2;
        var outlines = first.Paths.Where(p => p.IsFilled && p.GetBoundingRectangle() is { } r
            && r.Left >= left && r.Right <= right && r.Bottom >= bottom && r.Top <= top).ToList();
        Assert.True(outlines.Count >= 1, $"{outlines.Count} outlines where the mark is");
        Assert.All(outlines, p =>
        {
            var (r, g, b) = p.FillColor!.ToRGBValues();
            Assert.True(r > 0.8 && g < 0.2 && b < 0.2, $"the issuer's mark should be red, is {r},{g},{b}");
        });
        // The mark's top edge 35 mm under the 版心's.
        Assert.Equal(CoreTop - 35 * Mm, mark.Max(l => l.BoundingBox.Top), 4.0);

        var last = doc.GetPage(doc.NumberOfPages);
        var text = string.Concat(last.Letters.Select(l => l.Value));
        Assert.Contains("抄送：", text, StringComparison.Ordinal);
        var issued = IssuedLine().Match(text);
        Assert.True(issued.Success, "the last page ends with the 印发 line");
        // The 版记's last line sits on the last line of the 版心.
        var yin = last.Letters.Last(l => l.Value == "印");
        Assert.InRange(yin.StartBaseLine.Y, CoreBottom, CoreBottom + 225 * Mm / 22);
    }

    [Fact]
    public void Title_headings_and_body_are_in_their_faces_and_the_fonts_are_embedded_subsets()
    {
        using var doc = PdfDocument.Open(f.Bytes);
        var letters = doc.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        string FontOf(string text)
        {
            var all = string.Concat(letters.Select(l => l.Value));
            var at = all.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' not found");
            return Family(letters[at].FontName);
        }
        Assert.Contains("Hei", FontOf("一、实施进度"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Kai", FontOf("（一）全市"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sung", FontOf("根据临能源"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sung", FontOf("关于2024年下半年"), StringComparison.OrdinalIgnoreCase);
        // Body text: 3号-sized (the 28-character grid, 15.79 pt) on a 22-line grid.
        var body = doc.GetPages().SelectMany(p => p.Letters.Select(l => (Page: p.Number, Letter: l)))
            .Where(x => Family(x.Letter.FontName).Contains("Sung", StringComparison.OrdinalIgnoreCase) && Math.Abs(x.Letter.PointSize - 156 * Mm / 28) < 0.05)
            .ToList();
        Assert.True(body.Count > 500);
        var lines = body.GroupBy(x => (x.Page, Y: Math.Round(x.Letter.StartBaseLine.Y, 1))).ToList();
        Assert.Equal(28, lines.Max(g => g.Count(x => x.Letter.Value[0] >= 0x3000)));
        var pitches = lines.GroupBy(g => g.Key.Page).SelectMany(p =>
        {
            var ys = p.Select(g => g.Key.Y).OrderDescending().ToList();
            return ys.Zip(ys.Skip(1), (a, b) => a - b);
        });
        var common = pitches.GroupBy(d => Math.Round(d, 0)).OrderByDescending(g => g.Count()).First().Average();
        Assert.Equal(225 * Mm / 22, common, 0.2);

        var families = letters.Select(l => Family(l.FontName)).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(families.Count is >= 3 and <= 4, "Song, Kai and Hei, and Sans for the charts: " + string.Join(", ", families));
        var sizes = PdfText.EmbeddedFontSizes(f.Bytes);
        Assert.True(sizes.Count >= 3);
        Assert.All(sizes, s => Assert.True(s < 1_500_000, $"an embedded font of {s} bytes is not a subset"));
    }

    /// <summary>A font's name without the subset tag (ABCDEF+).</summary>
    private static string Family(string? fontName) => fontName is null ? "" : fontName.Contains('+', StringComparison.Ordinal) ? fontName[(fontName.IndexOf('+', StringComparison.Ordinal) + 1)..] : fontName;

    [GeneratedRegex(@"临汾市能源局\s*\d{4}年\d{1,2}月\d{1,2}日印发")]
    private static partial Regex IssuedLine();
}

public class DocNumberTests
{
    private const string Plan = "临能源电力发〔2021〕189号";

    [Fact]
    public void A_serial_goes_into_the_plans_prefix_and_the_year() =>
        Assert.Equal("临能源电力发〔2026〕12号", DocNumbers.Of("12", Plan, 2026));

    [Fact]
    public void A_whole_number_is_kept_and_none_leaves_the_serial_blank()
    {
        Assert.Equal("临能发〔2026〕3号", DocNumbers.Of("临能发〔2026〕3号", Plan, 2026));
        Assert.Equal("临能源电力发〔2026〕　　号", DocNumbers.Of(null, Plan, 2026));
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("临能源电力发〔2026〕12号", true)]
    [InlineData("012", false)]
    [InlineData("十二", false)]
    [InlineData("2026-12", false)]
    public void Only_a_serial_or_a_whole_number_is_accepted(string text, bool valid) =>
        Assert.Equal(valid, CityCircular.IsDocNumber(text));
}
