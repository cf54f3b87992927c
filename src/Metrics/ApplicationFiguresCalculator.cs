using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// Computes <see cref="ApplicationFigures"/> (metrics.md §3) for applications under one policy, calendar and as-of
/// instant. Reuse one instance for many applications: the policy lookups are prepared once.
/// </summary>
public sealed class ApplicationFiguresCalculator
{
    public ApplicationFiguresCalculator(Policy policy, WorkingDayCalendar calendar, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        Policy = policy;
        Calendar = calendar;
        AsOf = asOf;
    }

    public Policy Policy { get; }
    public WorkingDayCalendar Calendar { get; }
    public DateTime AsOf { get; }

    /// <summary>The figures of one application.</summary>
    /// <exception cref="CalendarException">A date falls in a year without calendar schedule.</exception>
    public ApplicationFigures Compute(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        _ = Policy;
        throw new NotImplementedException();
    }
}
