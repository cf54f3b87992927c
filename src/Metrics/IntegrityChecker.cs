using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The integrity findings of metrics.md §7 (任务4): 时序异常, 体外循环, 后补流程, 改写, 重走流程.
/// </summary>
public static class IntegrityChecker
{
    /// <summary>
    /// Every finding of the applications (latest revisions) and their revisions, whatever its date.
    /// <paramref name="revisions"/> may be empty: the two rules that compare filings then find nothing.
    /// </summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<Application> applications, IReadOnlyList<ApplicationRevision> revisions,
        Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        throw new NotImplementedException();
    }
}
