using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight;
using Analytics.Oversight.Forensics;
using Analytics.Oversight.Rectification;
using Analytics.Oversight.SpotChecks;

namespace Analytics.Reports.Oversight;

/// <summary>
/// Composes the <see cref="OversightInputs"/> a ledger or the circular takes (issue 16), from the store's oversight
/// records and one forensics run: every figure (rates, bounds, p-values, overdue verdicts, totals) is decided here, by
/// <c>Analytics.Oversight</c>, and the documents only lay it out. The one composition for every document that carries the
/// oversight: the command line's <c>ledger</c>, <c>report city</c> and <c>demo</c>, and the web's downloads
/// (<c>src/Web/Documents.cs</c>), so the same store and question give the same sections everywhere.
/// </summary>
public static class OversightDigest
{
    /// <summary>
    /// The oversight of a document covering <paramref name="period"/>: field discrepancies filed in it, the rates of the
    /// draws with results filed in it (over the results filed by its end), rectification items opened by its end (overdue judged on its last day), and the
    /// forensics over <paramref name="forensicsPeriod"/> of <paramref name="cityData"/> (the whole city's records: each
    /// unit is tested against the rest of the city; null: no forensics run).
    /// </summary>
    /// <remarks>The store is the one the records came from; without oversight tables only the forensics runs.</remarks>
    public static OversightInputs For(Policy policy, WorkingDayCalendar calendar, IAnalyticsStore store, RecordSnapshot? cityData,
        MetricsPeriod period, MetricsPeriod forensicsPeriod, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return Compose(store,
            cityData is null ? null : () => GamingForensics.Run(MetricsEngine.Compute(MetricsInput.Of(cityData, policy, calendar, forensicsPeriod, asOf)), calendar),
            period, forensicsPeriod);
    }

    /// <summary>
    /// <see cref="For"/> with the forensics over the city's applications the store selects for
    /// <paramref name="forensicsPeriod"/> as known at <paramref name="knownAt"/>, read one at a time and kept by none (issue 12:
    /// the roll-up's forensics without the city's records in memory): the same as <see cref="For"/> over the snapshot
    /// <c>RecordSnapshot.Load(store, knownAt, new RecordScope(forensicsPeriod.From, forensicsPeriod.To))</c>, whose
    /// per-application figures are the applications' own (outages, customers served and revisions do not enter them).
    /// </summary>
    public static OversightInputs ForStore(Policy policy, WorkingDayCalendar calendar, IAnalyticsStore store, DateTime? knownAt,
        MetricsPeriod period, MetricsPeriod forensicsPeriod, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(store);
        return Compose(store, () => StoreForensics(policy, calendar, store, knownAt, forensicsPeriod, asOf), period, forensicsPeriod);
    }

    /// <summary>
    /// The forensics over the applications the store selects for <paramref name="period"/> as known at
    /// <paramref name="knownAt"/>, read one at a time and kept by none: the engine's per-application figures
    /// (<see cref="MetricsEngine.Rows"/>) counted by <see cref="GamingForensics"/> as they come. The same as
    /// <see cref="GamingForensics.Run(MetricsResult, WorkingDayCalendar, ForensicsOptions?)"/> over the engine's answer
    /// for the records of that scope.
    /// </summary>
    public static ForensicsResult StoreForensics(Policy policy, WorkingDayCalendar calendar, IAnalyticsStore store, DateTime? knownAt,
        MetricsPeriod period, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dataThrough = RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt));
        var applications = RecordSnapshot.StreamApplications(store, knownAt, new RecordScope(period.From, period.To));
        return GamingForensics.Run(MetricsEngine.Rows(applications, policy, calendar, period, asOf, dataThrough), policy, period, calendar);
    }

    /// <summary>The oversight of a document covering <paramref name="period"/>, with the forensics <paramref name="runForensics"/>
    /// gives over <paramref name="forensicsPeriod"/> (none run when null; none when the calendar does not cover it).</summary>
    internal static OversightInputs Compose(IAnalyticsStore store, Func<ForensicsResult>? runForensics,
        MetricsPeriod period, MetricsPeriod forensicsPeriod)
    {
        var inputs = new OversightInputs { JudgedOn = period.To };
        if (store is IOversightStore os)
        {
            var results = os.SpotCheckResults();
            var filedByEnd = results.Where(r => DateOnly.FromDateTime(r.FiledAt) <= period.To).ToList();
            var strata = new List<SpotCheckStratumLine>();
            var draws = 0;
            foreach (var drawId in results.Where(r => period.Contains(DateOnly.FromDateTime(r.FiledAt))).Select(r => r.DrawId)
                         .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (os.FindDraw(drawId) is not { } draw) continue;
                draws++;
                // The rates as they stood at the period's end: results filed later (a document made afterwards) are not counted.
                strata.AddRange(StratumRate.Of(draw, filedByEnd).Where(s => s.Checked > 0).Select(s =>
                    new SpotCheckStratumLine(draw.DrawId, s.County, s.Utility, s.Drawn, s.Checked, s.Discrepant, s.Rate, s.UpperBound, s.Confidence)));
            }
            var end = DayBounds.EndOfDay(period.To);
            var items = os.Rectifications().Where(i => i.CreatedAt <= end).Select(i => new RectificationLine(i, i.IsOverdue(period.To))).ToList();
            inputs = inputs with
            {
                Findings = OversightFindings.For(os, null, period),
                Strata = strata,
                SpotChecks = new SpotCheckTotals(draws, strata.Count, strata.Sum(s => s.Checked), strata.Sum(s => s.Discrepant)),
                Rectifications = items,
                RectificationCounts = new RectificationTotals(
                    items.Count(i => i.Item.Status == RectificationStatus.Open), items.Count(i => i.Item.Status == RectificationStatus.InProgress),
                    items.Count(i => i.Item.Status == RectificationStatus.Closed), items.Count(i => i.Overdue)),
            };
        }
        if (runForensics is null) return inputs;
        try
        {
            var forensics = runForensics();
            inputs = inputs with
            {
                Flags = [.. forensics.Flagged.Select(f => new ForensicsFlagLine(f.Test, f.Target, f.Utility, f.County, f.PValue, f.PAdjusted, f.Evidence, f.Applications.Count))],
                ForensicsTestCount = forensics.TestCount,
                ForensicsAlpha = forensics.Alpha,
                ForensicsPeriod = forensicsPeriod,
            };
        }
        catch (CalendarException)
        {
            // A period the working-day calendar does not cover: the tests of stage times cannot run; the documents say none ran.
        }
        return inputs;
    }
}
