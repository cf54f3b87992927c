using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// Everything <see cref="MetricsEngine.Compute"/> needs, already in memory. Nothing here reads a clock
/// or a file: the as-of instant, the calendar and the policy are arguments.
/// </summary>
public sealed record MetricsInput
{
    /// <summary>The latest revision of each application (the store's <c>Applications()</c>).</summary>
    public required IReadOnlyList<Application> Applications { get; init; }

    /// <summary>
    /// Every stored revision (the store's <c>ApplicationRevisions()</c>), for the findings 改写 and 后补 that
    /// compare filings. Empty: those two revision-based rules find nothing; the other rules still run on
    /// <see cref="Applications"/>.
    /// </summary>
    public IReadOnlyList<ApplicationRevision> Revisions { get; init; } = [];

    /// <summary>Every outage step row.</summary>
    public IReadOnlyList<OutageStep> Outages { get; init; } = [];

    /// <summary>Every customers-served snapshot.</summary>
    public IReadOnlyList<CustomersServed> CustomersServed { get; init; } = [];

    /// <summary>The plan whose targets are evaluated (usually <see cref="Policy.Default"/>).</summary>
    public required Policy Policy { get; init; }

    /// <summary>The working-day calendar (usually <see cref="WorkingDayCalendar.Default"/>).</summary>
    public required WorkingDayCalendar Calendar { get; init; }

    /// <summary>The reporting period (targets, findings, indicators, reliability years).</summary>
    public required MetricsPeriod Period { get; init; }

    /// <summary>The instant the figures speak of: elapsed days, due dates and "overdue" of in-progress applications.</summary>
    public required DateTime AsOf { get; init; }

    /// <summary>
    /// The newest as-of of the data (metrics.md §8, <c>data_through</c>): a period ending after it is partial, one starting
    /// after it is empty. Null: the data are taken as complete.
    /// </summary>
    public DateTime? DataThrough { get; init; }

    /// <summary>Only this county (registry code) when given; applied to applications, revisions, outages and customers.</summary>
    public string? County { get; init; }

    /// <summary>Only this utility (registry code) when given; applied like <see cref="County"/>.</summary>
    public string? Utility { get; init; }

    /// <summary>The engine's input for a question (period, as-of, group) over a snapshot of the records.</summary>
    public static MetricsInput Of(RecordSnapshot snapshot, Policy policy, WorkingDayCalendar calendar, MetricsPeriod period,
        DateTime asOf, string? county = null, string? utility = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new MetricsInput
        {
            Applications = snapshot.Applications,
            Revisions = snapshot.Revisions,
            Outages = snapshot.Outages,
            CustomersServed = snapshot.CustomersServed,
            Policy = policy,
            Calendar = calendar,
            Period = period,
            AsOf = asOf,
            DataThrough = snapshot.DataThrough,
            County = county,
            Utility = utility,
        };
    }
}
