using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The engine's pass over applications read in full (metrics.md §3–§4): each application's figures and outcomes, its
/// target cells, breaches, data gaps and calendar errors. <see cref="MetricsEngine"/> runs every application of the
/// question through it; <see cref="MetricsQuery"/> only those the store did not count, after the store's counts went
/// into <see cref="Aggregator"/>.
/// </summary>
internal sealed class ApplicationPass
{
    private readonly ApplicationFiguresCalculator _calculator;
    private readonly MetricsPeriod _period;

    /// <param name="policy">The plan's targets.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="period">The question's period.</param>
    /// <param name="figuresAsOf">What in-progress figures run to: min(end of the period, as-of) (<see cref="FiguresAsOf"/>).</param>
    public ApplicationPass(Policy policy, WorkingDayCalendar calendar, MetricsPeriod period, DateTime figuresAsOf)
    {
        _calculator = new ApplicationFiguresCalculator(policy, calendar, figuresAsOf);
        _period = period;
        Aggregator = new TargetAggregator(_calculator.Targets);
    }

    /// <summary>The policy's targets, in order (the indexes of the outcomes).</summary>
    public IReadOnlyList<TargetDefinition> Targets => _calculator.Targets;

    public TargetAggregator Aggregator { get; }
    public List<Finding> Breaches { get; } = [];
    public List<Finding> Gaps { get; } = [];

    /// <summary>Applications whose figures met a year without calendar, in the order they came.</summary>
    public List<MetricsError> Errors { get; } = [];

    /// <summary>The end of the period, exclusive (the day after its last day, 00:00).</summary>
    public static DateTime End(MetricsPeriod period) => period.To.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>metrics.md §8: in-progress figures run to min(end of P, A).</summary>
    public static DateTime FiguresAsOf(MetricsPeriod period, DateTime asOf)
    {
        var end = End(period);
        return asOf < end ? asOf : end.AddTicks(-1);
    }

    /// <summary>Each application as it stood at the end of the period (<see cref="RecordSnapshot.Rewind"/>): what was
    /// connected or withdrawn later was in progress then; what was accepted later is left out.</summary>
    public static List<Application> AtEnd(IReadOnlyList<Application> known, MetricsPeriod period)
    {
        var end = End(period);
        var applications = new List<Application>(known.Count);
        foreach (var a in known)
            if (RecordSnapshot.Rewind(a, end) is { } r) applications.Add(r);
        return applications;
    }

    /// <summary>The figures of each application (as at the end of the period), their outcomes counted into <see cref="Aggregator"/>.</summary>
    public ApplicationFigures[] Run(IReadOnlyList<Application> applications)
    {
        var figures = new ApplicationFigures[applications.Count];
        Span<TargetOutcome> outcomes = stackalloc TargetOutcome[Targets.Count];
        for (var i = 0; i < applications.Count; i++) figures[i] = Add(applications[i], outcomes);
        return figures;
    }

    /// <summary>
    /// One application (as at the end of the period) through the pass: its figures, its outcomes counted into
    /// <see cref="Aggregator"/>, its breaches, gaps and calendar error added; <paramref name="outcomes"/> is scratch space
    /// of <see cref="Targets"/>' length.
    /// </summary>
    public ApplicationFigures Add(Application a, Span<TargetOutcome> outcomes)
    {
        var targets = _calculator.Targets;
        var f = _calculator.Compute(a, outcomes, out var error);
        if (error is not null)
            Errors.Add(new MetricsError(MetricsErrorKind.CalendarMissingYear, $"{a.Utility}/{a.ApplicationId}", error.Message)
            { Utility = a.Utility, County = a.County, ApplicationId = a.ApplicationId, Year = error.MissingYear });
        // Groups get a row when an application of theirs lives in the period (counted or not), so the rows depend on
        // the question only, not on which other records the store handed over (issue 12: a scoped snapshot).
        var cell = f.IsActiveIn(_period) ? Aggregator.Cell(a, f.Category) : -1;
        for (var t = 0; t < outcomes.Length; t++)
        {
            ref readonly var o = ref outcomes[t];
            if (o.Status == TargetStatus.NotApplicable || !_period.Contains(o.SelectDate)) continue;
            if (cell < 0) cell = Aggregator.Cell(a, f.Category);
            Aggregator.Add(t, cell, o);
            if (o.Status == TargetStatus.Breach) Breaches.Add(TargetFindings.Breach(targets[t], f, o));
            else if (o.Status == TargetStatus.Gap) Gaps.Add(TargetFindings.Gap(targets[t], f, o));
        }
        return f;
    }
}
