using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Templates;
using Analytics.Store;

namespace Analytics.Ingest.Tests.Throughput;

/// <summary>
/// A rerunnable throughput measurement of the ingest layer, not a test (speed is measured, never
/// asserted): generates N application rows as a CSV, then times
/// (1) parse + full validation alone, (2) the whole <see cref="FileIngestor"/> into a sink that
/// discards rows, and (3) the whole ingestor into a real SQLite store.
/// <code>dotnet run -c Release --project tests/Ingest.Tests -- throughput [ROWS] [--no-sqlite]</code>
/// </summary>
public static class IngestThroughput
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var sqlite = !args.Contains("--no-sqlite");
        var dir = Path.Combine(Path.GetTempPath(), "ingest-throughput-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        try
        {
            var csv = Path.Combine(dir, "applications.csv");
            var sw = Stopwatch.StartNew();
            Generate(csv, rows);
            Say($"generated {rows:N0} rows, {new FileInfo(csv).Length / 1048576.0:F0} MiB, in {sw.Elapsed.TotalSeconds:F1} s; cores: {Environment.ProcessorCount}");

            _cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
            var context = new TemplateContext(Registries.Default, new DateTime(2022, 3, 1), () => CustomerKeyring.OpenOrCreate(Path.Combine(dir, "customer.key")));
            for (var run = 1; run <= 2; run++)
            {
                sw.Restart();
                var check = TemplateReader.Read(FilingKind.Applications, csv, context, keepRecords: false, maxErrors: 100);
                Report($"parse + validate (run {run})", rows, sw.Elapsed, check.ErrorCount);
                foreach (var e in check.Errors.Take(3)) Say("  " + e);
            }

            var sink = new DiscardingStore();
            var ingestor = new FileIngestor(sink);
            var key = Path.Combine(dir, "customer.key");
            _cpuMark = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            var r = ingestor.Ingest(FilingKind.Applications, csv, new IngestOptions { KeyFile = key, AsOf = new DateTime(2022, 1, 1) });
            Report("ingest to a discarding sink, --as-of given (one pass)", r.RowsLoaded, sw.Elapsed, r.ErrorCount);
            sw.Restart();
            r = ingestor.Ingest(FilingKind.Applications, csv, new IngestOptions { KeyFile = key });
            Report("ingest to a discarding sink, default as-of (two passes)", r.RowsLoaded, sw.Elapsed, r.ErrorCount);

            if (sqlite)
            {
                using var store = new SqliteStore(Path.Combine(dir, "bench.db"));
                store.EnsureSchema();
                sw.Restart();
                r = new FileIngestor(store).Ingest(FilingKind.Applications, csv, new IngestOptions { KeyFile = key });
                Report("ingest into SQLite, default as-of", r.RowsLoaded, sw.Elapsed, r.ErrorCount);
            }
            Say($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static TimeSpan _cpuMark = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Wall time and CPU time: on a shared machine the CPU figure is the honest one.</summary>
    private static void Report(string what, int rows, TimeSpan elapsed, int errors)
    {
        var cpuNow = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = cpuNow - _cpuMark;
        _cpuMark = cpuNow;
        Say($"{what}: {rows:N0} rows in {elapsed.TotalSeconds:F2} s wall = {rows / elapsed.TotalSeconds:N0} rows/s; {cpu.TotalSeconds:F2} s CPU = {rows / cpu.TotalSeconds:N0} rows/s per core ({errors} errors)");
    }

    private static void Say(string text) => Console.WriteLine(text);

    /// <summary>Realistic rows: every column, mixed date forms, Chinese labels, personal data on a tenth of them.</summary>
    private static void Generate(string path, int rows)
    {
        var counties = Registries.Default.Counties.Select(c => c.Name).ToArray();
        string[] areas = ["central", "市区", "town", "农村"];
        string[] channels = ["online", "营业厅", "网上国网", "95598"];
        var header = string.Join(",", TestFiles.Application().Keys);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write(header);
        w.Write("\r\n");
        var rnd = new Random(42);
        var start = new DateTime(2021, 1, 4, 8, 0, 0);
        var sb = new StringBuilder(512);
        for (var i = 0; i < rows; i++)
        {
            var accepted = start.AddMinutes(rnd.Next(0, 60 * 24 * 600));
            var hv = rnd.Next(10) == 0;
            var connected = rnd.Next(10) < 8;
            string T(DateTime t, int form) => form switch
            {
                0 => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                1 => t.ToString("yyyy/M/d H:mm", CultureInfo.InvariantCulture),
                _ => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            };
            var f = i % 3;
            sb.Clear();
            sb.Append("SG").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append(',')
              .Append("sgcc-linfen,").Append(counties[i % counties.Length]).Append(',').Append(areas[i % 4]).Append(',')
              .Append(hv ? "non_residential," : (i % 2 == 0 ? "residential," : "非居民,")).Append(hv ? "10kV," : "0.4kV,")
              .Append(hv && i % 3 == 0 ? "2," : ",").Append(hv ? "\"1,250\"" : "8").Append(',')
              .Append(i % 2 == 0 ? "Y," : "否,").Append(",N,").Append(channels[i % 4]).Append(",Y,id_card;property_cert,0,")
              .Append(hv ? "120000.50" : "0").Append(',').Append(connected ? "connected," : "在途,")
              .Append(T(accepted.AddMinutes(-5), f)).Append(',').Append(T(accepted, f)).Append(',')
              .Append(T(accepted.AddHours(20), f)).Append(",,,")
              .Append(T(accepted.AddDays(1), f)).Append(',').Append(T(accepted.AddDays(3), f)).Append(",,,")
              .Append(T(accepted.AddDays(2), f)).Append(',').Append(T(accepted.AddDays(5), f)).Append(',')
              .Append(T(accepted.AddDays(1).AddHours(2), f)).Append(',').Append(T(accepted.AddDays(2), f)).Append(",告知承诺,")
              .Append(T(accepted.AddDays(5).AddHours(2), f)).Append(',').Append(T(accepted.AddDays(5).AddHours(4), f)).Append(',')
              .Append(connected ? T(accepted.AddDays(6), f) : "").Append(",0,,,");
            if (i % 10 == 0)
                sb.Append("张三,").Append(TestFiles.IdNumber("14100219850315" + (i % 1000).ToString("D3", CultureInfo.InvariantCulture))).Append(",13912345678");
            else sb.Append(",,");
            sb.Append("\r\n");
            w.Write(sb);
        }
    }

    /// <summary>A store that keeps nothing: isolates the ingest layer's own cost.</summary>
    private sealed class DiscardingStore : IAnalyticsStore
    {
        public string Description => "discarding sink";
        public void EnsureSchema() { }
        public Filing? FindFiling(FilingKind kind, string sha256) => null;
        public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) => new Writer(kind, fileName, sha256, asOf, loadedAt);
        public IFilingBatch BeginBatch() => new Batch(this);
        public string? CustomerKeyFingerprint() => null;
        public bool HoldsCustomerKeys() => false;
        public IReadOnlyList<Filing> Filings() => [];
        public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null) => [];
        public IEnumerable<Application> Applications(DateTime? knownAt = null) => [];
        public IEnumerable<OutageStep> Outages() => [];
        public IEnumerable<CustomersServed> CustomersServed() => [];
        public IEnumerable<ReportNote> Notes() => [];
        public IEnumerable<LedgerNote> LedgerNotes() => [];
        public void Dispose() { }

        private sealed class Batch(DiscardingStore store) : IFilingBatch
        {
            public Filing? FindFiling(FilingKind kind, string sha256) => null;
            public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) =>
                store.BeginFiling(kind, fileName, sha256, asOf, loadedAt, distinctKeys);
            public void RecordCustomerKeyFingerprint(string fingerprint) { }
            public void Commit() { }
            public void Dispose() { }
        }

        private sealed class Writer(FilingKind kind, string fileName, string sha, DateTime asOf, DateTime loadedAt) : IFilingWriter
        {
            private int _rows;
            public void Add(Application application) => _rows++;
            public void Add(OutageStep step) => _rows++;
            public void Add(CustomersServed snapshot) => _rows++;
            public void Add(ReportNote note) => _rows++;
            public void Add(LedgerNote note) => _rows++;
            public Filing Commit(int rowsRead, int rowsRejected) =>
                new() { Kind = kind, FileName = fileName, Sha256 = sha, AsOf = asOf, LoadedAt = loadedAt, RowsRead = rowsRead, RowsChanged = _rows, RowsRejected = rowsRejected };
            public void Dispose() { }
        }
    }
}
