using System.Data;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;

namespace Analytics.Store;

/// <summary>
/// The oversight tables (SQLite schemas 4 and 6, PostgreSQL schemas 5 and 7) read and written on an open connection and transaction,
/// for both stores: the embedded store keeps instants and dates as invariant TEXT, PostgreSQL as timestamp/date, so values
/// go through Time / Day on the way in and ReadTime / ReadDay on the way out.
/// </summary>
internal sealed class OversightTables
{
    private readonly bool _text;

    /// <param name="textTimes">True for the embedded store (TEXT instants and dates).</param>
    public OversightTables(bool textTimes) => _text = textTimes;

    private object Time(DateTime t) => _text ? t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : StoreTime.Normalize(t);
    private object? Time(DateTime? t) => t is { } v ? Time(v) : null;
    private object Day(DateOnly d) => _text ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToDateTime(TimeOnly.MinValue);
    private object? Day(DateOnly? d) => d is { } v ? Day(v) : null;

    private static DateTime ReadTime(object v) => v switch
    {
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Unspecified),
        string s => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"not an instant: {v.GetType().Name}"),
    };

    private static DateOnly ReadDay(object v) => v switch
    {
        DateTime t => DateOnly.FromDateTime(t),
        DateOnly d => d,
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"not a date: {v.GetType().Name}"),
    };

    private static string? Text(object v) => v is DBNull ? null : (string)v;
    private static bool Bool(object v) => v is bool b ? b : Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0;

    /// <summary>Refuses NUL in any text, naming the field (as the filings do).</summary>
    private static void NoNul(string field, string? value)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            throw new StoreDataException($"字段 {field} 含有 NUL 字符（U+0000），存储拒收", field);
    }

    public void SaveDraw(IDbConnection conn, IDbTransaction tx, SpotCheckDrawRecord d)
    {
        NoNul("draw_id", d.DrawId);
        NoNul("method", d.Method);
        foreach (var i in d.Items)
        {
            NoNul("county", i.County); NoNul("utility", i.Utility); NoNul("application_id", i.ApplicationId); NoNul("inspectors", i.Inspectors);
        }
        if (conn.ExecuteScalar<long>("SELECT count(*) FROM spotcheck_draws WHERE draw_id = @DrawId", new { d.DrawId }, tx) > 0)
            throw new StoreDataException($"抽查批次 {d.DrawId} 已存在，未重复保存", "draw_id");
        conn.Execute("INSERT INTO spotcheck_draws (draw_id, seed, from_day, to_day, drawn_at, method) VALUES (@DrawId, @Seed, @From, @To, @DrawnAt, @Method)",
            new { d.DrawId, d.Seed, From = Day(d.From), To = Day(d.To), DrawnAt = Time(d.DrawnAt), d.Method }, tx);
        var position = 0;
        foreach (var i in d.Items)
            conn.Execute("""
                INSERT INTO spotcheck_items (draw_id, position, county, utility, application_id, risk_draw, inspectors)
                VALUES (@DrawId, @Position, @County, @Utility, @ApplicationId, @RiskDraw, @Inspectors)
                """, new { d.DrawId, Position = position++, i.County, i.Utility, i.ApplicationId, RiskDraw = _text ? (object)(i.RiskDraw ? 1 : 0) : i.RiskDraw, i.Inspectors }, tx);
    }

    public static SpotCheckDrawRecord? FindDraw(IDbConnection conn, string drawId)
    {
        using var r = conn.ExecuteReader("SELECT seed, from_day, to_day, drawn_at, method FROM spotcheck_draws WHERE draw_id = @drawId", new { drawId });
        if (!r.Read()) return null;
        var seed = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture);
        var from = ReadDay(r.GetValue(1));
        var to = ReadDay(r.GetValue(2));
        var at = ReadTime(r.GetValue(3));
        var method = r.GetString(4);
        r.Close();
        var items = new List<SpotCheckDrawItem>();
        using (var ir = conn.ExecuteReader("SELECT county, utility, application_id, risk_draw, inspectors FROM spotcheck_items WHERE draw_id = @drawId ORDER BY position", new { drawId }))
            while (ir.Read())
                items.Add(new SpotCheckDrawItem(ir.GetString(0), ir.GetString(1), ir.GetString(2), Bool(ir.GetValue(3)), ir.GetString(4)));
        return new SpotCheckDrawRecord { DrawId = drawId, Seed = seed, From = from, To = to, DrawnAt = at, Method = method, Items = items };
    }

    public void SaveResults(IDbConnection conn, IDbTransaction tx, IReadOnlyList<SpotCheckResult> results)
    {
        foreach (var x in results)
        {
            NoNul("draw_id", x.DrawId); NoNul("utility", x.Utility); NoNul("application_id", x.ApplicationId); NoNul("county", x.County);
            NoNul("field", x.Field); NoNul("recorded_value", x.RecordedValue); NoNul("customer_value", x.CustomerValue);
        }
        foreach (var app in results.Select(x => (x.DrawId, x.Utility, x.ApplicationId)).Distinct())
            conn.Execute("DELETE FROM spotcheck_results WHERE draw_id = @DrawId AND utility = @Utility AND application_id = @ApplicationId",
                new { app.DrawId, app.Utility, app.ApplicationId }, tx);
        foreach (var x in results)
            conn.Execute("""
                INSERT INTO spotcheck_results (draw_id, utility, application_id, field, county, verified, recorded_value, customer_value, filed_at)
                VALUES (@DrawId, @Utility, @ApplicationId, @Field, @County, @Verified, @RecordedValue, @CustomerValue, @FiledAt)
                """, new
            {
                x.DrawId, x.Utility, x.ApplicationId, Field = x.Field ?? "", x.County,
                Verified = _text ? (object)(x.Verified ? 1 : 0) : x.Verified, x.RecordedValue, x.CustomerValue, FiledAt = Time(x.FiledAt),
            }, tx);
    }

    public static IReadOnlyList<SpotCheckResult> Results(IDbConnection conn)
    {
        var list = new List<SpotCheckResult>();
        using var r = conn.ExecuteReader("""
            SELECT draw_id, utility, application_id, field, county, verified, recorded_value, customer_value, filed_at
            FROM spotcheck_results ORDER BY draw_id, utility, application_id, field
            """);
        while (r.Read())
        {
            var field = r.GetString(3);
            list.Add(new SpotCheckResult
            {
                DrawId = r.GetString(0), Utility = r.GetString(1), ApplicationId = r.GetString(2),
                Field = field.Length == 0 ? null : field, County = r.GetString(4), Verified = Bool(r.GetValue(5)),
                RecordedValue = Text(r.GetValue(6)), CustomerValue = Text(r.GetValue(7)), FiledAt = ReadTime(r.GetValue(8)),
            });
        }
        return list;
    }

    private object Params(RectificationItem i) => new
    {
        i.Id, i.Problem, i.Source, i.County, i.Utility, i.ApplicationId, i.ResponsibleUnit, Deadline = Day(i.Deadline), i.Measures,
        Status = (int)i.Status, FollowUpOn = Day(i.FollowUpOn), i.FollowUpResult, CreatedAt = Time(i.CreatedAt), ClosedAt = Time(i.ClosedAt),
    };

    private static void Check(RectificationItem i)
    {
        NoNul("problem", i.Problem); NoNul("source", i.Source); NoNul("county", i.County); NoNul("utility", i.Utility);
        NoNul("application_id", i.ApplicationId); NoNul("responsible_unit", i.ResponsibleUnit); NoNul("measures", i.Measures);
        NoNul("follow_up_result", i.FollowUpResult);
        if (i.Status == RectificationStatus.Invalid) throw new StoreDataException("整改事项状态无效", "status");
    }

    public RectificationItem Add(IDbConnection conn, IDbTransaction tx, RectificationItem item, RectificationChange change)
    {
        Check(item);
        Check(change);
        var id = conn.ExecuteScalar<long>("""
            INSERT INTO rectifications (problem, source, county, utility, application_id, responsible_unit, deadline, measures, status,
                                        follow_up_on, follow_up_result, created_at, closed_at)
            VALUES (@Problem, @Source, @County, @Utility, @ApplicationId, @ResponsibleUnit, @Deadline, @Measures, @Status,
                    @FollowUpOn, @FollowUpResult, @CreatedAt, @ClosedAt)
            RETURNING id
            """, Params(item), tx);
        AddEvent(conn, tx, id, item.Status, change);
        return item with { Id = id };
    }

    public void Update(IDbConnection conn, IDbTransaction tx, RectificationItem item, RectificationChange change)
    {
        Check(item);
        Check(change);
        var n = conn.Execute("""
            UPDATE rectifications SET problem = @Problem, source = @Source, county = @County, utility = @Utility,
                application_id = @ApplicationId, responsible_unit = @ResponsibleUnit, deadline = @Deadline, measures = @Measures,
                status = @Status, follow_up_on = @FollowUpOn, follow_up_result = @FollowUpResult, created_at = @CreatedAt, closed_at = @ClosedAt
            WHERE id = @Id
            """, Params(item), tx);
        if (n == 0) throw new KeyNotFoundException($"整改事项 {item.Id.ToString(CultureInfo.InvariantCulture)} 不存在");
        AddEvent(conn, tx, item.Id, item.Status, change);
    }

    private static void Check(RectificationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        NoNul("actor", change.Actor);
        NoNul("detail", change.Detail);
        if (string.IsNullOrWhiteSpace(change.Actor)) throw new StoreDataException("整改事项的变更须记录操作人", "actor");
        if (change.Action is RectificationAction.Invalid or RectificationAction.LedgerProgress)
            throw new StoreDataException("整改事项的变更类型无效（台账报送不改变事项）", "action");
    }

    private void AddEvent(IDbConnection conn, IDbTransaction tx, long id, RectificationStatus status, RectificationChange change) =>
        conn.Execute("""
            INSERT INTO rectification_events (item_id, at, actor, action, status, detail)
            VALUES (@Id, @At, @Actor, @Action, @Status, @Detail)
            """, new { Id = id, At = Time(change.At), change.Actor, Action = (int)change.Action, Status = (int)status, change.Detail }, tx);

    /// <summary>
    /// The item's changes (<c>rectification_events</c>) and the progress its county filed on it through the weekly
    /// ledgers (<c>ledger_notes</c> task <c>整改N</c> of the item's county, at the filing's <c>loaded_at</c>, the week's
    /// signature note giving the 填报人), oldest first.
    /// </summary>
    public static IReadOnlyList<RectificationEvent> History(IDbConnection conn, long id)
    {
        var list = new List<RectificationEvent>();
        using (var r = conn.ExecuteReader("SELECT at, actor, action, status, detail FROM rectification_events WHERE item_id = @id ORDER BY id", new { id }))
            while (r.Read())
                list.Add(new RectificationEvent(id, ReadTime(r.GetValue(0)), r.GetString(1),
                    (RectificationAction)Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
                    (RectificationStatus)Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), r.GetString(4)));
        var county = conn.ExecuteScalar<string?>("SELECT county FROM rectifications WHERE id = @id", new { id });
        if (county is null) return list;
        var task = RectificationTask.Key(id);
        var notes = new List<RectificationEvent>();
        using (var r = conn.ExecuteReader("""
            SELECT f.loaded_at, n.thursday, n.status, n.text, s.text
            FROM ledger_notes n
            JOIN filings f ON f.id = n.filing_id
            LEFT JOIN ledger_notes s ON s.county = n.county AND s.thursday = n.thursday AND s.task = @signature
            WHERE n.county = @county AND n.task = @task
            """, new { county, task, signature = LedgerSignature.NoteTask }))
            while (r.Read())
            {
                var thursday = ReadDay(r.GetValue(1));
                var (text, problems) = LedgerNoteText.Split(r.GetString(3));
                var signature = r.GetValue(4) is string sig
                    ? LedgerSignature.FromNote(new LedgerNote { County = county, Thursday = thursday, Task = LedgerSignature.NoteTask, Text = sig })
                    : null;
                var word = Text(r.GetValue(2));
                var detail = string.Create(CultureInfo.InvariantCulture, $"{thursday:yyyy-MM-dd} 工作台账")
                    + (word is { Length: > 0 } ? " " + word : "")
                    + (text.Length > 0 ? "：" + text : "") + (problems.Length > 0 ? $"（存在问题：{problems}）" : "");
                notes.Add(new RectificationEvent(id, ReadTime(r.GetValue(0)), signature?.FiledBy ?? county, RectificationAction.LedgerProgress, null, detail));
            }
        // Stable: a ledger entry goes after the changes made at the same instant.
        return [.. list.Concat(notes.OrderBy(e => e.At).ThenBy(e => e.Detail, StringComparer.Ordinal)).OrderBy(e => e.At)];
    }

    public static IReadOnlyList<RectificationItem> Rectifications(IDbConnection conn)
    {
        var list = new List<RectificationItem>();
        using var r = conn.ExecuteReader("""
            SELECT id, problem, source, county, utility, application_id, responsible_unit, deadline, measures, status,
                   follow_up_on, follow_up_result, created_at, closed_at
            FROM rectifications ORDER BY id
            """);
        while (r.Read())
            list.Add(new RectificationItem
            {
                Id = Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
                Problem = r.GetString(1), Source = Text(r.GetValue(2)), County = Text(r.GetValue(3)), Utility = Text(r.GetValue(4)),
                ApplicationId = Text(r.GetValue(5)), ResponsibleUnit = r.GetString(6), Deadline = ReadDay(r.GetValue(7)),
                Measures = r.GetString(8), Status = (RectificationStatus)Convert.ToInt32(r.GetValue(9), CultureInfo.InvariantCulture),
                FollowUpOn = r.GetValue(10) is DBNull ? null : ReadDay(r.GetValue(10)), FollowUpResult = Text(r.GetValue(11)),
                CreatedAt = ReadTime(r.GetValue(12)), ClosedAt = r.GetValue(13) is DBNull ? null : ReadTime(r.GetValue(13)),
            });
        return list;
    }
}
