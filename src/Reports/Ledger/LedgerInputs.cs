using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Everything a ledger is made from, as the command line loaded it from the store: the latest
/// revision of every application, every stored revision (the evidence for 改写/后补, metrics.md §7),
/// outages, customers served, the ledger notes counties filed back, and the policy, calendar and
/// registries in use. Lists may hold every county: each ledger takes only its own county's records.
/// </summary>
public sealed record LedgerInputs
{
    /// <summary>Latest revision of each application (<c>IAnalyticsStore.Applications()</c>).</summary>
    public required IReadOnlyList<Application> Applications { get; init; }
    /// <summary>Every stored revision (<c>IAnalyticsStore.ApplicationRevisions()</c>); empty leaves out the findings that need history.</summary>
    public IReadOnlyList<ApplicationRevision> Revisions { get; init; } = [];
    /// <summary><c>IAnalyticsStore.Outages()</c>.</summary>
    public IReadOnlyList<OutageStep> Outages { get; init; } = [];
    /// <summary><c>IAnalyticsStore.CustomersServed()</c>.</summary>
    public IReadOnlyList<CustomersServed> CustomersServed { get; init; } = [];
    /// <summary><c>IAnalyticsStore.LedgerNotes()</c>: pre-fills 工作进展 and tells the city which ledgers were filed.</summary>
    public IReadOnlyList<LedgerNote> LedgerNotes { get; init; } = [];
    public required DomainPolicy Policy { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    public required Registries Registries { get; init; }
}
