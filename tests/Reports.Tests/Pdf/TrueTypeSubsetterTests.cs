using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Fonts;
using SkiaSharp;

namespace Analytics.Reports.Tests.Pdf;

public class TrueTypeSubsetterTests
{
    [Fact]
    public void A_subset_keeps_the_glyphs_asked_for_with_their_widths_and_drops_the_rest()
    {
        const string text = "临汾市供电2024年12.5%";
        var subset = new TrueTypeSubsetter(ReportFonts.FontBytes).Subset(text.EnumerateRunes().Select(r => r.Value));
        Assert.True(subset.Length < ReportFonts.FontBytes.Length / 50, $"subset is {subset.Length} bytes");
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.NotNull(typeface);
        Assert.True(typeface.ContainsGlyphs(text));
        Assert.False(typeface.ContainsGlyphs("能"));
        using var whole = new SKFont(ReportFonts.Typeface, 12);
        using var cut = new SKFont(typeface, 12);
        Assert.Equal(whole.MeasureText(text), cut.MeasureText(text), 3);
    }

    [Fact]
    public void Composite_glyphs_bring_their_components()
    {
        // Many of Droid's ideographs are composites; every one drawn from the subset must have an outline.
        const string text = "国网临汾供电公司获得电力工作半年报告";
        var subset = new TrueTypeSubsetter(ReportFonts.FontBytes).Subset(text.EnumerateRunes().Select(r => r.Value));
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        using var font = new SKFont(typeface, 12);
        foreach (var glyph in font.GetGlyphs(text))
        {
            using var path = font.GetGlyphPath(glyph);
            Assert.False(path is null || path.IsEmpty, $"glyph {glyph} has no outline");
        }
    }
}
