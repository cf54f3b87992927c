using System.Data;
using Analytics.Domain;
using Dapper;

namespace Analytics.Store;

/// <summary>
/// The read queries, the same SQL for both stores (standard SQL over the same schema): each store runs them
/// on its own connection, with the known-at parameter encoded its own way, and maps its own errors.
/// </summary>
internal static class StoreReads
{
    public static IEnumerable<ApplicationRevision> ApplicationRevisions(IDbConnection conn, DynamicParameters? knownAt) =>
        ApplicationRevisions(conn, knownAt is null ? "" : "WHERE r.filing_as_of <= @knownAt", knownAt);

    /// <summary>The revisions a WHERE clause over <c>application_revisions r</c> selects, ordered by key.</summary>
    public static IEnumerable<ApplicationRevision> ApplicationRevisions(IDbConnection conn, string where, DynamicParameters? parameters)
    {
        var sql = $"""
            SELECT {StoreColumns.ApplicationSelect},
                   r.revision AS Revision, r.filing_id AS FilingId, r.filing_as_of AS FilingAsOf
            FROM application_revisions r {where}
            ORDER BY r.utility, r.application_id, r.revision
            """;
        return conn.Query<Application, RevisionRow, ApplicationRevision>(sql,
            (a, r) => new ApplicationRevision(a, r.Revision, r.FilingId, r.FilingAsOf),
            parameters, buffered: false, splitOn: "Revision");
    }

    /// <summary>The WHERE clause of the revisions without derived figures.</summary>
    public const string UnderivedWhere = "WHERE r.d_outcomes IS NULL";

    /// <summary>The latest revision of each application (known at <c>@knownAt</c> when given), ordered by key.</summary>
    /// <param name="conn">An open connection of the store.</param>
    /// <param name="knownAt">The store's encoding of the known-at instant, or null for everything stored.</param>
    /// <param name="heads">The store keeps a heads table (the embedded store does; PostgreSQL finds the latest revision by its key).</param>
    public static IEnumerable<Application> Applications(IDbConnection conn, DynamicParameters? knownAt, bool heads)
    {
        var asOf = knownAt is null ? "" : "AND n.filing_as_of <= @knownAt";
        var sql = knownAt is null && heads
            ? $"""
               SELECT {StoreColumns.ApplicationSelect}
               FROM application_heads h
               JOIN application_revisions r
                 ON r.utility = h.utility AND r.application_id = h.application_id AND r.revision = h.revision
               ORDER BY h.utility, h.application_id
               """
            : $"""
               SELECT {StoreColumns.ApplicationSelect}
               FROM application_revisions r
               WHERE {(knownAt is null ? "TRUE" : "r.filing_as_of <= @knownAt")}
                 AND NOT EXISTS (SELECT 1 FROM application_revisions n
                                 WHERE n.utility = r.utility AND n.application_id = r.application_id
                                   AND n.revision > r.revision {asOf})
               ORDER BY r.utility, r.application_id
               """;
        return conn.Query<Application>(sql, knownAt, buffered: false);
    }

    /// <summary>
    /// The WHERE clause (over <c>application_revisions r</c>) of the revisions a <see cref="Domain.Storage.RecordScope"/>
    /// selects, with parameters <c>@knownAt</c> (when <paramref name="known"/>), <c>@county</c>, <c>@utility</c>,
    /// <c>@start</c>, <c>@end</c>, <c>@lifeFrom</c>: the same rule as <see cref="Domain.Storage.RecordScope.Wants(IReadOnlyList{ApplicationRevision})"/>.
    /// </summary>
    /// <remarks>With <paramref name="withdrawnOnly"/>, only the applications whose latest revision is withdrawn with a
    /// withdrawal time (<see cref="Domain.Storage.IAnalyticsStore.WithdrawnRevisions"/>).</remarks>
    public static string ScopeWhere(Domain.Storage.RecordScope scope, bool known, bool withdrawnOnly = false)
    {
        var k = known ? "AND {0}.filing_as_of <= @knownAt" : "";
        string Known(string alias) => string.Format(System.Globalization.CultureInfo.InvariantCulture, k, alias);
        var group = (scope.County is null ? "" : "AND h.county = @county ") + (scope.Utility is null ? "" : "AND h.utility = @utility ")
            + (withdrawnOnly ? $"AND h.status = {(int)ApplicationStatus.Withdrawn} AND h.withdrawn_at IS NOT NULL " : "");
        return $"""
            WHERE TRUE {Known("r")} AND (r.utility, r.application_id) IN (
              SELECT h.utility, h.application_id FROM application_revisions h
              WHERE TRUE {Known("h")} {group}
                {Selects("h", known)}
                AND NOT EXISTS (SELECT 1 FROM application_revisions n
                                WHERE n.utility = h.utility AND n.application_id = h.application_id AND n.revision > h.revision {Known("n")}))
            """;
    }

    /// <summary>
    /// The scope's rule on a latest revision (alias <paramref name="alias"/>): accepted by the end of the period and open, or
    /// ended on or after <c>@lifeFrom</c>, or created in it; or some revision of it filed in the period. The test on the row
    /// itself comes first and the probe of other revisions last (SQLite evaluates the terms in this order), and that probe
    /// runs only when some filing is dated in the period (most periods have none): a year's question then probes the part
    /// of the store its dates select, not all of it.
    /// </summary>
    public static string Selects(string alias, bool known)
    {
        var k = known ? "AND f.filing_as_of <= @knownAt" : "";
        return $"""
            AND (({alias}.accepted_at < @end
                  AND (COALESCE({alias}.connected_at, {alias}.withdrawn_at) IS NULL
                       OR COALESCE({alias}.connected_at, {alias}.withdrawn_at) >= @lifeFrom
                       OR {alias}.record_created_at >= @start))
                 OR (EXISTS (SELECT 1 FROM filings fi WHERE fi.as_of >= @start AND fi.as_of < @end)
                     AND EXISTS (SELECT 1 FROM application_revisions f
                                 WHERE f.utility = {alias}.utility AND f.application_id = {alias}.application_id
                                   AND f.filing_as_of >= @start AND f.filing_as_of < @end {k})))
            """;
    }

    /// <summary>The scope's parameters, instants encoded by the store (<paramref name="instant"/>).</summary>
    public static DynamicParameters ScopeParameters(Domain.Storage.RecordScope scope, DateTime? knownAt, Func<DateTime, object> instant)
    {
        var p = new DynamicParameters();
        if (knownAt is { } k) p.Add("knownAt", instant(k));
        if (scope.County is not null) p.Add("county", scope.County);
        if (scope.Utility is not null) p.Add("utility", scope.Utility);
        p.Add("start", instant(scope.Start));
        p.Add("end", instant(scope.End));
        p.Add("lifeFrom", instant(scope.LifeFrom));
        p.Add("outagesFrom", instant(scope.OutagesFrom));
        p.Add("firstYear", scope.FirstYear);
        p.Add("lastYear", scope.LastYear);
        return p;
    }

    /// <summary>The scoped revisions through Dapper (PostgreSQL); with <paramref name="withdrawnOnly"/>, of the withdrawn applications only.</summary>
    public static IEnumerable<ApplicationRevision> ApplicationRevisions(IDbConnection conn, Domain.Storage.RecordScope scope, DynamicParameters p, bool known,
        bool withdrawnOnly = false)
    {
        var sql = $"""
            SELECT {StoreColumns.ApplicationSelect},
                   r.revision AS Revision, r.filing_id AS FilingId, r.filing_as_of AS FilingAsOf
            FROM application_revisions r {ScopeWhere(scope, known, withdrawnOnly)}
            ORDER BY r.utility, r.application_id, r.revision
            """;
        return conn.Query<Application, RevisionRow, ApplicationRevision>(sql,
            (a, r) => new ApplicationRevision(a, r.Revision, r.FilingId, r.FilingAsOf),
            p, buffered: false, splitOn: "Revision");
    }

    /// <summary>The scope's county and utility as conditions (<c> AND …</c>) on a table's own columns, parameters <c>@county</c>, <c>@utility</c>.</summary>
    public static string Group(Domain.Storage.RecordScope scope) =>
        (scope.County is null ? "" : " AND county = @county") + (scope.Utility is null ? "" : " AND utility = @utility");

    /// <summary>The outage steps overlapping the scope's outage window, in the order of <see cref="Outages(IDbConnection)"/>.</summary>
    public static IEnumerable<OutageStep> Outages(IDbConnection conn, Domain.Storage.RecordScope scope, DynamicParameters p) =>
        Outages(conn, OutagesWhere(scope), p);

    /// <summary>The outage steps a WHERE clause (<see cref="OutagesWhere"/>, <see cref="OutagesStartingWhere"/>) selects, in the order of <see cref="Outages(IDbConnection)"/>.</summary>
    public static IEnumerable<OutageStep> Outages(IDbConnection conn, string where, DynamicParameters p) =>
        conn.Query<OutageStep>(
            $"SELECT {StoreColumns.OutageSelect} FROM outage_steps {where} ORDER BY utility, outage_id, step",
            p, buffered: false);

    /// <summary>The WHERE clause of the outage steps overlapping the scope's outage window (parameters of <see cref="ScopeParameters"/>).</summary>
    public static string OutagesWhere(Domain.Storage.RecordScope scope) =>
        $"WHERE start_at < @end AND end_at >= @outagesFrom{Group(scope)}";

    /// <summary>The WHERE clause of the outage steps starting in the scope's period (parameters of <see cref="ScopeParameters"/>).</summary>
    public static string OutagesStartingWhere(Domain.Storage.RecordScope scope) =>
        $"WHERE start_at >= @start AND start_at < @end{Group(scope)}";

    /// <summary>The customers-served snapshots of the scope's years and group.</summary>
    public static IEnumerable<CustomersServed> CustomersServed(IDbConnection conn, Domain.Storage.RecordScope scope, DynamicParameters p) =>
        conn.Query<CustomersServed>(
            $"SELECT {StoreColumns.CustomersSelect} FROM customers_served WHERE year >= @firstYear AND year <= @lastYear{Group(scope)} ORDER BY year, month, utility, county, area",
            p, buffered: false);

    public static IEnumerable<OutageStep> Outages(IDbConnection conn) =>
        conn.Query<OutageStep>(
            $"SELECT {StoreColumns.OutageSelect} FROM outage_steps ORDER BY utility, outage_id, step",
            buffered: false);

    public static IEnumerable<CustomersServed> CustomersServed(IDbConnection conn) =>
        conn.Query<CustomersServed>(
            $"SELECT {StoreColumns.CustomersSelect} FROM customers_served ORDER BY year, month, utility, county, area",
            buffered: false);

    public static IEnumerable<ReportNote> Notes(IDbConnection conn) =>
        conn.Query<ReportNoteRow>(
            "SELECT utility AS Utility, year AS Year, half AS Half, section AS Section, text AS Text FROM report_notes ORDER BY utility, year, half, section",
            buffered: false)
            .Select(r => new ReportNote { Utility = r.Utility, Half = new HalfYear(r.Year, r.Half), Section = r.Section, Text = r.Text });

    public static IEnumerable<LedgerNote> LedgerNotes(IDbConnection conn) =>
        conn.Query<LedgerNoteRow>(
            "SELECT county AS County, thursday AS Thursday, task AS Task, text AS Text, status AS Status FROM ledger_notes ORDER BY county, thursday, task",
            buffered: false)
            .Select(r => new LedgerNote { County = r.County, Thursday = DateOnly.FromDateTime(r.Thursday), Task = r.Task, Text = r.Text, Status = r.Status });

    /// <summary>Each county-week's ledger filings: the load times of the filings its stored notes came with.</summary>
    public static IEnumerable<LedgerFiling> LedgerFilings(IDbConnection conn) =>
        conn.Query<LedgerFilingRow>(
            """
            SELECT n.county AS County, n.thursday AS Thursday, MIN(f.loaded_at) AS FirstFiledAt, MAX(f.loaded_at) AS LastFiledAt
            FROM ledger_notes n JOIN filings f ON f.id = n.filing_id
            GROUP BY n.county, n.thursday
            ORDER BY n.county, n.thursday
            """,
            buffered: false)
            .Select(r => new LedgerFiling(r.County, DateOnly.FromDateTime(r.Thursday), r.FirstFiledAt, r.LastFiledAt));
}
