namespace Analytics.Reports.Tests.Ledger;

/// <summary>Conventions of the ledger code that a review could miss, checked on the source.</summary>
public class LedgerConventionsTests
{
    public static TheoryData<string> Forbidden => new()
    {
        ".AdjustToContents(", // needs GDI+: throws on Linux
        "DateTime.Now",     // the as-of is an argument, never the clock
        "DateTime.Today",
        "DateTime.UtcNow",
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void The_ledger_and_report_helpers_never_call(string call)
    {
        var root = RepositoryRoot();
        var files = new[] { "src/Reports/Ledger", "src/Reports/Common" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .ToList();

        Assert.NotEmpty(files);
        var offenders = files.Where(f => File.ReadAllText(f).Contains(call, StringComparison.Ordinal)).ToList();
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Analytics.sln"))) return d.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
