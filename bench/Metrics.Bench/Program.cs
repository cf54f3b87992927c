using System.Diagnostics;
using System.Globalization;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Metrics.Bench;
using Analytics.Reports.Export;

// Rerunnable benchmark of MetricsEngine.Compute: synthesizes N applications (+ revisions) and M outage step rows in memory,
// then times Compute (everything: figures, targets by group, reliability, indicators, findings) several times.
// Usage: dotnet run -c Release --project bench/Metrics.Bench -- [applications] [outageRows] [runs] [seed] [metrics.json]
// (the optional last argument writes the metrics JSON of the last run there, to look at).
var ic = CultureInfo.InvariantCulture;
var n = args.Length > 0 ? int.Parse(args[0], ic) : 1_000_000;
var m = args.Length > 1 ? int.Parse(args[1], ic) : 1_000_000;
var runs = args.Length > 2 ? int.Parse(args[2], ic) : 3;
var seed = args.Length > 3 ? int.Parse(args[3], ic) : 42;
var jsonOut = args.Length > 4 ? args[4] : null;

var sw = Stopwatch.StartNew();
var data = SyntheticData.Create(n, m, seed);
Console.WriteLine(string.Create(ic, $"synthesized {data.Applications.Length:N0} applications, {data.Revisions.Length:N0} revisions, {data.Outages.Length:N0} outage rows, {data.Customers.Length:N0} snapshots in {sw.Elapsed.TotalSeconds:F1} s"));
GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
var baseline = GC.GetTotalMemory(true);
Console.WriteLine(string.Create(ic, $"input held in memory: {baseline / 1048576.0:F0} MB managed"));

var input = new MetricsInput
{
    Applications = data.Applications,
    Revisions = data.Revisions,
    Outages = data.Outages,
    CustomersServed = data.Customers,
    Policy = Policy.Default,
    Calendar = WorkingDayCalendar.Default,
    Period = MetricsPeriod.Year(2023),
    AsOf = new DateTime(2023, 12, 21, 17, 0, 0),
};

MetricsResult? result = null;
for (var r = 1; r <= runs; r++)
{
    result = null;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    sw.Restart();
    result = MetricsEngine.Compute(input);
    var elapsed = sw.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var live = GC.GetTotalMemory(false);
    Console.WriteLine(string.Create(ic,
        $"run {r}: Compute {elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (both cores); allocated {allocated / 1048576.0:F0} MB; managed heap after {live / 1048576.0:F0} MB"));
}

// Phases alone (CPU seconds), to see where the time goes.
Phase("figures + targets (no findings, no reliability)", () =>
{
    var calc = new ApplicationFiguresCalculator(input.Policy, input.Calendar, input.AsOf);
    foreach (var a in data.Applications) calc.Compute(a);
});
Phase("integrity findings", () => IntegrityChecker.Check(data.Applications, data.Revisions, input.Policy, input.Calendar));
Phase("  of which out-of-order", () => { var k = 0; foreach (var a in data.Applications) if (StagePrecedence.Violations(a) is not null) k++; });
Phase("  of which revisions only", () => IntegrityChecker.Check([], data.Revisions, input.Policy, input.Calendar));
Phase("reliability", () => ReliabilityCalculator.Compute(data.Outages, data.Customers, input.Policy, input.Period.Years));
Phase("indicators", () => IndicatorCalculator.Compute(data.Applications, data.Outages, input.Policy, input.Period));

sw.Restart();
long jsonBytes;
using (var s = new CountingStream())
{
    MetricsJsonWriter.Write(result!, s);
    jsonBytes = s.Length;
}
var jsonTime = sw.Elapsed;
if (jsonOut is not null)
{
    using var f = File.Create(jsonOut);
    MetricsJsonWriter.Write(result!, f);
}
sw.Restart();
var csvCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
using (var w = new StreamWriter(new CountingStream()))
    ApplicationsCsvWriter.Write(result!, result!.Applications, w);
var csvTime = sw.Elapsed;
var csvCpu = Process.GetCurrentProcess().TotalProcessorTime - csvCpu0;

Console.WriteLine(string.Create(ic, $"metrics JSON {jsonBytes / 1024.0:F0} KB in {jsonTime.TotalSeconds:F2} s; applications CSV ({result!.Applications.Count:N0} rows) in {csvTime.TotalSeconds:F2} s wall, {csvCpu.TotalSeconds:F2} s CPU"));
Console.WriteLine(string.Create(ic,
    $"result: {result.Targets.Count:N0} target rows, {result.Breaches.Count:N0} breaches, {result.Findings.Count:N0} findings in period ({result.AllIntegrityFindings.Count:N0} in all), {result.Reliability.Count:N0} reliability entries, {result.Errors.Count:N0} errors"));
var t2a = result.CityTarget("T2a")!;
Console.WriteLine(string.Create(ic, $"T2a city: {t2a.Compliant:N0}/{t2a.Total:N0} mean {t2a.MeanDays:F2} p90 {t2a.P90Days} max {t2a.MaxDays}"));
var city = result.Reliability.First(e => e.County is null && e.Utility is null && e.Area is null);
Console.WriteLine(string.Create(ic, $"2023 city SAIDI {city.SaidiH:F3} h, SAIFI {city.Saifi:F3}, ASAI {city.Asai:F6}"));
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(ic, $"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB"));

void Phase(string name, Action action)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var t0 = Stopwatch.StartNew();
    action();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
    Console.WriteLine(string.Create(ic, $"  phase {name}: {t0.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU"));
}

/// <summary>A write-only stream that only counts bytes (keeps disk out of the timing).</summary>
internal sealed class CountingStream : Stream
{
    private long _length;
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => _length += count;
    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
}
