using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// One filing into the embedded store, inside one <c>BEGIN IMMEDIATE</c> transaction. Rows go into
/// temporary staging tables (one per kind, keyed, so the last row of a key in the file wins) through
/// one prepared statement each; <see cref="Commit"/> merges set-based and commits. SQLite pages the
/// staging tables to a temp file, so memory stays flat however long the file is.
/// </summary>
internal sealed class SqliteFilingWriter : IFilingWriter
{
    // Bounded page caches: big enough that a million-row merge does not thrash, small enough to stay flat.
    private const string CachePragmas = "PRAGMA main.cache_size = -32768; PRAGMA temp.cache_size = -32768;";

    private readonly SqliteConnection _conn;
    private readonly SqliteTransaction _tx;
    private readonly string _description;
    private readonly Filing _filing;
    private StagedInsert? _applications, _outages, _customers, _notes, _ledgerNotes;
    private bool _finished;

    public SqliteFilingWriter(SqliteConnection conn, string description, FilingKind kind, string fileName,
        string sha256, DateTime asOf, DateTime loadedAt)
    {
        _conn = conn;
        _description = description;
        try
        {
            conn.Execute(CachePragmas);
            _tx = conn.BeginTransaction(deferred: false);
            var id = conn.ExecuteScalar<long>("""
                INSERT INTO filings (kind, file_name, sha256, as_of, loaded_at, rows_read, rows_changed, rows_unchanged, rows_rejected)
                VALUES (@kind, @fileName, @sha256, @asOf, @loadedAt, 0, 0, 0, 0)
                RETURNING id
                """,
                new { kind = (int)kind, fileName, sha256, asOf = SqliteText.Instant(asOf), loadedAt = SqliteText.Instant(loadedAt) },
                _tx);
            _filing = new Filing { Id = id, Kind = kind, FileName = fileName, Sha256 = sha256, AsOf = StoreTime.Normalize(asOf), LoadedAt = StoreTime.Normalize(loadedAt) };
        }
        catch (SqliteException ex)
        {
            _tx?.Dispose();
            throw SqliteErrors.Map(ex, description);
        }
    }

    public void Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        var s = _applications ??= Stage("stage_applications", ["utility", "application_id"],
            [.. StoreColumns.ApplicationData]);
        var p = s.Values;
        p[0].Value = a.Utility;
        p[1].Value = a.ApplicationId;
        p[2].Value = ContentHash.Of(a);
        p[3].Value = a.County;
        p[4].Value = (int)a.Area;
        p[5].Value = (int)a.CustomerType;
        p[6].Value = (int)a.Voltage;
        p[7].Value = a.PowerSources;
        p[8].Value = SqliteText.Decimal(a.CapacityKw);
        p[9].Value = a.ThreeZero;
        p[10].Value = a.SmallMicro;
        p[11].Value = a.ImportantUser;
        p[12].Value = (int)a.Channel;
        p[13].Value = a.EContract is { } ec ? ec : DBNull.Value;
        p[14].Value = a.Materials is { } m ? (int)m : DBNull.Value;
        p[15].Value = SqliteText.Decimal(a.FeeYuan);
        p[16].Value = SqliteText.Decimal(a.CustomerInvestmentYuan);
        p[17].Value = (int)a.Status;
        p[18].Value = SqliteText.Instant(a.RecordCreatedAt);
        p[19].Value = SqliteText.Instant(a.AcceptedAt);
        p[20].Value = SqliteText.Instant(a.PlanRepliedAt);
        p[21].Value = SqliteText.Instant(a.DesignReviewStart);
        p[22].Value = SqliteText.Instant(a.DesignReviewEnd);
        p[23].Value = SqliteText.Instant(a.CustomerWorksStart);
        p[24].Value = SqliteText.Instant(a.CustomerWorksEnd);
        p[25].Value = SqliteText.Instant(a.MidCheckStart);
        p[26].Value = SqliteText.Instant(a.MidCheckEnd);
        p[27].Value = SqliteText.Instant(a.ExternalWorksStart);
        p[28].Value = SqliteText.Instant(a.ExternalWorksEnd);
        p[29].Value = SqliteText.Instant(a.ApprovalSubmittedAt);
        p[30].Value = SqliteText.Instant(a.ApprovalGrantedAt);
        p[31].Value = a.ApprovalMode is { } am ? (int)am : DBNull.Value;
        p[32].Value = SqliteText.Instant(a.CompletionCheckStart);
        p[33].Value = SqliteText.Instant(a.CompletionCheckEnd);
        p[34].Value = SqliteText.Instant(a.ConnectedAt);
        p[35].Value = a.PausedDays;
        p[36].Value = SqliteText.Instant(a.WithdrawnAt);
        p[37].Value = (object?)a.PreviousApplicationId ?? DBNull.Value;
        p[38].Value = (object?)a.CustomerKey ?? DBNull.Value;
        p[39].Value = (object?)a.CustomerMask ?? DBNull.Value;
        Run(s);
    }

    public void Add(OutageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var o = step;
        var t = KeyedTable.Outages;
        var s = _outages ??= Stage(t.Stage, t.Keys, t.Data);
        var p = s.Values;
        p[0].Value = o.Utility;
        p[1].Value = o.OutageId;
        p[2].Value = o.Step;
        p[3].Value = ContentHash.Of(o);
        p[4].Value = o.County;
        p[5].Value = (int)o.Area;
        p[6].Value = (object?)o.Feeder ?? DBNull.Value;
        p[7].Value = (int)o.Kind;
        p[8].Value = (int)o.Cause;
        p[9].Value = SqliteText.Instant(o.StartAt);
        p[10].Value = SqliteText.Instant(o.EndAt);
        p[11].Value = o.Customers;
        p[12].Value = SqliteText.Instant(o.NotifiedAt);
        p[13].Value = (int)o.NotifyChannels;
        Run(s);
    }

    public void Add(CustomersServed snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot;
        var t = KeyedTable.Customers;
        var s = _customers ??= Stage(t.Stage, t.Keys, t.Data);
        var p = s.Values;
        p[0].Value = c.Utility;
        p[1].Value = c.County;
        p[2].Value = (int)c.Area;
        p[3].Value = c.Year;
        p[4].Value = c.Month ?? 0;
        p[5].Value = ContentHash.Of(c);
        p[6].Value = c.Customers;
        Run(s);
    }

    public void Add(ReportNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var t = KeyedTable.Notes;
        var s = _notes ??= Stage(t.Stage, t.Keys, t.Data);
        var p = s.Values;
        p[0].Value = note.Utility;
        p[1].Value = note.Half.Year;
        p[2].Value = note.Half.Half;
        p[3].Value = (int)note.Section;
        p[4].Value = ContentHash.Of(note);
        p[5].Value = note.Text;
        Run(s);
    }

    public void Add(LedgerNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var t = KeyedTable.LedgerNotes;
        var s = _ledgerNotes ??= Stage(t.Stage, t.Keys, t.Data);
        var p = s.Values;
        p[0].Value = note.County;
        p[1].Value = SqliteText.Date(note.Thursday);
        p[2].Value = note.Task;
        p[3].Value = ContentHash.Of(note);
        p[4].Value = note.Text;
        p[5].Value = (object?)note.Status ?? DBNull.Value;
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
            _tx.Commit();
            _finished = true;
            return filing;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    /// <summary>Without <see cref="Commit"/>, rolls everything back: nothing of the filing is visible.</summary>
    public void Dispose()
    {
        foreach (var s in Stages()) s.Command.Dispose();
        if (!_finished)
        {
            _finished = true;
            try
            {
                _tx.Rollback();
            }
            catch (SqliteException)
            {
                // The connection is gone or already rolled back; closing it discards the transaction anyway.
            }
        }
        _tx.Dispose();
        _conn.Dispose();
    }

    /// <summary>
    /// New keys become revision 1, rows whose content hash differs from the key's latest revision become
    /// revision n+1 (earlier revisions stay), identical rows change nothing.
    /// </summary>
    private (long Changed, long Unchanged) MergeApplications()
    {
        var staged = Staged("stage_applications");
        var data = StoreColumns.ApplicationData;
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
            s.Command.Dispose();
            _conn.Execute($"DROP TABLE temp.{s.Table}", transaction: _tx);
        }
    }

    private IEnumerable<StagedInsert> Stages() =>
        new[] { _applications, _outages, _customers, _notes, _ledgerNotes }.OfType<StagedInsert>();

    /// <summary>Creates a keyed temp staging table and its prepared <c>INSERT OR REPLACE</c>.</summary>
    private StagedInsert Stage(string table, string[] keys, string[] data)
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
            var cmd = _conn.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = $"INSERT OR REPLACE INTO temp.{table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var values = new SqliteParameter[columns.Length];
            for (var i = 0; i < columns.Length; i++) values[i] = cmd.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value));
            cmd.Prepare();
            return new StagedInsert(table, cmd, values);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    private void Run(StagedInsert s)
    {
        ThrowIfFinished();
        try
        {
            s.Command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, _description);
        }
    }

    private void ThrowIfFinished() =>
        ObjectDisposedException.ThrowIf(_finished, this);

    private sealed record StagedInsert(string Table, SqliteCommand Command, SqliteParameter[] Values);
}
