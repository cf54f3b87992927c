using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Export;
using Analytics.Store;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, item 2: <see cref="MetricsQuery"/> (the store counts the settled applications from their derived figures, the
/// engine computes the rest) gives the JSON and CSV of <see cref="MetricsEngine.Compute"/> over the question's snapshot
/// to the byte, on both stores, for questions of every shape; and answers from the records when the derived figures
/// cannot be trusted.
/// </summary>
[Collection(FromRecordsVariable.Collection)]
public sealed class MetricsFastPathTests : IClassFixture<MetricsFastPathTests.Stores>
{
    private readonly Stores _stores;

    public MetricsFastPathTests(Stores stores) => _stores = stores;

    /// <summary>Generated data (two application filings, the second a week later with revisions) in a SQLite and a PostgreSQL store.</summary>
    public class Stores : IDisposable
    {
        private readonly TempDir _dir = new();
        private readonly string _admin;
        private readonly string _database = "analytics_t_" + Guid.NewGuid().ToString("N")[..12];

        public Stores() : this(["--applications", "3000", "--outages", "400", "--seed", "11"])
        {
        }

        /// <param name="generate">The options of <c>generate</c> the data are made with (besides <c>--out</c>).</param>
        protected Stores(string[] generate)
        {
            // The server of scripts/test.sh (or scripts/pg-test-server.sh): a missing one fails, it is never skipped.
            _admin = Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG") ?? "";
            Assert.False(string.IsNullOrWhiteSpace(_admin), "ANALYTICS_TEST_PG is not set: run the tests through scripts/test.sh");
            Admin($"CREATE DATABASE {_database}");
            Postgres = new Npgsql.NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
            var data = _dir.File("data");
            Assert.Equal(0, CliRunner.Run(["generate", .. generate, "--out", data]).ExitCode);
            foreach (var store in new[] { Sqlite, Postgres })
            {
                CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", store, "--key-file", _dir.File("key")]);
                Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);
                Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
                foreach (var kind in new[] { "outages", "customers", "notes" })
                    Assert.Equal(0, Run("ingest", kind, Path.Combine(data, kind + ".csv")).ExitCode);
                using var s = StoreFactory.Open(store);
                s.Derive(Derivation);
            }
        }

        public string Sqlite => _dir.File("store.db");

        /// <summary>The key file of both stores.</summary>
        public string Key => _dir.File("key");

        /// <summary>A path in the fixture's folder (removed with it).</summary>
        public string Dir(string name) => _dir.File(name);

        /// <summary>The command line on <paramref name="store"/> with the fixture's key file.</summary>
        public CliRunner.Result Run(string store, params string[] args) => CliRunner.Run([.. args, "--store", store, "--key-file", Key]);

        public string Postgres { get; }

        public static IRecordDerivation Derivation { get; } = new FigureDerivation(Policy.Default, WorkingDayCalendar.Default);

        /// <summary>A scratch copy of the SQLite store, for tests that change it.</summary>
        public string SqliteCopy()
        {
            var copy = _dir.File("copy-" + Guid.NewGuid().ToString("N")[..8] + ".db");
            using (var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Sqlite))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "VACUUM INTO $path";
                cmd.Parameters.AddWithValue("$path", copy);
                cmd.ExecuteNonQuery();
            }
            return copy;
        }

        private void Admin(string sql)
        {
            using var conn = new Npgsql.NpgsqlConnection(_admin);
            conn.Open();
            using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
            cmd.ExecuteNonQuery();
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            Npgsql.NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
            _dir.Dispose();
        }
    }

    public static TheoryData<string, string, string, string?, string?, string?> Questions()
    {
        var data = new TheoryData<string, string, string, string?, string?, string?>();
        foreach (var store in new[] { "sqlite", "postgres" })
        {
            data.Add(store, "2025-01-01", "2025-12-31", null, null, null);            // a year
            data.Add(store, "2026-01-01", "2026-12-31", null, null, null);            // the year in progress (partial)
            data.Add(store, "2026-01-01", "2026-06-30", null, null, null);            // a half
            data.Add(store, "2026-03-01", "2026-03-31", null, null, null);            // a month
            data.Add(store, "2026-11-02", "2026-11-08", null, null, null);            // a week
            data.Add(store, "2026-11-16", "2026-11-22", "yaodu", null, null);         // a county's week of the bulk filing
            data.Add(store, "2025-01-01", "2025-12-31", "yaodu", null, null);         // a county
            data.Add(store, "2025-07-01", "2025-12-31", null, "sgcc-linfen", null);   // a utility
            data.Add(store, "2026-01-01", "2026-11-30", null, null, "2026-11-20");    // as known before the second filing
            data.Add(store, "2025-10-01", "2025-10-31", "houma", null, "2026-11-20"); // a county's month, as known before it
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_store_counted_answer_is_the_engines_to_the_byte(string store, string from, string to, string? county,
        string? utility, string? asOfDay)
    {
        using var s = StoreFactory.Open(store == "sqlite" ? _stores.Sqlite : _stores.Postgres);
        var (fast, full) = Both(s, Stores.Derivation, Policy.Default, WorkingDayCalendar.Default, from, to, county, utility, asOfDay);
        Assert.True(fast.CountedInStore > 0, "the store counted nothing: the answer came from the records");
        Assert.Equal(0, full.CountedInStore);
        AssertSameOutput(full, fast);
        // The table's 问题数 line takes breaches and data gaps from the city rows of the counts: one per listed item.
        var city = fast.Targets.Where(t => t.Group.Dimension == GroupDimension.City).ToList();
        Assert.Equal(full.Breaches.Count, city.Sum(t => t.Total - t.Compliant));
        Assert.Equal(full.DataGaps.Count, city.Sum(t => t.DataGaps));
        // Not a vacuous comparison: the question has counted targets and volumes.
        Assert.Contains(fast.Targets, t => t.Total > 0);
        Assert.True(fast.Indicators.Volumes.Connected + fast.Indicators.Volumes.Withdrawn > 0);
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void The_streamed_answer_lists_what_the_engine_over_everything_lists(string store, string from, string to, string? county,
        string? utility, string? asOfDay)
    {
        using var s = StoreFactory.Open(store == "sqlite" ? _stores.Sqlite : _stores.Postgres);
        var period = new MetricsPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        DateTime? knownAt = asOfDay is null ? null : DayBounds.EndOfDay(DateOnly.Parse(asOfDay, System.Globalization.CultureInfo.InvariantCulture));
        var asOf = knownAt ?? RecordSnapshot.DataThroughOf(s.Filings())!.Value;
        var records = RecordSnapshot.Load(s, knownAt, new RecordScope(period.From, period.To, county, utility));
        var full = MetricsEngine.Compute(MetricsInput.Of(records, Policy.Default, WorkingDayCalendar.Default, period, asOf, county, utility));
        // The ledger's own rows besides the listed ones: in progress at the end.
        static bool Open(ApplicationFigures f) => f.Status == ApplicationStatus.InProgress;
        var seen = new List<string>();
        var listedRows = new List<ApplicationFigures>();
        var everyRow = new List<ApplicationFigures>();
        var streamed = MetricsQuery.AnswerListing(s, Policy.Default, WorkingDayCalendar.Default, period, asOf, knownAt, county, utility,
            new ListingOptions { Keep = Open, Each = a => seen.Add(a.Utility + "/" + a.ApplicationId), Listed = listedRows.Add, Row = everyRow.Add });
        // Without the listed rows and the data gaps: the same figures and lists, the rows asked for alone.
        var lean = MetricsQuery.AnswerListing(s, Policy.Default, WorkingDayCalendar.Default, period, asOf, knownAt, county, utility,
            new ListingOptions { Keep = Open, ListedRows = false, DataGaps = false });

        AssertSameOutput(full, streamed);
        Assert.Equal(Findings(full.Breaches), Findings(streamed.Breaches));
        Assert.Equal(Findings(full.DataGaps), Findings(streamed.DataGaps));
        Assert.Equal(Findings(full.Findings), Findings(streamed.Findings));
        // metrics' table counts the same findings, streamed alone.
        Assert.Equal(Findings(full.Findings),
            Findings(MetricsQuery.FindingsIn(s, Policy.Default, WorkingDayCalendar.Default, period, knownAt, county, utility)));
        // The rows kept: the open ones and those listed, in the engine's order, with the engine's figures.
        var listed = full.Breaches.Concat(full.Findings).Select(f => (f.Utility, f.ApplicationId)).ToHashSet();
        var expected = full.Applications.Where(f => Open(f) || listed.Contains((f.Utility, f.ApplicationId))).ToList();
        Assert.Equal(Rows(full, expected), Rows(streamed, streamed.Applications));
        // Row hands over every row of the engine's, in order (a circular's forensics count them as they pass); written with
        // the engine's findings, since the streamed answer keeps only those of the rows it keeps.
        Assert.Equal(Rows(full, full.Applications), Rows(full, everyRow));
        // Listed hands over the rows of the listed applications, in order; without them only the open rows stay.
        Assert.Equal(Rows(full, full.Applications.Where(f => listed.Contains((f.Utility, f.ApplicationId)))), Rows(streamed, listedRows));
        AssertSameOutput(full, lean);
        Assert.Equal(Findings(full.Breaches), Findings(lean.Breaches));
        Assert.Equal(Findings(full.Findings), Findings(lean.Findings));
        Assert.Empty(lean.DataGaps);
        Assert.Equal(Rows(full, full.Applications.Where(Open)), Rows(lean, lean.Applications));
        // Without the outages (a ledger's week): no reliability, the applications' targets and volumes the same.
        var noOutages = MetricsQuery.AnswerListing(s, Policy.Default, WorkingDayCalendar.Default, period, asOf, knownAt, county, utility,
            new ListingOptions { Outages = false });
        Assert.Empty(noOutages.Reliability);
        Assert.Equal(0, noOutages.Indicators.OutageCount);
        static string Targets(MetricsResult r) => string.Join("\n", r.Targets.Where(t => t.Kind != TargetKind.Saidi)
            .Select(t => $"{t.Id} {t.Group} {t.Total} {t.Compliant} {t.DataGaps} {t.MeanDays}"));
        Assert.Equal(Targets(full), Targets(noOutages));
        Assert.Equal(full.Indicators.Volumes, noOutages.Indicators.Volumes);
        Assert.Equal(Findings(full.Breaches), Findings(noOutages.Breaches));
        // Every finding of a kept row is kept (the applications' finding codes), and none of the period is lost.
        foreach (var f in expected)
            Assert.Equal(full.FindingCodes(f), streamed.FindingCodes(f));
        // Each application of the question was seen once, as known (the engine's selection of the group).
        var known = records.Where(county, utility).Applications.Select(a => a.Utility + "/" + a.ApplicationId).ToList();
        Assert.Equal(known, seen);
        // Not vacuous: a question longer than a week has outages whose reliability the store summed (the fixture's weeks of
        // November 2026 have none, their comparison windows do); the question lists something, and leaves rows out.
        if (period.To.DayNumber - period.From.DayNumber > 7) Assert.Contains(streamed.Reliability, r => r.CustomerHours > 0);
        Assert.True(full.Breaches.Count + full.Findings.Count > 0, "the question lists nothing");
        if (full.Applications.Count > 50) Assert.True(streamed.Applications.Count < full.Applications.Count, "every row was kept");
    }

    private static string Findings(IEnumerable<Finding> findings)
    {
        using var ms = new MemoryStream();
        FindingsJsonWriter.Write(findings, ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Rows(MetricsResult result, IEnumerable<ApplicationFigures> rows)
    {
        using var w = new StringWriter();
        ApplicationsCsvWriter.Write(result, rows, w);
        return w.ToString();
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_period_after_the_data_gives_the_engines_empty_answer(string store)
    {
        using var s = StoreFactory.Open(store == "sqlite" ? _stores.Sqlite : _stores.Postgres);
        var (fast, full) = Both(s, Stores.Derivation, Policy.Default, WorkingDayCalendar.Default, "2027-01-01", "2027-01-31", null, null, null);
        AssertSameOutput(full, fast);
        Assert.True(fast.NoData);
    }

    [Fact]
    public void A_counted_application_whose_derivation_met_a_calendar_gap_sends_the_question_to_the_records()
    {
        var copy = _stores.SqliteCopy();
        using (var s = StoreFactory.Open(copy))
        {
            var (fast, _) = Both(s, Stores.Derivation, Policy.Default, WorkingDayCalendar.Default, "2025-01-01", "2025-12-31", null, null, null);
            Assert.True(fast.CountedInStore > 0);
        }
        Execute(copy, """
            UPDATE application_revisions SET d_calendar_gap = 1
            WHERE rowid = (SELECT min(rowid) FROM application_revisions
                           WHERE status = 2 AND connected_at >= '2025-03-01' AND connected_at < '2025-04-01')
            """);
        using (var s = StoreFactory.Open(copy))
        {
            var (fast, full) = Both(s, Stores.Derivation, Policy.Default, WorkingDayCalendar.Default, "2025-01-01", "2025-12-31", null, null, null);
            Assert.Equal(0, fast.CountedInStore);
            AssertSameOutput(full, fast);
        }
    }

    [Fact]
    public void Figures_derived_under_another_version_send_the_question_to_the_records()
    {
        using var s = StoreFactory.Open(_stores.Sqlite);
        var other = new OtherRules(Stores.Derivation);
        var (fast, full) = Both(s, other, Policy.Default, WorkingDayCalendar.Default, "2025-01-01", "2025-12-31", null, null, null);
        Assert.Equal(0, fast.CountedInStore);
        AssertSameOutput(full, fast);
    }

    [Fact]
    public void A_calendar_without_the_first_years_sends_the_question_to_the_records_and_keeps_its_errors()
    {
        // The calendar from 2025 on: applications of 2024 have no working days, which the engine reports per application.
        var calendar = WorkingDayCalendar.FromSchedules(WorkingDayCalendar.Default.Schedules.Values.Where(y => y.Year >= 2025));
        var copy = _stores.SqliteCopy();
        using var s = StoreFactory.Open(copy);
        var derivation = new FigureDerivation(Policy.Default, calendar);
        s.Derive(derivation);
        var (fast, full) = Both(s, derivation, Policy.Default, calendar, "2025-01-01", "2025-06-30", null, null, null);
        Assert.Equal(0, fast.CountedInStore);
        Assert.Contains(full.Errors, e => e.Kind == MetricsErrorKind.CalendarMissingYear);
        AssertSameOutput(full, fast);
    }

    [Fact]
    public void Revisions_without_derived_figures_are_read_in_full_and_the_answer_does_not_change()
    {
        var copy = _stores.SqliteCopy();
        Execute(copy, """
            UPDATE application_revisions
            SET d_category = NULL, d_settled_at = NULL, d_approval_days = NULL, d_utility_days = NULL, d_whole_days = NULL,
                d_outcomes = NULL, d_calendar_gap = NULL
            WHERE status = 2 AND connected_at >= '2025-05-01' AND connected_at < '2025-06-01'
            """);
        using var s = StoreFactory.Open(copy);
        var (fast, full) = Both(s, Stores.Derivation, Policy.Default, WorkingDayCalendar.Default, "2025-01-01", "2025-12-31", null, null, null);
        AssertSameOutput(full, fast);
    }

    [Fact]
    public void The_metrics_command_answers_json_and_csv_from_the_store_counts_as_it_does_from_the_records()
    {
        foreach (var args in new[]
                 {
                     new[] { "--year", "2025", "--format", "json" },
                     // The table (its breach, finding and gap counts from the applications read without outage steps).
                     ["--year", "2025"],
                     ["--county", "yaodu", "--from", "2026-11-16", "--to", "2026-11-22"],
                     ["--utility", "sgcc-linfen", "--year", "2026", "--as-of", "2026-11-20"],
                     ["--county", "yaodu", "--from", "2026-11-02", "--to", "2026-11-08", "--format", "json"],
                     ["--year", "2026", "--as-of", "2026-11-20", "--format", "csv"],
                     ["--from", "2026-01-01", "--to", "2026-06-30", "--format", "csv", "--what", "reliability"],
                 })
        {
            var fast = CliRunner.Run(["metrics", .. args, "--store", _stores.Sqlite]);
            Assert.True(fast.ExitCode == 0, fast.Err);
            Environment.SetEnvironmentVariable(MetricsFromRecords, "1");
            try
            {
                var full = CliRunner.Run(["metrics", .. args, "--store", _stores.Sqlite]);
                Assert.True(full.ExitCode == 0, full.Err);
                Assert.Equal(full.Out, fast.Out);
                Assert.Equal(full.Err, fast.Err);
            }
            finally
            {
                Environment.SetEnvironmentVariable(MetricsFromRecords, null);
            }
        }
    }

    private const string MetricsFromRecords = FromRecordsVariable.Name;

    private static (MetricsResult Fast, MetricsResult Full) Both(IAnalyticsStore store, IRecordDerivation derivation, Policy policy,
        WorkingDayCalendar calendar, string from, string to, string? county, string? utility, string? asOfDay)
    {
        var period = new MetricsPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        DateTime? knownAt = asOfDay is null ? null : DayBounds.EndOfDay(DateOnly.Parse(asOfDay, System.Globalization.CultureInfo.InvariantCulture));
        var asOf = knownAt ?? RecordSnapshot.DataThroughOf(store.Filings())!.Value;
        var fast = MetricsQuery.Answer(store, policy, calendar, derivation, period, asOf, knownAt, county, utility);
        var full = MetricsQuery.Answer(store, policy, calendar, derivation, period, asOf, knownAt, county, utility, fullPath: true);
        return (fast, full);
    }

    private static void AssertSameOutput(MetricsResult expected, MetricsResult actual)
    {
        Assert.Equal(Json(expected), Json(actual));
        Assert.Equal(Csv(expected, MetricsCsvWriter.WriteTargets), Csv(actual, MetricsCsvWriter.WriteTargets));
        Assert.Equal(Csv(expected, MetricsCsvWriter.WriteReliability), Csv(actual, MetricsCsvWriter.WriteReliability));
    }

    private static byte[] Json(MetricsResult r)
    {
        using var ms = new MemoryStream();
        MetricsJsonWriter.Write(r, ms);
        return ms.ToArray();
    }

    private static string Csv(MetricsResult r, Action<MetricsResult, TextWriter> write)
    {
        using var w = new StringWriter();
        write(r, w);
        return w.ToString();
    }

    private static void Execute(string sqlite, string sql)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + sqlite + ";Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(cmd.ExecuteNonQuery() > 0, "the statement changed no row");
    }

    /// <summary>The same figures, said to be derived under other rules (a store derived under the real ones differs).</summary>
    private sealed class OtherRules(IRecordDerivation inner) : IRecordDerivation
    {
        public DerivationVersion Version { get; } = inner.Version with { Rules = inner.Version.Rules + "-other" };

        public DerivedFigures Derive(Application application) => inner.Derive(application);
    }
}
