using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>Computes the <see cref="Indicators"/> of a period (metrics.md §6) in one pass over each input.</summary>
public static class IndicatorCalculator
{
    public static Indicators Compute(IReadOnlyList<Application> applications, IReadOnlyList<OutageStep> outages,
        Policy policy, MetricsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(policy);
        throw new NotImplementedException();
    }
}
