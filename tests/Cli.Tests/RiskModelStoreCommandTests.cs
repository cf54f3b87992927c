using System.IO.Compression;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Risk;
using Analytics.Store;
using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Tests;

/// <summary>
/// The early-warning model kept in the store (issue 12, item 3): <c>risk</c> and <c>ledger</c> train once per change of
/// data, policy, calendar or as-of, and load the stored model otherwise, with the same answer.
/// </summary>
public sealed class RiskModelStoreCommandTests : IDisposable
{
    private const string Loaded = "超期预警模型：已从存储载入";
    private const string Trained = "超期预警模型：已训练";
    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    private string Data => _dir.File("data");

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", _dir.File("key")]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private void Load()
    {
        Assert.Equal(0, Run("generate", "--applications", "1500", "--outages", "20", "--seed", "7", "--out", Data).ExitCode);
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(Data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);
    }

    private long StoredModels() => StoredModelsIn(Store);

    private static long StoredModelsIn(string path)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM risk_models";
        return (long)cmd.ExecuteScalar()!;
    }

    private static void AssertTrained(CliRunner.Result r, string? why = null)
    {
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Trained, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(Loaded, r.Err, StringComparison.Ordinal);
        if (why is not null) Assert.Contains(why, r.Err, StringComparison.Ordinal);
        Assert.Contains("留出期 MAE", r.Err, StringComparison.Ordinal);
    }

    private static void AssertLoaded(CliRunner.Result r)
    {
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(Loaded, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(Trained, r.Err, StringComparison.Ordinal);
        Assert.Contains("留出期 MAE", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_second_risk_call_on_the_same_store_loads_the_model_and_gives_the_same_output()
    {
        Load();
        File.Copy(Store, _dir.File("copy.db"));
        var first = Run("risk", "--format", "json", "--all-in-progress");
        AssertTrained(first, "存储中尚无模型");
        Assert.Contains("已保存到存储", first.Err, StringComparison.Ordinal);
        Assert.Contains("\"miss_probability\"", first.Out, StringComparison.Ordinal);
        Assert.Equal(1, StoredModels());

        var second = Run("risk", "--format", "json", "--all-in-progress");
        AssertLoaded(second);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(1, StoredModels());

        // The table too, and the holdout figures said on stderr are the trained model's.
        AssertLoaded(Run("risk"));
        Assert.Equal(Figures(first.Err), Figures(second.Err));

        // One county: the loaded model reads only what the store selects for that day and county (issue 12), and lists
        // exactly what a model trained from every record (in a copy of the store without one) lists.
        var loaded = Run("risk", "--county", "yaodu", "--format", "json", "--all-in-progress");
        AssertLoaded(loaded);
        Assert.Contains("\"miss_probability\"", loaded.Out, StringComparison.Ordinal);
        var trained = CliRunner.Run("risk", "--county", "yaodu", "--format", "json", "--all-in-progress",
            "--store", _dir.File("copy.db"), "--key-file", _dir.File("key"));
        AssertTrained(trained);
        Assert.Equal(trained.Out, loaded.Out);
    }

    private static string Figures(string err) => err[err.IndexOf("训练 ", StringComparison.Ordinal)..].Trim();

    [Fact]
    public void The_first_call_keeps_the_model_that_training_on_every_loaded_record_gives()
    {
        // The first call streams the store's applications into the training, which keeps only compact facts of the
        // finished ones (issue 12); the model it keeps is the one trained on the whole snapshot, every application loaded
        // as a record, as before: the same bytes (the trees' archive but for its entries' times), figures and answers.
        Load();
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(Data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
        AssertTrained(Run("risk", "--format", "json"), "存储中尚无模型");

        using var store = StoreFactory.Open(Store);
        var snapshot = RecordSnapshot.Load(store, null);
        var asOf = snapshot.DataThrough!.Value;
        var options = new RiskModelOptions { Policy = Policy.Default, Calendar = WorkingDayCalendar.Default, KnownAt = asOf };
        var stored = ((IRiskModelStore)store).FindRiskModel(RiskModelFingerprint.Of(snapshot, options));
        Assert.NotNull(stored);
        var reference = RiskModel.Train(snapshot.Applications, options);
        Assert.True(reference.Used, "the sample data should give a model, not only the baseline");
        AssertSameModel(reference.Save(), stored!.Model);

        var kept = RiskModel.Load(stored.Model, Policy.Default, WorkingDayCalendar.Default)!;
        Assert.Equal(reference.TrainedOn, kept.TrainedOn);
        Assert.Equal(reference.TrainingMoments, kept.TrainingMoments);
        Assert.Equal(reference.MomentStrideDays, kept.MomentStrideDays);
        Assert.Equal(reference.LeftOut, kept.LeftOut);
        Assert.Equal(reference.Evaluation.Model, kept.Evaluation.Model);
        Assert.Equal(reference.Evaluation.Baseline, kept.Evaluation.Baseline);
        Assert.Equal(reference.Evaluation.Categories, kept.Evaluation.Categories);
        var inProgress = snapshot.Applications.Where(a => a.Status == ApplicationStatus.InProgress).ToList();
        var expected = new RiskAssessor(reference).Assess(inProgress, asOf).Applications;
        var actual = new RiskAssessor(kept).Assess(inProgress, asOf).Applications;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(r => (r.ApplicationId, r.PredictedDays, r.MissProbability, r.Method)),
            actual.Select(r => (r.ApplicationId, r.PredictedDays, r.MissProbability, r.Method)));
    }

    // The saved form ends with ML.NET's model, a zip archive whose entries carry the time they were written: everything
    // before it the same bytes, and every entry of it the same name and content.
    private static void AssertSameModel(byte[] expected, byte[] actual)
    {
        var at = ZipStart(expected);
        Assert.Equal(at, ZipStart(actual));
        Assert.Equal(expected[..at], actual[..at]);
        Assert.Equal(Entries(expected[at..]), Entries(actual[at..]));

        static int ZipStart(byte[] saved)
        {
            var at = saved.AsSpan().IndexOf("PK\u0003\u0004"u8);
            Assert.True(at > 0, "the saved model holds no trees");
            return at;
        }

        static List<(string Name, string Content)> Entries(byte[] zip)
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            return [.. archive.Entries.Select(e =>
            {
                using var s = e.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                return (e.FullName, Convert.ToHexString(copy.ToArray()));
            })];
        }
    }

    [Fact]
    public void A_revised_applications_filing_retrains_and_says_so_and_the_old_model_stays_for_the_old_as_of()
    {
        Load();
        AssertTrained(Run("risk"));
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(Data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);

        var after = Run("risk");
        AssertTrained(after, "数据、政策、日历或截至时刻与存储中的 1 个模型均不同");
        Assert.Equal(2, StoredModels());
        AssertLoaded(Run("risk"));

        // As known at the first filing's as-of, the store holds the first model's data again: loaded, not retrained.
        AssertTrained(Run("risk", "--as-of", "2026-11-18"));
        AssertLoaded(Run("risk", "--as-of", "2026-11-18"));
    }

    [Fact]
    public void Another_policy_or_as_of_retrains_and_the_default_policy_still_loads_its_own_model()
    {
        Load();
        AssertTrained(Run("risk"));

        string json;
        using (var s = typeof(Analytics.Domain.Policy.Policy).Assembly.GetManifestResourceStream("Analytics.Domain.Data.policy-linfen-2021-189.json")!)
        using (var reader = new StreamReader(s))
            json = reader.ReadToEnd();
        const string t2a = "\"in_force\": [ { \"from\": \"2022-01-01\", \"limit\": 5 } ] },\n    { \"id\": \"T2b\"";
        Assert.Contains(t2a, json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var policy = _dir.File("policy.json");
        File.WriteAllText(policy, json.ReplaceLineEndings("\n").Replace(t2a, t2a.Replace("\"limit\": 5", "\"limit\": 6", StringComparison.Ordinal), StringComparison.Ordinal));

        AssertTrained(Run("risk", "--policy", policy), "均不同");
        AssertLoaded(Run("risk", "--policy", policy));
        AssertLoaded(Run("risk"));
        AssertTrained(Run("risk", "--as-of", "2026-11-10"), "均不同");
        Assert.Equal(3, StoredModels());
    }

    [Fact]
    public void The_ledger_loads_the_model_its_first_call_trained()
    {
        Load();
        var outDir = _dir.File("ledgers");
        var first = Run("ledger", "--county", "尧都区", "--date", "2026-11-19", "--out", outDir);
        AssertTrained(first);
        var second = Run("ledger", "--county", "尧都区", "--date", "2026-11-19", "--out", _dir.File("again"));
        AssertLoaded(second);
        Assert.Equal(1, StoredModels());
        Assert.Single(Directory.GetFiles(_dir.File("again"), "*.xlsx"));
    }

    [Fact]
    public void The_demo_keeps_its_model_in_its_own_store_never_in_the_store_named_by_store()
    {
        // --store names a store of other data: the demo's model (trained on its own fresh store) is kept in that
        // fresh store (out/analytics-demo.db), not written into --store.
        Load();
        var demo = Run("demo", "--applications", "400", "--outages", "10", "--out", _dir.File("demo"));
        AssertTrained(demo, "已保存到存储");
        Assert.Equal(0, StoredModels());
        Assert.Equal(1, StoredModelsIn(Path.Combine(_dir.File("demo"), "analytics-demo.db")));

        // --store names no file: none is created.
        var missing = _dir.File("missing.db");
        var r = CliRunner.Run("demo", "--applications", "400", "--outages", "10", "--out", _dir.File("demo2"), "--store", missing);
        AssertTrained(r);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void On_postgresql_too_the_second_risk_call_loads_the_model_and_gives_the_same_output()
    {
        // The server of scripts/test.sh (or scripts/pg-test-server.sh): a missing one fails, it is never skipped.
        var admin = Environment.GetEnvironmentVariable("ANALYTICS_TEST_PG");
        Assert.False(string.IsNullOrWhiteSpace(admin), "ANALYTICS_TEST_PG is not set: run the tests through scripts/test.sh");
        var database = "analytics_t_" + Guid.NewGuid().ToString("N")[..12];
        void Admin(string sql)
        {
            using var conn = new Npgsql.NpgsqlConnection(admin);
            conn.Open();
            using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
            cmd.ExecuteNonQuery();
        }
        Admin($"CREATE DATABASE {database}");
        try
        {
            var store = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            CliRunner.Result Pg(params string[] args) => CliRunner.Run([.. args, "--store", store, "--key-file", _dir.File("key")]);
            Assert.Equal(0, Run("generate", "--applications", "1500", "--outages", "20", "--seed", "7", "--out", Data).ExitCode);
            Assert.Equal(0, Pg("ingest", "applications", Path.Combine(Data, "applications.csv"), "--as-of", "2026-11-18").ExitCode);

            var first = Pg("risk", "--format", "json", "--all-in-progress");
            AssertTrained(first, "存储中尚无模型");
            Assert.Contains("已保存到存储", first.Err, StringComparison.Ordinal);
            var second = Pg("risk", "--format", "json", "--all-in-progress");
            AssertLoaded(second);
            Assert.Equal(first.Out, second.Out);

            Assert.Equal(0, Pg("ingest", "applications", Path.Combine(Data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
            AssertTrained(Pg("risk"), "与存储中的 1 个模型均不同");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public void A_store_too_busy_to_keep_the_model_still_answers_and_says_it_could_not_keep_it()
    {
        Load();
        Assert.Equal(0, Run("metrics", "--year", "2026").ExitCode); // schema at its newest before another writer holds the file
        using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store, Pooling = false }.ToString()))
        {
            writer.Open();
            using (var begin = writer.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }
            // Reads go on under WAL; only the save waits its busy timeout, then gives up.
            var r = Run("risk");
            AssertTrained(r, "未能保存到存储");
            Assert.Contains("存储正忙", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        }
        Assert.Equal(0, StoredModels());
        AssertTrained(Run("risk"), "存储中尚无模型");
        AssertLoaded(Run("risk"));
    }
}
