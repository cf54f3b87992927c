using System.Diagnostics;
using System.Globalization;
using Analytics.Domain.Calendar;
using DuckDB.NET.Data;

// The reference of issue 12: DuckDB answering SAIDI by area and year plus the per-category distribution of
// whole-process working days straight from the template CSV files, in one process, timed from start to answer.
// Working days come from a table of the official calendar (cumulative working-day index per date), made from the
// project's own WorkingDayCalendar so both sides count the same days.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: DuckDb.Reference DATA_DIR (with applications.csv, outages.csv, customers.csv)");
    return 2;
}
var dir = Path.GetFullPath(args[0]);
var watch = Stopwatch.StartNew();
using var conn = new DuckDBConnection("DataSource=:memory:");
conn.Open();

void Exec(string sql)
{
    using var cmd = conn.CreateCommand();
    cmd.CommandText = sql;
    cmd.ExecuteNonQuery();
}

// The calendar as a table: idx(d) = working days in (2019-12-31, d].
Exec("CREATE TABLE cal (d DATE, idx INTEGER)");
var cal = WorkingDayCalendar.Default;
var first = new DateOnly(2020, 1, 1);
var last = new DateOnly(2026, 12, 31);
using (var app = conn.CreateAppender("cal"))
{
    var idx = 0;
    for (var d = first; d <= last; d = d.AddDays(1))
    {
        if (cal.IsWorkingDay(d)) idx++;
        app.CreateRow().AppendValue(d.ToDateTime(TimeOnly.MinValue)).AppendValue(idx).EndRow();
    }
}

string Csv(string name) => "'" + Path.Combine(dir, name).Replace("'", "''", StringComparison.Ordinal) + "'";

var saidi = $"""
    WITH steps AS (
        SELECT area, CAST(start_at AS TIMESTAMP) AS s, CAST(end_at AS TIMESTAMP) AS e, CAST(customers AS BIGINT) AS c
        FROM read_csv({Csv("outages.csv")}, header = true, all_varchar = true)),
    parts AS (
        SELECT area, y, c, greatest(s, make_timestamp(y, 1, 1, 0, 0, 0)) AS a, least(e, make_timestamp(y + 1, 1, 1, 0, 0, 0)) AS b
        FROM steps, range(year(s), year(e) + 1) t(y)
        WHERE epoch(e) - epoch(s) > 180),
    hours AS (SELECT area, y, sum(c * (epoch(b) - epoch(a)) / 3600.0) AS ch FROM parts WHERE b > a GROUP BY area, y),
    served AS (
        SELECT area, y, sum(m) AS customers FROM (
            SELECT area, CAST(substr(period, 1, 4) AS INTEGER) AS y, utility, county, avg(CAST(customers AS DOUBLE)) AS m
            FROM read_csv({Csv("customers.csv")}, header = true, all_varchar = true)
            GROUP BY ALL) GROUP BY area, y)
    SELECT h.area, h.y, h.ch / s.customers AS saidi FROM hours h JOIN served s USING (area, y) ORDER BY h.y, h.area
    """;
var days = $"""
    WITH apps AS (
        SELECT CASE WHEN customer_type = 'residential' THEN 'residential'
                    WHEN voltage = 'lv' AND three_zero = 'Y' THEN 'lv_three_zero'
                    WHEN voltage = 'lv' THEN 'lv_other'
                    WHEN coalesce(power_sources, '1') = '2' THEN 'hv_dual' ELSE 'hv_single' END AS category,
               CAST(CAST(accepted_at AS TIMESTAMP) AS DATE) AS acc, CAST(CAST(connected_at AS TIMESTAMP) AS DATE) AS con,
               coalesce(CAST(paused_days AS INTEGER), 0) AS paused
        FROM read_csv({Csv("applications.csv")}, header = true, all_varchar = true)
        WHERE status = 'connected')
    SELECT category, greatest(c2.idx - c1.idx - paused, 0) AS wd, count(*) AS n
    FROM apps JOIN cal c1 ON c1.d = apps.acc JOIN cal c2 ON c2.d = apps.con
    GROUP BY ALL ORDER BY category, wd
    """;

int Rows(string sql)
{
    using var cmd = conn.CreateCommand();
    cmd.CommandText = sql;
    using var r = cmd.ExecuteReader();
    var n = 0;
    while (r.Read()) n++;
    return n;
}

var saidiRows = Rows(saidi);
var dayRows = Rows(days);
watch.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"duckdb reference: {saidiRows} SAIDI rows (area x year), {dayRows} day-distribution rows (category x days) in {watch.Elapsed.TotalSeconds:0.00} s"));
return 0;
