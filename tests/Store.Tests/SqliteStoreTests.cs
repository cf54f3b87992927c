using Analytics.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Analytics.Store.Tests;

/// <summary>The store contract against the embedded store: a fresh SQLite file per test.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "analytics-store-tests", Guid.NewGuid().ToString("N"));

    // A folder that does not exist yet: the store creates it with the file.
    protected override string StoreArgument => Path.Combine(_folder, "data", "analytics.db");

    protected override string UnreachableArgument
    {
        get
        {
            Directory.CreateDirectory(_folder);
            var notADatabase = Path.Combine(_folder, "notes.txt");
            File.WriteAllText(notADatabase, "this is a text file, not an analytics store\n");
            return notADatabase;
        }
    }

    protected override void ExecuteRaw(string sql)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StoreArgument)!);
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreArgument, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    protected override IReadOnlyList<string> StoredColumns()
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreArgument, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p
            WHERE m.type = 'table' ORDER BY 1
            """;
        var columns = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) columns.Add(r.GetString(0));
        return columns;
    }

    protected override void FailWhenFilingCompletes(string fileName) => ExecuteRaw($"""
        CREATE TRIGGER fail_filing BEFORE UPDATE ON filings WHEN NEW.file_name = '{fileName}'
        BEGIN SELECT RAISE(ABORT, 'simulated store failure'); END
        """);

    protected override IDisposable HoldWriteLock()
    {
        var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreArgument, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "BEGIN IMMEDIATE";
        cmd.ExecuteNonQuery();
        return conn; // closing it rolls the transaction back and releases the lock
    }

    protected override string BackToSchemaBeforeTheMarker => """
        DROP INDEX filings_kind_sha256;
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
        DELETE FROM schema_version WHERE version >= 2;
        """;

    protected override string? BackToSchemaBeforeOutageSeconds => """
        DROP INDEX outage_steps_sums;
        ALTER TABLE outage_steps DROP COLUMN start_sec;
        ALTER TABLE outage_steps DROP COLUMN end_sec;
        CREATE INDEX outage_steps_figures ON outage_steps (
            county, start_at, end_at, utility, area, kind, cause, customers, notified_at, outage_id, step);
        DELETE FROM schema_version WHERE version >= 9;
        """;

    // Migration 8's index again, without the head flag; the flag's column gone.
    protected override string? BackToSchemaBeforeHeadFlag => """
        DROP INDEX application_revisions_figures;
        ALTER TABLE application_revisions DROP COLUMN is_head;
        CREATE INDEX application_revisions_figures ON application_revisions (
            county, d_settled_at, utility, application_id, revision, filing_as_of, status, accepted_at, connected_at,
            withdrawn_at, record_created_at, approval_granted_at, area, d_category, channel, voltage, e_contract,
            approval_mode, d_outcomes, d_approval_days, d_utility_days, d_whole_days, d_calendar_gap);
        DELETE FROM schema_version WHERE version >= 10;
        """;

    [Fact]
    public void A_text_file_in_place_of_the_store_is_unavailable_not_an_internal_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StoreArgument)!);
        File.WriteAllText(StoreArgument, "id,name\n1,x\n");
        var ex = Assert.Throws<StoreUnavailableException>(() => StoreFactory.Open(StoreArgument));
        Assert.Contains("不是 SQLite 数据库", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_file_and_its_folder_are_created_when_missing()
    {
        Assert.False(File.Exists(StoreArgument));
        using var store = StoreFactory.Open(StoreArgument);
        Assert.True(File.Exists(StoreArgument));
        Assert.Equal("SQLite " + StoreArgument, store.Description);
    }

    [Fact]
    public void The_store_runs_in_wal_mode()
    {
        using var store = StoreFactory.Open(StoreArgument);
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StoreArgument, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
    }

    protected override void DisposeStore()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
