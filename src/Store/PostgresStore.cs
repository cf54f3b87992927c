using System.Data;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// The PostgreSQL store: one <see cref="NpgsqlDataSource"/> (one pool) for the store's lifetime.
/// Filings stream in by binary COPY into a temporary staging table and are merged set-based in the
/// same transaction (templates.md §1, Atomic); filings of one schema are serialized by an advisory
/// lock, so revision numbers never race. Errors come out as <see cref="StoreUnavailableException"/>
/// or <see cref="StoreConflictException"/> with a one-line message that never shows the password.
/// </summary>
public sealed class PostgresStore : IAnalyticsStore
{
    private readonly NpgsqlDataSource _dataSource;
    private volatile bool _schemaReady;

    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</param>
    /// <exception cref="StoreUnavailableException">The string cannot be parsed.</exception>
    public PostgresStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message names the keyword, never a value: no password can leak through it.
            throw new StoreUnavailableException($"PostgreSQL: invalid connection string ({ex.Message})", ex);
        }
        var csb = builder.ConnectionStringBuilder;
        csb.ApplicationName ??= "analytics";
        // COPY streams a filing in one direction: bigger writes mean fewer system calls and wake-ups of
        // the server (the default 8 KB buffer cost a fifth of the client's CPU on a million-row load).
        if (csb.WriteBufferSize == DefaultWriteBufferSize) csb.WriteBufferSize = 1 << 20;
        Description = Describe(csb);
        _dataSource = builder.Build();
    }

    public string Description { get; }

    private static readonly int DefaultWriteBufferSize = new NpgsqlConnectionStringBuilder().WriteBufferSize;

    /// <summary>The highest schema version this program knows.</summary>
    public static int SchemaVersion => PostgresSchema.Migrations[^1].Version;

    public void EnsureSchema()
    {
        try
        {
            using var conn = Open();
            if (CurrentVersion(conn, null) == SchemaVersion)
            {
                _schemaReady = true;
                return;
            }
            using var tx = conn.BeginTransaction();
            LockSchema(conn, tx);
            conn.Execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
                )
                """, transaction: tx);
            var current = CurrentVersion(conn, tx);
            if (current > SchemaVersion)
                throw new StoreUnavailableException(
                    $"{Description}: its schema version {current} is newer than this program's ({SchemaVersion}); use a newer analytics");
            foreach (var m in PostgresSchema.Migrations.Where(m => m.Version > current))
            {
                conn.Execute(m.Sql, transaction: tx);
                conn.Execute("INSERT INTO schema_version (version, description) VALUES (@Version, @Description)",
                    new { m.Version, m.Description }, tx);
            }
            tx.Commit();
            _schemaReady = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public Filing? FindFiling(FilingKind kind, string sha256)
    {
        try
        {
            using var conn = OpenReady();
            return conn.QueryFirstOrDefault<Filing>(
                $"SELECT {StoreColumns.FilingSelect} FROM filings WHERE kind = @kind AND sha256 = @sha256 ORDER BY id LIMIT 1",
                new { kind = (short)kind, sha256 });
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(sha256);
        var conn = OpenReady();
        try
        {
            return new PostgresFilingWriter(conn, Description, kind, fileName, sha256, asOf, loadedAt, distinctKeys);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    public IReadOnlyList<Filing> Filings()
    {
        try
        {
            using var conn = OpenReady();
            return conn.Query<Filing>($"SELECT {StoreColumns.FilingSelect} FROM filings ORDER BY id").AsList();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null) =>
        Stream(conn => StoreReads.ApplicationRevisions(conn, KnownAt(knownAt)));

    public IEnumerable<Application> Applications(DateTime? knownAt = null) =>
        Stream(conn => StoreReads.Applications(conn, KnownAt(knownAt), heads: false));

    public IEnumerable<OutageStep> Outages() => Stream(StoreReads.Outages);

    public IEnumerable<CustomersServed> CustomersServed() => Stream(StoreReads.CustomersServed);

    public IEnumerable<ReportNote> Notes() => Stream(StoreReads.Notes);

    public IEnumerable<LedgerNote> LedgerNotes() => Stream(StoreReads.LedgerNotes);

    public void Dispose() => _dataSource.Dispose();

    /// <summary>Instants are <c>timestamp without time zone</c>: DbType.DateTime2, never timestamptz.</summary>
    internal static DynamicParameters? KnownAt(DateTime? knownAt)
    {
        if (knownAt is not { } k) return null;
        var p = new DynamicParameters();
        p.Add("knownAt", StoreTime.Normalize(k), DbType.DateTime2);
        return p;
    }

    /// <summary>Serializes schema changes and filings per schema (the tables live in the first schema of the search path).</summary>
    internal static void LockSchema(NpgsqlConnection conn, NpgsqlTransaction tx) =>
        conn.Execute("SELECT pg_advisory_xact_lock(72610, hashtext(coalesce(current_schema(), '')))", transaction: tx);

    private static int CurrentVersion(NpgsqlConnection conn, NpgsqlTransaction? tx)
    {
        var exists = conn.ExecuteScalar<bool>("SELECT to_regclass('schema_version') IS NOT NULL", transaction: tx);
        return exists ? conn.ExecuteScalar<int?>("SELECT max(version) FROM schema_version", transaction: tx) ?? 0 : 0;
    }

    private static string Describe(NpgsqlConnectionStringBuilder csb)
    {
        var user = string.IsNullOrEmpty(csb.Username) ? "" : csb.Username + "@";
        var port = csb.Port.ToString(CultureInfo.InvariantCulture);
        return $"PostgreSQL {user}{csb.Host}:{port}/{csb.Database}";
    }

    private NpgsqlConnection OpenReady()
    {
        if (!_schemaReady) EnsureSchema();
        return Open();
    }

    private NpgsqlConnection Open()
    {
        try
        {
            return _dataSource.OpenConnection();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    /// <summary>Streams a query on its own connection, returned to the pool when the caller stops enumerating.</summary>
    private IEnumerable<T> Stream<T>(Func<NpgsqlConnection, IEnumerable<T>> query)
    {
        using var conn = OpenReady();
        IEnumerator<T> rows;
        try
        {
            rows = query(conn).GetEnumerator();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
        using (rows)
        {
            while (true)
            {
                try
                {
                    if (!rows.MoveNext()) yield break;
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    throw PostgresErrors.Map(ex, Description);
                }
                yield return rows.Current;
            }
        }
    }
}
