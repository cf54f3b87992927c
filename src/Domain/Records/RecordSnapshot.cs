using Analytics.Domain.Storage;

namespace Analytics.Domain;

/// <summary>
/// The records as known at one instant (metrics.md §8, "as known at A"): each application in its latest revision filed
/// at or before <see cref="KnownAt"/>, every such revision (the evidence for 改写/后补), outages, customers served, notes
/// and the filings themselves. Every read command, ledger, report and the risk list start from one of these.
/// </summary>
/// <remarks>
/// <para><see cref="DataThrough"/> is the newest as-of of the data filings (applications, outages) known at
/// <see cref="KnownAt"/>: what a period can speak of. Customers and notes filings carry their load time, which would make
/// figures depend on when they were loaded, so they count only when there is no data filing.</para>
/// <para><see cref="Where"/> is the one county/utility filter; <see cref="Rewind"/> and <see cref="Cut"/> give a record as
/// it stood at an earlier instant (the end of a period): times at or after it are removed.</para>
/// </remarks>
public sealed record RecordSnapshot
{
    /// <summary>
    /// The days the records span, widened to the as-of day: from the first acceptance or outage start to the last
    /// connection, withdrawal, acceptance or outage end — the period of a list command without --from/--to, and of the
    /// web's "all data" question.
    /// </summary>
    public (DateOnly First, DateOnly Last) Span(DateTime asOf) => Span(Applications, Outages, asOf);

    /// <summary><see cref="Span(DateTime)"/> of applications and outage steps read once as they come (streamed from a store).</summary>
    public static (DateOnly First, DateOnly Last) Span(IEnumerable<Application> applications, IEnumerable<OutageStep> outages, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(outages);
        var first = DateOnly.FromDateTime(asOf);
        var last = first;
        foreach (var a in applications)
        {
            var d = DateOnly.FromDateTime(a.AcceptedAt);
            if (d < first) first = d;
            var e = DateOnly.FromDateTime(a.ConnectedAt ?? a.WithdrawnAt ?? a.AcceptedAt);
            if (e > last) last = e;
        }
        foreach (var o in outages)
        {
            var d = DateOnly.FromDateTime(o.StartAt);
            if (d < first) first = d;
            var e = DateOnly.FromDateTime(o.EndAt);
            if (e > last) last = e;
        }
        return (first, last);
    }

    /// <summary>The latest revision of each application known at <see cref="KnownAt"/>, ordered by (utility, id).</summary>
    public IReadOnlyList<Application> Applications { get; init; } = [];
    /// <summary>Every revision known at <see cref="KnownAt"/>, ordered by (utility, id, revision).</summary>
    public IReadOnlyList<ApplicationRevision> Revisions { get; init; } = [];
    /// <summary>Every outage step (a later filing of an outage replaces its steps).</summary>
    public IReadOnlyList<OutageStep> Outages { get; init; } = [];
    /// <summary>Every customers-served snapshot.</summary>
    public IReadOnlyList<CustomersServed> CustomersServed { get; init; } = [];
    /// <summary>The utilities' semiannual notes.</summary>
    public IReadOnlyList<ReportNote> Notes { get; init; } = [];
    /// <summary>The ledger notes the counties filed back.</summary>
    public IReadOnlyList<LedgerNote> LedgerNotes { get; init; } = [];
    /// <summary>When each county-week's ledger was filed (<see cref="Storage.IAnalyticsStore.LedgerFilings"/>).</summary>
    public IReadOnlyList<LedgerFiling> LedgerFilings { get; init; } = [];
    /// <summary>The filings known at <see cref="KnownAt"/>, oldest first.</summary>
    public IReadOnlyList<Filing> Filings { get; init; } = [];

    /// <summary>The instant the records are known at; null when every filing is taken.</summary>
    public DateTime? KnownAt { get; init; }

    /// <summary>The county the snapshot is limited to (registry code), if any.</summary>
    public string? County { get; init; }

    /// <summary>The utility the snapshot is limited to (registry code), if any.</summary>
    public string? Utility { get; init; }

    /// <summary>
    /// The newest as-of of the data filings (applications, outages), else of any filing; null for an empty store.
    /// The default as-of instant of every figure (metrics.md §8).
    /// </summary>
    public DateTime? DataThrough => DataThroughOf(Filings);

    /// <summary><see cref="DataThrough"/> of a set of filings.</summary>
    public static DateTime? DataThroughOf(IEnumerable<Filing> filings)
    {
        ArgumentNullException.ThrowIfNull(filings);
        {
            DateTime? data = null, any = null;
            foreach (var f in filings)
            {
                if (any is null || f.AsOf > any) any = f.AsOf;
                if (f.Kind is FilingKind.Applications or FilingKind.Outages && (data is null || f.AsOf > data)) data = f.AsOf;
            }
            return data ?? any;
        }
    }

    /// <summary>
    /// The store's filings known at <paramref name="knownAt"/> (every filing when null): those a snapshot loaded then holds,
    /// whose <see cref="DataThroughOf"/> is its <c>data_through</c>.
    /// </summary>
    public static IReadOnlyList<Filing> KnownFilings(IAnalyticsStore store, DateTime? knownAt)
    {
        ArgumentNullException.ThrowIfNull(store);
        var filings = store.Filings();
        return knownAt is { } k ? [.. filings.Where(f => f.AsOf <= k)] : filings;
    }

    /// <summary>
    /// Loads what the store knew at <paramref name="knownAt"/> (everything when null): revisions from filings whose as-of
    /// is at or before it, the latest of each key as the current record (the same object, no second copy).
    /// </summary>
    public static RecordSnapshot Load(IAnalyticsStore store, DateTime? knownAt) => Load(store, knownAt, scope: null);

    /// <summary>
    /// Loads what the store knew at <paramref name="knownAt"/> of the records <paramref name="scope"/> selects (every
    /// record when null): the store selects them in its own engine, so memory follows the question, not the store.
    /// </summary>
    public static RecordSnapshot Load(IAnalyticsStore store, DateTime? knownAt, RecordScope? scope) =>
        Load(store, knownAt, scope, applicationsOnly: false);

    /// <summary>
    /// <see cref="Load(IAnalyticsStore, DateTime?, RecordScope?)"/>; with <paramref name="applicationsOnly"/>, without the
    /// outage steps and customers served (empty): for a caller that takes reliability from elsewhere (the store's answer,
    /// issue 12) and needs the applications' own figures, breaches and findings.
    /// </summary>
    public static RecordSnapshot Load(IAnalyticsStore store, DateTime? knownAt, RecordScope? scope, bool applicationsOnly)
    {
        ArgumentNullException.ThrowIfNull(store);
        var revisions = new List<ApplicationRevision>();
        var latest = new List<Application>();
        ApplicationRevision? previous = null;
        // Revisions come ordered by (utility, id, revision): the last of each run is the current record.
        foreach (var r in scope is null ? store.ApplicationRevisions(knownAt) : store.ApplicationRevisions(knownAt, scope))
        {
            if (previous is not null && !SameKey(previous.Record, r.Record)) latest.Add(previous.Record);
            revisions.Add(r);
            previous = r;
        }
        if (previous is not null) latest.Add(previous.Record);
        return new RecordSnapshot
        {
            Revisions = revisions,
            Applications = latest,
            Outages = applicationsOnly ? [] : (scope is null ? store.Outages() : store.Outages(scope)).ToList(),
            CustomersServed = applicationsOnly ? [] : (scope is null ? store.CustomersServed() : store.CustomersServed(scope)).ToList(),
            Filings = KnownFilings(store, knownAt),
            Notes = store.Notes().ToList(),
            LedgerNotes = store.LedgerNotes().ToList(),
            LedgerFilings = store.LedgerFilings().ToList(),
            KnownAt = knownAt,
            County = scope?.County,
            Utility = scope?.Utility,
        };
    }

    /// <summary>
    /// The applications of <see cref="Load(IAnalyticsStore, DateTime?, RecordScope?)"/> (the latest revision of each key known
    /// at <paramref name="knownAt"/>, in key order; of every record when <paramref name="scope"/> is null) one at a time as the
    /// store reads them, holding none: for a caller that reads each once and keeps only what it takes from it (the forensics
    /// over the city's year to date, the early warning's training; issue 12).
    /// </summary>
    public static IEnumerable<Application> StreamApplications(IAnalyticsStore store, DateTime? knownAt, RecordScope? scope)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Latest(scope is null ? store.ApplicationRevisions(knownAt) : store.ApplicationRevisions(knownAt, scope));

        // Revisions come ordered by (utility, id, revision): the last of each run is the current record, as in Load.
        static IEnumerable<Application> Latest(IEnumerable<ApplicationRevision> revisions)
        {
            foreach (var run in Runs(revisions)) yield return run[^1].Record;
        }
    }

    /// <summary>
    /// The revisions of each application in turn from revisions ordered by (utility, id, revision), as every store reads
    /// them: one run per key, the latest last. The list is reused from one run to the next (read it before the next).
    /// </summary>
    public static IEnumerable<List<ApplicationRevision>> Runs(IEnumerable<ApplicationRevision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        return Iterate(revisions);

        static IEnumerable<List<ApplicationRevision>> Iterate(IEnumerable<ApplicationRevision> revisions)
        {
            var run = new List<ApplicationRevision>();
            foreach (var r in revisions)
            {
                if (run.Count > 0 && !SameKey(run[0].Record, r.Record))
                {
                    yield return run;
                    run.Clear();
                }
                run.Add(r);
            }
            if (run.Count > 0) yield return run;
        }
    }

    /// <summary>
    /// The part of the snapshot of one county and/or utility (registry codes compared ordinally; null = all). Notes and
    /// filings are kept whole: they are not records of a county.
    /// </summary>
    public RecordSnapshot Where(string? county, string? utility)
    {
        if (county is null && utility is null) return this;
        return this with
        {
            Applications = Filter(Applications, county, utility, a => a.County, a => a.Utility),
            Revisions = Filter(Revisions, county, utility, r => r.Record.County, r => r.Record.Utility),
            Outages = Filter(Outages, county, utility, o => o.County, o => o.Utility),
            CustomersServed = Filter(CustomersServed, county, utility, c => c.County, c => c.Utility),
            County = county ?? County,
            Utility = utility ?? Utility,
        };
    }

    /// <summary>True when the record belongs to the county and utility given (null = any).</summary>
    public static bool Matches(string recordCounty, string recordUtility, string? county, string? utility) =>
        (county is null || string.Equals(recordCounty, county, StringComparison.Ordinal))
        && (utility is null || string.Equals(recordUtility, utility, StringComparison.Ordinal));

    /// <summary>
    /// The application as it stood just before <paramref name="end"/> (exclusive), or null when accepted at or after it:
    /// every time at or after <paramref name="end"/> is removed, and a connection or withdrawal after it makes the
    /// application in progress again. Returns the same object when nothing changes.
    /// </summary>
    public static Application? Rewind(Application a, DateTime end)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.AcceptedAt >= end) return null;
        if (!After(a, end)) return a;
        var connected = Keep(a.ConnectedAt, end);
        var withdrawn = Keep(a.WithdrawnAt, end);
        var status = a.Status switch
        {
            ApplicationStatus.Connected when connected is null => ApplicationStatus.InProgress,
            ApplicationStatus.Withdrawn when withdrawn is null => ApplicationStatus.InProgress,
            var s => s,
        };
        return a with
        {
            Status = status,
            PlanRepliedAt = Keep(a.PlanRepliedAt, end),
            DesignReviewStart = Keep(a.DesignReviewStart, end),
            DesignReviewEnd = Keep(a.DesignReviewEnd, end),
            CustomerWorksStart = Keep(a.CustomerWorksStart, end),
            CustomerWorksEnd = Keep(a.CustomerWorksEnd, end),
            MidCheckStart = Keep(a.MidCheckStart, end),
            MidCheckEnd = Keep(a.MidCheckEnd, end),
            ExternalWorksStart = Keep(a.ExternalWorksStart, end),
            ExternalWorksEnd = Keep(a.ExternalWorksEnd, end),
            ApprovalSubmittedAt = Keep(a.ApprovalSubmittedAt, end),
            ApprovalGrantedAt = Keep(a.ApprovalGrantedAt, end),
            CompletionCheckStart = Keep(a.CompletionCheckStart, end),
            CompletionCheckEnd = Keep(a.CompletionCheckEnd, end),
            ConnectedAt = connected,
            WithdrawnAt = withdrawn,
        };
    }

    /// <summary>An outage step as at <paramref name="end"/>: null when it began at or after it, else restored no later than it.</summary>
    public static OutageStep? Cut(OutageStep s, DateTime end)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.StartAt >= end) return null;
        return s.EndAt <= end ? s : s with { EndAt = end };
    }

    private static DateTime? Keep(DateTime? t, DateTime end) => t is { } v && v >= end ? null : t;

    private static bool After(Application a, DateTime end) =>
        a.PlanRepliedAt >= end || a.DesignReviewStart >= end || a.DesignReviewEnd >= end
        || a.CustomerWorksStart >= end || a.CustomerWorksEnd >= end || a.MidCheckStart >= end || a.MidCheckEnd >= end
        || a.ExternalWorksStart >= end || a.ExternalWorksEnd >= end || a.ApprovalSubmittedAt >= end
        || a.ApprovalGrantedAt >= end || a.CompletionCheckStart >= end || a.CompletionCheckEnd >= end
        || a.ConnectedAt >= end || a.WithdrawnAt >= end;

    private static List<T> Filter<T>(IReadOnlyList<T> items, string? county, string? utility,
        Func<T, string> countyOf, Func<T, string> utilityOf)
    {
        var list = new List<T>();
        foreach (var x in items)
            if (Matches(countyOf(x), utilityOf(x), county, utility)) list.Add(x);
        return list;
    }

    private static bool SameKey(Application a, Application b) =>
        string.Equals(a.Utility, b.Utility, StringComparison.Ordinal)
        && string.Equals(a.ApplicationId, b.ApplicationId, StringComparison.Ordinal);
}
