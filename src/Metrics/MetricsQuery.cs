using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// The metrics question (period P, as-of A, group; metrics.md §8) answered where the data lives (issue 12, item 2): the
/// store counts the applications whose derived figures are P's, the engine's own pass (<see cref="ApplicationPass"/>)
/// computes the rest from their records, and the answer's targets, reliability, indicators and errors are those of
/// <see cref="MetricsEngine.Compute"/> over the question's snapshot, to the byte in <c>metrics --format json|csv</c>.
/// </summary>
/// <remarks>
/// <para>Counted by the store (<see cref="IAnalyticsStore.CountApplications"/>): the scope's latest revisions known at
/// A that are connected or withdrawn and settled (<see cref="DerivedFigures.SettledAt"/>) before the end of P. For those,
/// the record as at the end of P is the record, and no figure depends on A, so the figures derived at ingest are the
/// engine's. Everything else of the scope (in progress, settled later, not derived) is read in full and goes through the
/// engine's pass: <see cref="RecordSnapshot.Rewind"/>, the calculator, the aggregator, the indicators.</para>
/// <para>Answered from the records instead (<see cref="MetricsEngine.Compute"/> over the scoped snapshot): the store keeps
/// no derived figures or cannot count (a test double); its figures were derived under another calendar, policy or rule
/// version than the command's derivation; a counted application's derivation met a year without calendar (its figures
/// are incomplete); or the calendar does not cover every year from the first acceptance to the year of min(A, end of P).</para>
/// <para>The answer has no per-application rows, breaches or integrity findings (<see cref="MetricsResult.CountedInStore"/>):
/// the table of <c>metrics</c> and the lists take the engine.</para>
/// </remarks>
public static class MetricsQuery
{
    /// <summary>The answer for period <paramref name="period"/>, as known at <paramref name="knownAt"/> (everything when null)
    /// with figures at <paramref name="asOf"/>, for the county and utility given (registry codes; null = all).</summary>
    /// <param name="store">The store (counts when it can, <see cref="IAnalyticsStore.CountApplications"/>).</param>
    /// <param name="policy">The plan whose targets are evaluated.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="derivation">What the store's derived figures must have been derived under (<see cref="IRecordDerivation.Version"/>).</param>
    /// <param name="period">The question's period.</param>
    /// <param name="asOf">The instant the figures speak of (--as-of, else <c>data_through</c>).</param>
    /// <param name="knownAt">What the store is taken as known at; null: every filing.</param>
    /// <param name="county">Only this county, when given.</param>
    /// <param name="utility">Only this utility, when given.</param>
    /// <param name="fullPath">Answer from the records whatever the store can count (the comparison of tests and benchmarks).</param>
    public static MetricsResult Answer(IAnalyticsStore store, Policy policy, WorkingDayCalendar calendar, IRecordDerivation derivation,
        MetricsPeriod period, DateTime asOf, DateTime? knownAt, string? county, string? utility, bool fullPath = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(derivation);
        var scope = new RecordScope(period.From, period.To, county, utility);
        var dataThrough = RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt));

        MetricsResult Full() => MetricsEngine.Compute(MetricsInput.Of(RecordSnapshot.Load(store, knownAt, scope), policy, calendar,
            period, asOf, county, utility));

        if (fullPath) return Full();
        if (MetricsEngine.IsEmpty(period, dataThrough))
            // Nothing of the store speaks of a period after the data: the engine's empty answer, without reading it.
            return EmptyAnswer(policy, calendar, period, asOf, dataThrough, county, utility);
        var figuresAsOf = ApplicationPass.FiguresAsOf(period, asOf);
        if (FirstCoveredYear(calendar, figuresAsOf.Year) is not { } firstYear) return Full();
        if (store.DerivedUnder() is not { } under || under != derivation.Version) return Full();
        // Reliability and the notice counts on the second core while the store counts the applications.
        var outageTask = Task.Run(() => OutagePart(store, scope, policy, period, dataThrough));
        MetricsResult Fallback()
        {
            // The second core's read is not needed: wait for it (its failure, if any, the records' answer meets again).
            try { outageTask.Wait(); } catch (AggregateException) { }
            return Full();
        }

        var counts = store.CountApplications(knownAt, scope, new DateTime(firstYear, 1, 1));
        if (counts is null || counts.CalendarGaps > 0 || counts.AcceptedBefore > 0) return Fallback();
        foreach (var a in counts.Open)
            if (a.AcceptedAt.Year < firstYear) return Fallback();

        var pass = new ApplicationPass(policy, calendar, period, figuresAsOf);
        if (!AddCounted(pass, counts.Targets)) return Fallback();
        foreach (var v in counts.Volumes)
            if (v.ActiveInPeriod) pass.Aggregator.Cell(v.County, v.Utility, v.Area, v.Category);

        var known = counts.Open;
        var applications = ApplicationPass.AtEnd(known, period);
        pass.Run(applications);
        // The records read in full are checked as the engine checks them (a year without calendar is an error of the
        // answer); the counted ones met none, or the answer would come from the records.
        var integrityErrors = new List<MetricsError>();
        _ = IntegrityChecker.Check(known, [], policy, calendar, integrityErrors);
        var (reliability, addOutages) = outageTask.GetAwaiter().GetResult();
        var accumulator = new IndicatorAccumulator(period);
        foreach (var v in counts.Volumes) accumulator.Add(v);
        foreach (var a in applications) accumulator.Add(a);
        addOutages(accumulator);
        var indicators = accumulator.Result();
        return MetricsEngine.Result(policy, period, asOf, dataThrough, county, utility, pass, integrityErrors, reliability, indicators)
            with { CountedInStore = counts.Counted };
    }

    /// <summary>
    /// The engine's answer (<see cref="MetricsEngine.Compute"/> over the question's snapshot: targets, reliability,
    /// indicators, errors, breaches, data gaps and the period's findings, to the byte), reliability and the outage indicators
    /// summed by the store as <see cref="Answer"/> sums them, and the question's applications streamed from the store
    /// instead of held: of the per-application rows it keeps those <paramref name="listing"/> asks for, so its memory follows
    /// what the caller lists, not the selection (issue 12: a half-year report, the week of a bulk filing at 10M
    /// applications). The store reads the selection's withdrawn applications first
    /// (<see cref="IAnalyticsStore.WithdrawnRevisions"/>), then the selection once.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="policy">The plan whose targets are evaluated.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="period">The question's period.</param>
    /// <param name="asOf">The instant the figures speak of.</param>
    /// <param name="knownAt">What the store is taken as known at; null: every filing.</param>
    /// <param name="county">Only this county, when given.</param>
    /// <param name="utility">Only this utility, when given.</param>
    /// <param name="listing">The rows and lists kept (<see cref="ListingOptions"/>).</param>
    public static MetricsResult AnswerListing(IAnalyticsStore store, Policy policy, WorkingDayCalendar calendar, MetricsPeriod period,
        DateTime asOf, DateTime? knownAt, string? county, string? utility, ListingOptions listing)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(listing);
        var scope = new RecordScope(period.From, period.To, county, utility);
        var dataThrough = RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt));
        if (MetricsEngine.IsEmpty(period, dataThrough)) return EmptyAnswer(policy, calendar, period, asOf, dataThrough, county, utility);
        return MetricsEngine.ComputeStreamed(store.ApplicationRevisions(knownAt, scope), store.WithdrawnRevisions(knownAt, scope), policy, calendar, period, asOf, dataThrough,
            county, utility, listing.Outages ? () => OutagePart(store, scope, policy, period, dataThrough) : () => (new ReliabilityResult([], []), _ => { }), listing);
    }

    /// <summary>
    /// The integrity findings of the question dated in <paramref name="period"/> (<see cref="MetricsResult.Findings"/> of
    /// the engine over its snapshot, in the same order), its applications streamed from the store (its withdrawn ones
    /// first) rather than held: what <c>metrics</c>' table counts beside the store's counts (issue 12).
    /// </summary>
    public static IReadOnlyList<Finding> FindingsIn(IAnalyticsStore store, Policy policy, WorkingDayCalendar calendar, MetricsPeriod period,
        DateTime? knownAt, string? county, string? utility)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (MetricsEngine.IsEmpty(period, RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt)))) return [];
        var scope = new RecordScope(period.From, period.To, county, utility);
        var integrity = new IntegrityChecker.Stream(store.WithdrawnRevisions(knownAt, scope), policy, calendar, county, utility);
        foreach (var run in RecordSnapshot.Runs(store.ApplicationRevisions(knownAt, scope)))
        {
            integrity.Add(run, period);
            integrity.KeepLastIn(period);
        }
        return integrity.Findings();
    }

    /// <summary>The engine's answer for a period after the data (metrics.md §8), without reading the store.</summary>
    private static MetricsResult EmptyAnswer(Policy policy, WorkingDayCalendar calendar, MetricsPeriod period, DateTime asOf,
        DateTime? dataThrough, string? county, string? utility) =>
        MetricsEngine.Compute(new MetricsInput
        {
            Applications = [], Policy = policy, Calendar = calendar, Period = period, AsOf = asOf,
            DataThrough = dataThrough, County = county, Utility = utility,
        });

    /// <summary>
    /// The outage part of a question's answer: reliability and what the indicators take of the outages, from the store's
    /// sums of each window and its notice counts when it gives them, else from the scope's outage steps read (the
    /// engine's way).
    /// </summary>
    private static (ReliabilityResult Reliability, Action<IndicatorAccumulator> AddOutages) OutagePart(IAnalyticsStore store,
        RecordScope scope, Policy policy, MetricsPeriod period, DateTime? dataThrough)
    {
        var (customers, summed) = Reliability(store, scope, policy, period, dataThrough);
        var notices = summed is null ? null : store.OutageNotices(scope, policy.Parameters.PlannedNoticeLeadDays);
        var steps = summed is null || notices is null ? store.Outages(scope).ToList() : null;
        var reliability = summed ?? MetricsEngine.Reliability(false, steps!, customers, policy, period, dataThrough);
        return (reliability, a =>
        {
            if (notices is not null) a.AddOutages(notices);
            else a.AddOutages(steps!, policy);
        });
    }

    /// <summary>
    /// The scope's customers served, and reliability of the period from the store's sums of each window
    /// (<see cref="IAnalyticsStore.OutageCells"/>); null when the store does not give them (the caller reads the steps).
    /// </summary>
    private static (List<CustomersServed> Customers, ReliabilityResult? Reliability) Reliability(
        IAnalyticsStore store, RecordScope scope, Policy policy, MetricsPeriod period, DateTime? dataThrough)
    {
        var customers = store.CustomersServed(scope).ToList();
        var through = dataThrough is { } dt ? DateOnly.FromDateTime(dt) : (DateOnly?)null;
        return (customers, ReliabilityCalculator.Compute((start, end, shortTicks) => store.OutageCells(scope, start, end, shortTicks),
            customers, policy, period, through));
    }

    /// <summary>
    /// The first year of the calendar's run of years that ends with <paramref name="lastYear"/> (every year in between has a
    /// schedule); null when <paramref name="lastYear"/> has none.
    /// </summary>
    private static int? FirstCoveredYear(WorkingDayCalendar calendar, int lastYear)
    {
        var years = calendar.Years.ToHashSet();
        if (!years.Contains(lastYear)) return null;
        var first = lastYear;
        while (years.Contains(first - 1)) first--;
        return first;
    }

    /// <summary>The store's target counts into the aggregator, as the pass would add each application; false when an
    /// outcome string does not fit the policy (derived under another one).</summary>
    private static bool AddCounted(ApplicationPass pass, IReadOnlyList<TargetCountRow> rows)
    {
        var targets = pass.Targets;
        foreach (var row in rows)
        {
            if (row.Outcomes.Length != targets.Count) return false;
            var cell = -1;
            for (var t = 0; t < targets.Count; t++)
            {
                if (FigureDerivation.Status(row.Outcomes[t]) is not { } s) return false;
                if (s == TargetStatus.NotApplicable) continue;
                var kind = targets[t].Kind;
                // The selecting date: approval for approval-days targets, connection for every other (TargetResult).
                if (!(kind == TargetKind.ApprovalDays ? row.ApprovalInPeriod : row.ConnectedInPeriod)) continue;
                var days = kind switch
                {
                    TargetKind.ApprovalDays => row.ApprovalDays,
                    TargetKind.UtilityDays => row.UtilityDays,
                    TargetKind.WholeProcessDays => row.WholeDays,
                    _ => null,
                };
                if (cell < 0) cell = pass.Aggregator.Cell(row.County, row.Utility, row.Area, row.Category);
                pass.Aggregator.Add(t, cell, s, days, row.Count);
            }
        }
        return true;
    }
}
