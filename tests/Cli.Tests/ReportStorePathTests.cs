using UglyToad.PdfPig;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, the read side: <c>report semiannual</c> and <c>report city</c> answer the other periods from the store's
/// counts (<c>MetricsQuery.Answer</c>) and read the records of their own half alone; their PDFs say, letter for letter,
/// what the reports made from the records of every period say (<c>ANALYTICS_REPORT_FROM_RECORDS=1</c>), on both stores,
/// for a past half, the half in progress, and as known at an earlier day.
/// </summary>
public sealed class ReportStorePathTests : IClassFixture<ReportStorePathTests.Stores>
{
    private readonly Stores _stores;

    public ReportStorePathTests(Stores stores) => _stores = stores;

    /// <summary>Generated data (two application filings a week apart, outages, customers, notes) in a SQLite and a PostgreSQL store.</summary>
    public sealed class Stores : IDisposable
    {
        private readonly TempDir _dir = new();
        private readonly string _admin;
        private readonly string _database = "analytics_t_" + Guid.NewGuid().ToString("N")[..12];

        public Stores()
        {
            // The server of scripts/test.sh (or scripts/pg-test-server.sh): a missing one fails, it is never skipped.
            _admin = Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG") ?? "";
            Assert.False(string.IsNullOrWhiteSpace(_admin), "ANALYTICS_TEST_PG is not set: run the tests through scripts/test.sh");
            Admin($"CREATE DATABASE {_database}");
            Postgres = new Npgsql.NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
            var data = _dir.File("data");
            Assert.Equal(0, CliRunner.Run("generate", "--applications", "3000", "--outages", "400", "--seed", "11", "--out", data).ExitCode);
            foreach (var store in new[] { Sqlite, Postgres })
            {
                Assert.Equal(0, Run(store, "ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);
                Assert.Equal(0, Run(store, "ingest", "applications", Path.Combine(data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
                foreach (var kind in new[] { "outages", "customers", "notes" })
                    Assert.Equal(0, Run(store, "ingest", kind, Path.Combine(data, kind + ".csv")).ExitCode);
            }
        }

        public string Sqlite => _dir.File("store.db");

        public string Postgres { get; }

        public string File(string name) => _dir.File(name);

        public CliRunner.Result Run(string store, params string[] args) => CliRunner.Run([.. args, "--store", store, "--key-file", _dir.File("key")]);

        private void Admin(string sql)
        {
            using var conn = new Npgsql.NpgsqlConnection(_admin);
            conn.Open();
            using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
            cmd.ExecuteNonQuery();
        }

        public void Dispose()
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
            _dir.Dispose();
        }
    }

    public static TheoryData<string, string, string, string?> Reports()
    {
        var data = new TheoryData<string, string, string, string?>();
        foreach (var store in new[] { "sqlite", "postgres" })
        {
            data.Add(store, "city", "2026H1", null);                // a past half (its year to date is itself)
            data.Add(store, "city", "2026H2", null);                // the half in progress (the year to date answered apart)
            data.Add(store, "city", "2025H2", "2026-11-20");        // as known before the second filing
            data.Add(store, "sgcc-linfen", "2026H1", null);
            data.Add(store, "sgcc-linfen", "2026H2", null);
            data.Add(store, "sxdl-puxian", "2025H2", "2026-11-20");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void The_report_from_the_store_says_what_the_report_from_the_records_says(string store, string who, string half, string? asOf)
    {
        var target = store == "sqlite" ? _stores.Sqlite : _stores.Postgres;
        string[] args = who == "city" ? ["report", "city", "--half", half] : ["report", "semiannual", "--utility", who, "--half", half];
        if (asOf is not null) args = [.. args, "--as-of", asOf];
        var name = $"{store}-{who}-{half}-{asOf}";

        var fromStore = _stores.Run(target, [.. args, "--out", _stores.File(name + "-store.pdf")]);
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecords, "1");
        CliRunner.Result fromRecords;
        try
        {
            fromRecords = _stores.Run(target, [.. args, "--out", _stores.File(name + "-records.pdf")]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecords, null);
        }
        Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        Assert.Equal(fromRecords.Err, fromStore.Err);

        var expected = Pages(_stores.File(name + "-records.pdf"));
        var actual = Pages(_stores.File(name + "-store.pdf"));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
        // Not a vacuous comparison: the report lists breached applications (the circular: each unit's most breached targets).
        var text = string.Concat(actual);
        if (who == "city") Assert.Matches(@"T\d+（\d+件）", text);
        else Assert.Contains("本期存在目标未达标或数据真实性问题的工单共", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_utilitys_report_from_the_store_says_what_it_says_from_the_records()
    {
        var fromStore = _stores.Run(_stores.Sqlite, "report", "semiannual", "--all", "--half", "2026H2", "--out", _stores.File("all-store"));
        Assert.True(fromStore.ExitCode == 0, fromStore.Err);
        Environment.SetEnvironmentVariable(FromRecords, "1");
        try
        {
            var fromRecords = _stores.Run(_stores.Sqlite, "report", "semiannual", "--all", "--half", "2026H2", "--out", _stores.File("all-records"));
            Assert.True(fromRecords.ExitCode == 0, fromRecords.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FromRecords, null);
        }
        var files = Directory.GetFiles(_stores.File("all-records"), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 5, string.Join(", ", files));
        Assert.Equal(files, Directory.GetFiles(_stores.File("all-store"), "*.pdf").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var f in files)
            Assert.Equal(Pages(Path.Combine(_stores.File("all-records"), f!)), Pages(Path.Combine(_stores.File("all-store"), f!)));
    }

    private const string FromRecords = "ANALYTICS_REPORT_FROM_RECORDS";

    private static List<string> Pages(string pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))];
    }
}
