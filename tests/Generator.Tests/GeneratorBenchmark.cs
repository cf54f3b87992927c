using System.Diagnostics;
using Xunit.Abstractions;

namespace Analytics.Generator.Tests;

/// <summary>
/// A rerunnable measure of generation time and memory (not a timed assertion). By default it runs
/// 20,000 applications; for the big run:
/// <c>GENERATOR_BENCH_APPLICATIONS=1000000 dotnet test tests/Generator.Tests -c Release --filter GeneratorBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class GeneratorBenchmark : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "generator-bench-" + Guid.NewGuid().ToString("N"));

    public GeneratorBenchmark(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void Generation_streams_the_applications_through_bounded_memory()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("GENERATOR_BENCH_APPLICATIONS"), out var v) ? v : 20_000;
        var m = Math.Max(100, n / 50);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        using var sampling = new Timer(_ => peak = Math.Max(peak, GC.GetTotalMemory(false)), null, 0, 50);
        var clock = Stopwatch.StartNew();
        var result = new DataGenerator(new GeneratorOptions { Applications = n, Outages = m }).Generate(_dir);
        clock.Stop();
        var bytes = result.Files.Sum(f => new FileInfo(f.Path).Length);
        _output.WriteLine($"{n:N0} applications, {m:N0} outages: {clock.Elapsed.TotalSeconds:0.0} s, {bytes / 1e6:0.0} MB written, " +
            $"managed heap peak {(peak - heapBefore) / 1e6:0} MB above start, process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        Assert.Equal(n, result.Truth.Applications);
        Assert.Equal(m, result.Truth.OutageEvents);
    }
}
