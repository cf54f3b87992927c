using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;
using Npgsql;

namespace Analytics.Store.Tests;

/// <summary>
/// The store contract against a real PostgreSQL server (<c>ANALYTICS_TEST_PG</c>, or the private server
/// of scripts/pg-test-server.sh): a fresh database for the class, a fresh schema per test.
/// </summary>
public sealed class PostgresStoreTests : StoreContractTests, IClassFixture<PostgresDatabase>
{
    private const string Secret = "pw-Секрет-42";
    private readonly PostgresDatabase _database;
    private readonly string _store;

    public PostgresStoreTests(PostgresDatabase database)
    {
        _database = database;
        _store = database.NewSchema();
    }

    protected override string StoreArgument => _store;

    // Port 1 on loopback: nothing listens, the connection is refused at once.
    protected override string UnreachableArgument => $"Host=127.0.0.1;Port=1;Database=analytics;Username=analytics;Password={Secret};Timeout=5";

    protected override string? SecretInUnreachableArgument => Secret;

    protected override void ExecuteRaw(string sql)
    {
        using var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    protected override IReadOnlyList<string> StoredColumns()
    {
        using var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY 1
            """, conn);
        var columns = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) columns.Add(r.GetString(0));
        return columns;
    }

    protected override void FailWhenFilingCompletes(string fileName) => ExecuteRaw($"""
        CREATE FUNCTION fail_filing() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated: could not extend file' USING ERRCODE = 'disk_full'; END $$;
        CREATE TRIGGER fail_filing BEFORE UPDATE ON filings FOR EACH ROW
        WHEN (NEW.file_name = '{fileName}') EXECUTE FUNCTION fail_filing();
        """);

    protected override IDisposable HoldWriteLock()
    {
        var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand("BEGIN; SELECT pg_advisory_xact_lock(72610, hashtext(coalesce(current_schema(), '')))", conn);
        cmd.ExecuteNonQuery();
        return conn; // closing it ends the transaction and releases the lock
    }

    protected override string BackToSchemaBeforeTheMarker => """
        ALTER TABLE filings DROP CONSTRAINT filings_kind_sha256_key;
        CREATE INDEX filings_kind_sha256 ON filings (kind, sha256);
        DROP TABLE analytics_meta;
        DROP TABLE accounts;
        DROP TABLE audit_log;
        DROP TABLE spotcheck_results;
        DROP TABLE spotcheck_items;
        DROP TABLE spotcheck_draws;
        DROP TABLE rectification_events;
        DROP TABLE rectifications;
        DROP TABLE risk_models;
        DELETE FROM schema_version WHERE version >= 3;
        """;

    [Fact]
    public void No_client_side_command_timeout_unless_the_connection_string_sets_one()
    {
        // Npgsql's 30 s default cancelled a million-row outage load and reported it as a connection failure.
        using (var store = new PostgresStore(_store))
            Assert.Equal(0, store.CommandTimeoutSeconds);
        using (var store = new PostgresStore(_store + ";Command Timeout=5"))
            Assert.Equal(5, store.CommandTimeoutSeconds);
    }

    [Fact]
    public void A_data_error_of_the_server_is_bad_data_naming_the_column()
    {
        using var store = StoreFactory.Open(_store);
        ExecuteRaw("""
            CREATE FUNCTION bad_byte() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8": 0x00' USING ERRCODE = '22021', COLUMN = 'county'; END $$;
            CREATE TRIGGER bad_byte BEFORE INSERT ON outage_steps FOR EACH ROW EXECUTE FUNCTION bad_byte();
            """);
        var ex = Assert.Throws<StoreDataException>(() =>
        {
            using var w = store.BeginFiling(Domain.FilingKind.Outages, "o.csv", "o1", new DateTime(2022, 1, 1), new DateTime(2022, 1, 2));
            w.Add(Support.Samples.Step("T-1", 1));
            w.Commit(1, 0);
        });
        Assert.Equal("county", ex.Field);
        Assert.Contains("22021", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.Filings());
        Assert.Empty(store.Outages());
    }

    [Fact]
    public void A_missing_database_is_its_own_unavailable_error()
    {
        var cs = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "analytics_no_such_db" }.ConnectionString;
        var ex = Assert.Throws<StoreUnavailableException>(() => StoreFactory.Open(cs));
        Assert.Contains("数据库不存在", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3D000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_opens_the_same_store_as_the_connection_string()
    {
        var csb = new NpgsqlConnectionStringBuilder(_store);
        var url = $"postgres://{csb.Username}@{csb.Host}:{csb.Port}/{csb.Database}?search_path={csb.SearchPath}";
        using (var w = StoreFactory.Open(_store).BeginFiling(Domain.FilingKind.Applications, "a.csv", "u1", new DateTime(2022, 1, 1), new DateTime(2022, 1, 2)))
        {
            w.Add(Support.Samples.Minimal());
            w.Commit(1, 0);
        }
        using var viaUrl = StoreFactory.Open(url);
        Assert.Equal([Support.Samples.Minimal()], viaUrl.Applications());
        Assert.StartsWith("PostgreSQL ", viaUrl.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_despite_the_promise_fails_the_first_load_on_its_primary_key()
    {
        using var store = StoreFactory.Open(_store);
        var w = store.BeginFiling(Domain.FilingKind.Applications, "a.csv", "dup", new DateTime(2022, 1, 1), new DateTime(2022, 1, 2), distinctKeys: true);
        var ex = Assert.Throws<PostgresException>(() =>
        {
            w.Add(Support.Samples.Full());
            w.Add(Support.Samples.Full() with { PausedDays = 3 });
            w.Commit(2, 0);
        });
        w.Dispose();
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
        Assert.Empty(store.Filings());
        Assert.Empty(store.ApplicationRevisions());
    }

    [Fact]
    public void The_schema_keeps_no_heads_table_the_latest_revision_comes_from_the_key()
    {
        StoreFactory.Open(_store).Dispose();
        Assert.DoesNotContain(StoredColumns(), c => c.StartsWith("application_heads.", StringComparison.Ordinal));
        Assert.Contains("schema_version.version", StoredColumns());
    }

    [Fact]
    public void Instants_are_stored_as_timestamps_without_time_zone_and_money_as_numeric()
    {
        StoreFactory.Open(_store).Dispose();
        using var conn = new NpgsqlConnection(_store);
        conn.Open();
        using var cmd = new NpgsqlCommand("""
            SELECT column_name || ':' || data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'application_revisions'
              AND column_name IN ('accepted_at', 'connected_at', 'filing_as_of', 'capacity_kw', 'fee_yuan')
            ORDER BY column_name
            """, conn);
        var types = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) types.Add(r.GetString(0));
        Assert.Equal(
            ["accepted_at:timestamp without time zone", "capacity_kw:numeric", "connected_at:timestamp without time zone",
             "fee_yuan:numeric", "filing_as_of:timestamp without time zone"],
            types);
    }

    protected override void DisposeStore() { }
}
