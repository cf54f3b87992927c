namespace Analytics.Risk.Tests;

/// <summary>Conventions of style.md that matter here, checked on the source.</summary>
public class ConventionTests
{
    private static IEnumerable<string> RiskSources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Directory.EnumerateFiles(Path.Combine(dir!.FullName, "src", "Risk"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTime.Today")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("new Random()")]
    [InlineData("Guid.NewGuid")]
    public void Risk_reads_no_clock_and_draws_no_unseeded_randomness(string forbidden)
    {
        var offenders = RiskSources().Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(RiskSources());
        Assert.Empty(offenders);
    }
}
