using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Model;
using UglyToad.PdfPig;
using static Analytics.Reports.Tests.Pdf.Gbt9704;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>A utility's semiannual report, rendered once with the shipped (GB/T 9704) options and a 文号, read back with PdfPig.</summary>
public sealed class OfficialUtilityReportFixture
{
    public OfficialUtilityReportFixture()
    {
        var inputs = SyntheticCity.Create(3000, seed: 11);
        Bytes = SemiannualReport.Render(inputs, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf,
            new ReportOptions { UtilityDocNumber = "临供电发〔2025〕15号" });
        PdfText.Keep("半年报_GBT9704.pdf", Bytes);
    }

    public byte[] Bytes { get; }
}

/// <summary>
/// The GB/T 9704-2012 self-check of the utility's report (a 上行文 to the bureau), in the manner of
/// <see cref="OfficialFormatTests"/>: the 版心, the red 版头 with the 文号 left and the 签发人 right over the red rule, the
/// page numbers, the 版记 at the foot of the last page, and （此页无正文） on a page that would hold nothing else.
/// </summary>
public class UtilityReportOfficialFormatTests(OfficialUtilityReportFixture f) : IClassFixture<OfficialUtilityReportFixture>
{
    private const double Tolerance = 1.0;
    private const double BodySize = 16; // 3号

    [Fact]
    public void Pages_are_A4_with_all_text_in_the_type_area_and_numbered_dash_n_dash()
    {
        using var doc = PdfDocument.Open(f.Bytes);
        Assert.True(doc.NumberOfPages >= 4);
        foreach (var page in doc.GetPages())
        {
            Assert.Equal(PageWidth, page.Width, 0.5);
            Assert.Equal(PageHeight, page.Height, 0.5);
            var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            foreach (var l in letters.Where(l => l.BoundingBox.Top > CoreBottom - 2))
            {
                var r = l.BoundingBox;
                Assert.True(r.Left >= CoreLeft - Tolerance && r.Right <= CoreRight + Tolerance,
                    $"page {page.Number}: '{l.Value}' at x {r.Left:0.0}–{r.Right:0.0} outside the 版心");
                Assert.True(r.Top <= CoreTop + Tolerance, $"page {page.Number}: '{l.Value}' above the 版心");
            }
            Assert.Equal($"—{page.Number}—", string.Concat(letters.Where(l => l.BoundingBox.Top < CoreBottom - 2).Select(l => l.Value)));
        }
    }

    [Fact]
    public void The_head_has_the_utility_in_red_the_doc_number_left_the_signer_right_and_a_red_rule()
    {
        var first = PdfText.Pages(f.Bytes)[0].Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
        Assert.StartsWith("国网临汾供电公司文件临供电发〔2025〕15号签发人：关于2024年下半年“获得电力”工作情况的报告临汾市能源局：", first, StringComparison.Ordinal);

        using var doc = PdfDocument.Open(f.Bytes);
        var page = doc.GetPage(1);
        const string issuer = "国网临汾供电公司文件";
        var mark = page.Letters.Where(l => issuer.Contains(l.Value, StringComparison.Ordinal)).Take(issuer.Length).ToList();
        Assert.Equal(issuer.Length, mark.Count);
        // The mark's top edge 35 mm under the 版心's, centred, and red (synthetic bold: filled outlines where its letters are).
        Assert.Equal(CoreTop - 35 * Mm, mark.Max(l => l.BoundingBox.Top), 4.0);
        Assert.Equal((CoreLeft + CoreRight) / 2, (mark.Min(l => l.BoundingBox.Left) + mark.Max(l => l.BoundingBox.Right)) / 2, 3.0);
        var box = (Left: mark.Min(l => l.BoundingBox.Left) - 2, Right: mark.Max(l => l.BoundingBox.Right) + 2,
            Bottom: mark.Min(l => l.BoundingBox.Bottom) - 2, Top: mark.Max(l => l.BoundingBox.Top) + 2);
        var outlines = page.Paths.Where(p => p.IsFilled && p.GetBoundingRectangle() is { } r
            && r.Left >= box.Left && r.Right <= box.Right && r.Bottom >= box.Bottom && r.Top <= box.Top).ToList();
        Assert.NotEmpty(outlines);
        Assert.All(outlines, p => Assert.True(IsRed(p.FillColor), "the issuer's mark should be red"));

        // 上行文: the 文号 one character in from the left, 签发人 one character in from the right, on one line.
        var number = page.Letters.First(l => l.Value == "〔");
        var numberStart = page.Letters.Where(l => Math.Abs(l.StartBaseLine.Y - number.StartBaseLine.Y) < 1).Min(l => l.BoundingBox.Left);
        Assert.Equal(CoreLeft + BodySize, numberStart, 1.5);
        var signerLine = page.Letters.Where(l => Math.Abs(l.StartBaseLine.Y - number.StartBaseLine.Y) < 1).ToList();
        Assert.Contains("签发人：", string.Concat(signerLine.Select(l => l.Value)), StringComparison.Ordinal);
        Assert.True(signerLine.Max(l => l.EndBaseLine.X) <= CoreRight - BodySize + 1.5);

        // The red rule: a red stroke as wide as the 版心, under the 文号 line and above the title.
        var rule = page.Paths.Where(p => p.IsStroked && IsRed(p.StrokeColor) && p.GetBoundingRectangle() is { } r
            && r.Width >= 156 * Mm - 2 && r.Top < number.StartBaseLine.Y).ToList();
        Assert.Single(rule);
        Assert.InRange(number.StartBaseLine.Y - rule[0].GetBoundingRectangle()!.Value.Top, 4 * Mm, 4 * Mm + BodySize * 0.5);
    }

    [Fact]
    public void The_body_closes_with_the_utility_and_date_and_the_last_page_ends_with_the_imprint()
    {
        var pages = PdfText.Pages(f.Bytes).Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var all = string.Concat(pages);
        // 署名 and 成文日期 close the 正文, before the 附件.
        var signOff = all.IndexOf("国网临汾供电公司2025年1月10日", StringComparison.Ordinal);
        Assert.True(signOff > all.IndexOf("四、解决措施", StringComparison.Ordinal));
        Assert.True(signOff < all.IndexOf("附件：", StringComparison.Ordinal));
        Assert.EndsWith("国网临汾供电公司2025年1月10日印发", pages[^1].Split('—')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("抄送", pages[^1], StringComparison.Ordinal);

        using var doc = PdfDocument.Open(f.Bytes);
        var last = doc.GetPage(doc.NumberOfPages);
        var yin = last.Letters.Last(l => l.Value == "印");
        Assert.InRange(yin.StartBaseLine.Y, CoreBottom, CoreBottom + 225 * Mm / 22);
    }

    [Fact]
    public void The_plain_theme_has_no_head_and_keeps_its_cover()
    {
        var inputs = SyntheticCity.Create(300, seed: 3);
        var first = PdfText.Pages(SemiannualReport.Render(inputs, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf,
            new ReportOptions { Theme = Theme.Default }))[0].Replace(" ", "", StringComparison.Ordinal);

        Assert.DoesNotContain("签发人", first, StringComparison.Ordinal);
        Assert.Contains("报送单位（盖章）", first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_would_hold_only_the_imprint_or_the_sign_off_says_it_has_no_body()
    {
        var doc = new ReportDocument
        {
            Title = "t",
            CreatedAt = new DateTime(2025, 1, 10),
            Head = new OfficialHead("国网临汾供电公司文件", "临供电发〔2025〕15号", "关于的报告") { Signer = "" },
            Imprint = new OfficialImprint("国网临汾供电公司", new DateOnly(2025, 1, 10)),
            Body =
            [
                new ParagraphBlock("正文第一段。"),
                new PageBreakBlock(),
                new SignOffBlock("国网临汾供电公司", new DateOnly(2025, 1, 10)),
                new PageBreakBlock(),
            ],
        };

        var pages = PdfText.Pages(new PdfRenderer(Theme.Official).RenderToBytes(doc)).Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, pages.Count);
        Assert.DoesNotContain("此页无正文", pages[0], StringComparison.Ordinal);
        Assert.StartsWith("（此页无正文）国网临汾供电公司2025年1月10日", pages[1], StringComparison.Ordinal);
        Assert.StartsWith("（此页无正文）国网临汾供电公司2025年1月10日印发", pages[2], StringComparison.Ordinal);
        Assert.DoesNotContain("此页无正文", string.Concat(PdfText.Pages(f.Bytes)), StringComparison.Ordinal);
    }

    private static bool IsRed(UglyToad.PdfPig.Graphics.Colors.IColor? c) =>
        c is not null && c.ToRGBValues() is var (r, g, b) && r > 0.8 && g < 0.2 && b < 0.2;
}
