using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The one entry point the command line and the reports call: records in, typed figures out (metrics.md §3–§7).
/// Pure: no clock, no I/O. Single passes keyed by group, so 1M applications and 1M outage rows stay in seconds.
/// </summary>
/// <remarks>
/// The county and utility filters are registry codes compared ordinally (the command line resolves names to codes).
/// Per-application figures and integrity findings are computed for every application of the selection; targets,
/// breaches, findings and indicators keep what the period selects; reliability covers the years the period touches.
/// </remarks>
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
        var period = input.Period;
        var applications = Filter(input.Applications, input.County, input.Utility, a => a.County, a => a.Utility);
        var revisions = Filter(input.Revisions, input.County, input.Utility, r => r.Record.County, r => r.Record.Utility);
        var outages = Filter(input.Outages, input.County, input.Utility, o => o.County, o => o.Utility);
        var customers = Filter(input.CustomersServed, input.County, input.Utility, c => c.County, c => c.Utility);
        var errors = new List<MetricsError>();

        // Findings, reliability and indicators read the same inputs as the figures pass and write nothing shared:
        // run them beside it on the second core.
        var integrityErrors = new List<MetricsError>();
        var sideTask = Task.Run(() =>
        {
            var findings = IntegrityChecker.Check(applications, revisions, input.Policy, input.Calendar, integrityErrors);
            var reliability = ReliabilityCalculator.Compute(outages, customers, input.Policy, period.Years);
            var indicators = IndicatorCalculator.Compute(applications, outages, input.Policy, period);
            return (findings, reliability, indicators);
        });

        var calculator = new ApplicationFiguresCalculator(input.Policy, input.Calendar, input.AsOf);
        var targets = calculator.Targets;
        var aggregator = new TargetAggregator(targets);
        var figures = new ApplicationFigures[applications.Count];
        var breaches = new List<Finding>();
        Span<TargetOutcome> outcomes = stackalloc TargetOutcome[targets.Count];
        for (var i = 0; i < applications.Count; i++)
        {
            var a = applications[i];
            var f = calculator.Compute(a, outcomes, out var error);
            figures[i] = f;
            if (error is not null)
                errors.Add(new MetricsError(MetricsErrorKind.CalendarMissingYear, $"{a.Utility}/{a.ApplicationId}", error.Message)
                { Utility = a.Utility, County = a.County, ApplicationId = a.ApplicationId, Year = error.MissingYear });
            var cell = aggregator.Cell(a, f.Category);
            for (var t = 0; t < outcomes.Length; t++)
            {
                ref readonly var o = ref outcomes[t];
                if (o.Status == TargetStatus.NotApplicable || !period.Contains(o.SelectDate)) continue;
                aggregator.Add(t, cell, o);
                if (o.Status == TargetStatus.Breach) breaches.Add(BreachEvidence.Make(targets[t], f, o));
            }
        }

        var (allFindings, reliability, indicators) = sideTask.GetAwaiter().GetResult();
        var inPeriod = new List<Finding>();
        foreach (var f in allFindings)
            if (period.Contains(f.On)) inPeriod.Add(f);
        errors.AddRange(integrityErrors);
        errors.AddRange(reliability.Errors);
        var rows = aggregator.Results(period);
        AddSaidiRows(rows, input.Policy, reliability.Entries);

        return new MetricsResult
        {
            Period = period,
            AsOf = input.AsOf,
            Policy = input.Policy,
            County = input.County,
            Utility = input.Utility,
            Applications = figures,
            Targets = rows,
            Breaches = breaches,
            Findings = inPeriod,
            AllIntegrityFindings = allFindings,
            Reliability = reliability.Entries,
            Indicators = indicators,
            Errors = errors,
        };
    }

    /// <summary>The figures of one application at <paramref name="asOf"/> (for callers that need no aggregate, e.g. the risk model).</summary>
    /// <exception cref="CalendarException">A date falls in a year without calendar schedule.</exception>
    public static ApplicationFigures Figures(Application application, Policy policy, WorkingDayCalendar calendar, DateTime asOf) =>
        new ApplicationFiguresCalculator(policy, calendar, asOf).Compute(application);

    /// <summary>
    /// T5 rows (目标5): one per year × area class for the whole selection (group Area) and per county × area class
    /// (group County with its Area), from the reliability entries over all utilities. Total is 1 (the group), compliant
    /// 1 when met; Value is the SAIDI.
    /// </summary>
    private static void AddSaidiRows(List<TargetResult> rows, Policy policy, IReadOnlyList<ReliabilityEntry> entries)
    {
        var t5 = policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        if (t5 is null) return;
        foreach (var e in entries)
        {
            if (e.Utility is not null || e.Area is not { } area) continue;
            var group = e.County is null
                ? new TargetGroup(GroupDimension.Area, Area: area)
                : new TargetGroup(GroupDimension.County, County: e.County, Area: area);
            rows.Add(new TargetResult
            {
                Id = t5.Id,
                Clause = t5.Clause,
                Title = t5.Title,
                Kind = t5.Kind,
                Group = group,
                Year = e.Year,
                Limit = t5.LimitHoursByArea.TryGetValue(area, out var l) ? l : null,
                Total = e.InForce ? 1 : 0,
                Compliant = e.Met == true ? 1 : 0,
                InForce = e.InForce,
                Value = e.SaidiH,
            });
        }
    }

    private static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> items, string? county, string? utility,
        Func<T, string> countyOf, Func<T, string> utilityOf)
    {
        if (county is null && utility is null) return items;
        var list = new List<T>();
        foreach (var x in items)
        {
            if (county is not null && !string.Equals(countyOf(x), county, StringComparison.Ordinal)) continue;
            if (utility is not null && !string.Equals(utilityOf(x), utility, StringComparison.Ordinal)) continue;
            list.Add(x);
        }
        return list;
    }
}
