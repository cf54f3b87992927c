using Analytics.Domain;
using ClosedXML.Excel;

namespace Analytics.Generator.Tests;

/// <summary>
/// The committed <c>sample-data/</c> is exactly what the generator makes with the options below,
/// so it never drifts from the code. To regenerate it after a deliberate change, run
/// <c>GENERATOR_WRITE_SAMPLE=1 dotnet test tests/Generator.Tests --filter SampleDataTests</c>.
/// </summary>
public sealed class SampleDataTests : IDisposable
{
    /// <summary>The options of the committed sample (README.md there repeats them).</summary>
    public static readonly GeneratorOptions SampleOptions = new() { Applications = 3000, Outages = 400, Seed = 2021 };

    private readonly string _tmp = Path.Combine(Path.GetTempPath(), "generator-sample-" + Guid.NewGuid().ToString("N"));
    private readonly string _sample = Path.Combine(RepositoryRoot(), "sample-data");

    public void Dispose()
    {
        try { Directory.Delete(_tmp, recursive: true); }
        catch (IOException) { }
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Analytics.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Analytics.sln not found above the test binaries.");
    }

    private static bool Rewrite => Environment.GetEnvironmentVariable("GENERATOR_WRITE_SAMPLE") == "1";

    [Fact]
    public void The_committed_csv_sample_is_what_the_generator_makes()
    {
        var dir = Rewrite ? Path.Combine(_sample, "csv") : Path.Combine(_tmp, "csv");
        var result = new DataGenerator(SampleOptions).Generate(dir);
        foreach (var f in result.Files)
            Assert.Equal(File.ReadAllBytes(f.Path), File.ReadAllBytes(Path.Combine(_sample, "csv", Path.GetFileName(f.Path))));
        Assert.True(result.Truth.FirstFilingRows > 2500);
    }

    [Fact]
    public void The_committed_xlsx_sample_holds_what_the_generator_makes()
    {
        var dir = Rewrite ? Path.Combine(_sample, "xlsx") : Path.Combine(_tmp, "xlsx");
        var result = new DataGenerator(SampleOptions with { Format = OutputFormat.Xlsx }).Generate(dir);
        foreach (var f in result.Files)
        {
            using var made = new XLWorkbook(f.Path);
            using var committed = new XLWorkbook(Path.Combine(_sample, "xlsx", Path.GetFileName(f.Path)));
            var a = made.Worksheet(1);
            var b = committed.Worksheet(1);
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.RangeUsed()!.RangeAddress.ToString(), b.RangeUsed()!.RangeAddress.ToString());
            foreach (var cell in a.CellsUsed())
                Assert.Equal(cell.Value, b.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber).Value);
        }
    }

    [Fact]
    public void The_committed_blank_templates_are_what_the_generator_makes()
    {
        var dir = Rewrite ? Path.Combine(_sample, "templates") : Path.Combine(_tmp, "templates");
        foreach (var path in BlankTemplates.Write(dir).Where(p => p.EndsWith(".csv", StringComparison.Ordinal)))
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(_sample, "templates", Path.GetFileName(path))));
        foreach (var kind in BlankTemplates.Kinds)
        {
            using var wb = new XLWorkbook(Path.Combine(_sample, "templates", TemplateDescriptions.FileStem(kind) + ".xlsx"));
            Assert.Equal(TemplateDescriptions.Of(kind).Select(c => c.Header), wb.Worksheet(1).Row(1).CellsUsed().Select(c => c.GetString()));
        }
    }

    [Fact]
    public void The_committed_sample_is_small()
    {
        var bytes = new DirectoryInfo(_sample).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.True(bytes < 2_000_000, $"sample-data holds {bytes:N0} bytes");
    }
}
