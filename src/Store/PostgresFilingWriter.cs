using System.Data;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// One filing into PostgreSQL, inside one transaction. Rows stream to the server by binary COPY into
/// temporary staging tables (dropped at commit); <see cref="Commit"/> drops all but the last row of a
/// key given twice (unless the caller vouched for distinct keys), merges with one <c>INSERT … SELECT</c>
/// per table and commits. An applications filing with distinct keys into a store without applications
/// (the first, usually largest load) skips the staging: its rows are all revision 1, so they are copied
/// straight into <c>application_revisions</c> while the client is still reading the file. The client
/// holds one row at a time, so memory stays flat however long the file is. The transaction is the
/// <see cref="PostgresFilingBatch"/>'s: a filing of its own owns its batch and commits it; in a larger
/// batch, <see cref="Commit"/> only records the filing in it (and drops its staging tables, so that the
/// next filing of the batch can make its own).
/// </summary>
internal sealed class PostgresFilingWriter : IFilingWriter
{
    private readonly PostgresFilingBatch _batch;
    private readonly bool _ownsBatch;
    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly string _description;
    private readonly Filing _filing;
    private readonly HashSet<Kind> _created = [];
    private readonly long[] _added = new long[Enum.GetValues<Kind>().Length];
    private readonly bool _distinctKeys;
    private readonly bool _direct;
    private PostgresCopyWriter? _copy;
    private Kind _copying;
    private long _seq;
    private bool _finished;

    /// <summary>What a COPY feeds: a staging table per kind, or (<see cref="Revisions"/>) application_revisions itself.</summary>
    private enum Kind { Applications, Outages, Customers, Notes, LedgerNotes, Revisions }

    public PostgresFilingWriter(PostgresFilingBatch batch, bool ownsBatch, FilingKind kind, string fileName,
        string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys)
    {
        _batch = batch;
        _ownsBatch = ownsBatch;
        _conn = batch.Connection;
        _tx = batch.Transaction;
        _distinctKeys = distinctKeys;
        _description = batch.Description;
        var conn = _conn;
        try
        {
            var p = new DynamicParameters();
            p.Add("kind", (short)kind);
            p.Add("fileName", fileName);
            p.Add("sha256", sha256);
            p.Add("asOf", Unspecified(asOf), DbType.DateTime2);
            p.Add("loadedAt", Unspecified(loadedAt), DbType.DateTime2);
            var id = conn.ExecuteScalar<long>("""
                INSERT INTO filings (kind, file_name, sha256, as_of, loaded_at, rows_read, rows_changed, rows_unchanged, rows_rejected)
                VALUES (@kind, @fileName, @sha256, @asOf, @loadedAt, 0, 0, 0, 0)
                RETURNING id
                """, p, _tx);
            _filing = new Filing { Id = id, Kind = kind, FileName = fileName, Sha256 = sha256, AsOf = Unspecified(asOf), LoadedAt = Unspecified(loadedAt) };
            // Under the schema lock no other filing can add applications before this one commits.
            _direct = distinctKeys && kind == FilingKind.Applications
                && conn.ExecuteScalar<bool>("SELECT NOT EXISTS (SELECT 1 FROM application_revisions)", transaction: _tx);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateFilingException($"{_description}: 此文件（SHA-256 {sha256}）已作为同类申报载入过", ex);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, _description);
        }
    }

    public void Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        StoredText.Check(a);
        if (_direct)
        {
            WriteRevision(a);
            return;
        }
        var hash = ContentHash.Of(a);
        Write(Kind.Applications, w =>
        {
            w.Text(a.Utility);
            w.Text(a.ApplicationId);
            WriteData(w, hash, a, _batch.Derivation);
        });
    }

    /// <summary>A first revision, straight into application_revisions (direct filings only).</summary>
    private void WriteRevision(Application a)
    {
        var hash = ContentHash.Of(a);
        Write(Kind.Revisions, w =>
        {
            w.Text(a.Utility);
            w.Text(a.ApplicationId);
            w.Int32(1);
            w.Int64(_filing.Id);
            w.Timestamp(_filing.AsOf);
            WriteData(w, hash, a, _batch.Derivation);
        });
    }

    /// <summary>The content hash and every field after the key, in <see cref="StoreColumns.ApplicationData"/> order.</summary>
    private static void WriteData(PostgresCopyWriter w, byte[] hash, Application a, IRecordDerivation? derivation)
    {
        w.Bytes(hash);
        w.Text(a.County);
        w.Int16((short)a.Area);
        w.Int16((short)a.CustomerType);
        w.Int16((short)a.Voltage);
        w.Int32(a.PowerSources);
        w.Numeric(a.CapacityKw);
        w.Bool(a.ThreeZero);
        w.Bool(a.SmallMicro);
        w.Bool(a.ImportantUser);
        w.Int16((short)a.Channel);
        w.Bool(a.EContract);
        w.Int32((int?)a.Materials);
        w.Numeric(a.FeeYuan);
        w.Numeric(a.CustomerInvestmentYuan);
        w.Int16((short)a.Status);
        w.Timestamp(a.RecordCreatedAt);
        w.Timestamp(a.AcceptedAt);
        w.Timestamp(a.PlanRepliedAt);
        w.Timestamp(a.DesignReviewStart);
        w.Timestamp(a.DesignReviewEnd);
        w.Timestamp(a.CustomerWorksStart);
        w.Timestamp(a.CustomerWorksEnd);
        w.Timestamp(a.MidCheckStart);
        w.Timestamp(a.MidCheckEnd);
        w.Timestamp(a.ExternalWorksStart);
        w.Timestamp(a.ExternalWorksEnd);
        w.Timestamp(a.ApprovalSubmittedAt);
        w.Timestamp(a.ApprovalGrantedAt);
        w.Int16((short?)a.ApprovalMode);
        w.Timestamp(a.CompletionCheckStart);
        w.Timestamp(a.CompletionCheckEnd);
        w.Timestamp(a.ConnectedAt);
        w.Int32(a.PausedDays);
        w.Timestamp(a.WithdrawnAt);
        w.Text(a.PreviousApplicationId);
        w.Text(a.CustomerKey);
        w.Text(a.CustomerMask);
        // The derived figures (StoreColumns.Derived), NULL without a derivation.
        if (derivation is null)
        {
            for (var i = 0; i < StoreColumns.Derived.Length; i++) w.Null();
            return;
        }
        w.Derived(derivation.Derive(a));
    }

    public void Add(OutageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var o = step;
        StoredText.Check(o);
        var hash = ContentHash.Of(o);
        Write(Kind.Outages, w =>
        {
            w.Text(o.Utility);
            w.Text(o.OutageId);
            w.Int32(o.Step);
            w.Bytes(hash);
            w.Text(o.County);
            w.Int16((short)o.Area);
            w.Text(o.Feeder);
            w.Int16((short)o.Kind);
            w.Int16((short)o.Cause);
            w.Timestamp(o.StartAt);
            w.Timestamp(o.EndAt);
            w.Int32(o.Customers);
            w.Timestamp(o.NotifiedAt);
            w.Int32((int)o.NotifyChannels);
        });
    }

    public void Add(CustomersServed snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot;
        StoredText.Check(c);
        var hash = ContentHash.Of(c);
        Write(Kind.Customers, w =>
        {
            w.Text(c.Utility);
            w.Text(c.County);
            w.Int16((short)c.Area);
            w.Int32(c.Year);
            w.Int16((short)(c.Month ?? 0));
            w.Bytes(hash);
            w.Int64(c.Customers);
        });
    }

    public void Add(ReportNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        StoredText.Check(note);
        var hash = ContentHash.Of(note);
        Write(Kind.Notes, w =>
        {
            w.Text(note.Utility);
            w.Int32(note.Half.Year);
            w.Int16((short)note.Half.Half);
            w.Int16((short)note.Section);
            w.Bytes(hash);
            w.Text(note.Text);
        });
    }

    public void Add(LedgerNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        StoredText.Check(note);
        var hash = ContentHash.Of(note);
        Write(Kind.LedgerNotes, w =>
        {
            w.Text(note.County);
            w.Date(note.Thursday);
            w.Text(note.Task);
            w.Bytes(hash);
            w.Text(note.Text);
            w.Text(note.Status);
        });
    }

    public Filing Commit(int rowsRead, int rowsRejected)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            EndCopy();
            // The merge's hash joins and the duplicate check fit in memory instead of spilling to disk.
            _conn.Execute("SET LOCAL work_mem = '256MB'", transaction: _tx);
            var (changed, unchanged) = (0L, 0L);
            foreach (var kind in _created.Order())
            {
                var (c, u) = kind switch
                {
                    Kind.Applications => MergeApplications(),
                    // A direct filing: every row copied is a first revision, already in place.
                    Kind.Revisions => (_added[(int)Kind.Revisions], 0L),
                    Kind.Outages => MergeOutages(),
                    Kind.Customers => MergeKeyed(Kind.Customers, KeyedTable.Customers),
                    Kind.Notes => MergeKeyed(Kind.Notes, KeyedTable.Notes),
                    _ => MergeKeyed(Kind.LedgerNotes, KeyedTable.LedgerNotes),
                };
                changed += c;
                unchanged += u;
            }
            // A large filing changes what the planner should know of the tables: analysed now, in the filing's transaction,
            // so that the next question is not planned on a fresh store's empty statistics (measured at 1M applications: one
            // county's week 98 s until autovacuum came round, 2.4 s after ANALYZE; ANALYZE samples, ~0.4 s here).
            if (changed >= AnalyzeAfterRows)
                foreach (var table in _created.Select(Analysed).OfType<string>().Distinct())
                    _conn.Execute($"ANALYZE {table}", transaction: _tx, commandTimeout: 0);

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
                """, new { filing.RowsRead, filing.RowsChanged, filing.RowsUnchanged, filing.RowsRejected, filing.Id }, _tx);
            // ON COMMIT DROP would keep them until the batch commits: the next filing of the batch makes its own.
            var stages = _created.Where(k => k != Kind.Revisions).Select(StageName).ToList();
            if (stages.Count > 0) _conn.Execute($"DROP TABLE {string.Join(", ", stages)}", transaction: _tx);
            _finished = true;
            _batch.Ended(this, committed: true);
            if (_ownsBatch) _batch.Commit();
            return filing;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, _description);
        }
    }

    /// <summary>Rows changed by a filing from which its tables are analysed at commit.</summary>
    private const long AnalyzeAfterRows = 10_000;

    /// <summary>The large table a kind of row lands in (analysed after a large filing); null for the small ones.</summary>
    private static string? Analysed(Kind kind) => kind switch
    {
        Kind.Applications or Kind.Revisions => "application_revisions",
        Kind.Outages => "outage_steps",
        _ => null,
    };

    /// <summary>
    /// Without <see cref="Commit"/>, cancels the COPY and rolls back (its own batch) or abandons the batch
    /// it is part of (which then cannot commit): nothing of the filing becomes visible.
    /// </summary>
    public void Dispose()
    {
        try
        {
            // Disposing a COPY that was not completed cancels it on the server.
            _copy?.Dispose();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection is broken; closing it below ends the transaction on the server anyway.
        }
        _copy = null;
        if (!_finished)
        {
            _finished = true;
            _batch.Ended(this, committed: false);
        }
        if (_ownsBatch) _batch.Dispose();
    }

    /// <summary>
    /// New keys become revision 1, rows whose content hash differs from the key's latest revision become
    /// revision n+1 (earlier revisions stay), identical rows change nothing. The latest revision of each
    /// staged key is one backward probe of application_revisions' primary key.
    /// </summary>
    private (long Changed, long Unchanged) MergeApplications()
    {
        var staged = _added[(int)Kind.Applications] - DropDuplicates("stage_applications", ["utility", "application_id"]);
        var data = StoreColumns.StoredData;
        var p = new DynamicParameters();
        p.Add("filing", _filing.Id);
        p.Add("asOf", Unspecified(_filing.AsOf), DbType.DateTime2);
        var changed = _conn.Execute($"""
            INSERT INTO application_revisions
                (utility, application_id, revision, filing_id, filing_as_of, content_hash, {string.Join(", ", data)})
            SELECT s.utility, s.application_id, COALESCE(h.revision, 0) + 1, @filing, @asOf, s.content_hash,
                   {StoreColumns.Prefixed("s", data)}
            FROM stage_applications s
            LEFT JOIN LATERAL (
                SELECT r.revision, r.content_hash FROM application_revisions r
                WHERE r.utility = s.utility AND r.application_id = s.application_id
                ORDER BY r.revision DESC LIMIT 1) h ON TRUE
            WHERE h.content_hash IS DISTINCT FROM s.content_hash
            """, p, _tx, commandTimeout: 0);
        return (changed, staged - changed);
    }

    /// <summary>A filed outage replaces every stored step of that outage, unless it is filed exactly as stored.</summary>
    private (long Changed, long Unchanged) MergeOutages()
    {
        var t = KeyedTable.Outages;
        var staged = _added[(int)Kind.Outages] - DropDuplicates(t);
        _conn.Execute(t.CollectChangedOutages, transaction: _tx);
        // Index and statistics, so the semi-joins below never fall back to scanning changed_outages per row.
        _conn.Execute("CREATE INDEX ON changed_outages (utility, outage_id); ANALYZE changed_outages", transaction: _tx);
        _conn.Execute(t.DeleteChangedOutages, transaction: _tx);
        var changed = _conn.Execute(t.InsertChangedOutages, new { filing = _filing.Id }, _tx);
        _conn.Execute("DROP TABLE changed_outages", transaction: _tx);
        return (changed, staged - changed);
    }

    /// <summary>Replace by key: a stored row with other content goes, new and changed rows come in.</summary>
    private (long Changed, long Unchanged) MergeKeyed(Kind kind, KeyedTable t)
    {
        var staged = _added[(int)kind] - DropDuplicates(t);
        _conn.Execute(t.DeleteChanged, transaction: _tx);
        var changed = _conn.Execute(t.InsertNew, new { filing = _filing.Id }, _tx);
        return (changed, staged - changed);
    }

    private long DropDuplicates(KeyedTable t) => DropDuplicates(t.Stage, t.Keys);

    /// <summary>
    /// Binary COPY appends, so a key given twice is staged twice: keep its last row. One hash aggregate
    /// finds the keys given more than once (usually none, and then the delete does no work); skipped
    /// when the caller vouched for distinct keys (a million-row filing saves ~1.7 s of server time).
    /// </summary>
    private long DropDuplicates(string stage, string[] keys)
    {
        if (_distinctKeys) return 0;
        var list = string.Join(", ", keys);
        var match = string.Join(" AND ", keys.Select(k => $"a.{k} = d.{k}"));
        return _conn.Execute($"""
            DELETE FROM {stage} a
            USING (SELECT {list}, max(seq) AS last FROM {stage} GROUP BY {list} HAVING count(*) > 1) d
            WHERE {match} AND a.seq < d.last
            """, transaction: _tx, commandTimeout: 0);
    }

    /// <summary>Writes one staged row on the COPY of its kind, switching COPY when the kind changes.</summary>
    private void Write(Kind kind, Action<PostgresCopyWriter> row)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            if (_copy is null || _copying != kind)
            {
                EndCopy();
                if (_created.Add(kind) && kind != Kind.Revisions) CreateStage(kind);
                _copy = new PostgresCopyWriter(_conn, kind == Kind.Revisions
                    ? $"COPY application_revisions (utility, application_id, revision, filing_id, filing_as_of, content_hash, {string.Join(", ", StoreColumns.StoredData)}) FROM STDIN (FORMAT BINARY)"
                    : $"COPY {StageName(kind)} (seq, {StagedColumns(kind)}) FROM STDIN (FORMAT BINARY)");
                _copying = kind;
            }
            _copy.StartRow();
            if (kind != Kind.Revisions) _copy.Int64(++_seq);
            row(_copy);
            _added[(int)kind]++;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, _description);
        }
    }

    private void EndCopy()
    {
        if (_copy is null) return;
        var copy = _copy;
        _copy = null;
        try
        {
            copy.Complete();
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <summary>A temp table with the stored columns' types and collations, no constraints, dropped at commit.</summary>
    private void CreateStage(Kind kind)
    {
        var (stage, target) = (StageName(kind), kind == Kind.Applications ? "application_revisions" : TargetName(kind));
        var columns = StagedColumns(kind);
        _conn.Execute(
            $"CREATE TEMP TABLE {stage} ON COMMIT DROP AS SELECT 0::bigint AS seq, {columns} FROM {target} WITH NO DATA",
            transaction: _tx);
    }

    private static string StageName(Kind kind) => "stage_" + TargetName(kind);

    private static string TargetName(Kind kind) => kind switch
    {
        Kind.Applications => "applications",
        Kind.Outages => KeyedTable.Outages.Name,
        Kind.Customers => KeyedTable.Customers.Name,
        Kind.Notes => KeyedTable.Notes.Name,
        _ => KeyedTable.LedgerNotes.Name,
    };

    private static string StagedColumns(Kind kind) => kind switch
    {
        Kind.Applications => StoreColumns.StagedApplication,
        Kind.Outages => KeyedTable.Outages.StagedColumns,
        Kind.Customers => KeyedTable.Customers.StagedColumns,
        Kind.Notes => KeyedTable.Notes.StagedColumns,
        _ => KeyedTable.LedgerNotes.StagedColumns,
    };

    private static DateTime Unspecified(DateTime value) => StoreTime.Normalize(value);
}
