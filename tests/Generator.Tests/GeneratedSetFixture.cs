using Analytics.Domain;

namespace Analytics.Generator.Tests;

/// <summary>
/// One English CSV data set of moderate size, generated once for the test classes that check it
/// (20,000 applications, 2,000 outages, default period 2024-01-01 … 2026-11-25).
/// </summary>
public sealed class GeneratedSetFixture : IDisposable
{
    public const int ApplicationCount = 20_000;
    public const int OutageCount = 2_000;

    private readonly Lazy<CsvTable> _first;
    private readonly Lazy<CsvTable> _revised;
    private readonly Lazy<CsvTable> _outages;
    private readonly Lazy<CsvTable> _customers;
    private readonly Lazy<CsvTable> _notes;

    public GeneratedSetFixture()
    {
        Dir = Path.Combine(Path.GetTempPath(), "generator-tests-" + Guid.NewGuid().ToString("N"));
        Options = new GeneratorOptions { Applications = ApplicationCount, Outages = OutageCount, Seed = 42 };
        Result = new DataGenerator(Options).Generate(Dir);
        _first = new(() => CsvTable.Read(PathOf("applications.csv")));
        _revised = new(() => CsvTable.Read(PathOf("applications-revised.csv")));
        _outages = new(() => CsvTable.Read(PathOf("outages.csv")));
        _customers = new(() => CsvTable.Read(PathOf("customers.csv")));
        _notes = new(() => CsvTable.Read(PathOf("notes.csv")));
    }

    public string Dir { get; }
    public GeneratorOptions Options { get; }
    public GenerationResult Result { get; }
    public GroundTruth Truth => Result.Truth;

    public CsvTable First => _first.Value;
    public CsvTable Revised => _revised.Value;
    public CsvTable OutageTable => _outages.Value;
    public CsvTable Customers => _customers.Value;
    public CsvTable Notes => _notes.Value;

    public string PathOf(string file) => Path.Combine(Dir, file);

    /// <summary>Every application in its latest state: the revised filing's row where it has one, else the first filing's.</summary>
    public IReadOnlyList<string[]> Latest
    {
        get
        {
            var revised = Revised.Rows.ToDictionary(r => r[0], StringComparer.Ordinal);
            var latest = new List<string[]>(First.Rows.Count + revised.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in First.Rows)
            {
                latest.Add(revised.TryGetValue(r[0], out var newer) ? newer : r);
                seen.Add(r[0]);
            }
            latest.AddRange(Revised.Rows.Where(r => !seen.Contains(r[0])));
            return latest;
        }
    }

    public Category CategoryOf(string[] row)
    {
        var t = First; // both filings share the header
        Assert.True(Codes.TryParse<CustomerType>(t.Get(row, "customer_type"), out var type));
        Assert.True(Codes.TryParse<Voltage>(t.Get(row, "voltage"), out var voltage));
        var sources = t.Number(row, "power_sources") is { } p ? (int)p : 1;
        return CategoryRules.Derive(type, voltage, sources, t.Get(row, "three_zero") == "Y");
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class GeneratedSetDefinition : ICollectionFixture<GeneratedSetFixture>
{
    public const string Name = "generated set";
}
