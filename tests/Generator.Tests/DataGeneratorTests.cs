using Analytics.Domain;

namespace Analytics.Generator.Tests;

public sealed class DataGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "generator-det-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private GenerationResult Generate(string name, GeneratorOptions options) => new DataGenerator(options).Generate(Path.Combine(_root, name));

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Xlsx)]
    public void The_same_seed_gives_byte_identical_files(OutputFormat format)
    {
        var options = new GeneratorOptions { Applications = 400, Outages = 60, Seed = 7, Format = format };
        var a = Generate("a", options);
        var b = Generate("b", options);
        Assert.Equal(5, a.Files.Count);
        for (var i = 0; i < a.Files.Count; i++)
        {
            Assert.Equal(Path.GetFileName(a.Files[i].Path), Path.GetFileName(b.Files[i].Path));
            Assert.Equal(File.ReadAllBytes(a.Files[i].Path), File.ReadAllBytes(b.Files[i].Path));
        }
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var a = Generate("a", new GeneratorOptions { Applications = 300, Outages = 40, Seed = 1 });
        var b = Generate("b", new GeneratorOptions { Applications = 300, Outages = 40, Seed = 2 });
        Assert.NotEqual(File.ReadAllBytes(a.Files[0].Path), File.ReadAllBytes(b.Files[0].Path));
        Assert.NotEqual(File.ReadAllBytes(a.Files[2].Path), File.ReadAllBytes(b.Files[2].Path));
    }

    [Fact]
    public void The_result_lists_the_files_in_loading_order_with_their_row_counts()
    {
        var r = Generate("a", new GeneratorOptions { Applications = 500, Outages = 50 });
        Assert.Equal([FilingKind.Applications, FilingKind.Applications, FilingKind.Outages, FilingKind.Customers, FilingKind.Notes], r.Files.Select(f => f.Kind));
        Assert.Equal(["applications.csv", "applications-revised.csv", "outages.csv", "customers.csv", "notes.csv"], r.Files.Select(f => Path.GetFileName(f.Path)));
        foreach (var f in r.Files)
            Assert.Equal(f.Rows, CsvTable.Read(f.Path).Rows.Count);
        Assert.Equal(500, r.Truth.Applications);
        Assert.Equal(50, r.Truth.OutageEvents);
        Assert.Equal(r.Truth.Connected + r.Truth.InProgress + r.Truth.Withdrawn, r.Truth.Applications);
    }

    [Fact]
    public void Options_set_the_period_and_the_as_of_dates()
    {
        var options = new GeneratorOptions { Applications = 600, Outages = 40, Start = new DateOnly(2021, 3, 1), End = new DateOnly(2022, 6, 30), RevisionLagDays = 14 };
        var r = Generate("a", options);
        var t = CsvTable.Read(r.Files[0].Path);
        var accepted = t.Rows.Select(x => t.Date(x, "accepted_at")!.Value).ToList();
        Assert.True(accepted.Min() >= new DateTime(2021, 3, 1));
        Assert.True(accepted.Max() <= new DateTime(2022, 6, 16, 23, 59, 59));
        Assert.Equal(new DateTime(2022, 6, 16, 23, 59, 59), r.Files[0].AsOf);
        var notes = CsvTable.Read(r.Files[4].Path);
        Assert.Equal(["2021H2", "2022H1"], notes.Rows.Select(x => notes.Get(x, "half")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Zero_applications_and_outages_still_write_every_file_with_its_header()
    {
        var r = Generate("a", new GeneratorOptions { Applications = 0, Outages = 0 });
        Assert.Equal(0, r.Files[0].Rows);
        Assert.Equal(0, r.Files[2].Rows);
        Assert.Equal(TemplateDescriptions.Applications.Select(c => c.Name), CsvTable.Read(r.Files[0].Path).Headers);
    }

    [Fact]
    public void Chinese_csv_uses_chinese_headers_and_labels()
    {
        var r = Generate("a", new GeneratorOptions { Applications = 300, Outages = 30, Language = HeaderLanguage.Chinese });
        var t = CsvTable.Read(r.Files[0].Path);
        Assert.Equal(TemplateDescriptions.Applications.Select(c => c.Header), t.Headers);
        Assert.All(t.Rows, row => Assert.Contains(t.Get(row, "状态"), (string[])["在途", "已接电", "已撤销"]));
        Assert.Contains(t.Rows, row => t.Get(row, "供电企业") == "国网临汾供电公司");
        Assert.Contains(t.Rows, row => t.Get(row, "申请资料").Contains('、', StringComparison.Ordinal));
    }

    [Fact]
    public void A_few_hundred_outages_still_give_every_area_class_its_designed_SAIDI()
    {
        var r = Generate("a", new GeneratorOptions { Applications = 50, Outages = 400, Seed = 11 });
        var saidi = Reliability.Saidi(CsvTable.Read(r.Files[2].Path), CsvTable.Read(r.Files[3].Path));
        Assert.Equal(12, saidi.Count);
        foreach (var ((area, year), hours) in saidi)
        {
            var design = (double)LinfenProfile.DesignSaidiHours(area, year) * Reliability.Covered(year);
            Assert.True(Math.Abs(hours - design) <= 0.1 * design, $"{area} {year}: {hours:0.00} h, designed {design:0.00} h");
        }
    }
}
