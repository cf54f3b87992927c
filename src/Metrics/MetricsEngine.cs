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
/// Every figure answers one question (metrics.md §8): period P, as-of A, group. Applications are taken as they stood at the
/// end of P (<see cref="RecordSnapshot.Rewind"/>), in-progress figures run to min(end of P, A); integrity findings are
/// judged on the records as known at A and kept when dated in P; reliability covers P's calendar-year parts up to
/// <c>data_through</c>; a target whose tested field was left blank counts the application as a data gap, not a breach.
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
        // metrics.md §8: the period ends at the end of its last day; in-progress figures run to min(end of P, A); a period
        // starting after the data has no data, one ending after them is partial.
        var empty = IsEmpty(period, input.DataThrough);
        var known = empty ? [] : Filter(input.Applications, input.County, input.Utility, a => a.County, a => a.Utility);
        var revisions = empty ? [] : Filter(input.Revisions, input.County, input.Utility, r => r.Record.County, r => r.Record.Utility);
        var outages = empty ? [] : Filter(input.Outages, input.County, input.Utility, o => o.County, o => o.Utility);
        var customers = Filter(input.CustomersServed, input.County, input.Utility, c => c.County, c => c.Utility);
        var applications = ApplicationPass.AtEnd(known, period);

        // Findings, reliability and indicators read the same inputs as the figures pass and write nothing shared:
        // run them beside it on the second core.
        var integrityErrors = new List<MetricsError>();
        var sideTask = Task.Run(() =>
        {
            var findings = IntegrityChecker.Check(known, revisions, input.Policy, input.Calendar, integrityErrors);
            var reliability = Reliability(empty, outages, customers, input.Policy, period, input.DataThrough);
            var indicators = new IndicatorAccumulator(period);
            foreach (var a in applications) indicators.Add(a);
            indicators.AddOutages(outages, input.Policy);
            return (findings, reliability, indicators.Result());
        });

        var pass = new ApplicationPass(input.Policy, input.Calendar, period, ApplicationPass.FiguresAsOf(period, input.AsOf));
        var figures = pass.Run(applications);

        var (allFindings, reliability, indicators) = sideTask.GetAwaiter().GetResult();
        return WithLists(Result(input.Policy, period, input.AsOf, input.DataThrough, input.County, input.Utility, pass, integrityErrors,
            reliability, indicators), pass, figures, allFindings);
    }

    /// <summary>The answer with its lists: the rows given, the pass's breaches and data gaps, the findings given and those
    /// of them dated in the period.</summary>
    private static MetricsResult WithLists(MetricsResult result, ApplicationPass pass, IReadOnlyList<ApplicationFigures> rows,
        IReadOnlyList<Finding> findings)
    {
        var inPeriod = new List<Finding>();
        foreach (var f in findings)
            if (result.Period.Contains(f.On)) inPeriod.Add(f);
        return result with
        {
            Applications = rows,
            Breaches = pass.Breaches,
            DataGaps = pass.Gaps,
            Findings = inPeriod,
            AllIntegrityFindings = findings,
        };
    }

    /// <summary>
    /// <see cref="Compute"/> over the applications of <paramref name="revisions"/> (every revision known, ordered by
    /// utility, id and revision, as the store streams them; held by none), keeping of the per-application rows and lists
    /// only those <paramref name="listing"/> asks for: a question whose selection is large but whose lists are not (a
    /// half-year report, the week of a bulk filing) is answered in memory bounded by what it lists (issue 12). Targets,
    /// reliability, indicators, errors, breaches, data gaps (when listed) and the period's findings are
    /// <see cref="Compute"/>'s, in the same order (reliability and the
    /// outage indicators those of <paramref name="outagePart"/>, the store's sums, <see cref="MetricsQuery.AnswerListing"/>);
    /// <see cref="MetricsResult.AllIntegrityFindings"/> holds the findings of the rows kept and those of the period.
    /// </summary>
    /// <remarks>
    /// The withdrawn applications of the selection (<paramref name="withdrawn"/>: those of <paramref name="revisions"/> whose
    /// latest revision is withdrawn, the store's <see cref="Analytics.Domain.Storage.IAnalyticsStore.WithdrawnRevisions"/>)
    /// are indexed first (重走流程 compares each application with every withdrawal of the selection, before or after it in
    /// the stream); then each application runs through the engine's pass, the
    /// integrity rules and the indicators as it comes, with <paramref name="outagePart"/> on the second core. Not called for
    /// an empty period.
    /// </remarks>
    internal static MetricsResult ComputeStreamed(IEnumerable<ApplicationRevision> revisions, IEnumerable<ApplicationRevision> withdrawn,
        Policy policy, WorkingDayCalendar calendar, MetricsPeriod period, DateTime asOf, DateTime? dataThrough, string? county, string? utility,
        Func<(ReliabilityResult Reliability, Action<IndicatorAccumulator> AddOutages)> outagePart, ListingOptions listing)
    {
        var ((result, indicators), (reliability, addOutages)) = Analytics.Domain.Storage.SideBySide.Run(
            () => StreamPass(revisions, withdrawn, policy, calendar, period, asOf, county, utility, listing), outagePart);
        var (pass, rows, integrityErrors, findings) = result;
        addOutages(indicators);
        return WithLists(Result(policy, period, asOf, dataThrough, county, utility, pass, integrityErrors, reliability, indicators.Result()),
            pass, rows, findings);
    }

    private static ((ApplicationPass Pass, List<ApplicationFigures> Rows, List<MetricsError> IntegrityErrors, List<Finding> Findings), IndicatorAccumulator)
        StreamPass(IEnumerable<ApplicationRevision> revisions, IEnumerable<ApplicationRevision> withdrawn, Policy policy, WorkingDayCalendar calendar, MetricsPeriod period,
            DateTime asOf, string? county, string? utility, ListingOptions listing)
    {
        var integrity = new IntegrityChecker.Stream(withdrawn, policy, calendar, county, utility);
        var pass = new ApplicationPass(policy, calendar, period, ApplicationPass.FiguresAsOf(period, asOf));
        var indicators = new IndicatorAccumulator(period);
        var outcomes = new TargetOutcome[pass.Targets.Count];
        var end = ApplicationPass.End(period);
        var rows = new List<ApplicationFigures>();
        foreach (var run in RecordSnapshot.Runs(revisions))
        {
            var latest = run[^1].Record;
            var inGroup = RecordSnapshot.Matches(latest.County, latest.Utility, county, utility);
            var listed = integrity.Add(run, period);
            var kept = false;
            if (inGroup && RecordSnapshot.Rewind(latest, end) is { } atEnd)
            {
                var breaches = pass.Breaches.Count;
                var f = pass.Add(atEnd, outcomes);
                indicators.Add(atEnd);
                listing.Row?.Invoke(f);
                if (!listing.DataGaps) pass.Gaps.Clear();
                listed |= pass.Breaches.Count > breaches;
                if (listed) listing.Listed?.Invoke(f);
                if ((listed && listing.ListedRows) || listing.Keep(f))
                {
                    rows.Add(f);
                    kept = true;
                }
            }
            // An application without a row keeps only its findings of the period.
            if (!kept) integrity.KeepLastIn(period);
            if (inGroup) listing.Each?.Invoke(latest);
        }
        return ((pass, rows, integrity.Errors, integrity.Findings()), indicators);
    }

    /// <summary>
    /// The per-application rows of <see cref="Compute"/> (<see cref="MetricsResult.Applications"/>) over
    /// <paramref name="known"/> for the whole selection (every county and utility), one at a time as the applications come,
    /// for a caller that reads each row once and keeps none: the forensics over the city's year to date, streamed from the
    /// store (issue 12). Each application as it stood at the end of the period, figures as of min(end of the period,
    /// <paramref name="asOf"/>); none for a period starting after <paramref name="dataThrough"/>.
    /// </summary>
    public static IEnumerable<ApplicationFigures> Rows(IEnumerable<Application> known, Policy policy, WorkingDayCalendar calendar,
        MetricsPeriod period, DateTime asOf, DateTime? dataThrough)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return IsEmpty(period, dataThrough) ? [] : Stream(known, new ApplicationFiguresCalculator(policy, calendar, ApplicationPass.FiguresAsOf(period, asOf)),
            ApplicationPass.End(period));

        static IEnumerable<ApplicationFigures> Stream(IEnumerable<Application> known, ApplicationFiguresCalculator calculator, DateTime end)
        {
            // The pass's own computation (ApplicationPass.Run): a calendar gap leaves the day figures empty rather than throwing.
            var outcomes = new TargetOutcome[calculator.Targets.Count];
            foreach (var a in known)
                if (RecordSnapshot.Rewind(a, end) is { } r)
                    yield return calculator.Compute(r, outcomes, out _);
        }
    }

    /// <summary>metrics.md §8: a period starting after <c>data_through</c> has no data.</summary>
    internal static bool IsEmpty(MetricsPeriod period, DateTime? dataThrough) =>
        dataThrough is { } d && period.From > DateOnly.FromDateTime(d);

    /// <summary>Reliability of the period (none for a period without data).</summary>
    internal static ReliabilityResult Reliability(bool empty, IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers,
        Policy policy, MetricsPeriod period, DateTime? dataThrough) =>
        empty
            ? new ReliabilityResult([], [])
            : ReliabilityCalculator.Compute(outages, customers, policy, period, dataThrough is { } dt ? DateOnly.FromDateTime(dt) : null);

    /// <summary>
    /// The answer from the pass's aggregates, the integrity errors, reliability and indicators; no per-application rows,
    /// breaches or findings (the caller adds those it has). Errors: the pass's, then integrity's, then reliability's.
    /// </summary>
    internal static MetricsResult Result(Policy policy, MetricsPeriod period, DateTime asOf, DateTime? dataThrough,
        string? county, string? utility, ApplicationPass pass, List<MetricsError> integrityErrors, ReliabilityResult reliability,
        Indicators indicators)
    {
        var errors = new List<MetricsError>(pass.Errors.Count + integrityErrors.Count + reliability.Errors.Count);
        errors.AddRange(pass.Errors);
        errors.AddRange(integrityErrors);
        errors.AddRange(reliability.Errors);
        var rows = pass.Aggregator.Results(period);
        AddSaidiRows(rows, policy, reliability.Entries);
        return new MetricsResult
        {
            Period = period,
            AsOf = asOf,
            DataThrough = dataThrough,
            Policy = policy,
            County = county,
            Utility = utility,
            Applications = [],
            Targets = rows,
            Breaches = [],
            Findings = [],
            AllIntegrityFindings = [],
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
    /// T5 rows (目标5): one per year part × area class for the whole selection (group Area) and per county × area class
    /// (group County with its Area), from the reliability entries over all utilities. Total is 1 when the entry has a
    /// verdict (<see cref="ReliabilityEntry.Status"/>), compliant 1 when that is met or on track; Value is the SAIDI.
    /// </summary>
    private static void AddSaidiRows(List<TargetResult> rows, Policy policy, IReadOnlyList<ReliabilityEntry> entries)
    {
        var t5 = policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        if (t5 is null) return;
        foreach (var e in entries)
        {
            if (e.Utility is not null || e.Area is not { } area || e.Year is not { } year) continue;
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
                Year = year,
                Limit = t5.LimitHoursByArea.TryGetValue(area, out var l) ? l : null,
                Total = e.Status is null ? 0 : 1,
                Compliant = e.Status is { } s && ReliabilityStatuses.Compliant(s) ? 1 : 0,
                Status = e.Status,
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
            if (RecordSnapshot.Matches(countyOf(x), utilityOf(x), county, utility)) list.Add(x);
        return list;
    }
}
