using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Fonts;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Analytics.Reports.Tests.Pdf;

public class FontSubsetterTests
{
    private static byte[] Subset(FontFace face, string text)
    {
        using var subsetter = new FontSubsetter(ReportFonts.BytesOf(face));
        return subsetter.Subset(text.EnumerateRunes().Select(r => r.Value));
    }

    [Fact]
    public void A_subset_keeps_the_glyphs_asked_for_with_their_widths_and_drops_the_rest()
    {
        const string text = "临汾市供电2024年12.5%";
        var subset = Subset(FontFace.Sans, text);
        Assert.True(subset.Length < ReportFonts.FontBytes.Length / 50, $"subset is {subset.Length} bytes");
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.NotNull(typeface);
        Assert.True(typeface.ContainsGlyphs(text));
        Assert.False(typeface.ContainsGlyphs("能"));
        using var whole = new SKFont(ReportFonts.Typeface, 12);
        using var cut = new SKFont(typeface, 12);
        Assert.Equal(whole.MeasureText(text), cut.MeasureText(text), 3);
    }

    [Theory]
    [InlineData(FontFace.Sans)]
    [InlineData(FontFace.Song)]
    [InlineData(FontFace.Kai)]
    [InlineData(FontFace.Hei)]
    public void Every_glyph_drawn_from_a_subset_of_each_face_has_its_outline(FontFace face)
    {
        // Many of Droid's and WenQuanYi's ideographs are composites: their components must come along.
        const string text = "国网临汾供电公司获得电力工作半年报告〔2026〕";
        var subset = Subset(face, text);
        using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
        Assert.NotNull(typeface);
        Assert.Equal(ReportFonts.TypefaceOf(face).FamilyName, typeface.FamilyName);
        using var font = new SKFont(typeface, 12);
        foreach (var glyph in font.GetGlyphs(text))
        {
            Assert.NotEqual(0, glyph);
            using var path = font.GetGlyphPath(glyph);
            Assert.False(path is null || path.IsEmpty, $"glyph {glyph} has no outline");
        }
        using var whole = new SKFont(ReportFonts.TypefaceOf(face), 12);
        Assert.Equal(whole.MeasureText(text), font.MeasureText(text), 3);
    }

    [Fact]
    public void Skia_embeds_a_font_whole_which_is_why_documents_draw_with_subsets()
    {
        // The reason FontSubsetter exists: SkiaSharp's native build has no subsetter of its own.
        static int Embedded(SKTypeface typeface)
        {
            using var stream = new MemoryStream();
            using (var managed = new SKManagedWStream(stream))
            using (var pdf = SKDocument.CreatePdf(managed))
            {
                var canvas = pdf.BeginPage(200, 100);
                using var font = new SKFont(typeface, 12);
                using var paint = new SKPaint();
                canvas.DrawText("临汾市", 10, 50, font, paint);
                pdf.EndPage();
                pdf.Close();
            }
            return Assert.Single(PdfText.EmbeddedFontSizes(stream.ToArray()));
        }

        var whole = ReportFonts.TypefaceOf(FontFace.Hei);
        Assert.True(Embedded(whole) >= ReportFonts.BytesOf(FontFace.Hei).Length * 9 / 10, "Skia now subsets on its own: FontSubsetter may be unneeded");
        using var cut = SKTypeface.FromData(SKData.CreateCopy(Subset(FontFace.Hei, "临汾市")));
        Assert.True(Embedded(cut) < 20_000);
    }

    [Fact]
    public void One_subsetter_serves_many_documents_across_garbage_collections()
    {
        // The face must keep its font bytes alive and in place (a face over Blob.FromStream crashed here).
        using var subsetter = new FontSubsetter(ReportFonts.BytesOf(FontFace.Song));
        var sizes = new List<int>();
        foreach (var text in new[] { "临汾市能源局", "关于印发", "临汾市能源局" })
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            var subset = subsetter.Subset(text.EnumerateRunes().Select(r => r.Value));
            using var typeface = SKTypeface.FromData(SKData.CreateCopy(subset));
            Assert.True(typeface.ContainsGlyphs(text));
            sizes.Add(subset.Length);
        }
        Assert.Equal(sizes[0], sizes[2]);
    }

    [Fact]
    public void Something_that_is_not_a_font_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => new FontSubsetter("not a font at all"u8.ToArray()));
    }

    [Fact]
    public void SkiaSharp_HarfBuzz_runs_on_the_HarfBuzzSharp_version_pinned_for_the_subsetter()
    {
        // ScottPlot shapes text with SkiaSharp.HarfBuzz 3.119, built against HarfBuzzSharp 8.3; the subsetter pins
        // HarfBuzzSharp 14.4. Every type and member SkiaSharp.HarfBuzz takes from HarfBuzzSharp must exist in the loaded one.
        var shaperAssembly = typeof(SKShaper).Assembly;
        var harfBuzz = typeof(HarfBuzzSharp.Face).Assembly;
        Assert.True(harfBuzz.GetName().Version >= new Version(1, 0), harfBuzz.FullName);
        using var pe = new PEReader(File.OpenRead(shaperAssembly.Location));
        var md = pe.GetMetadataReader();
        var checkedMembers = 0;
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var typeRef = md.GetTypeReference((TypeReferenceHandle)member.Parent);
            if (typeRef.ResolutionScope.Kind != HandleKind.AssemblyReference
                || md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)typeRef.ResolutionScope).Name) != "HarfBuzzSharp") continue;
            var typeName = md.GetString(typeRef.Namespace) + "." + md.GetString(typeRef.Name);
            var type = harfBuzz.GetType(typeName);
            Assert.True(type is not null, $"HarfBuzzSharp {harfBuzz.GetName().Version} has no {typeName}");
            var name = md.GetString(member.Name);
            var found = type.GetMember(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
            Assert.True(found.Length > 0, $"HarfBuzzSharp {harfBuzz.GetName().Version} has no {typeName}.{name}");
            checkedMembers++;
        }
        Assert.True(checkedMembers > 10, $"only {checkedMembers} references checked");

        using var shaper = new SKShaper(ReportFonts.Typeface);
        using var font = new SKFont(ReportFonts.Typeface, 12);
        var shaped = shaper.Shape("临汾市2026年", font);
        Assert.Equal(8, shaped.Codepoints.Length);
        Assert.All(shaped.Codepoints, g => Assert.NotEqual(0u, g));
    }
}
