using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Cli;

/// <summary>
/// What the read commands load from the store, once: every application revision (the latest of each key
/// is the current record, the same object — no second copy), outages, customers served.
/// </summary>
public sealed class StoreData
{
    public required IReadOnlyList<ApplicationRevision> Revisions { get; init; }
    public required IReadOnlyList<Application> Applications { get; init; }
    public required IReadOnlyList<OutageStep> Outages { get; init; }
    public required IReadOnlyList<CustomersServed> CustomersServed { get; init; }
    public required IReadOnlyList<Filing> Filings { get; init; }
    public required IReadOnlyList<ReportNote> Notes { get; init; }
    public required IReadOnlyList<LedgerNote> LedgerNotes { get; init; }

    /// <summary>
    /// The newest as-of of the data filings (applications, outages), else of any filing, or null for an empty
    /// store. Customers and notes filings carry their load time, which would make figures depend on when they
    /// were loaded.
    /// </summary>
    public DateTime? NewestAsOf
    {
        get
        {
            DateTime? data = null, any = null;
            foreach (var f in Filings)
            {
                if (any is null || f.AsOf > any) any = f.AsOf;
                if (f.Kind is FilingKind.Applications or FilingKind.Outages && (data is null || f.AsOf > data)) data = f.AsOf;
            }
            return data ?? any;
        }
    }

    /// <summary>Loads everything known at <paramref name="knownAt"/> (all when null).</summary>
    public static StoreData Load(IAnalyticsStore store, DateTime? knownAt)
    {
        ArgumentNullException.ThrowIfNull(store);
        var revisions = new List<ApplicationRevision>();
        var latest = new List<Application>();
        ApplicationRevision? previous = null;
        // Revisions come ordered by (utility, id, revision): the last of each run is the current record.
        foreach (var r in store.ApplicationRevisions(knownAt))
        {
            if (previous is not null && !SameKey(previous.Record, r.Record)) latest.Add(previous.Record);
            revisions.Add(r);
            previous = r;
        }
        if (previous is not null) latest.Add(previous.Record);
        return new StoreData
        {
            Revisions = revisions,
            Applications = latest,
            Outages = store.Outages().ToList(),
            CustomersServed = store.CustomersServed().ToList(),
            Filings = store.Filings(),
            Notes = store.Notes().ToList(),
            LedgerNotes = store.LedgerNotes().ToList(),
        };
    }

    /// <summary>The engine's input for a period, as-of instant and optional filters.</summary>
    public MetricsInput Input(CliContext ctx, MetricsPeriod period, DateTime asOf, string? county, string? utility)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return new MetricsInput
        {
            Applications = Applications,
            Revisions = Revisions,
            Outages = Outages,
            CustomersServed = CustomersServed,
            Policy = ctx.Policy,
            Calendar = ctx.Calendar,
            Period = period,
            AsOf = asOf,
            County = county,
            Utility = utility,
        };
    }

    private static bool SameKey(Application a, Application b) =>
        string.Equals(a.Utility, b.Utility, StringComparison.Ordinal)
        && string.Equals(a.ApplicationId, b.ApplicationId, StringComparison.Ordinal);
}
