using Analytics.Domain;

namespace Analytics.Reports.Ledger;

/// <summary>
/// One county's records (or the whole city's) as known at the ledger's as-of. Built for every county in one pass
/// over the inputs, so <c>--all</c> does not rescan the data per county; from a store (<see cref="LedgerInputs.Store"/>),
/// one county's at a time from the records selected for its week. The records are not cut at the week's end:
/// the metrics engine takes each application as it stood at the end of the period asked (metrics.md §8).
/// </summary>
internal sealed class LedgerSlice
{
    private readonly List<Application> _applications = [];
    private readonly List<ApplicationRevision> _revisions = [];
    private readonly List<OutageStep> _outages = [];
    private readonly List<CustomersServed> _customers = [];

    /// <summary>The slice's records (what the engine is asked about).</summary>
    public RecordSnapshot Records { get; private set; } = new();

    /// <summary>Steps as filed that began in the week, for the 停电事件 list.</summary>
    public List<OutageStep> WeekOutages { get; } = [];

    /// <summary>The ledger notes the county filed back.</summary>
    public List<LedgerNote> Notes { get; } = [];

    /// <summary>Slices by county code (every registry county present, possibly empty) and the whole city.</summary>
    public static (Dictionary<string, LedgerSlice> ByCounty, LedgerSlice City) Build(LedgerInputs inputs, LedgerWeek week, bool wantCity) =>
        Build(inputs, inputs.Records, week, wantCity);

    /// <summary>One county's slice of the records the store selected for its week (<see cref="LedgerStore.Week"/>).</summary>
    public static LedgerSlice Of(LedgerInputs inputs, RecordSnapshot records, LedgerWeek week, string county) =>
        Build(inputs, records, week, wantCity: false).ByCounty[county];

    private static (Dictionary<string, LedgerSlice> ByCounty, LedgerSlice City) Build(LedgerInputs inputs, RecordSnapshot records,
        LedgerWeek week, bool wantCity)
    {
        var by = new Dictionary<string, LedgerSlice>(StringComparer.Ordinal);
        foreach (var c in inputs.Registries.Counties) by[c.Code] = new LedgerSlice();
        var city = new LedgerSlice();

        LedgerSlice? Of(string county) => by.TryGetValue(county, out var s) ? s : null;

        foreach (var a in records.Applications) Of(a.County)?._applications.Add(a);
        foreach (var rev in records.Revisions) Of(rev.Record.County)?._revisions.Add(rev);
        foreach (var o in records.Outages)
        {
            var s = Of(o.County);
            s?._outages.Add(o);
            if (week.Contains(o.StartAt)) s?.WeekOutages.Add(o);
        }
        foreach (var c in records.CustomersServed) Of(c.County)?._customers.Add(c);
        foreach (var n in records.LedgerNotes)
            if (inputs.Registries.TryCounty(n.County, out var e)) Of(e.Code)?.Notes.Add(n);

        foreach (var (code, s) in by)
            s.Records = records with
            {
                Applications = s._applications,
                Revisions = s._revisions,
                Outages = s._outages,
                CustomersServed = s._customers,
                County = code,
            };
        if (wantCity) city.Records = records;
        return (by, city);
    }
}
