using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>Computes the <see cref="Indicators"/> of a period (metrics.md §6) in one pass over each input.</summary>
public static class IndicatorCalculator
{
    /// <summary>The indicators of the applications and outages given (filter them beforehand).</summary>
    public static Indicators Compute(IReadOnlyList<Application> applications, IReadOnlyList<OutageStep> outages,
        Policy policy, MetricsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(policy);
        var acc = new IndicatorAccumulator(period);
        for (var i = 0; i < applications.Count; i++) acc.Add(applications[i]);
        acc.AddOutages(outages, policy);
        return acc.Result();
    }
}
