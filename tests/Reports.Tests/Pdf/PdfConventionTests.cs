using System.Text.RegularExpressions;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Conventions of the PDF code, checked on its source (style.md habits 3 and 8).</summary>
public class PdfConventionTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot(), "src", "Reports", "Pdf");

    [Fact]
    public void The_pdf_code_never_reads_the_clock()
    {
        var offenders = Files().Where(f => Regex.IsMatch(File.ReadAllText(f), @"DateTime(Offset)?\.(Now|UtcNow|Today)\b|TimeProvider\.System")).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Colours_and_sizes_live_in_the_theme_only()
    {
        // A colour literal outside Theme.cs is a token out of place.
        var offenders = Files()
            .Where(f => !f.EndsWith("Theme.cs", StringComparison.Ordinal))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"new SKColor\(|SKColors\.|FromHex\(|Colors\.[A-Z]"))
            .ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<string> Files() => Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
