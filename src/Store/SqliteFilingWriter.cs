using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// One filing into the embedded store, inside one <c>BEGIN IMMEDIATE</c> transaction. Rows go into
/// temporary staging tables (one per kind, keyed, so the last row of a key in the file wins) through
/// one prepared statement each; <see cref="Commit"/> merges set-based and commits. SQLite pages the
/// staging tables to a temp file, so memory stays flat however long the file is. An applications filing
/// with distinct keys into a store without applications (the first, usually largest load) skips the
/// staging: its rows are all revision 1, so they go straight into <c>application_revisions</c> while the
/// file is still being read, and the commit only builds their heads. The transaction is the
/// <see cref="SqliteFilingBatch"/>'s: a filing of its own (<see cref="SqliteStore.BeginFiling"/>) owns
/// its batch and commits it; in a larger batch, <see cref="Commit"/> only records the filing in it.
/// </summary>
internal sealed class SqliteFilingWriter : IFilingWriter
{
    private readonly SqliteFilingBatch _batch;
    private readonly bool _ownsBatch;
    private readonly SqliteConnection _conn;
    private readonly SqliteTransaction _tx;
    private readonly string _description;
    private readonly Filing _filing;
    private SqliteRowInserter? _applications, _outages, _customers, _notes, _ledgerNotes;
    private readonly bool _direct;
    private long _directRows;
    private bool _finished;

    public SqliteFilingWriter(SqliteFilingBatch batch, bool ownsBatch, FilingKind kind, string fileName,
        string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys)
    {
        _batch = batch;
        _ownsBatch = ownsBatch;
        _conn = batch.Connection;
        _tx = batch.Transaction;
        _description = batch.Description;
        var conn = _conn;
        try
        {
            var id = conn.ExecuteScalar<long>("""
                INSERT INTO filings (kind, file_name, sha256, as_of, loaded_at, rows_read, rows_changed, rows_unchanged, rows_rejected)
                VALUES (@kind, @fileName, @sha256, @asOf, @loadedAt, 0, 0, 0, 0)
                RETURNING id
                """,
                new { kind = (int)kind, fileName, sha256, asOf = SqliteText.Instant(asOf), loadedAt = SqliteText.Instant(loadedAt) },
                _tx);
            _filing = new Filing { Id = id, Kind = kind, FileName = fileName, Sha256 = sha256, AsOf = StoreTime.Normalize(asOf), LoadedAt = StoreTime.Normalize(loadedAt) };
            // BEGIN IMMEDIATE holds the write lock: no other filing can add applications before this one commits.
            _direct = distinctKeys && kind == FilingKind.Applications
                && conn.ExecuteScalar<long>("SELECT NOT EXISTS (SELECT 1 FROM application_revisions)", transaction: _tx) == 1;
        }
        catch (SqliteException ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new DuplicateFilingException($"{_description}: 此文件（SHA-256 {sha256}）已作为同类申报载入过", ex);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    /// <summary>
    /// Parameters of an application row: 1–2 the key, 3 the content hash, then <see cref="StoreColumns.ApplicationData"/>;
    /// a direct filing's id and as-of follow them.
    /// </summary>
    private static readonly int DirectFilingParameter = 4 + StoreColumns.StoredData.Length;

    /// <summary>The parameter of the first derived column (<see cref="StoreColumns.Derived"/>).</summary>
    private static readonly int FirstDerivedParameter = 4 + StoreColumns.ApplicationData.Length;

    public void Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        StoredText.Check(a);
        var s = _applications ??= _direct ? Direct() : Stage("stage_applications", ["utility", "application_id"],
            [.. StoreColumns.StoredData]);
        if (_direct)
        {
            s.Int(DirectFilingParameter, _filing.Id);
            s.Instant(DirectFilingParameter + 1, _filing.AsOf);
            _directRows++;
        }
        s.Text(1, a.Utility);
        s.Text(2, a.ApplicationId);
        s.Blob(3, ContentHash.Of(a));
        s.Text(4, a.County);
        s.Int(5, (int)a.Area);
        s.Int(6, (int)a.CustomerType);
        s.Int(7, (int)a.Voltage);
        s.Int(8, a.PowerSources);
        s.Decimal(9, a.CapacityKw);
        s.Bool(10, a.ThreeZero);
        s.Bool(11, a.SmallMicro);
        s.Bool(12, a.ImportantUser);
        s.Int(13, (int)a.Channel);
        s.Bool(14, a.EContract);
        s.Int(15, (int?)a.Materials);
        s.Decimal(16, a.FeeYuan);
        s.Decimal(17, a.CustomerInvestmentYuan);
        s.Int(18, (int)a.Status);
        s.Instant(19, a.RecordCreatedAt);
        s.Instant(20, a.AcceptedAt);
        s.Instant(21, a.PlanRepliedAt);
        s.Instant(22, a.DesignReviewStart);
        s.Instant(23, a.DesignReviewEnd);
        s.Instant(24, a.CustomerWorksStart);
        s.Instant(25, a.CustomerWorksEnd);
        s.Instant(26, a.MidCheckStart);
        s.Instant(27, a.MidCheckEnd);
        s.Instant(28, a.ExternalWorksStart);
        s.Instant(29, a.ExternalWorksEnd);
        s.Instant(30, a.ApprovalSubmittedAt);
        s.Instant(31, a.ApprovalGrantedAt);
        s.Int(32, (int?)a.ApprovalMode);
        s.Instant(33, a.CompletionCheckStart);
        s.Instant(34, a.CompletionCheckEnd);
        s.Instant(35, a.ConnectedAt);
        s.Int(36, a.PausedDays);
        s.Instant(37, a.WithdrawnAt);
        s.Text(38, a.PreviousApplicationId);
        s.Text(39, a.CustomerKey);
        s.Text(40, a.CustomerMask);
        if (_batch.Derivation is { } derivation) s.Derived(FirstDerivedParameter, derivation.Derive(a));
        Run(s);
    }

    public void Add(OutageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var o = step;
        StoredText.Check(o);
        var t = KeyedTable.Outages;
        var s = _outages ??= Stage(t.Stage, t.Keys, t.Data);
        s.Text(1, o.Utility);
        s.Text(2, o.OutageId);
        s.Int(3, o.Step);
        s.Blob(4, ContentHash.Of(o));
        s.Text(5, o.County);
        s.Int(6, (int)o.Area);
        s.Text(7, o.Feeder);
        s.Int(8, (int)o.Kind);
        s.Int(9, (int)o.Cause);
        s.Instant(10, o.StartAt);
        s.Instant(11, o.EndAt);
        s.Int(12, o.Customers);
        s.Instant(13, o.NotifiedAt);
        s.Int(14, (int)o.NotifyChannels);
        Run(s);
    }

    public void Add(CustomersServed snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot;
        StoredText.Check(c);
        var t = KeyedTable.Customers;
        var s = _customers ??= Stage(t.Stage, t.Keys, t.Data);
        s.Text(1, c.Utility);
        s.Text(2, c.County);
        s.Int(3, (int)c.Area);
        s.Int(4, c.Year);
        s.Int(5, c.Month ?? 0);
        s.Blob(6, ContentHash.Of(c));
        s.Int(7, c.Customers);
        Run(s);
    }

    public void Add(ReportNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        StoredText.Check(note);
        var t = KeyedTable.Notes;
        var s = _notes ??= Stage(t.Stage, t.Keys, t.Data);
        s.Text(1, note.Utility);
        s.Int(2, note.Half.Year);
        s.Int(3, note.Half.Half);
        s.Int(4, (int)note.Section);
        s.Blob(5, ContentHash.Of(note));
        s.Text(6, note.Text);
        Run(s);
    }

    public void Add(LedgerNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        StoredText.Check(note);
        var t = KeyedTable.LedgerNotes;
        var s = _ledgerNotes ??= Stage(t.Stage, t.Keys, t.Data);
        s.Text(1, note.County);
        s.Date(2, note.Thursday);
        s.Text(3, note.Task);
        s.Blob(4, ContentHash.Of(note));
        s.Text(5, note.Text);
        s.Text(6, note.Status);
        Run(s);
    }

    public Filing Commit(int rowsRead, int rowsRejected)
    {
        ThrowIfFinished();
        try
        {
            var (changed, unchanged) = (0L, 0L);
            if (_applications is not null) Tally(MergeApplications(), ref changed, ref unchanged);
            if (_outages is not null) Tally(MergeOutages(), ref changed, ref unchanged);
            if (_customers is not null) Tally(MergeKeyed(KeyedTable.Customers), ref changed, ref unchanged);
            if (_notes is not null) Tally(MergeKeyed(KeyedTable.Notes), ref changed, ref unchanged);
            if (_ledgerNotes is not null) Tally(MergeKeyed(KeyedTable.LedgerNotes), ref changed, ref unchanged);

            var filing = _filing with
            {
                RowsRead = rowsRead,
                RowsChanged = checked((int)changed),
                RowsUnchanged = checked((int)unchanged),
                RowsRejected = rowsRejected,
            };
            _conn.Execute("""
                UPDATE filings SET rows_read = @RowsRead, rows_changed = @RowsChanged,
                                   rows_unchanged = @RowsUnchanged, rows_rejected = @RowsRejected
                WHERE id = @Id
                """, filing, _tx);
            DropStages();
            _finished = true;
            _batch.Ended(this, committed: true);
            if (_ownsBatch) _batch.Commit();
            return filing;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    /// <summary>
    /// Without <see cref="Commit"/>, rolls everything back (its own batch) or abandons the batch it is
    /// part of (which then cannot commit): nothing of the filing becomes visible.
    /// </summary>
    public void Dispose()
    {
        foreach (var s in Stages()) s.Dispose();
        if (!_finished)
        {
            _finished = true;
            _batch.Ended(this, committed: false);
        }
        if (_ownsBatch) _batch.Dispose();
    }

    /// <summary>
    /// New keys become revision 1, rows whose content hash differs from the key's latest revision become
    /// revision n+1 (earlier revisions stay), identical rows change nothing.
    /// </summary>
    private (long Changed, long Unchanged) MergeApplications()
    {
        if (_direct)
        {
            // Every row is a first revision, already in place: only its head is missing.
            _conn.Execute("""
                INSERT INTO application_heads (utility, application_id, revision, content_hash)
                SELECT utility, application_id, revision, content_hash FROM application_revisions WHERE filing_id = @filing
                """, new { filing = _filing.Id }, _tx);
            return (_directRows, 0);
        }
        var staged = Staged("stage_applications");
        var data = StoreColumns.StoredData;
        // The heads the new revisions supersede are heads no more (a new revision is written as its key's head, is_head's default).
        _conn.Execute("""
            UPDATE application_revisions SET is_head = 0
            WHERE rowid IN (SELECT r.rowid FROM stage_applications s
                            JOIN application_heads h ON h.utility = s.utility AND h.application_id = s.application_id
                            JOIN application_revisions r ON r.utility = h.utility AND r.application_id = h.application_id AND r.revision = h.revision
                            WHERE h.content_hash IS NOT s.content_hash)
            """, transaction: _tx);
        var changed = _conn.Execute($"""
            INSERT INTO application_revisions
                (utility, application_id, revision, filing_id, filing_as_of, content_hash, {string.Join(", ", data)})
            SELECT s.utility, s.application_id, COALESCE(h.revision, 0) + 1, @filing, @asOf, s.content_hash,
                   {StoreColumns.Prefixed("s", data)}
            FROM stage_applications s
            LEFT JOIN application_heads h ON h.utility = s.utility AND h.application_id = s.application_id
            WHERE h.content_hash IS NOT s.content_hash
            """, new { filing = _filing.Id, asOf = SqliteText.Instant(_filing.AsOf) }, _tx);
        _conn.Execute("""
            INSERT INTO application_heads (utility, application_id, revision, content_hash)
            SELECT utility, application_id, revision, content_hash FROM application_revisions WHERE filing_id = @filing
            ON CONFLICT (utility, application_id) DO UPDATE SET revision = excluded.revision, content_hash = excluded.content_hash
            """, new { filing = _filing.Id }, _tx);
        return (changed, staged - changed);
    }

    /// <summary>A filed outage replaces every stored step of that outage, unless it is filed exactly as stored.</summary>
    private (long Changed, long Unchanged) MergeOutages()
    {
        var t = KeyedTable.Outages;
        var staged = Staged(t.Stage);
        _conn.Execute(t.CollectChangedOutages, transaction: _tx);
        // Without an index every EXISTS below scans changed_outages: quadratic in the outages filed.
        _conn.Execute("CREATE INDEX temp.changed_outages_key ON changed_outages (utility, outage_id)", transaction: _tx);
        _conn.Execute(t.DeleteChangedOutages, transaction: _tx);
        var changed = _conn.Execute(t.InsertChangedOutages, new { filing = _filing.Id }, _tx);
        _conn.Execute("DROP TABLE temp.changed_outages", transaction: _tx);
        return (changed, staged - changed);
    }

    /// <summary>Replace by key: a stored row with other content goes, new and changed rows come in.</summary>
    private (long Changed, long Unchanged) MergeKeyed(KeyedTable t)
    {
        var staged = Staged(t.Stage);
        _conn.Execute(t.DeleteChanged, transaction: _tx);
        var changed = _conn.Execute(t.InsertNew, new { filing = _filing.Id }, _tx);
        return (changed, staged - changed);
    }

    private long Staged(string stage) => _conn.ExecuteScalar<long>($"SELECT count(*) FROM temp.{stage}", transaction: _tx);

    private static void Tally((long Changed, long Unchanged) r, ref long changed, ref long unchanged)
    {
        changed += r.Changed;
        unchanged += r.Unchanged;
    }

    private void DropStages()
    {
        foreach (var s in Stages())
        {
            s.Dispose();
            if (s.Table.StartsWith("stage_", StringComparison.Ordinal))
                _conn.Execute($"DROP TABLE temp.{s.Table}", transaction: _tx);
        }
    }

    private IEnumerable<SqliteRowInserter> Stages() =>
        new[] { _applications, _outages, _customers, _notes, _ledgerNotes }.OfType<SqliteRowInserter>();

    /// <summary>The prepared insert of a direct filing: the staged columns' numbering, then filing id (?41) and as-of (?42).</summary>
    private SqliteRowInserter Direct()
    {
        ThrowIfFinished();
        var data = StoreColumns.StoredData;
        try
        {
            return new SqliteRowInserter(_conn, "application_revisions", $"""
                INSERT INTO application_revisions
                    (utility, application_id, revision, filing_id, filing_as_of, content_hash, {string.Join(", ", data)})
                VALUES (?1, ?2, 1, ?{DirectFilingParameter}, ?{DirectFilingParameter + 1}, ?3, {string.Join(", ", data.Select((_, i) => "?" + (i + 4).ToString(CultureInfo.InvariantCulture)))})
                """);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    /// <summary>Creates a keyed temp staging table and its prepared <c>INSERT OR REPLACE</c> (the last row of a key wins).</summary>
    private SqliteRowInserter Stage(string table, string[] keys, string[] data)
    {
        ThrowIfFinished();
        var columns = keys.Append("content_hash").Concat(data).ToArray();
        try
        {
            // Untyped data columns keep each value as bound; the merge copies them into the typed tables.
            _conn.Execute($"""
                CREATE TEMP TABLE {table} (
                    {string.Join(", ", keys.Select(k => k + " NOT NULL"))}, content_hash BLOB NOT NULL, {string.Join(", ", data)},
                    PRIMARY KEY ({string.Join(", ", keys)})
                ) WITHOUT ROWID
                """, transaction: _tx);
            return new SqliteRowInserter(_conn, table,
                $"INSERT OR REPLACE INTO temp.{table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture)))})");
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    private void Run(SqliteRowInserter s)
    {
        ThrowIfFinished();
        try
        {
            s.Run();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    private void ThrowIfFinished() =>
        ObjectDisposedException.ThrowIf(_finished, this);
}
