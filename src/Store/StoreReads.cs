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
    public static IEnumerable<ApplicationRevision> ApplicationRevisions(IDbConnection conn, DynamicParameters? knownAt)
    {
        var where = knownAt is null ? "" : "WHERE r.filing_as_of <= @knownAt";
        var sql = $"""
            SELECT {StoreColumns.ApplicationSelect},
                   r.revision AS Revision, r.filing_id AS FilingId, r.filing_as_of AS FilingAsOf
            FROM application_revisions r {where}
            ORDER BY r.utility, r.application_id, r.revision
            """;
        return conn.Query<Application, RevisionRow, ApplicationRevision>(sql,
            (a, r) => new ApplicationRevision(a, r.Revision, r.FilingId, r.FilingAsOf),
            knownAt, buffered: false, splitOn: "Revision");
    }

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
}
