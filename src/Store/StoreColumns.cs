namespace Analytics.Store;

/// <summary>
/// Column lists shared by both dialects (the tables use the same column names), and the
/// <c>SELECT</c> lists that alias snake_case columns to the record properties Dapper fills.
/// </summary>
internal static class StoreColumns
{
    /// <summary>
    /// Every stored field of <see cref="Analytics.Domain.Application"/> after the key, in the order writers bind
    /// them: <see cref="Analytics.Domain.ApplicationFields.StoreData"/>. The hand-written writers and readers
    /// bind by position in this order; StoreColumnsTests checks them against the list.
    /// </summary>
    public static readonly string[] ApplicationData = [.. Analytics.Domain.ApplicationFields.StoreData.Select(f => f.Name)];

    /// <summary>
    /// The derived figures stored with each revision (<see cref="Analytics.Domain.Storage.DerivedFigures"/>, in its order), NULL
    /// when the revision was filed without a derivation; the writers bind them after <see cref="ApplicationData"/>.
    /// </summary>
    public static readonly string[] Derived =
        ["d_category", "d_settled_at", "d_approval_days", "d_utility_days", "d_whole_days", "d_outcomes", "d_calendar_gap"];

    /// <summary>The data and derived columns, in the order the writers bind them.</summary>
    public static readonly string[] StoredData = [.. ApplicationData, .. Derived];

    /// <summary>Staged application columns: key, hash, data.</summary>
    public static readonly string StagedApplication =
        "utility, application_id, content_hash, " + string.Join(", ", StoredData);

    /// <summary><c>s.county, s.area, …</c></summary>
    public static string Prefixed(string alias, IEnumerable<string> columns) =>
        string.Join(", ", columns.Select(c => alias + "." + c));

    /// <summary>The application fields of revision alias <c>r</c>, named as <see cref="Analytics.Domain.Application"/>'s properties.</summary>
    public static readonly string ApplicationSelect = "r.utility AS Utility, r.application_id AS ApplicationId, "
        + string.Join(", ", ApplicationData.Select(c => "r." + c + " AS " + Pascal(c)));

    public const string OutageData =
        "county, area, feeder, kind, cause, start_at, end_at, customers, notified_at, notify_channels";

    public const string OutageSelect = """
        utility AS Utility, outage_id AS OutageId, step AS Step, county AS County, area AS Area,
        feeder AS Feeder, kind AS Kind, cause AS Cause, start_at AS StartAt, end_at AS EndAt,
        customers AS Customers, notified_at AS NotifiedAt, notify_channels AS NotifyChannels
        """;

    public const string FilingSelect = """
        id AS Id, kind AS Kind, file_name AS FileName, sha256 AS Sha256, as_of AS AsOf,
        loaded_at AS LoadedAt, rows_read AS RowsRead, rows_changed AS RowsChanged,
        rows_unchanged AS RowsUnchanged, rows_rejected AS RowsRejected
        """;

    public const string CustomersSelect = """
        utility AS Utility, county AS County, area AS Area, year AS Year,
        NULLIF(month, 0) AS Month, customers AS Customers
        """;

    /// <summary><c>external_works_start</c> → <c>ExternalWorksStart</c>; <c>fee_yuan</c> → <c>FeeYuan</c>.</summary>
    private static string Pascal(string snake) =>
        string.Concat(snake.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
