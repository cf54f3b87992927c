using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// The embedded store: one SQLite file (created with its folder when missing), in WAL mode so that
/// readers never wait for a filing and a killed writer leaves the file as it was. Filings are single
/// write transactions (<c>BEGIN IMMEDIATE</c>): one writer at a time, atomic (templates.md §1, Atomic).
/// </summary>
public sealed class SqliteStore : IAnalyticsStore
{
    private readonly string _connectionString;
    private volatile bool _schemaReady;

    /// <param name="path">The database file; created (with its folder) on first use when missing.</param>
    public SqliteStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file as given.</summary>
    public string Path { get; }

    public string Description => "SQLite " + Path;

    /// <summary>The highest schema version this program knows.</summary>
    public static int SchemaVersion => SqliteSchema.Migrations[^1].Version;

    public void EnsureSchema()
    {
        using var conn = Open();
        try
        {
            if (CurrentVersion(conn, null) == SchemaVersion)
            {
                _schemaReady = true;
                return;
            }
            // WAL persists in the file; it cannot change inside a transaction.
            conn.Execute("PRAGMA journal_mode = WAL");
            using var tx = conn.BeginTransaction(deferred: false);
            conn.Execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at  TEXT NOT NULL
                ) STRICT
                """, transaction: tx);
            var current = CurrentVersion(conn, tx);
            if (current > SchemaVersion)
                throw new StoreUnavailableException(
                    $"{Description}: its schema version {current} is newer than this program's ({SchemaVersion}); use a newer analytics");
            foreach (var m in SqliteSchema.Migrations.Where(m => m.Version > current))
            {
                conn.Execute(m.Sql, transaction: tx);
                conn.Execute(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, strftime('%Y-%m-%d %H:%M:%S', 'now'))",
                    new { m.Version, m.Description }, tx);
            }
            tx.Commit();
            _schemaReady = true;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public Filing? FindFiling(FilingKind kind, string sha256)
    {
        using var conn = OpenReady();
        try
        {
            return conn.QueryFirstOrDefault<Filing>(
                $"SELECT {StoreColumns.FilingSelect} FROM filings WHERE kind = @kind AND sha256 = @sha256 ORDER BY id LIMIT 1",
                new { kind = (int)kind, sha256 });
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(sha256);
        var conn = OpenReady();
        try
        {
            return new SqliteFilingWriter(conn, Description, kind, fileName, sha256, asOf, loadedAt, distinctKeys);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    public IReadOnlyList<Filing> Filings()
    {
        using var conn = OpenReady();
        try
        {
            return conn.Query<Filing>($"SELECT {StoreColumns.FilingSelect} FROM filings ORDER BY id").AsList();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null) =>
        Stream(conn => SqliteRevisionReader.Read(conn, knownAt is { } k ? SqliteText.Instant(k) : null));

    public IEnumerable<Application> Applications(DateTime? knownAt = null) =>
        Stream(conn => StoreReads.Applications(conn, KnownAt(knownAt), heads: true));

    public IEnumerable<OutageStep> Outages() => Stream(StoreReads.Outages);

    public IEnumerable<CustomersServed> CustomersServed() => Stream(StoreReads.CustomersServed);

    public IEnumerable<ReportNote> Notes() => Stream(StoreReads.Notes);

    public IEnumerable<LedgerNote> LedgerNotes() => Stream(StoreReads.LedgerNotes);

    /// <summary>Returns the pooled connections, so that the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var conn = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(conn);
    }

    private static DynamicParameters? KnownAt(DateTime? knownAt)
    {
        if (knownAt is not { } k) return null;
        var p = new DynamicParameters();
        p.Add("knownAt", SqliteText.Instant(k));
        return p;
    }

    private static int CurrentVersion(SqliteConnection conn, SqliteTransaction? tx)
    {
        var exists = conn.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", transaction: tx);
        return exists == 0 ? 0 : conn.ExecuteScalar<int?>("SELECT max(version) FROM schema_version", transaction: tx) ?? 0;
    }

    private SqliteConnection OpenReady()
    {
        if (!_schemaReady) EnsureSchema();
        return Open();
    }

    /// <summary>Opens a connection with the per-connection settings every operation relies on.</summary>
    private SqliteConnection Open()
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StoreUnavailableException($"{Description}: cannot create its folder ({ex.Message})", ex);
        }

        var conn = new SqliteConnection(_connectionString);
        try
        {
            conn.Open();
            // NORMAL is safe in WAL mode: a crash may lose the last commits' durability, never atomicity.
            // journal_size_limit: after a big filing's checkpoint the WAL file shrinks back instead of keeping its size.
            conn.Execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA journal_size_limit = 67108864;");
            return conn;
        }
        catch (SqliteException ex)
        {
            conn.Dispose();
            throw SqliteErrors.Map(ex, Description);
        }
    }

    /// <summary>Streams a query on its own connection, closed when the caller stops enumerating.</summary>
    private IEnumerable<T> Stream<T>(Func<SqliteConnection, IEnumerable<T>> query)
    {
        using var conn = OpenReady();
        IEnumerator<T> rows;
        try
        {
            rows = query(conn).GetEnumerator();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
        using (rows)
        {
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) yield break;
                }
                catch (SqliteException ex)
                {
                    throw SqliteErrors.Map(ex, Description);
                }
                yield return rows.Current;
            }
        }
    }
}
