using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The answers a semiannual report is made from, for one utility or the whole city, all as known at the same as-of
/// (metrics.md §8): the half, the previous half (环比), the same half a year earlier (同比), and the year to the half's
/// end (目标5 is a yearly target: its verdict, on track or at risk in the first half, met or not at the year's end).
/// </summary>
internal sealed record HalfYearMetrics(HalfYear Half, MetricsResult Current, MetricsResult Previous, MetricsResult LastYear, MetricsResult YearToDate)
{
    public static HalfYearMetrics Compute(ReportInputs inputs, HalfYear half, DateTime asOf, string? utility)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Filter once for the utility: the engine would filter again for each question.
        var records = inputs.Records.Where(county: null, utility);

        MetricsResult Run(MetricsPeriod period) =>
            MetricsEngine.Compute(MetricsInput.Of(records, inputs.Policy, inputs.Calendar, period, asOf, utility: utility));

        var current = MetricsPeriod.Half(half);
        var ytd = new MetricsPeriod(new DateOnly(half.Year, 1, 1), current.To);
        // The questions are independent: answer them side by side (the first half's year to date is the half itself).
        MetricsResult? c = null, previous = null, lastYear = null, yearToDate = null;
        Parallel.Invoke(
            () => c = Run(current),
            () => previous = Run(MetricsPeriod.Half(half.Previous)),
            () => lastYear = Run(MetricsPeriod.Half(half.SameHalfLastYear)),
            () => yearToDate = half.Half == 1 ? null : Run(ytd));
        return new HalfYearMetrics(half, c!, previous!, lastYear!, yearToDate ?? c!);
    }
}
