using System.Diagnostics;
using System.Globalization;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Fonts;
using SkiaSharp;
using Xunit.Abstractions;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>
/// How long cutting each shipped face down to a document's characters takes: 1,000 ideographs spread over the
/// face's CJK range plus printable ASCII (a circular draws about 900 distinct characters). Rerun with
/// <c>ANALYTICS_BENCH=1 dotnet test tests/Reports.Tests -c Release --filter FullyQualifiedName~FontSubsetBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public class FontSubsetBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Subsetting_each_face_to_a_documents_characters()
    {
        foreach (var face in Enum.GetValues<FontFace>())
        {
            var bytes = ReportFonts.BytesOf(face);
            var typeface = ReportFonts.TypefaceOf(face);
            var ideographs = Enumerable.Range(0x4E00, 0x9FA6 - 0x4E00).Where(cp => typeface.ContainsGlyph(cp)).ToList();
            var codePoints = Enumerable.Range(0x20, 0x5F).Concat(Enumerable.Range(0, 1000).Select(i => ideographs[i * ideographs.Count / 1000])).ToList();

            var sw = Stopwatch.StartNew();
            using var subsetter = new FontSubsetter(bytes);
            var first = subsetter.Subset(codePoints);
            var firstMs = sw.Elapsed.TotalMilliseconds;
            const int runs = 10;
            sw.Restart();
            for (var i = 0; i < runs; i++) subsetter.Subset(codePoints);
            var eachMs = sw.Elapsed.TotalMilliseconds / runs;

            using var cut = SKTypeface.FromData(SKData.CreateCopy(first));
            Assert.NotNull(cut);
            Assert.True(first.Length < bytes.Length / 2);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{face}: {bytes.Length / 1024.0:N0} KiB -> {first.Length / 1024.0:N0} KiB for {codePoints.Count} characters; first (font read) {firstMs:N1} ms, then {eachMs:N1} ms each"));
        }
    }
}
