namespace Analytics.Metrics.Tests;

/// <summary>Conventions of style.md that matter here, checked on the source.</summary>
public class ConventionTests
{
    private static string MetricsSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "Metrics");
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTime.Today")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("File.")]
    [InlineData("Console.")]
    public void Metrics_reads_no_clock_and_does_no_io(string forbidden)
    {
        var offenders = Directory.EnumerateFiles(MetricsSource(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .ToArray();
        Assert.Empty(offenders);
    }
}
