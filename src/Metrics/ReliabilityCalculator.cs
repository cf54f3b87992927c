using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// SAIDI, SAIFI, CAIDI, ASAI and T5 (metrics.md §5, 目标5) for every year × county/city × utility/all × area/all with
/// customers served. One pass over the outage rows into the finest cells (year, utility, county, area), then the
/// small cell table is rolled up into the groups, pooling customer-hours and customers.
/// </summary>
public static class ReliabilityCalculator
{
    /// <summary>The entries of <paramref name="years"/> (each computed against its Y−1 for the YoY figures).</summary>
    public static ReliabilityResult Compute(IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers,
        Policy policy, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(years);
        throw new NotImplementedException();
    }
}
