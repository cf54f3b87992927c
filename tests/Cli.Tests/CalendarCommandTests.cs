namespace Analytics.Cli.Tests;

public class CalendarCommandTests
{
    [Theory]
    [InlineData("2020-01-01", "2020-12-31", "249")]
    [InlineData("2026-01-01", "2026-12-31", "248")]
    [InlineData("2022-11-25", "2022-11-28", "1")]
    public void Workdays_prints_the_count(string from, string to, string expected)
    {
        var r = CliRunner.Run("calendar", "workdays", from, to);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Out.Trim());
    }

    [Theory]
    [InlineData("2021-09-30", "5", "2021-10-13")]
    [InlineData("2022-01-28", "5", "2022-02-09")]
    [InlineData("2024-02-08", "10", "2024-02-28")]
    [InlineData("2025-09-26", "15", "2025-10-23")]
    [InlineData("2026-02-13", "4", "2026-02-26")]
    public void Add_prints_the_date(string date, string n, string expected)
    {
        var r = CliRunner.Run("calendar", "add", date, n);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Out.Trim());
    }

    [Fact]
    public void A_year_without_schedule_fails_naming_the_year()
    {
        var r = CliRunner.Run("calendar", "workdays", "2027-03-01", "2027-03-10");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("2027", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_file_adds_a_year()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cal-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"years":{"2027":{"holidays":["2027-01-01"],"workdays":[]}}}""");
        try
        {
            var r = CliRunner.Run("calendar", "workdays", "2027-03-01", "2027-03-10", "--calendar", path);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("7", r.Out.Trim());
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("calendar", "workdays", "2021-02-30", "2021-03-01")]
    [InlineData("calendar", "add", "2021-01-01", "-1")]
    [InlineData("calendar", "add", "2021-01-01", "five")]
    [InlineData("calendar", "nope")]
    [InlineData("no-such-command")]
    public void Bad_usage_exits_2_without_a_stack_trace(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.NotEqual("", r.Err.Trim());
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_policy_file_is_bad_input_naming_the_entry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pol-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"plan":"x","targets":[{"id":"T9","clause":"目标9","kind":"speed","in_force":[{"from":"2021-01-01"}]}]}""");
        try
        {
            var r = CliRunner.Run("metrics", "--policy", path, "--year", "2025");
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.Contains("T9", r.Err, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Help_lists_every_command_of_the_contract()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var c in new[] { "demo", "ingest", "metrics", "applications", "findings", "ledger", "report", "risk", "calendar", "generate" })
            Assert.Contains(c, r.Out, StringComparison.Ordinal);
    }
}
