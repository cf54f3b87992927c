using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The answers a semiannual report is made from, for one utility or the whole city, all as known at the same as-of
/// (metrics.md §8): the half, the previous half (环比), the same half a year earlier (同比), and the year to the half's
/// end (目标5 is a yearly target: its verdict, on track or at risk in the first half, met or not at the year's end);
/// with the figures the layouts print beside them: the half's six months (<see cref="Months"/>) and the tally of the
/// city-level targets (<see cref="Targets"/>). Layouts take every figure from here, they count nothing themselves.
/// </summary>
internal sealed record HalfYearMetrics(HalfYear Half, MetricsResult Current, MetricsResult Previous, MetricsResult LastYear, MetricsResult YearToDate)
{
    /// <summary>The six months of the half: accepted applications and the online share of each (<see cref="MonthlyFigures"/>).</summary>
    public required IReadOnlyList<MonthlyFigure> Months { get; init; }

    /// <summary>Applications accepted over <see cref="Months"/>: zero means there is no monthly chart to draw.</summary>
    public int AcceptedInMonths => Months.Sum(x => x.Accepted);

    /// <summary>The city-level targets in force of the half and how they stand (一、实施进度).</summary>
    public required TargetTally Targets { get; init; }

    public static HalfYearMetrics Compute(ReportInputs inputs, HalfYear half, DateTime asOf, string? utility)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // Filter once for the utility: the engine would filter again for each question.
        var records = inputs.Records.Where(county: null, utility);

        MetricsResult Run(MetricsPeriod period) =>
            inputs.Answers?.Invoke(period, utility)
            ?? MetricsEngine.Compute(MetricsInput.Of(records, inputs.Policy, inputs.Calendar, period, asOf, utility: utility));

        var current = MetricsPeriod.Half(half);
        var ytd = new MetricsPeriod(new DateOnly(half.Year, 1, 1), current.To);
        MetricsResult? c = null, previous = null, lastYear = null, yearToDate = null;
        Action[] questions =
        [
            () => c = Run(current),
            () => previous = Run(MetricsPeriod.Half(half.Previous)),
            () => lastYear = Run(MetricsPeriod.Half(half.SameHalfLastYear)),
            () => yearToDate = half.Half == 1 ? null : Run(ytd),
        ];
        // The questions are independent: the engine answers them side by side (the first half's year to date is the half
        // itself). With the caller's answers, the engine has the half at most: nothing to run beside it.
        if (inputs.Answers is null) Parallel.Invoke(questions);
        else foreach (var q in questions) q();
        return new HalfYearMetrics(half, c!, previous!, lastYear!, yearToDate ?? c!)
        {
            Months = inputs.Months?.Invoke(utility) ?? MonthlyFigures.Of(records.Applications, half),
            Targets = TargetTally.Of(c!, previous!),
        };
    }
}
