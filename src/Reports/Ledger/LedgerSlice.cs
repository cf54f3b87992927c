using Analytics.Domain;

namespace Analytics.Reports.Ledger;

/// <summary>
/// One county's records (or the whole city's) as at a week's end (<see cref="LedgerAsOf"/>). Built for
/// every county in one pass over the inputs, so <c>--all</c> does not rescan the data per county.
/// </summary>
internal sealed class LedgerSlice
{
    public List<Application> Applications { get; } = [];
    public List<ApplicationRevision> Revisions { get; } = [];
    /// <summary>Steps cut at the week's end, for SAIDI year to date.</summary>
    public List<OutageStep> Outages { get; } = [];
    /// <summary>Steps as filed that began in the week, for the 停电事件 list.</summary>
    public List<OutageStep> WeekOutages { get; } = [];
    public List<CustomersServed> CustomersServed { get; } = [];
    public List<LedgerNote> Notes { get; } = [];

    /// <summary>Slices by county code (every registry county present, possibly empty) and the whole city.</summary>
    public static (Dictionary<string, LedgerSlice> ByCounty, LedgerSlice City) Build(LedgerInputs inputs, LedgerWeek week, bool wantCity)
    {
        var by = new Dictionary<string, LedgerSlice>(StringComparer.Ordinal);
        foreach (var c in inputs.Registries.Counties) by[c.Code] = new LedgerSlice();
        var city = new LedgerSlice();
        var end = week.End;

        LedgerSlice? Of(string county) => by.TryGetValue(county, out var s) ? s : null;

        foreach (var a in inputs.Applications)
        {
            var r = LedgerAsOf.Rewind(a, end);
            if (r is null) continue;
            Of(a.County)?.Applications.Add(r);
            if (wantCity) city.Applications.Add(r);
        }
        foreach (var rev in inputs.Revisions)
        {
            // A filing made after the as-of was not known then.
            if (rev.FilingAsOf >= end) continue;
            Of(rev.Record.County)?.Revisions.Add(rev);
            if (wantCity) city.Revisions.Add(rev);
        }
        foreach (var o in inputs.Outages)
        {
            var s = Of(o.County);
            if (week.Contains(o.StartAt)) s?.WeekOutages.Add(o);
            var cut = LedgerAsOf.Cut(o, end);
            if (cut is null) continue;
            s?.Outages.Add(cut);
            if (wantCity) city.Outages.Add(cut);
        }
        foreach (var c in inputs.CustomersServed)
        {
            Of(c.County)?.CustomersServed.Add(c);
            if (wantCity) city.CustomersServed.Add(c);
        }
        foreach (var n in inputs.LedgerNotes)
        {
            if (inputs.Registries.TryCounty(n.County, out var e)) Of(e.Code)?.Notes.Add(n);
        }
        return (by, city);
    }
}
