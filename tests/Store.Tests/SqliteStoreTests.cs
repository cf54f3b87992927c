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
