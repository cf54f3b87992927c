using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The metrics engine's results for a half year and the two halves a report compares it with: the previous
/// half (环比) and the same half last year (同比), for one utility or the whole city.
/// </summary>
/// <remarks>
/// Reliability (目标5) is a yearly figure. Each of the three computations sees only the outages that began on or
/// before the end of its own half, so the first half reports the year to date (January–June) and compares it
/// with January–June of the year before; the second half reports the whole year.
/// </remarks>
internal sealed record HalfYearMetrics(HalfYear Half, MetricsResult Current, MetricsResult Previous, MetricsResult LastYear)
{
    public static HalfYearMetrics Compute(ReportInputs inputs, HalfYear half, DateTime asOf, string? utility)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Filter once for the utility: the engine would filter again three times.
        var applications = utility is null ? inputs.Applications : inputs.Applications.Where(a => a.Utility == utility).ToList();
        var revisions = utility is null ? inputs.Revisions : inputs.Revisions.Where(r => r.Record.Utility == utility).ToList();
        var outages = utility is null ? inputs.Outages : inputs.Outages.Where(o => o.Utility == utility).ToList();
        var customers = utility is null ? inputs.CustomersServed : inputs.CustomersServed.Where(c => c.Utility == utility).ToList();

        MetricsResult Run(HalfYear h)
        {
            var period = MetricsPeriod.Half(h);
            var end = period.To.ToDateTime(TimeOnly.MaxValue);
            return MetricsEngine.Compute(new MetricsInput
            {
                Applications = applications,
                Revisions = revisions,
                Outages = outages.Where(o => o.StartAt <= end).ToList(),
                CustomersServed = customers,
                Policy = inputs.Policy,
                Calendar = inputs.Calendar,
                Period = period,
                AsOf = asOf,
                Utility = utility,
            });
        }

        // The three halves are independent: compute them side by side.
        MetricsResult? current = null, previous = null, lastYear = null;
        Parallel.Invoke(() => current = Run(half), () => previous = Run(half.Previous), () => lastYear = Run(half.SameHalfLastYear));
        return new HalfYearMetrics(half, current!, previous!, lastYear!);
    }
}
