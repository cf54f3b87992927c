using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Reports.Pdf;
using Xunit.Abstractions;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>A fact that runs only when <c>ANALYTICS_BENCH</c> is set: benchmarks measure, they do not gate the build.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ANALYTICS_BENCH")))
            Skip = "benchmark: set ANALYTICS_BENCH=1 (and run with -c Release) to measure";
    }
}

/// <summary>
/// Every utility's semiannual PDF and the city circular for a synthetic city of 100,000 applications (2023–2024),
/// synthesized in memory from a fixed seed. Rerun with
/// <c>ANALYTICS_BENCH=1 dotnet test tests/Reports.Tests -c Release --filter FullyQualifiedName~PdfBenchmark --logger "console;verbosity=detailed"</c>;
/// <c>ANALYTICS_BENCH_APPLICATIONS</c> changes the size, <c>ANALYTICS_TEST_OUT</c> keeps the PDFs.
/// </summary>
public class PdfBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void All_semiannual_reports_and_the_city_circular_for_100000_applications()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("ANALYTICS_BENCH_APPLICATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var dir = Environment.GetEnvironmentVariable("ANALYTICS_TEST_OUT") is { Length: > 0 } keep
            ? keep : Path.Combine(Path.GetTempPath(), "analytics-pdf-bench-" + Guid.NewGuid().ToString("N"));
        var report = new StringBuilder();
        void Log(string line)
        {
            output.WriteLine(line);
            report.AppendLine(line);
        }

        var sw = Stopwatch.StartNew();
        var inputs = SyntheticCity.Create(size, seed: 2024);
        Log(string.Create(CultureInfo.InvariantCulture,
            $"synthesized {inputs.Applications.Count:N0} applications, {inputs.Outages.Count:N0} outage rows in {sw.ElapsedMilliseconds:N0} ms"));

        var total = Stopwatch.StartNew();
        sw.Restart();
        var paths = SemiannualReport.WriteAll(inputs, SyntheticCity.Half, SyntheticCity.AsOf, dir).ToList();
        var semiannual = sw.ElapsedMilliseconds;
        sw.Restart();
        paths.Add(CityCircular.Write(inputs, SyntheticCity.Half, SyntheticCity.AsOf, dir + Path.DirectorySeparatorChar));
        var circular = sw.ElapsedMilliseconds;
        total.Stop();

        foreach (var p in paths)
        {
            var bytes = File.ReadAllBytes(p);
            using var doc = UglyToad.PdfPig.PdfDocument.Open(bytes);
            Log(string.Create(CultureInfo.InvariantCulture, $"  {Path.GetFileName(p)}: {doc.NumberOfPages} pages, {bytes.Length / 1024.0:N0} KiB"));
            Assert.True(doc.NumberOfPages >= 2);
        }
        Log(string.Create(CultureInfo.InvariantCulture,
            $"5 semiannual reports: {semiannual:N0} ms; city circular: {circular:N0} ms; total {total.ElapsedMilliseconds:N0} ms (Environment.ProcessorCount = {Environment.ProcessorCount})"));
        File.WriteAllText(Path.Combine(dir, "benchmark.txt"), report.ToString());
        if (dir.Contains("analytics-pdf-bench-", StringComparison.Ordinal)) Directory.Delete(dir, recursive: true);
    }
}
