using System.Data;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;

namespace Analytics.Store;

/// <summary>
/// The queries of <see cref="IAnalyticsStore.OutageCells"/> and <see cref="IAnalyticsStore.OutageNotices"/>: one shape for
/// both stores, with the few functions SQL dialects spell differently given by each (<see cref="Dialect"/>). Times are
/// compared in the store's own type (SQLite's fixed text form sorts as time does) and durations taken in whole seconds.
/// </summary>
/// <remarks>Parameters: <c>@ws</c>, <c>@we</c> (the window, the store's instants), <c>@wsSec</c>, <c>@weSec</c> (the same in
/// seconds since 1970), <c>@shortTicks</c>, <c>@county</c>, <c>@utility</c>; for the notices <c>@start</c>, <c>@end</c>, <c>@lead</c>.</remarks>
internal static class OutageCounts
{
    /// <summary>How a store spells seconds since 1970 of an instant column, the larger and smaller of two numbers, the
    /// whole days from one instant's date to another's, and "this instant has a fraction of a second".</summary>
    public sealed record Dialect(Func<string, string> Seconds, string Greatest, string Least, Func<string, string, string> DayGap,
        Func<string, string> Fractional);

    // SQLite: the seconds are the virtual columns start_sec, end_sec (migration 9), read from the sums' index.
    public static readonly Dialect Sqlite = new(c => c switch { "start_at" => "start_sec", "end_at" => "end_sec", _ => $"unixepoch({c})" }, "max", "min",
        (from, to) => $"CAST(julianday(date({to})) - julianday(date({from})) AS INTEGER)", c => $"length({c}) > 19");

    public static readonly Dialect Postgres = new(c => $"CAST(EXTRACT(EPOCH FROM {c}) AS bigint)", "GREATEST", "LEAST",
        (from, to) => $"({to}::date - {from}::date)", c => $"{c} <> date_trunc('second', {c})");

    // A sum as a 64-bit integer on both stores (PostgreSQL sums bigints as numeric), 0 over no rows.
    private static string Sum(string expression) => $"CAST(COALESCE(SUM({expression}), 0) AS bigint)";

    /// <summary>
    /// The sums of one window by cell, kind and cause (the caller folds kinds and causes into <see cref="OutageCellRow"/>:
    /// one sum of customer-seconds split by group costs half the CPU of a sum per kind and cause), with a count of the
    /// steps timed to a fraction of a second.
    /// </summary>
    public static string CellsSql(Dialect d, RecordScope scope)
    {
        var s = d.Seconds("start_at");
        var e = d.Seconds("end_at");
        var isShort = $"({e} - {s}) * {TimeSpan.TicksPerSecond} <= @shortTicks";
        var startsIn = "start_at >= @ws";
        var inside = $"({d.Least}({e}, @weSec) - {d.Greatest}({s}, @wsSec))";
        return $"""
            SELECT utility AS Utility, county AS County, area AS Area, kind AS Kind, cause AS Cause,
                   {Sum($"CASE WHEN NOT {isShort} AND {inside} > 0 THEN CAST(customers AS bigint) * {inside} ELSE 0 END")} AS CustomerSeconds,
                   {Sum($"CASE WHEN NOT {isShort} AND {startsIn} THEN customers ELSE 0 END")} AS Interrupted,
                   {Sum($"CASE WHEN {isShort} THEN 1 ELSE 0 END")} AS ShortCount,
                   {Sum($"CASE WHEN {isShort} THEN customers ELSE 0 END")} AS ShortCustomers,
                   {Sum($"CASE WHEN {d.Fractional("start_at")} OR {d.Fractional("end_at")} THEN 1 ELSE 0 END")} AS Fractional
            FROM outage_steps
            WHERE start_at < @we AND ({startsIn} OR (end_at > @ws AND NOT {isShort})){StoreReads.Group(scope)}
            GROUP BY county, utility, area, kind, cause
            """;
    }

    /// <summary>The notice counts of the outages with a step starting in the period.</summary>
    public static string NoticesSql(Dialect d, RecordScope scope) => $"""
        SELECT COUNT(*) AS Outages, {Sum("notified")} AS Notified, {Sum("planned")} AS Planned, {Sum("planned * on_time")} AS PlannedOnTime
        FROM (SELECT MAX(CASE WHEN notified_at IS NOT NULL THEN 1 ELSE 0 END) AS notified,
                     MAX(CASE WHEN notified_at IS NOT NULL AND {d.DayGap("notified_at", "start_at")} >= @lead THEN 1 ELSE 0 END) AS on_time,
                     CASE WHEN MIN(step * 16 + kind) % 16 = {(int)OutageKind.Planned} THEN 1 ELSE 0 END AS planned
              FROM outage_steps
              WHERE start_at >= @start AND start_at < @end{StoreReads.Group(scope)}
              GROUP BY utility, outage_id) o
        """;

    /// <summary>The parameters of both queries: the window and the scope's group, instants encoded by the store.</summary>
    public static DynamicParameters Parameters(RecordScope scope, DateTime start, DateTime end, long shortTicks, int lead,
        Func<DateTime, object> instant)
    {
        var p = StoreReads.ScopeParameters(scope, null, instant);
        p.Add("ws", instant(start));
        p.Add("we", instant(end));
        p.Add("wsSec", Seconds(start));
        p.Add("weSec", Seconds(end));
        p.Add("shortTicks", shortTicks);
        p.Add("lead", lead);
        return p;
    }

    private static long Seconds(DateTime t) => (t.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>Runs <see cref="CellsSql"/> and folds kinds and causes into cells; null when a step in the window is timed to a fraction of a second.</summary>
    public static List<OutageCellRow>? Cells(IDbConnection conn, Dialect d, RecordScope scope, DynamicParameters p)
    {
        var cells = new List<OutageCellRow>();
        foreach (var g in conn.Query<CellRow>(CellsSql(d, scope), p).GroupBy(r => (r.Utility, r.County, r.Area)))
        {
            if (g.Any(r => r.Fractional > 0)) return null;
            long Part(Func<CellRow, bool> which) => g.Where(which).Sum(r => r.CustomerSeconds);
            cells.Add(new OutageCellRow(g.Key.Utility, g.Key.County, (Area)g.Key.Area, g.Sum(r => r.CustomerSeconds),
                Part(r => r.Kind == (int)OutageKind.Planned), Part(r => r.Kind == (int)OutageKind.Fault),
                Part(r => r.Cause == (int)OutageCause.External), Part(r => r.Cause == (int)OutageCause.SupplyShortage),
                g.Sum(r => r.Interrupted), g.Sum(r => r.ShortCount), g.Sum(r => r.ShortCustomers)));
        }
        return cells;
    }

    /// <summary>Runs <see cref="NoticesSql"/>.</summary>
    public static OutageNoticeCounts Notices(IDbConnection conn, Dialect d, RecordScope scope, DynamicParameters p)
    {
        var r = conn.QuerySingle<NoticeRow>(NoticesSql(d, scope), p);
        return new OutageNoticeCounts(r.Outages, r.Notified, r.Planned, r.PlannedOnTime);
    }

    // Flat shapes Dapper fills: every number as long (SQLite's integers; PostgreSQL's bigint and numeric sums).
    private sealed class CellRow
    {
        public string Utility { get; set; } = "";
        public string County { get; set; } = "";
        public long Area { get; set; }
        public long Kind { get; set; }
        public long Cause { get; set; }
        public long CustomerSeconds { get; set; }
        public long Interrupted { get; set; }
        public long ShortCount { get; set; }
        public long ShortCustomers { get; set; }
        public long Fractional { get; set; }
    }

    private sealed class NoticeRow
    {
        public long Outages { get; set; }
        public long Notified { get; set; }
        public long Planned { get; set; }
        public long PlannedOnTime { get; set; }
    }
}
