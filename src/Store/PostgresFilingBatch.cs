using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// Filings into PostgreSQL committed together: one transaction on one connection, holding the schema's
/// filing lock (an advisory lock, waited for at most the lock timeout) from its start to its commit, so
/// that the already-loaded check of <see cref="FindFiling"/> and the filings after it cannot race.
/// </summary>
internal sealed class PostgresFilingBatch : IFilingBatch
{
    private IFilingWriter? _current;
    private bool _abandoned;
    private bool _finished;

    public PostgresFilingBatch(NpgsqlConnection conn, string description, TimeSpan lockTimeout)
    {
        Connection = conn;
        Description = description;
        try
        {
            Transaction = conn.BeginTransaction();
            PostgresStore.LockSchema(conn, Transaction, lockTimeout);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Transaction?.Dispose();
            throw PostgresErrors.Map(ex, description);
        }
    }

    /// <summary>The derivation whose figures every new revision is stored with; null: none (the columns stay NULL).</summary>
    public IRecordDerivation? Derivation { get; init; }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }
    public string Description { get; }

    public Filing? FindFiling(FilingKind kind, string sha256)
    {
        ThrowIfFinished();
        try
        {
            return Connection.QueryFirstOrDefault<Filing>(
                $"SELECT {StoreColumns.FilingSelect} FROM filings WHERE kind = @kind AND sha256 = @sha256 ORDER BY id LIMIT 1",
                new { kind = (short)kind, sha256 }, Transaction);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
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
        var writer = new PostgresFilingWriter(this, ownsBatch, kind, fileName, sha256, asOf, loadedAt, distinctKeys);
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
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public void Commit()
    {
        ThrowIfFinished();
        if (_abandoned) throw new InvalidOperationException("A filing of this batch was abandoned; nothing of the batch can be committed.");
        if (_current is not null) throw new InvalidOperationException("A filing of this batch is still open.");
        try
        {
            Transaction.Commit();
            _finished = true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
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
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                // A lost connection rolls back by itself.
            }
        }
        Transaction.Dispose();
        Connection.Dispose();
    }

    private void ThrowIfFinished() => ObjectDisposedException.ThrowIf(_finished, this);
}
