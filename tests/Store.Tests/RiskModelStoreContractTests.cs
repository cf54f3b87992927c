using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Analytics.Store.Tests;

/// <summary>
/// The <see cref="IRiskModelStore"/> contract (table <c>risk_models</c>), run against every store like
/// <see cref="StoreContractTests"/>: a fresh, empty store per test.
/// </summary>
public abstract class RiskModelStoreContractTests : IDisposable
{
    private static readonly DateTime Trained = new(2026, 11, 29, 9, 0, 0, 123);
    private static readonly DateTime Known = new DateTime(2026, 11, 25, 23, 59, 59).AddTicks(9_999_990);
    private readonly List<IAnalyticsStore> _opened = [];

    /// <summary>The <c>--store</c> argument of this test's fresh store.</summary>
    protected abstract string StoreArgument { get; }

    /// <summary>The schema version that brought <c>risk_models</c> in this dialect.</summary>
    protected abstract int RiskModelsVersion { get; }

    /// <summary>Runs SQL on this test's store behind the store's back.</summary>
    protected abstract void ExecuteRaw(string sql);

    /// <summary>The first column of the first row of a query on this test's store.</summary>
    protected abstract object? Scalar(string sql);

    /// <summary>Removes the test's store (file or schema).</summary>
    protected abstract void DisposeStore();

    private IRiskModelStore Open()
    {
        var s = StoreFactory.Open(StoreArgument);
        _opened.Add(s);
        return Assert.IsAssignableFrom<IRiskModelStore>(s);
    }

    private static StoredRiskModel Model(string fingerprint, byte fill = 7, int size = 300_000) => new()
    {
        Fingerprint = fingerprint,
        TrainedAt = Trained,
        KnownAt = Known,
        MaeModel = 1.25,
        MaeBaseline = 2.5,
        AucModel = 0.8125,
        AucBaseline = double.NaN,
        TrainedOnCount = 12_345,
        Model = Enumerable.Repeat(fill, size).Select((b, i) => (byte)(b + i)).ToArray(),
    };

    [Fact]
    public void A_saved_model_is_found_by_its_fingerprint_with_every_field_as_saved()
    {
        var store = Open();
        Assert.Null(store.FindRiskModel("f-1"));
        var model = Model("f-1");

        Assert.True(store.SaveRiskModel(model));

        var found = Open().FindRiskModel("f-1");
        Assert.NotNull(found);
        Assert.True(found.Id > 0);
        Assert.Equal(model.Fingerprint, found.Fingerprint);
        Assert.Equal(model.TrainedAt, found.TrainedAt);
        Assert.Equal(model.KnownAt, found.KnownAt);
        Assert.Equal(model.MaeModel, found.MaeModel);
        Assert.Equal(model.MaeBaseline, found.MaeBaseline);
        Assert.Equal(model.AucModel, found.AucModel);
        Assert.True(double.IsNaN(found.AucBaseline)); // NaN is kept as NULL and read back as NaN
        Assert.Equal(model.TrainedOnCount, found.TrainedOnCount);
        Assert.Equal(model.Model, found.Model);
        Assert.Null(store.FindRiskModel("f-2"));
    }

    [Fact]
    public void Saving_a_fingerprint_again_keeps_the_first_model_and_says_so()
    {
        var store = Open();
        Assert.True(store.SaveRiskModel(Model("f-1", fill: 1)));
        Assert.False(Open().SaveRiskModel(Model("f-1", fill: 2)));

        Assert.Equal(["f-1"], store.RiskModelFingerprints());
        Assert.Equal(Model("f-1", fill: 1).Model, store.FindRiskModel("f-1")!.Model);
    }

    [Fact]
    public void Concurrent_saves_of_one_model_by_several_processes_leave_one_row()
    {
        Open().FindRiskModel("warm-up"); // the schema exists before the race: only the saves compete
        var stores = Enumerable.Range(0, 6).Select(_ => Open()).ToList();
        using var start = new Barrier(stores.Count);
        var results = new bool[stores.Count];
        Parallel.For(0, stores.Count, new ParallelOptions { MaxDegreeOfParallelism = stores.Count }, i =>
        {
            start.SignalAndWait();
            results[i] = stores[i].SaveRiskModel(Model("same", fill: (byte)i));
        });

        Assert.Equal(1, results.Count(x => x));
        Assert.Equal(["same"], Open().RiskModelFingerprints());
        Assert.Equal(1L, Convert.ToInt64(Scalar("SELECT count(*) FROM risk_models"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Model("same", fill: (byte)Array.IndexOf(results, true)).Model, Open().FindRiskModel("same")!.Model);
    }

    [Fact]
    public void At_most_keep_models_are_kept_the_oldest_saved_pruned_first()
    {
        var store = Open();
        for (var i = 1; i <= 5; i++) store.SaveRiskModel(Model($"f-{i}", size: 10), keep: 3);

        Assert.Equal(["f-5", "f-4", "f-3"], store.RiskModelFingerprints());
        Assert.Null(store.FindRiskModel("f-1"));
        Assert.Null(store.FindRiskModel("f-2"));
        Assert.NotNull(store.FindRiskModel("f-3"));
    }

    [Fact]
    public void The_default_keep_is_twenty()
    {
        var store = Open();
        for (var i = 1; i <= RiskModelStore.Keep + 2; i++) store.SaveRiskModel(Model($"f-{i}", size: 10));

        var kept = store.RiskModelFingerprints();
        Assert.Equal(20, RiskModelStore.Keep);
        Assert.Equal(RiskModelStore.Keep, kept.Count);
        Assert.Equal($"f-{RiskModelStore.Keep + 2}", kept[0]);
        Assert.DoesNotContain("f-1", kept);
        Assert.DoesNotContain("f-2", kept);
    }

    [Fact]
    public void The_risk_models_migration_has_its_own_version_and_applies_to_a_store_from_before_it()
    {
        Open().SaveRiskModel(Model("f-1"));
        Assert.Equal(1L, Convert.ToInt64(Scalar($"SELECT count(*) FROM schema_version WHERE version = {RiskModelsVersion}"), System.Globalization.CultureInfo.InvariantCulture));
        var latest = Convert.ToInt64(Scalar("SELECT max(version) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(latest >= RiskModelsVersion);

        // Back to a store made before the table (schema version below it): opening it migrates again.
        ExecuteRaw($"DROP TABLE risk_models; DELETE FROM schema_version WHERE version >= {RiskModelsVersion}");
        var store = Open();
        Assert.Null(store.FindRiskModel("f-1"));
        Assert.True(store.SaveRiskModel(Model("f-1")));
        // The risk models' step and every later one (each may run on a store that has its table: IF NOT EXISTS) applied again.
        Assert.Equal(1L, Convert.ToInt64(Scalar($"SELECT count(*) FROM schema_version WHERE version = {RiskModelsVersion}"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(latest, Convert.ToInt64(Scalar("SELECT max(version) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_model_saved_beside_filings_changes_none_of_them()
    {
        var store = (IAnalyticsStore)Open();
        using (var w = store.BeginFiling(Analytics.Domain.FilingKind.Applications, "a.csv", "sha-a", Known, Trained))
        {
            w.Add(Samples.Full());
            w.Commit(1, 0);
        }
        var before = StoreSnapshot.Of(store);
        ((IRiskModelStore)store).SaveRiskModel(Model("f-1"));
        StoreSnapshot.Of(store).AssertSameAs(before);
    }

    public void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        DisposeStore();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The risk model store contract on the embedded store: a fresh SQLite file per test.</summary>
public sealed class SqliteRiskModelStoreTests : RiskModelStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-store-tests", Guid.NewGuid().ToString("N"));

    protected override string StoreArgument => Path.Combine(_folder, "analytics.db");

    protected override int RiskModelsVersion => 5;

    private SqliteConnection Connect()
    {
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreArgument, Pooling = false }.ToString());
        conn.Open();
        return conn;
    }

    protected override void ExecuteRaw(string sql)
    {
        using var conn = Connect();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    protected override object? Scalar(string sql)
    {
        using var conn = Connect();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    protected override void DisposeStore()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The risk model store contract on a real PostgreSQL server: a fresh schema per test.</summary>
public sealed class PostgresRiskModelStoreTests(PostgresDatabase database) : RiskModelStoreContractTests, IClassFixture<PostgresDatabase>
{
    private readonly string _store = database.NewSchema();

    protected override string StoreArgument => _store;

    protected override int RiskModelsVersion => 6;

    protected override void ExecuteRaw(string sql)
    {
        using var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    protected override object? Scalar(string sql)
    {
        using var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return cmd.ExecuteScalar();
    }

    protected override void DisposeStore() { }
}
