using System.Data;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Analytics.Store;

/// <summary>
/// One filing into PostgreSQL, inside one transaction. Rows stream to the server by binary COPY into
/// temporary staging tables (dropped at commit); <see cref="Commit"/> drops all but the last row of a
/// key given twice, merges with one <c>INSERT … SELECT</c> per table and commits. The client holds one
/// row at a time, so memory stays flat however long the file is.
/// </summary>
internal sealed class PostgresFilingWriter : IFilingWriter
{
    private readonly NpgsqlConnection _conn;
    private readonly NpgsqlTransaction _tx;
    private readonly string _description;
    private readonly Filing _filing;
    private readonly HashSet<Kind> _created = [];
    private readonly long[] _added = new long[5];
    private NpgsqlBinaryImporter? _copy;
    private Kind _copying;
    private long _seq;
    private bool _finished;

    private enum Kind { Applications, Outages, Customers, Notes, LedgerNotes }

    public PostgresFilingWriter(NpgsqlConnection conn, string description, FilingKind kind, string fileName,
        string sha256, DateTime asOf, DateTime loadedAt)
    {
        _conn = conn;
        _description = description;
        try
        {
            _tx = conn.BeginTransaction();
            PostgresStore.LockSchema(conn, _tx);
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
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _tx?.Dispose();
            throw PostgresErrors.Map(ex, description);
        }
    }

    public void Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        var hash = ContentHash.Of(a);
        Write(Kind.Applications, w =>
        {
            w.Write(a.Utility, NpgsqlDbType.Text);
            w.Write(a.ApplicationId, NpgsqlDbType.Text);
            w.Write(hash, NpgsqlDbType.Bytea);
            w.Write(a.County, NpgsqlDbType.Text);
            w.Write((short)a.Area, NpgsqlDbType.Smallint);
            w.Write((short)a.CustomerType, NpgsqlDbType.Smallint);
            w.Write((short)a.Voltage, NpgsqlDbType.Smallint);
            w.Write(a.PowerSources, NpgsqlDbType.Integer);
            w.Write(a.CapacityKw, NpgsqlDbType.Numeric);
            w.Write(a.ThreeZero, NpgsqlDbType.Boolean);
            w.Write(a.SmallMicro, NpgsqlDbType.Boolean);
            w.Write(a.ImportantUser, NpgsqlDbType.Boolean);
            w.Write((short)a.Channel, NpgsqlDbType.Smallint);
            Nullable(w, a.EContract, NpgsqlDbType.Boolean);
            Nullable(w, (int?)a.Materials, NpgsqlDbType.Integer);
            Nullable(w, a.FeeYuan, NpgsqlDbType.Numeric);
            Nullable(w, a.CustomerInvestmentYuan, NpgsqlDbType.Numeric);
            w.Write((short)a.Status, NpgsqlDbType.Smallint);
            Instant(w, a.RecordCreatedAt);
            Instant(w, a.AcceptedAt);
            Instant(w, a.PlanRepliedAt);
            Instant(w, a.DesignReviewStart);
            Instant(w, a.DesignReviewEnd);
            Instant(w, a.CustomerWorksStart);
            Instant(w, a.CustomerWorksEnd);
            Instant(w, a.MidCheckStart);
            Instant(w, a.MidCheckEnd);
            Instant(w, a.ExternalWorksStart);
            Instant(w, a.ExternalWorksEnd);
            Instant(w, a.ApprovalSubmittedAt);
            Instant(w, a.ApprovalGrantedAt);
            Nullable(w, (short?)a.ApprovalMode, NpgsqlDbType.Smallint);
            Instant(w, a.CompletionCheckStart);
            Instant(w, a.CompletionCheckEnd);
            Instant(w, a.ConnectedAt);
            w.Write(a.PausedDays, NpgsqlDbType.Integer);
            Instant(w, a.WithdrawnAt);
            Text(w, a.PreviousApplicationId);
            Text(w, a.CustomerKey);
            Text(w, a.CustomerMask);
        });
    }

    public void Add(OutageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var o = step;
        var hash = ContentHash.Of(o);
        Write(Kind.Outages, w =>
        {
            w.Write(o.Utility, NpgsqlDbType.Text);
            w.Write(o.OutageId, NpgsqlDbType.Text);
            w.Write(o.Step, NpgsqlDbType.Integer);
            w.Write(hash, NpgsqlDbType.Bytea);
            w.Write(o.County, NpgsqlDbType.Text);
            w.Write((short)o.Area, NpgsqlDbType.Smallint);
            Text(w, o.Feeder);
            w.Write((short)o.Kind, NpgsqlDbType.Smallint);
            w.Write((short)o.Cause, NpgsqlDbType.Smallint);
            Instant(w, o.StartAt);
            Instant(w, o.EndAt);
            w.Write(o.Customers, NpgsqlDbType.Integer);
            Instant(w, o.NotifiedAt);
            w.Write((int)o.NotifyChannels, NpgsqlDbType.Integer);
        });
    }

    public void Add(CustomersServed snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot;
        var hash = ContentHash.Of(c);
        Write(Kind.Customers, w =>
        {
            w.Write(c.Utility, NpgsqlDbType.Text);
            w.Write(c.County, NpgsqlDbType.Text);
            w.Write((short)c.Area, NpgsqlDbType.Smallint);
            w.Write(c.Year, NpgsqlDbType.Integer);
            w.Write((short)(c.Month ?? 0), NpgsqlDbType.Smallint);
            w.Write(hash, NpgsqlDbType.Bytea);
            w.Write(c.Customers, NpgsqlDbType.Bigint);
        });
    }

    public void Add(ReportNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var hash = ContentHash.Of(note);
        Write(Kind.Notes, w =>
        {
            w.Write(note.Utility, NpgsqlDbType.Text);
            w.Write(note.Half.Year, NpgsqlDbType.Integer);
            w.Write((short)note.Half.Half, NpgsqlDbType.Smallint);
            w.Write((short)note.Section, NpgsqlDbType.Smallint);
            w.Write(hash, NpgsqlDbType.Bytea);
            w.Write(note.Text, NpgsqlDbType.Text);
        });
    }

    public void Add(LedgerNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var hash = ContentHash.Of(note);
        Write(Kind.LedgerNotes, w =>
        {
            w.Write(note.County, NpgsqlDbType.Text);
            w.Write(note.Thursday, NpgsqlDbType.Date);
            w.Write(note.Task, NpgsqlDbType.Text);
            w.Write(hash, NpgsqlDbType.Bytea);
            w.Write(note.Text, NpgsqlDbType.Text);
            Text(w, note.Status);
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
                    Kind.Outages => MergeOutages(),
                    Kind.Customers => MergeKeyed(Kind.Customers, KeyedTable.Customers),
                    Kind.Notes => MergeKeyed(Kind.Notes, KeyedTable.Notes),
                    _ => MergeKeyed(Kind.LedgerNotes, KeyedTable.LedgerNotes),
                };
                changed += c;
                unchanged += u;
            }

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
            _tx.Commit();
            _finished = true;
            return filing;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, _description);
        }
    }

    /// <summary>Without <see cref="Commit"/>, cancels the COPY and rolls back: nothing of the filing is visible.</summary>
    public void Dispose()
    {
        try
        {
            // Disposing an importer that was not completed cancels the COPY on the server.
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
            try
            {
                _tx.Rollback();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
            {
                // As above: a lost connection rolls back by itself.
            }
        }
        _tx.Dispose();
        _conn.Dispose();
    }

    /// <summary>
    /// New keys become revision 1, rows whose content hash differs from the key's latest revision become
    /// revision n+1 (earlier revisions stay), identical rows change nothing. One statement: the inserted
    /// revisions feed the heads.
    /// </summary>
    private (long Changed, long Unchanged) MergeApplications()
    {
        var staged = _added[(int)Kind.Applications] - DropDuplicates("stage_applications", ["utility", "application_id"]);
        var data = StoreColumns.ApplicationData;
        var p = new DynamicParameters();
        p.Add("filing", _filing.Id);
        p.Add("asOf", Unspecified(_filing.AsOf), DbType.DateTime2);
        // Heads: a plain insert for new keys (revision 1) and an update for changed ones is much cheaper
        // than ON CONFLICT's speculative insertion; the staged keys are unique by now.
        var changed = _conn.ExecuteScalar<long>($"""
            WITH inserted AS (
                INSERT INTO application_revisions
                    (utility, application_id, revision, filing_id, filing_as_of, content_hash, {string.Join(", ", data)})
                SELECT s.utility, s.application_id, COALESCE(h.revision, 0) + 1, @filing, @asOf, s.content_hash,
                       {StoreColumns.Prefixed("s", data)}
                FROM stage_applications s
                LEFT JOIN application_heads h ON h.utility = s.utility AND h.application_id = s.application_id
                WHERE h.content_hash IS DISTINCT FROM s.content_hash
                RETURNING utility, application_id, revision, content_hash),
            updated AS (
                UPDATE application_heads h SET revision = i.revision, content_hash = i.content_hash
                FROM inserted i
                WHERE i.revision > 1 AND h.utility = i.utility AND h.application_id = i.application_id),
            added AS (
                INSERT INTO application_heads (utility, application_id, revision, content_hash)
                SELECT utility, application_id, revision, content_hash FROM inserted WHERE revision = 1)
            SELECT count(*) FROM inserted
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
    /// finds the keys given more than once (usually none, and then the delete does no work).
    /// </summary>
    private long DropDuplicates(string stage, string[] keys)
    {
        var list = string.Join(", ", keys);
        var match = string.Join(" AND ", keys.Select(k => $"a.{k} = d.{k}"));
        return _conn.Execute($"""
            DELETE FROM {stage} a
            USING (SELECT {list}, max(seq) AS last FROM {stage} GROUP BY {list} HAVING count(*) > 1) d
            WHERE {match} AND a.seq < d.last
            """, transaction: _tx, commandTimeout: 0);
    }

    /// <summary>Writes one staged row on the COPY of its kind, switching COPY when the kind changes.</summary>
    private void Write(Kind kind, Action<NpgsqlBinaryImporter> row)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            if (_copy is null || _copying != kind)
            {
                EndCopy();
                if (_created.Add(kind)) CreateStage(kind);
                _copy = _conn.BeginBinaryImport($"COPY {StageName(kind)} (seq, {StagedColumns(kind)}) FROM STDIN (FORMAT BINARY)");
                _copying = kind;
            }
            _copy.StartRow();
            _copy.Write(++_seq, NpgsqlDbType.Bigint);
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
        _copy.Complete();
        _copy.Dispose();
        _copy = null;
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

    private static void Instant(NpgsqlBinaryImporter w, DateTime value) =>
        w.Write(Unspecified(value), NpgsqlDbType.Timestamp);

    private static void Instant(NpgsqlBinaryImporter w, DateTime? value)
    {
        if (value is { } v) w.Write(Unspecified(v), NpgsqlDbType.Timestamp);
        else w.WriteNull();
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v) w.Write(v, type);
        else w.WriteNull();
    }
}
