using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Reports.Oversight;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Everything the semiannual reports and the city's circular are made from: the records as known at the as-of
/// (<see cref="RecordSnapshot"/>, the whole city: applications, revisions, outages, customers served, the utilities'
/// narrative notes) and the policy, calendar and registries in use. Each report takes its own part.
/// </summary>
public sealed record ReportInputs
{
    /// <summary>The records as known at the report's as-of.</summary>
    public required RecordSnapshot Records { get; init; }
    /// <summary>The utilities' own text for 实施进度、工作成效、存在问题、解决措施 (四、2).</summary>
    public IReadOnlyList<ReportNote> Notes => Records.Notes;
    /// <summary>The latest revision of each application (<see cref="RecordSnapshot.Applications"/>).</summary>
    public IReadOnlyList<Application> Applications => Records.Applications;
    /// <summary>Every outage step (<see cref="RecordSnapshot.Outages"/>).</summary>
    public IReadOnlyList<OutageStep> Outages => Records.Outages;
    public required DomainPolicy Policy { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    public required Registries Registries { get; init; }
    /// <summary>
    /// The answer to one of the report's questions (a period, and a utility or null for the city), when the caller gives it
    /// (the store's counts, <see cref="Analytics.Metrics.MetricsQuery.Answer"/>, or a result it computed already); null for a
    /// question, or no function: the engine over <see cref="Records"/>, which then must hold the question's records. An
    /// answer for the report's own half must carry its breaches and findings (the problems and the appendix list them).
    /// </summary>
    public Func<Analytics.Metrics.MetricsPeriod, string?, Analytics.Metrics.MetricsResult?>? Answers { get; init; }
    /// <summary>
    /// The half's six months of a utility or the city (null), when the caller tallied them as it read the half
    /// (<see cref="ReportStore"/>); null for a unit, or no function: over the applications of <see cref="Records"/>.
    /// </summary>
    internal Func<string?, IReadOnlyList<Content.MonthlyFigure>?>? Months { get; init; }
    /// <summary>
    /// What a utility's appendix prints of each application it lists (null: taken from the half's answer's rows), when the
    /// caller kept only that (<see cref="ReportStore"/>).
    /// </summary>
    internal Func<string?, IReadOnlyDictionary<(string Utility, string ApplicationId), Content.AppendixTable.Facts>?>? Appendix { get; init; }
    /// <summary>The forensics of the city's half counted as the half streams (<see cref="ReportStore.CityOversight"/>); null
    /// when the inputs hold the records.</summary>
    internal Func<Analytics.Oversight.Forensics.ForensicsResult>? CityForensics { get; init; }
    /// <summary>The bureau's oversight (spot checks, forensics flags, rectification), composed by the caller; none by default.</summary>
    public OversightInputs Oversight { get; init; } = OversightInputs.None;
}
