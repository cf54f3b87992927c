using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Filings of the embedded store committed together: one <c>BEGIN IMMEDIATE</c> transaction (SQLite's
/// single write lock, taken at once, waited for at most the busy timeout) on one connection, which every
/// writer of the batch uses in turn.
/// </summary>
internal sealed class SqliteFilingBatch : IFilingBatch
{
    // Bounded page caches: big enough that a million-row merge does not thrash, small enough to stay flat.
    private const string CachePragmas = "PRAGMA main.cache_size = -32768; PRAGMA temp.cache_size = -32768;";

    private IFilingWriter? _current;
    private bool _abandoned;
    private bool _finished;

    public SqliteFilingBatch(SqliteConnection conn, string description)
    {
        Connection = conn;
        Description = description;
        try
        {
            conn.Execute(CachePragmas);
            Transaction = conn.BeginTransaction(deferred: false);
            // A first load into an empty table builds its covering index once at commit rather than row by row (measured
            // at 1M applications: 28 s with the index kept, 19 s without it, plus ~4 s to build it); both are undone with
            // the transaction when the batch does not commit.
            if (Empty(conn, "application_revisions")) conn.Execute("DROP INDEX IF EXISTS application_revisions_figures", transaction: Transaction);
            if (Empty(conn, "outage_steps")) conn.Execute("DROP INDEX IF EXISTS outage_steps_sums", transaction: Transaction);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, description);
        }
    }

    /// <summary>The derivation whose figures every new revision is stored with; null: none (the columns stay NULL).</summary>
    public IRecordDerivation? Derivation { get; init; }

    public SqliteConnection Connection { get; }
    public SqliteTransaction Transaction { get; }
    public string Description { get; }

    public Filing? FindFiling(FilingKind kind, string sha256)
    {
        ThrowIfFinished();
        try
        {
            return Connection.QueryFirstOrDefault<Filing>(
                $"SELECT {StoreColumns.FilingSelect} FROM filings WHERE kind = @kind AND sha256 = @sha256 ORDER BY id LIMIT 1",
                new { kind = (int)kind, sha256 }, Transaction);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) =>
        Begin(kind, fileName, sha256, asOf, loadedAt, distinctKeys, ownsBatch: false);

    /// <summary>A writer of this batch; with <paramref name="ownsBatch"/>, its commit commits the batch and its disposal disposes it.</summary>
    public IFilingWriter Begin(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys, bool ownsBatch)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(sha256);
        ThrowIfFinished();
        if (_abandoned) throw new InvalidOperationException("A filing of this batch was abandoned; the batch can only be disposed.");
        if (_current is not null) throw new InvalidOperationException("The previous filing of this batch is still open.");
        var writer = new SqliteFilingWriter(this, ownsBatch, kind, fileName, sha256, asOf, loadedAt, distinctKeys);
        _current = writer;
        return writer;
    }

    public void RecordCustomerKeyFingerprint(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        ThrowIfFinished();
        try
        {
            var recorded = Connection.ExecuteScalar<string?>(
                $"SELECT value FROM {StoreMarker.Table} WHERE item = @item", new { item = StoreMarker.CustomerKeyFingerprint }, Transaction);
            if (recorded is null)
                Connection.Execute($"INSERT INTO {StoreMarker.Table} (item, value) VALUES (@item, @fingerprint)",
                    new { item = StoreMarker.CustomerKeyFingerprint, fingerprint }, Transaction);
            else if (recorded != fingerprint)
                throw StoreMarker.Mismatch(Description, recorded);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public void Commit()
    {
        ThrowIfFinished();
        if (_abandoned) throw new InvalidOperationException("A filing of this batch was abandoned; nothing of the batch can be committed.");
        if (_current is not null) throw new InvalidOperationException("A filing of this batch is still open.");
        try
        {
            Connection.Execute(SqliteSchema.ApplicationFiguresIndex + SqliteSchema.OutageFiguresIndex, transaction: Transaction, commandTimeout: 0);
            Transaction.Commit();
            _finished = true;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    /// <summary>The writer's end: committed into the batch, or abandoned (then the batch cannot commit).</summary>
    internal void Ended(IFilingWriter writer, bool committed)
    {
        if (!ReferenceEquals(writer, _current)) return;
        _current = null;
        if (!committed) _abandoned = true;
    }

    /// <summary>Without <see cref="Commit"/>, rolls everything back: nothing of any filing of the batch is visible.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            try
            {
                Transaction.Rollback();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // The connection is gone or already rolled back; closing it discards the transaction anyway.
            }
        }
        Transaction.Dispose();
        Connection.Dispose();
    }

    private bool Empty(SqliteConnection conn, string table) =>
        conn.ExecuteScalar<long>($"SELECT NOT EXISTS (SELECT 1 FROM {table})", transaction: Transaction) == 1;

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);
}
