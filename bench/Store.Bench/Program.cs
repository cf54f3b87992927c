using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store;
using Analytics.Store.Testing;
using Npgsql;

// Store benchmark (issue goal: >= 100,000 rows/s into PostgreSQL and >= 50,000 rows/s into SQLite
// including validation; the store alone must leave room for that). Measures, never asserts.
//
//   dotnet run -c Release --project bench/Store.Bench -- [--rows N] [--target sqlite|postgres]
//                                                        [--pg CONNECTION_STRING]
//
// Without --pg it uses ANALYTICS_TEST_PG, else starts scripts/pg-test-server.sh. Run one target per
// process so that the peak working set printed belongs to that store alone.
var rows = 1_000_000L;
var target = "sqlite";
string? pg = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--target": target = args[++i]; break;
        case "--pg": pg = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: Store.Bench [--rows N] [--target sqlite|postgres] [--pg CONNECTION_STRING]");
            return 2;
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows: {rows:N0}, target: {target}, cores: {Environment.ProcessorCount}"));
if (target == "sqlite")
{
    var dir = Path.Combine(Path.GetTempPath(), "analytics-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    Directory.CreateDirectory(dir);
    try
    {
        using var store = new SqliteStore(Path.Combine(dir, "bench.db"));
        store.EnsureSchema();
        RunLoads(store, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"file size: {new FileInfo(Path.Combine(dir, "bench.db")).Length / 1048576.0:F0} MiB"));
    }
    finally
    {
        Directory.Delete(dir, recursive: true);
    }
}
else if (target == "postgres")
{
    pg ??= Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG") ?? StartServer();
    var schema = "bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    using (var admin = new NpgsqlConnection(pg))
    {
        admin.Open();
        using var create = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", admin);
        create.ExecuteNonQuery();
    }
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ConnectionString;
        double ours;
        ServerCpu.Postmaster = Postmaster(pg);
        using (var store = new PostgresStore(cs))
        {
            store.EnsureSchema();
            ours = RunLoads(store, rows);
        }
        var reference = PsqlCopyReference(pg, schema, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio: store first load / psql \\copy = {ours / reference:P0} ({ours:N0} vs {reference:N0} rows/s)"));
    }
    finally
    {
        using var admin = new NpgsqlConnection(pg);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
        drop.ExecuteNonQuery();
    }
}
else
{
    Console.Error.WriteLine("--target must be sqlite or postgres");
    return 2;
}
return 0;

// First load (all new), the same rows again (all unchanged), a load where every 10th row changed,
// and a streamed read of the latest revisions. Returns the first load's rows/s.
static double RunLoads(IAnalyticsStore store, long rows)
{
    var first = Load(store, "first load (all new)", rows, seed: 1, changeEvery: 0, expectChanged: rows);
    Load(store, "same rows again (unchanged)", rows, seed: 1, changeEvery: 0, expectChanged: 0);
    Load(store, "every 10th row changed", rows, seed: 1, changeEvery: 10, expectChanged: (rows + 9) / 10);

    var server0 = ServerCpu.Now();
    var cpu0 = Cpu();
    var sw = Stopwatch.StartNew();
    long read = 0;
    foreach (var a in store.Applications())
        if (a.ApplicationId.Length > 0) read++;
    sw.Stop();
    Report("read latest revisions (streamed)", read, sw.Elapsed, Cpu() - cpu0, ServerCpu.Since(server0));
    return first;
}

static double Load(IAnalyticsStore store, string label, long rows, int seed, int changeEvery, long expectChanged)
{
    var server0 = ServerCpu.Now();
    var cpu0 = Cpu();
    var sw = Stopwatch.StartNew();
    TimeSpan added, addedCpu;
    Filing filing;
    using (var writer = store.BeginFiling(FilingKind.Applications, "bench.csv", Guid.NewGuid().ToString("N"),
               new DateTime(2023, 1, 1), new DateTime(2023, 1, 1), distinctKeys: true))
    {
        for (long i = 0; i < rows; i++)
        {
            var a = SyntheticApplications.Make(i, seed);
            if (changeEvery > 0 && i % changeEvery == 0) a = a with { PausedDays = a.PausedDays + 1 };
            writer.Add(a);
        }
        added = sw.Elapsed;
        addedCpu = Cpu() - cpu0;
        filing = writer.Commit((int)rows, 0);
    }
    sw.Stop();
    if (filing.RowsChanged != expectChanged)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  !! expected {expectChanged} changed, store says {filing.RowsChanged}"));
    Report(label, rows, sw.Elapsed, Cpu() - cpu0, string.Create(CultureInfo.InvariantCulture,
        $"{ServerCpu.Since(server0)}(add {added.TotalSeconds:F1} s, client CPU {addedCpu.TotalSeconds:F1} s + commit {(sw.Elapsed - added).TotalSeconds:F1} s; changed {filing.RowsChanged:N0}, unchanged {filing.RowsUnchanged:N0})"));
    return rows / sw.Elapsed.TotalSeconds;
}

// Wall-clock rows/s, and the client's own CPU seconds (the machine may be shared; a busy neighbour
// stretches the wall clock, not the CPU time).
static void Report(string label, long rows, TimeSpan elapsed, TimeSpan cpu, string detail = "")
{
    using var me = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-34} {rows / elapsed.TotalSeconds,10:N0} rows/s  {elapsed.TotalSeconds,6:F1} s  client CPU {cpu.TotalSeconds,5:F1} s  peak WS {me.PeakWorkingSet64 / 1048576.0,5:F0} MiB  {detail}"));
}

static TimeSpan Cpu()
{
    using var me = Process.GetCurrentProcess();
    return me.TotalProcessorTime;
}

// psql \copy of the same rows as CSV into a plain table of text columns: the floor any loader pays.
static double PsqlCopyReference(string pg, string schema, long rows)
{
    var csv = Path.Combine(Path.GetTempPath(), "analytics-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".csv");
    var columns = CsvColumns();
    try
    {
        using (var w = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 20))
        {
            for (long i = 0; i < rows; i++) w.WriteLine(CsvRow(SyntheticApplications.Make(i, 1)));
        }
        var csb = new NpgsqlConnectionStringBuilder(pg);
        var conninfo = string.Create(CultureInfo.InvariantCulture,
            $"host={csb.Host} port={csb.Port} dbname={csb.Database} user={csb.Username} options=-csearch_path={schema}");
        var table = $"CREATE TABLE copy_reference ({string.Join(", ", columns.Select(c => c + " text"))})";
        RunPsql(conninfo, csb.Password, "-c", table);
        var server0 = ServerCpu.Now();
        var sw = Stopwatch.StartNew();
        var psqlCpu = RunPsql(conninfo, csb.Password, "-c", $"\\copy copy_reference FROM '{csv}' WITH (FORMAT csv)");
        sw.Stop();
        Report("reference: psql \\copy CSV -> text", rows, sw.Elapsed, psqlCpu, ServerCpu.Since(server0) + "(psql's CPU as client CPU)");
        return rows / sw.Elapsed.TotalSeconds;
    }
    finally
    {
        File.Delete(csv);
    }
}

// Runs psql and returns its CPU time (read from the kernel while it is still a zombie is not possible
// from .NET, so psql runs under bash, whose `times` reports its children's CPU).
static TimeSpan RunPsql(string conninfo, string? password, params string[] args)
{
    var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
    psi.ArgumentList.Add("-c");
    psi.ArgumentList.Add("psql \"$@\" >/dev/null && times");
    psi.ArgumentList.Add("psql");
    psi.ArgumentList.Add("-X");
    psi.ArgumentList.Add("-q");
    psi.ArgumentList.Add("-v");
    psi.ArgumentList.Add("ON_ERROR_STOP=1");
    psi.ArgumentList.Add("-d");
    psi.ArgumentList.Add(conninfo);
    foreach (var a in args) psi.ArgumentList.Add(a);
    if (password is not null) psi.Environment["PGPASSWORD"] = password;
    using var p = Process.Start(psi)!;
    var err = p.StandardError.ReadToEndAsync();
    var times = p.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException("psql failed: " + err.Result);
    // "0m1.234s 0m0.123s": children's user and system time.
    return times.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseBashTime).Aggregate(TimeSpan.Zero, (a, b) => a + b);
}

static TimeSpan ParseBashTime(string text)
{
    var m = text.IndexOf('m', StringComparison.Ordinal);
    return TimeSpan.FromMinutes(int.Parse(text[..m], CultureInfo.InvariantCulture))
         + TimeSpan.FromSeconds(double.Parse(text[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture));
}

// The server's main process: the parent of a backend (a private test server, so all its CPU is ours).
static int Postmaster(string pg)
{
    using var conn = new NpgsqlConnection(pg);
    conn.Open();
    using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", conn);
    var backend = (int)cmd.ExecuteScalar()!;
    return ServerCpu.ParentOf(backend);
}

static string[] CsvColumns() =>
[
    "application_id", "utility", "county", "area", "customer_type", "voltage", "power_sources", "capacity_kw",
    "three_zero", "small_micro", "important_user", "channel", "e_contract", "materials", "fee_yuan",
    "customer_investment_yuan", "status", "record_created_at", "accepted_at", "plan_replied_at",
    "design_review_start", "design_review_end", "customer_works_start", "customer_works_end", "mid_check_start",
    "mid_check_end", "external_works_start", "external_works_end", "approval_submitted_at", "approval_granted_at",
    "approval_mode", "completion_check_start", "completion_check_end", "connected_at", "paused_days",
    "withdrawn_at", "previous_application_id", "customer_key", "customer_mask",
];

static string CsvRow(Application a)
{
    static string T(DateTime? d) => d?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) ?? "";
    static string D(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
    static string B(bool? b) => b is null ? "" : b.Value ? "Y" : "N";
    string?[] f =
    [
        a.ApplicationId, a.Utility, a.County, Codes.Of(a.Area), Codes.Of(a.CustomerType), Codes.Of(a.Voltage),
        a.PowerSources.ToString(CultureInfo.InvariantCulture), D(a.CapacityKw), B(a.ThreeZero), B(a.SmallMicro),
        B(a.ImportantUser), Codes.Of(a.Channel), B(a.EContract),
        a.Materials?.ToString("D"), D(a.FeeYuan), D(a.CustomerInvestmentYuan), Codes.Of(a.Status),
        T(a.RecordCreatedAt), T(a.AcceptedAt), T(a.PlanRepliedAt), T(a.DesignReviewStart), T(a.DesignReviewEnd),
        T(a.CustomerWorksStart), T(a.CustomerWorksEnd), T(a.MidCheckStart), T(a.MidCheckEnd),
        T(a.ExternalWorksStart), T(a.ExternalWorksEnd), T(a.ApprovalSubmittedAt), T(a.ApprovalGrantedAt),
        a.ApprovalMode is { } m ? Codes.Of(m) : "", T(a.CompletionCheckStart), T(a.CompletionCheckEnd),
        T(a.ConnectedAt), a.PausedDays.ToString(CultureInfo.InvariantCulture), T(a.WithdrawnAt),
        a.PreviousApplicationId, a.CustomerKey, a.CustomerMask,
    ];
    return string.Join(",", f.Select(v => v ?? ""));
}

static string StartServer()
{
    var root = AppContext.BaseDirectory;
    while (root is not null && !File.Exists(Path.Combine(root, "Analytics.sln"))) root = Path.GetDirectoryName(root);
    if (root is null) throw new InvalidOperationException("cannot find the repository root (Analytics.sln)");
    var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
    psi.ArgumentList.Add(Path.Combine(root, "scripts", "pg-test-server.sh"));
    psi.ArgumentList.Add("start");
    using var p = Process.Start(psi)!;
    var cs = p.StandardOutput.ReadToEnd().Trim();
    p.WaitForExit();
    if (p.ExitCode != 0) throw new InvalidOperationException("scripts/pg-test-server.sh start failed");
    return cs;
}

/// <summary>CPU time of the PostgreSQL server (postmaster and its children) from /proc, when on Linux.</summary>
internal static class ServerCpu
{
    public static int Postmaster { get; set; }

    public static TimeSpan? Now()
    {
        if (Postmaster == 0 || !Directory.Exists("/proc")) return null;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            var f = Stat(pid);
            if (f is null) continue;
            if (pid == Postmaster)
            {
                // cutime + cstime: the backends that already exited (psql's, for instance), reaped by the postmaster.
                ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
                       + long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
            }
            else if (f[1] == Postmaster.ToString(CultureInfo.InvariantCulture))
            {
                ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public static string Since(TimeSpan? start) =>
        start is { } s && Now() is { } now ? string.Create(CultureInfo.InvariantCulture, $"server CPU {(now - s).TotalSeconds:F1} s ") : "";

    public static int ParentOf(int pid) => int.Parse(Stat(pid)![1], CultureInfo.InvariantCulture);

    /// <summary>Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
