using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Everything the semiannual reports and the city's circular are made from, as the command line loaded it
/// from the store: the latest revision of every application, every stored revision (evidence for 改写/后补,
/// metrics.md §7), outages, customers served, the utilities' narrative notes (templates.md §6), and the
/// policy, calendar and registries in use. Lists hold the whole city; each report takes its own part.
/// </summary>
public sealed record ReportInputs
{
    /// <summary>Latest revision of each application (<c>IAnalyticsStore.Applications()</c>).</summary>
    public required IReadOnlyList<Application> Applications { get; init; }
    /// <summary>Every stored revision (<c>IAnalyticsStore.ApplicationRevisions()</c>); empty leaves out the findings that need history.</summary>
    public IReadOnlyList<ApplicationRevision> Revisions { get; init; } = [];
    /// <summary><c>IAnalyticsStore.Outages()</c>.</summary>
    public IReadOnlyList<OutageStep> Outages { get; init; } = [];
    /// <summary><c>IAnalyticsStore.CustomersServed()</c>.</summary>
    public IReadOnlyList<CustomersServed> CustomersServed { get; init; } = [];
    /// <summary><c>IAnalyticsStore.Notes()</c>: the utilities' own text for 实施进度、工作成效、存在问题、解决措施 (四、2).</summary>
    public IReadOnlyList<ReportNote> Notes { get; init; } = [];
    public required DomainPolicy Policy { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    public required Registries Registries { get; init; }
}
