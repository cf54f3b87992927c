using System.Data;
using System.Globalization;
using Analytics.Domain.Messages;
using Analytics.Domain.Storage;
using Analytics.Domain;
using Dapper;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// The PostgreSQL store: one <see cref="NpgsqlDataSource"/> (one pool) for the store's lifetime.
/// Filings stream in by binary COPY into a temporary staging table and are merged set-based in the
/// same transaction (templates.md §1, Atomic); filings of one schema are serialized by an advisory
/// lock, so revision numbers never race; a writer waits for that lock at most the busy timeout
/// (<c>lock_timeout</c>), then fails with <see cref="StoreBusyException"/>. Errors come out as
/// <see cref="StoreUnavailableException"/> (or its <see cref="StoreBusyException"/>) or
/// <see cref="StoreDataException"/> with a one-line message that never shows the password. The store
/// lives in the first schema of the search path; a schema that holds other tables and not our marker
/// (<see cref="StoreMarker"/>) is refused before anything is written to it.
/// </summary>
public sealed partial class PostgresStore : IAnalyticsStore, IAccountStore, IOversightStore, IRiskModelStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _lockTimeout;
    private volatile bool _schemaReady;
    private volatile IRecordDerivation? _derivation;

    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</param>
    /// <param name="busyTimeout">How long a write waits for another writer's lock; default <see cref="StoreFactory.BusyTimeout"/>.</param>
    /// <exception cref="StoreUnavailableException">The string cannot be parsed.</exception>
    public PostgresStore(string connectionString, TimeSpan? busyTimeout = null)
    {
        _lockTimeout = busyTimeout ?? StoreFactory.BusyTimeout;
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message names the keyword, never a value: no password can leak through it.
            throw new StoreUnavailableException(DomainMessages.StoreBadConnectionString.With(ex.Message), ex);
        }
        var csb = builder.ConnectionStringBuilder;
        csb.ApplicationName ??= "analytics";
        // COPY streams a filing in one direction: bigger writes mean fewer system calls and wake-ups of
        // the server (the default 8 KB buffer cost a fifth of the client's CPU on a million-row load).
        if (csb.WriteBufferSize == DefaultWriteBufferSize) csb.WriteBufferSize = 1 << 20;
        // Npgsql cancels a command after 30 s by default: a million-row COPY or a year's scope on a big store takes
        // longer, and was cancelled and reported as a connection failure (exit 3). No client-side limit unless the
        // connection string sets one; the server's statement_timeout still applies.
        if (csb.CommandTimeout == DefaultCommandTimeout) csb.CommandTimeout = 0;
        CommandTimeoutSeconds = csb.CommandTimeout;
        Description = Describe(csb);
        _dataSource = builder.Build();
    }

    public string Description { get; }

    private static readonly int DefaultWriteBufferSize = new NpgsqlConnectionStringBuilder().WriteBufferSize;
    private static readonly int DefaultCommandTimeout = new NpgsqlConnectionStringBuilder().CommandTimeout;

    /// <summary>The client-side command timeout in seconds (0: none), for tests.</summary>
    internal int CommandTimeoutSeconds { get; }

    /// <summary>The highest schema version this program knows.</summary>
    public static int SchemaVersion => PostgresSchema.Migrations[^1].Version;

    public void EnsureSchema()
    {
        try
        {
            using var conn = Open();
            var (state, version, tables) = Recognise(conn, null);
            if (state == StoreMarker.State.Foreign) throw StoreMarker.Foreign(Description, tables);
            if (version == SchemaVersion)
            {
                _schemaReady = true;
                return;
            }
            using var tx = conn.BeginTransaction();
            LockSchema(conn, tx, _lockTimeout);
            // Again under the lock: another process may have created or migrated it meanwhile.
            (state, version, tables) = Recognise(conn, tx);
            if (state == StoreMarker.State.Foreign) throw StoreMarker.Foreign(Description, tables);
            conn.Execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at  timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
                )
                """, transaction: tx);
            var current = version;
            if (current > SchemaVersion)
                throw new StoreUnavailableException(DomainMessages.StoreSchemaNewer.With(Description, current, SchemaVersion));
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

    public IFilingBatch BeginBatch()
    {
        var conn = OpenReady();
        try
        {
            return new PostgresFilingBatch(conn, Description, _lockTimeout) { Derivation = _derivation };
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    public string? CustomerKeyFingerprint()
    {
        try
        {
            using var conn = OpenReady();
            return conn.ExecuteScalar<string?>(
                $"SELECT value FROM {StoreMarker.Table} WHERE item = @item", new { item = StoreMarker.CustomerKeyFingerprint });
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public bool HoldsCustomerKeys()
    {
        try
        {
            using var conn = OpenReady();
            return conn.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM application_revisions WHERE customer_key IS NOT NULL)");
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
        var batch = (PostgresFilingBatch)BeginBatch();
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

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt, RecordScope scope) =>
        Stream(conn => StoreReads.ApplicationRevisions(conn, scope, ScopeParameters(scope, knownAt), known: knownAt is not null));

    public IEnumerable<ApplicationRevision> WithdrawnRevisions(DateTime? knownAt, RecordScope scope) =>
        Stream(conn => StoreReads.ApplicationRevisions(conn, scope, ScopeParameters(scope, knownAt), known: knownAt is not null, withdrawnOnly: true));

    public StoreCounts? CountApplications(DateTime? knownAt, RecordScope scope, DateTime acceptedFrom)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = ApplicationCounts.Parameters(scope, knownAt, acceptedFrom, t => StoreTime.Normalize(t));
        var heads = new ApplicationCounts.Heads(scope, knownAt is not null, UseHeadsTable: false);
        try
        {
            using var conn = OpenReady();
            // One snapshot: the counts and the open applications see the same filings.
            using var tx = conn.BeginTransaction(IsolationLevel.RepeatableRead);
            var (targets, volumes, gaps, before) = ApplicationCounts.Count(conn, tx, heads, p);
            var open = conn.Query<Application>(ApplicationCounts.OpenSql(heads), p, tx).AsList();
            tx.Commit();
            return new StoreCounts(targets, volumes, open, gaps, before);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<OutageCellRow>? OutageCells(RecordScope scope, DateTime start, DateTime end, long shortTicks) =>
        OutageQuery(scope, start, end, shortTicks, 0, (conn, p) => OutageCounts.Cells(conn, OutageCounts.Postgres, scope, p));

    public OutageNoticeCounts? OutageNotices(RecordScope scope, int leadDays) =>
        OutageQuery(scope, scope.Start, scope.End, 0, leadDays, (conn, p) => OutageCounts.Notices(conn, OutageCounts.Postgres, scope, p));

    private T OutageQuery<T>(RecordScope scope, DateTime start, DateTime end, long shortTicks, int lead, Func<NpgsqlConnection, DynamicParameters, T> run)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var p = OutageCounts.Parameters(scope, start, end, shortTicks, lead, t => StoreTime.Normalize(t));
        try
        {
            using var conn = OpenReady();
            return run(conn, p);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IEnumerable<OutageStep> Outages(RecordScope scope) =>
        Stream(conn => StoreReads.Outages(conn, scope, ScopeParameters(scope, null)));

    public IEnumerable<OutageStep> OutagesStarting(RecordScope scope) =>
        Stream(conn => StoreReads.Outages(conn, StoreReads.OutagesStartingWhere(scope), ScopeParameters(scope, null)));

    public IEnumerable<CustomersServed> CustomersServed(RecordScope scope) =>
        Stream(conn => StoreReads.CustomersServed(conn, scope, ScopeParameters(scope, null)));

    private static DynamicParameters ScopeParameters(RecordScope scope, DateTime? knownAt)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return StoreReads.ScopeParameters(scope, knownAt, t => StoreTime.Normalize(t));
    }

    public IEnumerable<CustomersServed> CustomersServed() => Stream(StoreReads.CustomersServed);

    public IEnumerable<ReportNote> Notes() => Stream(StoreReads.Notes);

    public IEnumerable<LedgerNote> LedgerNotes() => Stream(StoreReads.LedgerNotes);

    public IEnumerable<LedgerFiling> LedgerFilings() => Stream(StoreReads.LedgerFilings);

    public DerivationVersion? DerivedUnder()
    {
        try
        {
            using var conn = OpenReady();
            return StoredDerivation.Current(conn, null);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public DerivationReport Derive(IRecordDerivation derivation)
    {
        ArgumentNullException.ThrowIfNull(derivation);
        _derivation = derivation;
        if (DerivedUnder() == derivation.Version) return DerivationReport.UpToDate;
        using var batch = (PostgresFilingBatch)BeginBatch();
        var (conn, tx) = (batch.Connection, batch.Transaction);
        try
        {
            var report = StoredDerivation.Bring(conn, tx, derivation, onlyMissing =>
            {
                // The revisions are read on a second connection (no writer can change them while the batch holds the lock)
                // and their figures copied into a temp table.
                conn.Execute("""
                    CREATE TEMP TABLE derived (
                        utility text COLLATE "C" NOT NULL, application_id text COLLATE "C" NOT NULL, revision integer NOT NULL,
                        d_category smallint, d_settled_at timestamp, d_approval_days integer, d_utility_days integer,
                        d_whole_days integer, d_outcomes text COLLATE "C", d_calendar_gap smallint) ON COMMIT DROP
                    """, transaction: tx);
                long n = 0;
                using var read = OpenReady();
                using var copy = new PostgresCopyWriter(conn,
                    $"COPY derived (utility, application_id, revision, {string.Join(", ", StoreColumns.Derived)}) FROM STDIN (FORMAT BINARY)");
                foreach (var r in StoreReads.ApplicationRevisions(read, onlyMissing ? StoreReads.UnderivedWhere : "", null))
                {
                    copy.StartRow();
                    copy.Text(r.Record.Utility);
                    copy.Text(r.Record.ApplicationId);
                    copy.Int32(r.Revision);
                    copy.Derived(derivation.Derive(r.Record));
                    n++;
                }
                copy.Complete();
                return n;
            });
            if (ReferenceEquals(report, DerivationReport.UpToDate)) return report;
            batch.Commit();
            return report;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public StoredRiskModel? FindRiskModel(string fingerprint)
    {
        try
        {
            using var conn = OpenReady();
            return RiskModelTable.Find(conn, fingerprint);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    /// <remarks>
    /// A short transaction of its own, without the filing lock: the unique fingerprint makes a concurrent save of the
    /// same model one row, and a row lock waits at most the busy timeout.
    /// </remarks>
    public bool SaveRiskModel(StoredRiskModel model, int keep = RiskModelStore.Keep)
    {
        try
        {
            using var conn = OpenReady();
            using var tx = conn.BeginTransaction();
            var ms = (long)Math.Clamp(_lockTimeout.TotalMilliseconds, 1, int.MaxValue);
            conn.Execute(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = {ms}"), transaction: tx);
            var saved = RiskModelTable.Save(conn, tx, model, keep, t => (StoreTime.Normalize(t), DbType.DateTime2));
            tx.Commit();
            return saved;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<string> RiskModelFingerprints()
    {
        try
        {
            using var conn = OpenReady();
            return RiskModelTable.Fingerprints(conn);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>Instants are <c>timestamp without time zone</c>: DbType.DateTime2, never timestamptz.</summary>
    internal static DynamicParameters? KnownAt(DateTime? knownAt)
    {
        if (knownAt is not { } k) return null;
        var p = new DynamicParameters();
        p.Add("knownAt", StoreTime.Normalize(k), DbType.DateTime2);
        return p;
    }

    /// <summary>
    /// Serializes schema changes and filings per schema (the tables live in the first schema of the search
    /// path). The wait for the lock, and for every lock the transaction takes after it, is bounded by
    /// <paramref name="lockTimeout"/> (SQLSTATE 55P03 after it, mapped to <see cref="StoreBusyException"/>).
    /// </summary>
    internal static void LockSchema(NpgsqlConnection conn, NpgsqlTransaction tx, TimeSpan lockTimeout)
    {
        // lock_timeout 0 would mean "wait for ever": the shortest bound is a millisecond.
        var ms = (long)Math.Clamp(lockTimeout.TotalMilliseconds, 1, int.MaxValue);
        conn.Execute(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = {ms}"), transaction: tx);
        conn.Execute("SELECT pg_advisory_xact_lock(72610, hashtext(coalesce(current_schema(), '')))", transaction: tx);
    }

    /// <summary>
    /// What the first schema of the search path is to us (<see cref="StoreMarker"/>): empty, ours (with
    /// its schema version), or someone else's (with its tables).
    /// </summary>
    private static (StoreMarker.State State, int Version, IReadOnlyList<string> Tables) Recognise(NpgsqlConnection conn, NpgsqlTransaction? tx)
    {
        var schema = conn.ExecuteScalar<string?>("SELECT current_schema()", transaction: tx)
            ?? throw new PostgresException("no schema has been selected to create in", "ERROR", "ERROR", PostgresErrorCodes.InvalidSchemaName);
        var tables = conn.Query<string>("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            ORDER BY c.relname
            """, new { schema }, tx).AsList();
        if (tables.Count == 0) return (StoreMarker.State.Empty, 0, tables);
        // Read in a savepoint: a table of our name but other columns must not abort the caller's transaction.
        tx?.Save("recognise");
        try
        {
            var ours = tables.Contains(StoreMarker.Table)
                ? conn.ExecuteScalar<string?>($"SELECT value::text FROM {StoreMarker.Table} WHERE item::text = 'application_id'", transaction: tx) == StoreMarker.ApplicationId
                : tables.Contains("schema_version")
                  && conn.ExecuteScalar<string?>("SELECT description::text FROM schema_version WHERE version = 1", transaction: tx) == PostgresSchema.Migrations[0].Description;
            var version = ours ? conn.ExecuteScalar<int?>("SELECT max(version) FROM schema_version", transaction: tx) ?? 0 : 0;
            tx?.Release("recognise");
            if (ours) return (StoreMarker.State.Ours, version, tables);
        }
        catch (PostgresException ex) when (ex.SqlState.StartsWith("42", StringComparison.Ordinal) || ex.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // Undefined column, wrong type…: someone else's table of that name.
            tx?.Rollback("recognise");
        }
        return (StoreMarker.State.Foreign, 0, tables);
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
