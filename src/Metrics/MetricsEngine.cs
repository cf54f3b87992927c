using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The one entry point the command line and the reports call: records in, typed figures out (metrics.md §3–§7).
/// Pure: no clock, no I/O. Single passes keyed by group, so 1M applications and 1M outage rows stay in seconds.
/// </summary>
public static class MetricsEngine
{
    /// <summary>
    /// Computes per-application figures, every target by group, reliability, indicators and findings for the period.
    /// A reliability group without customers served, or an application in a year without calendar, becomes a
    /// <see cref="MetricsError"/> in the result, not an exception.
    /// </summary>
    public static MetricsResult Compute(MetricsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        throw new NotImplementedException();
    }

    /// <summary>The figures of one application at <paramref name="asOf"/> (for callers that need no aggregate, e.g. the risk model).</summary>
    /// <exception cref="CalendarException">A date falls in a year without calendar schedule.</exception>
    public static ApplicationFigures Figures(Application application, Policy policy, WorkingDayCalendar calendar, DateTime asOf) =>
        new ApplicationFiguresCalculator(policy, calendar, asOf).Compute(application);
}
