using System.Diagnostics;
using System.Text;
using Analytics.Domain.Output;
using Analytics.Store;
using ClosedXML.Excel;
using Npgsql;

namespace Analytics.Cli.Tests;

/// <summary>Issue 13, the output and command-line side: items 3, 4, 7, 8, 11, 12, 14, 17, 18, 19, 20.</summary>
public sealed class OutputHardeningTests : IDisposable
{
    private const string Header =
        "application_id,utility,county,area,customer_type,voltage,capacity_kw,three_zero,channel,status,accepted_at,connected_at,customer_name,id_number,phone";

    private const string FormulaId = "=cmd|' /C calc'!A0";

    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", _dir.File("key")]);

    public void Dispose() => _dir.Dispose();

    private void LoadHostile()
    {
        var path = _dir.File("hostile.csv");
        File.WriteAllText(path, Header + "\n"
            + "\"" + FormulaId + "\",sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,2022-11-15 15:00,,,\n"
            + "+1+cmd,sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,2022-11-16 15:00,,,\n",
            new UTF8Encoding(true));
        Assert.Equal(0, Run("ingest", "applications", path).ExitCode);
    }

    private static void NoStackTrace(CliRunner.Result r)
    {
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Applications_csv_and_xlsx_never_carry_a_live_formula()
    {
        LoadHostile();
        var csv = Run("applications", "--from", "2022-11-01", "--to", "2022-11-30", "--format", "csv", "--out", _dir.File("a.csv"));
        Assert.Equal(0, csv.ExitCode);
        var lines = File.ReadAllLines(_dir.File("a.csv"));
        Assert.StartsWith("application_id,utility,county,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("'" + FormulaId + ",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'+1+cmd,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l[0] is '=' or '+' or '-' or '@');

        var xlsx = Run("applications", "--from", "2022-11-01", "--to", "2022-11-30", "--format", "xlsx", "--out", _dir.File("a.xlsx"));
        Assert.Equal(0, xlsx.ExitCode);
        using var wb = new XLWorkbook(_dir.File("a.xlsx"));
        var ids = wb.Worksheet(1).Column(1).CellsUsed().Skip(1).ToList();
        Assert.Contains(ids, c => c.GetString() == FormulaId);
        Assert.All(ids, c => Assert.False(c.HasFormula));
        Assert.All(ids, c => Assert.Equal(XLDataType.Text, c.DataType));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }

    [Fact]
    public void The_rejects_csv_neutralises_formula_cells()
    {
        var path = _dir.File("partial.csv");
        File.WriteAllText(path, Header + "\n"
            + "A1,sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,2022-11-15 15:00,,,\n"
            + "A2,sgcc-linfen,yaodu,urban,residential,lv,=1+1,Y,online,connected,2022-11-07 09:00,2022-11-15 15:00,,,\n",
            new UTF8Encoding(true));
        var r = Run("ingest", "applications", path, "--accept-partial");
        Assert.Equal(0, r.ExitCode);
        var rejects = Directory.GetFiles(_dir.Path, "*rejects*.csv").Single();
        var text = File.ReadAllText(rejects);
        Assert.Contains(",'=1+1,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+1,", text, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> BadOuts => new()
    {
        new[] { "report", "city", "--half", "2026H1", "--out", "" },
        new[] { "report", "city", "--half", "2026H1", "--out", "report.docx" },
        new[] { "report", "semiannual", "--utility", "sgcc-linfen", "--half", "2026H1", "--out", "/dev/null" },
        new[] { "report", "city", "--half", "2026H1", "--out", "/dev/full" },
        new[] { "applications", "--out", "" },
        new[] { "applications", "--out", "/dev/full" },
        new[] { "applications", "--out", "/dev/null" },
        new[] { "applications", "--format", "xlsx", "--out", "a.csv" },
        new[] { "ledger", "--all", "--date", "2026-11-26", "--out", "/dev/null" },
        new[] { "generate", "--applications", "10", "--outages", "1", "--out", "/dev/null" },
    };

    [Theory]
    [MemberData(nameof(BadOuts))]
    public void A_bad_out_is_refused_before_any_work_with_one_line_and_exit_2(string[] args)
    {
        var r = Run(args);
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--out", r.Err, StringComparison.Ordinal);
        NoStackTrace(r);
        Assert.Equal(FileKind.Device, OutputFile.Kind("/dev/null"));
        Assert.Equal(FileKind.Device, OutputFile.Kind("/dev/full"));
    }

    [Fact]
    public void An_existing_folder_or_pipe_as_applications_out_is_refused()
    {
        Directory.CreateDirectory(_dir.File("folder"));
        var folder = Run("applications", "--out", _dir.File("folder"));
        Assert.Equal(ExitCodes.BadUsage, folder.ExitCode);
        Assert.Contains("文件夹", folder.Err, StringComparison.Ordinal);
        using (var mkfifo = Process.Start("mkfifo", _dir.File("pipe"))) mkfifo.WaitForExit();
        var pipe = Run("applications", "--out", _dir.File("pipe"));
        Assert.Equal(ExitCodes.BadUsage, pipe.ExitCode);
        Assert.Contains("管道", pipe.Err, StringComparison.Ordinal);
        Assert.Equal(FileKind.Pipe, OutputFile.Kind(_dir.File("pipe")));
    }

    public static TheoryData<string[]> ExtremeDates => new()
    {
        new[] { "metrics", "--as-of", "9999-12-31" },
        new[] { "metrics", "--as-of", "0001-01-04" },
        new[] { "metrics", "--year", "0" },
        new[] { "metrics", "--from", "9999-12-31", "--to", "9999-12-31" },
        new[] { "applications", "--as-of", "9999-12-31" },
        new[] { "applications", "--from", "0001-01-01", "--to", "0001-01-04" },
        new[] { "findings", "--as-of", "0001-01-04" },
        new[] { "findings", "--from", "9999-12-31", "--to", "9999-12-31" },
        new[] { "risk", "--as-of", "9999-12-31" },
        new[] { "risk", "--as-of", "0001-01-04" },
        new[] { "ledger", "--county", "尧都区", "--date", "9999-12-30" },
        new[] { "ledger", "--all", "--date", "0001-01-04" },
        new[] { "report", "semiannual", "--utility", "sgcc-linfen", "--half", "0001H1" },
        new[] { "report", "city", "--half", "9999H2" },
        new[] { "report", "city", "--half", "2026H1", "--as-of", "9999-12-31" },
        new[] { "calendar", "workdays", "0001-01-04", "9999-12-31" },
        new[] { "calendar", "add", "9999-12-31", "1" },
        new[] { "calendar", "add", "2026-01-05", "2147483647" },
    };

    [Theory]
    [MemberData(nameof(ExtremeDates))]
    public void Extreme_dates_are_a_clean_message_with_exit_1_or_2(string[] args)
    {
        string[] full = args[0] is "ledger" or "report" ? [.. args, "--out", _dir.File("o")] : args;
        var r = Run(full);
        Assert.True(r.ExitCode is ExitCodes.BadInput or ExitCodes.BadUsage, $"exit {r.ExitCode}: {r.Err}");
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        NoStackTrace(r);
    }

    [Theory]
    [InlineData("2999-12-31")]
    [InlineData("1900-01-01")]
    public void The_edges_of_the_supported_years_work_in_every_read_command(string date)
    {
        LoadHostile();
        foreach (var cmd in new[] { "metrics", "applications", "findings", "risk" })
        {
            var r = Run(cmd, "--as-of", date);
            Assert.True(r.ExitCode is ExitCodes.Success or ExitCodes.BadInput, $"{cmd}: exit {r.ExitCode}: {r.Err}");
            NoStackTrace(r);
        }
    }

    [Fact]
    public void Generate_is_bounded()
    {
        var r = Run("generate", "--applications", "2147483647", "--outages", "1", "--out", _dir.File("g"));
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains("10,000,000", r.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("g")) && Directory.EnumerateFileSystemEntries(_dir.File("g")).Any());
        var xlsx = Run("generate", "--applications", "600000", "--outages", "1", "--xlsx", "--out", _dir.File("g"));
        Assert.Equal(ExitCodes.BadUsage, xlsx.ExitCode);
    }

    [Fact]
    public void Workdays_with_to_before_from_is_a_usage_error()
    {
        var r = Run("calendar", "workdays", "2026-12-31", "2026-01-01");
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains("终止日 TO 2026-01-01 早于起始日 FROM 2026-12-31", r.Err, StringComparison.Ordinal);
        Assert.Equal("0", Run("calendar", "workdays", "2026-01-05", "2026-01-05").Out.Trim());
    }

    [Theory]
    [InlineData("postgres://u:S3cret/PW@127.0.0.1:5/db", "S3cret/PW")]
    [InlineData("postgres://u:S3c?ret@127.0.0.1:5/db", "S3c?ret")]
    [InlineData("postgres://u:S3c#ret@127.0.0.1:5/db", "S3c#ret")]
    [InlineData("postgres://u:S3c@ret@127.0.0.1:5/db", "S3c@ret")]
    [InlineData("postgres://u:S3c%2Fr%3Fe%40t@127.0.0.1:5/db", "S3c/r?e@t")]
    [InlineData("postgresql://admin:Hunter22:x@127.0.0.1:5/db?sslmode=disable", "Hunter22:x")]
    public void A_url_password_with_reserved_characters_is_parsed_and_never_echoed(string url, string password)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));
        Assert.Equal(password, cs.Password);
        Assert.Equal("127.0.0.1", cs.Host);
        Assert.Equal(5, cs.Port);
        Assert.Equal("db", cs.Database);

        var r = CliRunner.Run("--store", url, "metrics");
        Assert.Equal(ExitCodes.StoreUnreachable, r.ExitCode);
        foreach (var part in new[] { password, "S3c", "ret", "PW", "Hunter22", Uri.EscapeDataString(password) })
            Assert.DoesNotContain(part, r.Err, StringComparison.Ordinal);
        NoStackTrace(r);
    }

    [Theory]
    [InlineData("postgres://u:S3cret/PW@127.0.0.1:x5/db")]
    [InlineData("postgres://u:S3cret?PW@127.0.0.1:99999/db")]
    [InlineData("postgres://u:S3cret#PW@/db")]
    public void A_malformed_url_names_no_credential(string url)
    {
        var e = Assert.Throws<Analytics.Domain.Storage.StoreUnavailableException>(() => PostgresUrl.ToConnectionString(url));
        Assert.DoesNotContain("S3cret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PW", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_line_is_redacted_of_the_store_password_and_escaped()
    {
        using var inner = new StringWriter();
        using (var w = new SafeErrorWriter(inner, [.. StoreSecrets.In("Host=db;Username=u;Password=TopSecret42")]))
        {
            w.WriteLine("analytics: cannot log in with TopSecret42 \u001b]0;owned\u0007\u001b[2J");
        }
        var text = inner.ToString();
        Assert.DoesNotContain("TopSecret42", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("\\x1B]0;owned\\x07", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_escape_control_characters()
    {
        var t = ConsoleTables.Table("问题清单 \u001b[2J", "工单编号");
        ConsoleTables.Row(t, "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202Egnp.exe");
        using var w = new StringWriter();
        ConsoleTables.Write(w, t);
        var text = w.ToString();
        foreach (var c in "\u001b\u0007\u009b\u202E") Assert.DoesNotContain(c, text);
        Assert.Contains("\\x1B]0;pwned", text, StringComparison.Ordinal);
        Assert.Equal("a\\x09b\\x0Dc\\u202E", TerminalText.Escape("a\tb\rc\u202E"));
        Assert.Equal("尧都区 GW-1", TerminalText.Escape("尧都区 GW-1"));
    }

    [Fact]
    public void Failures_of_a_parallel_write_are_one_line_each_and_exit_1()
    {
        var full = new IOException("No space left on device", 28);
        var e = new AggregateException(
            new OutputFileException("/o/a.xlsx", OutputFile.Reason(full), full),
            new OutputFileException("/o/b.xlsx", OutputFile.Reason(full), full),
            new OutputFileException("/o/b.xlsx", OutputFile.Reason(full), full));
        using var err = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Report(e, err));
        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains("磁盘空间不足", l, StringComparison.Ordinal));
        Assert.DoesNotContain("AggregateException", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Io_and_permission_errors_are_exit_1_and_a_busy_store_is_exit_3()
    {
        using var err = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, CliApp.Report(new IOException("No space left on device", 28), err));
        Assert.Equal(ExitCodes.BadInput, CliApp.Report(new UnauthorizedAccessException("Access to the path '/x' is denied."), err));
        Assert.Equal(ExitCodes.StoreUnreachable, CliApp.Report(new StoreConflictException("database is locked"), err));
        Assert.Equal(ExitCodes.StoreUnreachable, CliApp.Report(new AggregateException(new StoreConflictException("busy"), new IOException("x")), err));
        var text = err.ToString();
        Assert.Contains("存储正被另一进程占用", text, StringComparison.Ordinal);
        Assert.Contains("database is locked", text, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
    }
}
