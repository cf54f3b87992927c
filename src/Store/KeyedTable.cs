namespace Analytics.Store;

/// <summary>
/// A table whose rows are replaced by key (customers, notes, ledger notes; outage steps, which are
/// replaced a whole outage at a time). Generates the set-based merge from its staging table; the SQL
/// is the same in both dialects. Staging tables hold one row per key (last row of the filing wins).
/// </summary>
internal sealed record KeyedTable(string Name, string[] Keys, string[] Data)
{
    public static readonly KeyedTable Customers = new("customers_served",
        ["utility", "county", "area", "year", "month"], ["customers"]);

    public static readonly KeyedTable Notes = new("report_notes",
        ["utility", "year", "half", "section"], ["text"]);

    public static readonly KeyedTable LedgerNotes = new("ledger_notes",
        ["county", "thursday", "task"], ["text", "status"]);

    public static readonly KeyedTable Outages = new("outage_steps",
        ["utility", "outage_id", "step"], StoreColumns.OutageData.Split(", "));

    public string Stage => "stage_" + Name;

    /// <summary>Staged columns in writer order: key, hash, data.</summary>
    public string StagedColumns => string.Join(", ", Keys.Append("content_hash").Concat(Data));

    /// <summary>Deletes stored rows whose key is staged with other content.</summary>
    public string DeleteChanged =>
        $"DELETE FROM {Name} WHERE EXISTS (SELECT 1 FROM {Stage} s WHERE {Match("s", Name)} AND s.content_hash <> {Name}.content_hash)";

    /// <summary>Inserts staged rows whose key is not (or no longer) stored; the row count is the rows changed.</summary>
    public string InsertNew =>
        $"INSERT INTO {Name} ({StoredColumns}) SELECT {StagedSelect("s")} FROM {Stage} s " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {Name} t WHERE {Match("t", "s")})";

    /// <summary>
    /// Outages only: every stored step of each staged outage goes, unless the outage is filed
    /// exactly as stored (same steps, same content), whose rows then count as unchanged.
    /// </summary>
    public string CollectChangedOutages => $"""
        CREATE TEMP TABLE changed_outages AS
        SELECT s.utility, s.outage_id FROM {Stage} s
        WHERE NOT EXISTS (SELECT 1 FROM {Name} t WHERE {Match("t", "s")} AND t.content_hash = s.content_hash)
        UNION
        SELECT t.utility, t.outage_id FROM {Name} t
        WHERE EXISTS (SELECT 1 FROM {Stage} s WHERE s.utility = t.utility AND s.outage_id = t.outage_id)
          AND NOT EXISTS (SELECT 1 FROM {Stage} s WHERE {Match("s", "t")})
        """;

    public string DeleteChangedOutages =>
        $"DELETE FROM {Name} WHERE EXISTS (SELECT 1 FROM changed_outages c WHERE c.utility = {Name}.utility AND c.outage_id = {Name}.outage_id)";

    public string InsertChangedOutages =>
        $"INSERT INTO {Name} ({StoredColumns}) SELECT {StagedSelect("s")} FROM {Stage} s " +
        "WHERE EXISTS (SELECT 1 FROM changed_outages c WHERE c.utility = s.utility AND c.outage_id = s.outage_id)";

    private string StoredColumns => string.Join(", ", Keys.Append("filing_id").Append("content_hash").Concat(Data));

    private string StagedSelect(string alias) =>
        string.Join(", ", Keys.Select(k => $"{alias}.{k}").Append("@filing").Append($"{alias}.content_hash")
            .Concat(Data.Select(d => $"{alias}.{d}")));

    private string Match(string left, string right) =>
        string.Join(" AND ", Keys.Select(k => $"{left}.{k} = {right}.{k}"));
}
