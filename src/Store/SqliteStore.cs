using System.Globalization;
using Analytics.Domain.Messages;
using Analytics.Domain.Storage;
using Analytics.Domain;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// The embedded store: one SQLite file (created with its folder when missing), in WAL mode so that
/// readers never wait for a filing and a killed writer leaves the file as it was. Filings are single
/// write transactions (<c>BEGIN IMMEDIATE</c>): one writer at a time, atomic (templates.md §1, Atomic).
/// A writer that finds the file locked waits at most the busy timeout, then fails with
/// <see cref="StoreBusyException"/>. A SQLite file that holds other tables and not our marker
/// (<see cref="StoreMarker"/>) is refused before anything is written to it.
/// </summary>
public sealed partial class SqliteStore : IAnalyticsStore, IAccountStore, IOversightStore, IRiskModelStore
{
    private readonly string _connectionString;
    private readonly long _busyMilliseconds;
    private volatile bool _schemaReady;
    private volatile IRecordDerivation? _derivation;

    /// <param name="path">The database file; created (with its folder) on first use when missing.</param>
    /// <param name="busyTimeout">How long a write waits for another writer; default <see cref="StoreFactory.BusyTimeout"/>.</param>
    public SqliteStore(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        var busy = busyTimeout ?? StoreFactory.BusyTimeout;
        _busyMilliseconds = (long)Math.Clamp(busy.TotalMilliseconds, 0, int.MaxValue);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed; SQLite's own
            // busy handler (PRAGMA busy_timeout, set per connection) waits the same bound.
            DefaultTimeout = (int)Math.Clamp(Math.Ceiling(busy.TotalSeconds), 1, int.MaxValue),
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
            // Recognised before anything is changed: not even the journal mode of someone else's file.
            var (state, version, tables) = Recognise(conn, null);
            if (state == StoreMarker.State.Foreign) throw StoreMarker.Foreign(Description, tables);
            if (version == SchemaVersion)
            {
                _schemaReady = true;
                return;
            }
            // WAL persists in the file; it cannot change inside a transaction.
            conn.Execute("PRAGMA journal_mode = WAL");
            using var tx = conn.BeginTransaction(deferred: false);
            // Again under the write lock: another process may have created or migrated it meanwhile.
            (state, version, tables) = Recognise(conn, tx);
            if (state == StoreMarker.State.Foreign) throw StoreMarker.Foreign(Description, tables);
            conn.Execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     INTEGER PRIMARY KEY,
                    description TEXT NOT NULL,
                    applied_at  TEXT NOT NULL
                ) STRICT
                """, transaction: tx);
            var current = version;
            if (current > SchemaVersion)
                throw new StoreUnavailableException(DomainMessages.StoreSchemaNewer.With(Description, current, SchemaVersion));
            foreach (var m in SqliteSchema.Migrations.Where(m => m.Version > current))
            {
                conn.Execute(SqliteSchema.Rerunnable(m.Sql, conn, tx), transaction: tx);
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

    public IFilingBatch BeginBatch()
    {
        var conn = OpenReady();
        try
        {
            return new SqliteFilingBatch(conn, Description) { Derivation = _derivation };
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    public string? CustomerKeyFingerprint()
    {
        using var conn = OpenReady();
        try
        {
            return conn.ExecuteScalar<string?>(
                $"SELECT value FROM {StoreMarker.Table} WHERE item = @item", new { item = StoreMarker.CustomerKeyFingerprint });
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public bool HoldsCustomerKeys()
    {
        using var conn = OpenReady();
        try
        {
            return conn.ExecuteScalar<long>("SELECT EXISTS (SELECT 1 FROM application_revisions WHERE customer_key IS NOT NULL)") == 1;
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
        var batch = (SqliteFilingBatch)BeginBatch();
        try
        {
            return batch.Begin(kind, fileName, sha256, asOf, loadedAt, distinctKeys, ownsBatch: true);
        }
        catch
        {
            batch.Dispose();
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
        Stream(conn => SqliteRecordReader.Read(conn, knownAt is { } k ? SqliteText.Instant(k) : null));

    public IEnumerable<Application> Applications(DateTime? knownAt = null) =>
        Stream(conn => StoreReads.Applications(conn, KnownAt(knownAt), heads: true));

    public IEnumerable<OutageStep> Outages() =>
        Stream(conn => SqliteRecordReader.Outages(conn, "", new Dictionary<string, object>()));

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt, RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = StoreReads.ScopeParameters(scope, knownAt, t => SqliteText.Instant(t));
        var binds = Binds(p);
        return Stream(conn => SqliteRecordReader.Read(conn, StoreReads.ScopeWhere(scope, knownAt is not null), binds));
    }

    public IEnumerable<ApplicationRevision> WithdrawnRevisions(DateTime? knownAt, RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var binds = Binds(StoreReads.ScopeParameters(scope, knownAt, t => SqliteText.Instant(t)));
        return Stream(conn => SqliteRecordReader.Read(conn, StoreReads.ScopeWhere(scope, knownAt is not null, withdrawnOnly: true), binds));
    }

    /// <summary>Dapper's parameters as the column-position reader binds them (<see cref="SqliteRecordReader"/>: by <c>@name</c>).</summary>
    private static Dictionary<string, object> Binds(DynamicParameters p) =>
        p.ParameterNames.ToDictionary(n => "@" + n, n => p.Get<object>(n), StringComparer.Ordinal);

    public StoreCounts? CountApplications(DateTime? knownAt, RecordScope scope, DateTime acceptedFrom)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = ApplicationCounts.Parameters(scope, knownAt, acceptedFrom, t => SqliteText.Instant(t));
        var heads = new ApplicationCounts.Heads(scope, knownAt is not null, UseHeadsTable: true);
        using var conn = OpenReady();
        try
        {
            // One read transaction: the counts and the open applications see the same filings.
            using var tx = conn.BeginTransaction(deferred: true);
            var binds = Binds(p);
            var openRows = new List<long>();
            var (targets, volumes, gaps, before) = ApplicationCounts.Aggregate(
                SqliteRecordReader.Heads(conn, ApplicationCounts.HeadsSql(heads), binds), openRows);
            // The open heads by rowid, in the order of the others' reads (utility, id).
            var open = openRows.Count == 0 ? [] : SqliteRecordReader.Read(conn, "WHERE r.rowid IN (SELECT value FROM json_each(@open))",
                    new Dictionary<string, object> { ["@open"] = "[" + string.Join(",", openRows.Select(r => r.ToString(CultureInfo.InvariantCulture))) + "]" })
                .Select(r => r.Record).ToList();
            tx.Commit();
            return new StoreCounts(targets, volumes, open, gaps, before);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<OutageCellRow>? OutageCells(RecordScope scope, DateTime start, DateTime end, long shortTicks) =>
        OutageQuery(scope, start, end, shortTicks, 0, (conn, p) => OutageCounts.Cells(conn, OutageCounts.Sqlite, scope, p));

    public OutageNoticeCounts? OutageNotices(RecordScope scope, int leadDays) =>
        OutageQuery(scope, scope.Start, scope.End, 0, leadDays, (conn, p) => OutageCounts.Notices(conn, OutageCounts.Sqlite, scope, p));

    private T OutageQuery<T>(RecordScope scope, DateTime start, DateTime end, long shortTicks, int lead, Func<SqliteConnection, DynamicParameters, T> run)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = OutageCounts.Parameters(scope, start, end, shortTicks, lead, t => SqliteText.Instant(t));
        using var conn = OpenReady();
        try
        {
            return run(conn, p);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IEnumerable<OutageStep> Outages(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = StoreReads.ScopeParameters(scope, null, t => SqliteText.Instant(t));
        var binds = Binds(p);
        return Stream(conn => SqliteRecordReader.Outages(conn, StoreReads.OutagesWhere(scope), binds));
    }

    public IEnumerable<OutageStep> OutagesStarting(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var binds = Binds(StoreReads.ScopeParameters(scope, null, t => SqliteText.Instant(t)));
        return Stream(conn => SqliteRecordReader.Outages(conn, StoreReads.OutagesStartingWhere(scope), binds));
    }

    public IEnumerable<CustomersServed> CustomersServed(RecordScope scope) =>
        Stream(conn => StoreReads.CustomersServed(conn, scope, StoreReads.ScopeParameters(scope, null, t => SqliteText.Instant(t))));

    public IEnumerable<CustomersServed> CustomersServed() => Stream(StoreReads.CustomersServed);

    public IEnumerable<ReportNote> Notes() => Stream(StoreReads.Notes);

    public IEnumerable<LedgerNote> LedgerNotes() => Stream(StoreReads.LedgerNotes);

    public IEnumerable<LedgerFiling> LedgerFilings() => Stream(StoreReads.LedgerFilings);

    public DerivationVersion? DerivedUnder()
    {
        using var conn = OpenReady();
        try
        {
            return StoredDerivation.Current(conn, null);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public DerivationReport Derive(IRecordDerivation derivation)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        _derivation = derivation;
        if (DerivedUnder() == derivation.Version) return DerivationReport.UpToDate;
        using var batch = (SqliteFilingBatch)BeginBatch();
        var (conn, tx) = (batch.Connection, batch.Transaction);
        try
        {
            var report = StoredDerivation.Bring(conn, tx, derivation, onlyMissing =>
            {
                // The figures go to a temp table while the revisions are read.
                conn.Execute("""
                    CREATE TEMP TABLE derived (
                        utility TEXT NOT NULL, application_id TEXT NOT NULL, revision INTEGER NOT NULL,
                        d_category INTEGER, d_settled_at TEXT, d_approval_days INTEGER, d_utility_days INTEGER,
                        d_whole_days INTEGER, d_outcomes TEXT, d_calendar_gap INTEGER,
                        PRIMARY KEY (utility, application_id, revision)) WITHOUT ROWID
                    """, transaction: tx);
                long n = 0;
                // Every revision's figures change: the covering index is built again at the batch's commit rather than
                // moved row by row (its second key is d_settled_at).
                if (!onlyMissing) conn.Execute("DROP INDEX IF EXISTS application_revisions_figures", transaction: tx);
                using var insert = new SqliteRowInserter(conn, "derived",
                    "INSERT INTO temp.derived VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
                foreach (var r in SqliteRecordReader.Read(conn, onlyMissing ? StoreReads.UnderivedWhere : "", new Dictionary<string, object>()))
                {
                    insert.Text(1, r.Record.Utility);
                    insert.Text(2, r.Record.ApplicationId);
                    insert.Int(3, r.Revision);
                    insert.Derived(4, derivation.Derive(r.Record));
                    insert.Run();
                    n++;
                }
                return n;
            });
            if (ReferenceEquals(report, DerivationReport.UpToDate)) return report;
            conn.Execute("DROP TABLE temp.derived", transaction: tx);
            batch.Commit();
            return report;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public StoredRiskModel? FindRiskModel(string fingerprint)
    {
        using var conn = OpenReady();
        try
        {
            return RiskModelTable.Find(conn, fingerprint);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    /// <remarks>A short write transaction of its own (<c>BEGIN IMMEDIATE</c>), waiting for a filing at most the busy timeout.</remarks>
    public bool SaveRiskModel(StoredRiskModel model, int keep = RiskModelStore.Keep)
    {
        using var conn = OpenReady();
        try
        {
            using var tx = conn.BeginTransaction(deferred: false);
            var saved = RiskModelTable.Save(conn, tx, model, keep, t => (SqliteText.Instant(t), System.Data.DbType.String));
            tx.Commit();
            return saved;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<string> RiskModelFingerprints()
    {
        using var conn = OpenReady();
        try
        {
            return RiskModelTable.Fingerprints(conn);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

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

    /// <summary>
    /// What the file is to us (<see cref="StoreMarker"/>): empty, ours (with its schema version), or
    /// someone else's (with its tables).
    /// </summary>
    private static (StoreMarker.State State, int Version, IReadOnlyList<string> Tables) Recognise(SqliteConnection conn, SqliteTransaction? tx)
    {
        var tables = conn.Query<string>(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
            transaction: tx).AsList();
        if (tables.Count == 0) return (StoreMarker.State.Empty, 0, tables);
        try
        {
            var ours = tables.Contains(StoreMarker.Table)
                ? conn.ExecuteScalar<string?>($"SELECT value FROM {StoreMarker.Table} WHERE item = 'application_id'", transaction: tx) == StoreMarker.ApplicationId
                : tables.Contains("schema_version")
                  && conn.ExecuteScalar<string?>("SELECT description FROM schema_version WHERE version = 1", transaction: tx) == SqliteSchema.Migrations[0].Description;
            if (ours)
                return (StoreMarker.State.Ours, conn.ExecuteScalar<int?>("SELECT max(version) FROM schema_version", transaction: tx) ?? 0, tables);
        }
        catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) == 1)
        {
            // A table of that name but not our columns (SQLITE_ERROR: no such column): someone else's.
        }
        return (StoreMarker.State.Foreign, 0, tables);
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
            throw new StoreUnavailableException(DomainMessages.StoreNoFolder.With(Description, ex.Message), ex);
        }

        var conn = new SqliteConnection(_connectionString);
        try
        {
            conn.Open();
            // NORMAL is safe in WAL mode: a crash may lose the last commits' durability, never atomicity.
            // journal_size_limit: after a big filing's checkpoint the WAL file shrinks back instead of keeping its size.
            conn.Execute(string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {_busyMilliseconds}; PRAGMA journal_size_limit = 67108864;"));
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
