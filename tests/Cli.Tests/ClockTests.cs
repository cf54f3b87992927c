using System.Text;
using Analytics.Domain;

namespace Analytics.Cli.Tests;

/// <summary>One clock (issue 17 item 2): the entry point's TimeProvider reaches every reader of the time.</summary>
public sealed class ClockTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string CustomersFile()
    {
        var path = _dir.File("customers.csv");
        File.WriteAllText(path, "period,utility,county,area,customers\n2022,sgcc-linfen,yaodu,urban,1000\n", new UTF8Encoding(true));
        return path;
    }

    private static (int Code, string Out, string Err) Run(TimeProvider clock, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = CliApp.Run(args, o, e, clock);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void The_ingest_load_time_is_the_entry_points_clock()
    {
        var file = CustomersFile();
        var store = _dir.File("store.db");
        var clock = ChinaTime.Fixed(new DateTime(2031, 5, 6, 7, 8, 0));
        var first = Run(clock, "ingest", "customers", file, "--store", store, "--key-file", _dir.File("k.key"));
        Assert.Equal(0, first.Code);
        // The second run reports the first filing's load time: the pinned instant, not the machine's.
        var again = Run(clock, "ingest", "customers", file, "--store", store, "--key-file", _dir.File("k.key"));
        Assert.Equal(0, again.Code);
        Assert.Contains("已于 2031-05-06 07:08 作为第", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_func_overload_of_the_tests_is_china_local_time()
    {
        var pinned = new DateTime(2030, 1, 2, 3, 4, 5);
        var clock = ChinaTime.FromLocal(() => pinned);
        Assert.Equal(pinned, ChinaTime.Now(clock));
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 19, 4, 5, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTime.Today")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("DateTimeOffset.UtcNow")]
    public void No_source_reads_the_machine_clock_outside_the_entry_point(string forbidden)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var sep = Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(Path.Combine(dir!.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 100, "the sources were not found");
        var offenders = sources
            .Where(f => !f.EndsWith($"{sep}Cli{sep}Program.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(dir.FullName, f))
            .ToList();
        Assert.Empty(offenders);
    }
}
