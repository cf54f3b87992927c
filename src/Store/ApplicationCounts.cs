using System.Data;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Dapper;

namespace Analytics.Store;

/// <summary>
/// The queries of <see cref="IAnalyticsStore.CountApplications"/>, the same SQL for both stores (like
/// <see cref="StoreReads"/>): the scope's heads (latest revisions known at the as-of that <see cref="RecordScope"/>
/// selects) split into the settled ones, counted from their derived columns (<c>d_…</c>), and the open ones, read in full.
/// </summary>
/// <remarks>
/// Parameters: <c>@knownAt</c> (when known), <c>@county</c>, <c>@utility</c>, <c>@start</c>, <c>@end</c>, <c>@lifeFrom</c>
/// (<see cref="StoreReads.ScopeParameters"/>), <c>@inProgress</c> and <c>@acceptedFrom</c>. An instant lies in the period
/// when <c>@start ≤ t &lt; @end</c> (its date is in [From, To]).
/// </remarks>
internal static class ApplicationCounts
{
    /// <summary>
    /// The WHERE clause (over <c>application_revisions r</c>) of the scope's heads: the same rule as
    /// <see cref="StoreReads.ScopeWhere"/>, applied to the head itself. <paramref name="heads"/>: the store keeps
    /// <c>application_heads</c> and the question takes every filing (no known-at).
    /// </summary>
    /// <param name="scope">The question's group and period.</param>
    /// <param name="known">With a known-at instant (<c>@knownAt</c>).</param>
    /// <param name="heads">Find the latest revision through <c>application_heads</c> (the embedded store, no known-at).</param>
    /// <param name="also">Further conditions on <c>r</c> (<c>AND …</c>), tested before the probes.</param>
    public static string HeadsWhere(RecordScope scope, bool known, bool heads, string also = "")
    {
        string Known(string alias) => known ? $"AND {alias}.filing_as_of <= @knownAt" : "";
        var group = (scope.County is null ? "" : "AND r.county = @county ") + (scope.Utility is null ? "" : "AND r.utility = @utility ");
        var head = heads && !known
            ? "AND r.revision = (SELECT h.revision FROM application_heads h WHERE h.utility = r.utility AND h.application_id = r.application_id)"
            : $"""
               AND NOT EXISTS (SELECT 1 FROM application_revisions n
                               WHERE n.utility = r.utility AND n.application_id = r.application_id AND n.revision > r.revision {Known("n")})
               """;
        // The scope's test on the row itself first, the probes of other revisions last (SQLite evaluates in this order):
        // a year's question then probes its ~40 % of the store, not all of it. The revisions filed in the period are
        // looked for only when some filing is dated in it (the filings are few; most periods have none).
        return $"""
            WHERE TRUE {Known("r")} {group}
              AND ((r.accepted_at < @end
                    AND (COALESCE(r.connected_at, r.withdrawn_at) IS NULL
                         OR COALESCE(r.connected_at, r.withdrawn_at) >= @lifeFrom
                         OR r.record_created_at >= @start))
                   OR (EXISTS (SELECT 1 FROM filings fi WHERE fi.as_of >= @start AND fi.as_of < @end)
                       AND EXISTS (SELECT 1 FROM application_revisions f
                                   WHERE f.utility = r.utility AND f.application_id = r.application_id
                                     AND f.filing_as_of >= @start AND f.filing_as_of < @end {Known("f")})))
              {also}
              {head}
            """;
    }

    /// <summary>The scope's heads of a question; <see cref="Where"/> adds a query's own conditions (see <see cref="HeadsWhere"/>).</summary>
    public sealed record Heads(RecordScope Scope, bool Known, bool UseHeadsTable)
    {
        public string Where(string also) => HeadsWhere(Scope, Known, UseHeadsTable, also);
    }

    /// <summary>Settled: derived, not in progress, nothing of it at or after the end of the period.</summary>
    public const string Settled = "AND r.d_settled_at IS NOT NULL AND r.d_settled_at < @end AND r.status <> @inProgress";

    /// <summary>Everything else of the scope: what the caller reads in full.</summary>
    public const string Open = "AND (r.d_settled_at IS NULL OR r.d_settled_at >= @end OR r.status = @inProgress)";

    private static string InPeriod(string column) => $"({column} >= @start AND {column} < @end)";

    private static string Flag(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";

    /// <summary>The settled heads with a selecting date in the period, by target cell.</summary>
    public static string TargetsSql(Heads heads)
    {
        var approval = Flag(InPeriod("r.approval_granted_at"));
        var connected = Flag(InPeriod("r.connected_at"));
        return $"""
            SELECT r.county AS County, r.utility AS Utility, r.area AS Area, r.d_category AS Category, r.d_outcomes AS Outcomes,
                   {approval} AS ApprovalInPeriod, {connected} AS ConnectedInPeriod,
                   r.d_approval_days AS ApprovalDays, r.d_utility_days AS UtilityDays, r.d_whole_days AS WholeDays,
                   COUNT(*) AS Count
            FROM application_revisions r
            {heads.Where(Settled + $" AND ({InPeriod("r.approval_granted_at")} OR {InPeriod("r.connected_at")})")}
            GROUP BY r.county, r.utility, r.area, r.d_category, r.d_outcomes, {approval}, {connected},
                     r.d_approval_days, r.d_utility_days, r.d_whole_days
            """;
    }

    /// <summary>Every settled head, by volume and indicator cell; with the calendar gaps and early acceptances among them.</summary>
    public static string VolumesSql(Heads heads)
    {
        var eContract = Flag("r.e_contract = TRUE");
        var accepted = Flag(InPeriod("r.accepted_at"));
        var connected = Flag(InPeriod("r.connected_at"));
        var withdrawn = Flag(InPeriod("COALESCE(r.withdrawn_at, r.accepted_at)"));
        var active = Flag("COALESCE(r.connected_at, r.withdrawn_at) IS NULL OR COALESCE(r.connected_at, r.withdrawn_at) >= @start");
        return $"""
            SELECT r.county AS County, r.utility AS Utility, r.area AS Area, r.d_category AS Category, r.status AS Status,
                   r.channel AS Channel, r.voltage AS Voltage, {eContract} AS EContract, r.approval_mode AS ApprovalMode,
                   {accepted} AS AcceptedInPeriod, {connected} AS ConnectedInPeriod, {withdrawn} AS WithdrawnInPeriod,
                   {active} AS ActiveInPeriod,
                   COUNT(*) AS Count,
                   SUM(r.d_calendar_gap) AS CalendarGaps,
                   SUM({Flag("r.accepted_at < @acceptedFrom")}) AS AcceptedBefore
            FROM application_revisions r {heads.Where(Settled)}
            GROUP BY r.county, r.utility, r.area, r.d_category, r.status, r.channel, r.voltage, {eContract}, r.approval_mode,
                     {accepted}, {connected}, {withdrawn}, {active}
            """;
    }

    /// <summary>The open heads in full (PostgreSQL; the embedded store reads them with its own reader).</summary>
    public static string OpenSql(Heads heads) => $"""
        SELECT {StoreColumns.ApplicationSelect}
        FROM application_revisions r {heads.Where(Open)}
        ORDER BY r.utility, r.application_id
        """;

    /// <summary>The parameters: the scope's, plus the in-progress status and the acceptance bound, instants encoded by the store.</summary>
    public static DynamicParameters Parameters(RecordScope scope, DateTime? knownAt, DateTime acceptedFrom, Func<DateTime, object> instant)
    {
        var p = StoreReads.ScopeParameters(scope, knownAt, instant);
        p.Add("inProgress", (int)ApplicationStatus.InProgress);
        p.Add("acceptedFrom", instant(acceptedFrom));
        return p;
    }

    /// <summary>Runs the two counts on <paramref name="conn"/> (within <paramref name="tx"/>).</summary>
    public static (List<TargetCountRow> Targets, List<VolumeCountRow> Volumes, long Gaps, long AcceptedBefore) Count(
        IDbConnection conn, IDbTransaction tx, Heads heads, DynamicParameters p)
    {
        var targets = conn.Query<TargetRow>(TargetsSql(heads), p, tx)
            .Select(r => new TargetCountRow(r.County, r.Utility, (Area)r.Area, (Category)r.Category, r.Outcomes,
                r.ApprovalInPeriod != 0, r.ConnectedInPeriod != 0, Int(r.ApprovalDays), Int(r.UtilityDays), Int(r.WholeDays), checked((int)r.Count)))
            .ToList();
        long gaps = 0, before = 0;
        var volumes = new List<VolumeCountRow>();
        foreach (var r in conn.Query<VolumeRow>(VolumesSql(heads), p, tx))
        {
            gaps += r.CalendarGaps ?? 0;
            before += r.AcceptedBefore;
            volumes.Add(new VolumeCountRow(r.County, r.Utility, (Area)r.Area, (Category)r.Category, (ApplicationStatus)r.Status,
                (Channel)r.Channel, (Voltage)r.Voltage, r.EContract != 0, r.ApprovalMode is { } m ? (ApprovalMode)m : null,
                r.AcceptedInPeriod != 0, r.ConnectedInPeriod != 0, r.WithdrawnInPeriod != 0, r.ActiveInPeriod != 0, checked((int)r.Count)));
        }
        return (targets, volumes, gaps, before);
    }

    private static int? Int(long? v) => v is { } x ? checked((int)x) : null;

    // Flat shapes Dapper fills: every number as long, whatever width the store returns it in.
    private sealed class TargetRow
    {
        public string County { get; set; } = "";
        public string Utility { get; set; } = "";
        public long Area { get; set; }
        public long Category { get; set; }
        public string Outcomes { get; set; } = "";
        public long ApprovalInPeriod { get; set; }
        public long ConnectedInPeriod { get; set; }
        public long? ApprovalDays { get; set; }
        public long? UtilityDays { get; set; }
        public long? WholeDays { get; set; }
        public long Count { get; set; }
    }

    private sealed class VolumeRow
    {
        public string County { get; set; } = "";
        public string Utility { get; set; } = "";
        public long Area { get; set; }
        public long Category { get; set; }
        public long Status { get; set; }
        public long Channel { get; set; }
        public long Voltage { get; set; }
        public long EContract { get; set; }
        public long? ApprovalMode { get; set; }
        public long AcceptedInPeriod { get; set; }
        public long ConnectedInPeriod { get; set; }
        public long WithdrawnInPeriod { get; set; }
        public long ActiveInPeriod { get; set; }
        public long Count { get; set; }
        public long? CalendarGaps { get; set; }
        public long AcceptedBefore { get; set; }
    }
}
