using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Ingest;
using Analytics.Metrics;
using Analytics.Store;
using Xunit.Abstractions;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Generator.Tests;

/// <summary>
/// End to end: the real ingest loads every generated file into a real SQLite store without an
/// error or a warning, and the real metrics find exactly the integrity problems the generator
/// injected (its ground truth).
/// </summary>
public sealed class IngestRoundTripTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "generator-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public IngestRoundTripTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }

    private (GenerationResult Result, SqliteStore Store) GenerateAndLoad(GeneratorOptions options, string name)
    {
        var result = new DataGenerator(options).Generate(Path.Combine(_dir, name));
        var store = new SqliteStore(Path.Combine(_dir, name + ".db"));
        store.EnsureSchema();
        var ingestor = new FileIngestor(store);
        var ingest = new IngestOptions { KeyFile = Path.Combine(_dir, "customer.key") };
        foreach (var f in result.Files)
        {
            var r = ingestor.Ingest(f.Kind, f.Path, ingest);
            foreach (var e in r.Errors.Take(5)) _output.WriteLine(e.ToString());
            foreach (var w in r.Warnings) _output.WriteLine(w.ToString());
            Assert.Equal(IngestOutcome.Loaded, r.Outcome);
            Assert.Equal(0, r.ErrorCount);
            Assert.Empty(r.Warnings);
            Assert.Equal(f.Rows, r.RowsRead);
            Assert.Equal(f.Rows, r.RowsLoaded);
        }
        return (result, store);
    }

    [Fact]
    public void Generated_csv_files_load_without_errors_and_the_findings_match_the_ground_truth()
    {
        var options = new GeneratorOptions { Applications = 6000, Outages = 600, Seed = 5 };
        var (result, store) = GenerateAndLoad(options, "csv");
        using (store)
        {
            var truth = result.Truth;
            var applications = store.Applications().ToList();
            Assert.Equal(truth.Applications, applications.Count);
            Assert.All(applications, a => Assert.False(string.IsNullOrEmpty(a.CustomerKey)));

            var metrics = MetricsEngine.Compute(new MetricsInput
            {
                Applications = applications,
                Revisions = store.ApplicationRevisions().ToList(),
                Outages = store.Outages().ToList(),
                CustomersServed = store.CustomersServed().ToList(),
                Policy = DomainPolicy.Default,
                Calendar = WorkingDayCalendar.Default,
                Period = new MetricsPeriod(options.Start, options.End),
                AsOf = options.RevisedFilingAsOf,
            });
            foreach (var e in metrics.Errors.Take(5)) _output.WriteLine(e.ToString());
            Assert.Empty(metrics.Errors);

            var byRule = metrics.AllIntegrityFindings.GroupBy(f => f.Rule!.Value).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (rule, count) in byRule) _output.WriteLine($"{rule}: {count}");
            Assert.Equal(truth.OutOfOrder, byRule.GetValueOrDefault(FindingRule.OutOfOrder));
            Assert.Equal(truth.Rewritten, byRule.GetValueOrDefault(FindingRule.Rewritten));
            Assert.Equal(truth.Rewalks, byRule.GetValueOrDefault(FindingRule.Rewalked));
            Assert.Equal(truth.RecordAfterConnection + truth.BackFilled, byRule.GetValueOrDefault(FindingRule.BackFilled));
            // 体外循环 also fires for records created after a connection more than a working day after acceptance.
            Assert.InRange(byRule.GetValueOrDefault(FindingRule.EnteredLate), truth.EnteredLate, truth.EnteredLate + truth.RecordAfterConnection);
        }
    }

    [Fact]
    public void Generated_xlsx_and_chinese_csv_files_load_without_errors()
    {
        var (xlsx, s1) = GenerateAndLoad(new GeneratorOptions { Applications = 300, Outages = 40, Seed = 9, Format = OutputFormat.Xlsx }, "xlsx");
        using (s1) Assert.Equal(xlsx.Truth.Applications, s1.Applications().Count());
        var (zh, s2) = GenerateAndLoad(new GeneratorOptions { Applications = 300, Outages = 40, Seed = 9, Language = HeaderLanguage.Chinese }, "zh");
        using (s2)
        {
            Assert.Equal(zh.Truth.Applications, s2.Applications().Count());
            // The same seed gives the same data whatever the format: both stores hold the same applications.
            Assert.Equal(s1.Applications().Select(a => (a.ApplicationId, a.ConnectedAt)).OrderBy(x => x.ApplicationId, StringComparer.Ordinal),
                s2.Applications().Select(a => (a.ApplicationId, a.ConnectedAt)).OrderBy(x => x.ApplicationId, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_committed_sample_loads_without_errors()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Analytics.sln"))) root = root.Parent!;
        foreach (var folder in new[] { "csv", "xlsx" })
        {
            using var store = new SqliteStore(Path.Combine(_dir, "sample-" + folder + ".db"));
            store.EnsureSchema();
            var ingestor = new FileIngestor(store);
            var ext = folder == "csv" ? ".csv" : ".xlsx";
            foreach (var (kind, file) in new[] { (FilingKind.Applications, "applications"), (FilingKind.Applications, "applications-revised"), (FilingKind.Outages, "outages"), (FilingKind.Customers, "customers"), (FilingKind.Notes, "notes") })
            {
                var r = ingestor.Ingest(kind, Path.Combine(root.FullName, "sample-data", folder, file + ext), new IngestOptions { KeyFile = Path.Combine(_dir, "customer.key") });
                foreach (var e in r.Errors.Take(5)) _output.WriteLine(e.ToString());
                Assert.Equal(IngestOutcome.Loaded, r.Outcome);
                Assert.Empty(r.Warnings);
            }
            Assert.Equal(3000, store.Applications().Count());
        }
    }
}
