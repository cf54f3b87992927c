using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight.Forensics;
using Analytics.Reports.Pdf.Content;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Pdf;

/// <summary>
/// Where the semiannual reports and the city's circular read when made from a store (issue 12), the same for
/// <c>report</c> and the web: every period's figures (the half, the one before, the same half a year earlier, the year to
/// date) are the store's answers (<see cref="MetricsQuery.Answer"/>), the half's with its lists (breaches, findings), what
/// the appendix prints of each listed application, and the months from its applications streamed once per unit
/// (<see cref="MetricsQuery.AnswerListing"/>): a report holds what it lists, never the half's records or rows.
/// </summary>
public static class ReportStore
{
    /// <summary>
    /// The inputs of the reports of <paramref name="half"/> for <paramref name="units"/> (utility codes; null: the city), as
    /// known at <paramref name="knownAt"/> (every filing when null), figures at <paramref name="instant"/>. The other periods
    /// are answered at once; each unit's own half when a layout first asks for it (the store must stay open until the
    /// reports are composed).
    /// </summary>
    public static ReportInputs Inputs(IAnalyticsStore store, DomainPolicy policy, WorkingDayCalendar calendar, Registries registries,
        IRecordDerivation derivation, HalfYear half, DateTime? knownAt, DateTime instant, IEnumerable<string?> units)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(units);
        var own = MetricsPeriod.Half(half);
        var answers = new Dictionary<(MetricsPeriod, string?), MetricsResult>();
        foreach (var u in units)
            foreach (var period in SemiannualReport.OtherPeriods(half))
                answers[(period, u)] = MetricsQuery.Answer(store, policy, calendar, derivation, period, instant, knownAt, county: null, utility: u);
        var halves = new Dictionary<string, Half>(StringComparer.Ordinal);
        Half Own(string? u)
        {
            if (halves.TryGetValue(u ?? "", out var done)) return done;
            // The engine's answer for the half (figures, lists) with its applications streamed, reliability summed by the
            // store; of the listed applications only what a utility's appendix prints (the circular has none), no row.
            // The city's half also feeds the circular's forensics (every unit against the rest of the city) as its rows pass.
            var months = new MonthlyFigures.Tally(half);
            var appendix = new Dictionary<(string, string), AppendixTable.Facts>();
            var forensics = u is null ? new CityForensics(policy, own, calendar) : null;
            var listed = MetricsQuery.AnswerListing(store, policy, calendar, own, instant, knownAt, county: null, utility: u, new ListingOptions
            {
                ListedRows = false,
                DataGaps = false,
                Listed = u is null ? null : f => appendix[(f.Utility, f.ApplicationId)] = AppendixTable.Facts.Of(f),
                Row = forensics is null ? null : forensics.Add,
                Each = months.Add,
            });
            return halves[u ?? ""] = new Half(listed, months.Result(), appendix, forensics);
        }
        return new ReportInputs
        {
            // The head of the records: the filings known (data_through) and the utilities' notes; no application.
            Records = new RecordSnapshot { Filings = RecordSnapshot.KnownFilings(store, knownAt), Notes = [.. store.Notes()], KnownAt = knownAt },
            Policy = policy,
            Calendar = calendar,
            Registries = registries,
            Answers = (period, u) => period == own ? Own(u).Answer : answers.GetValueOrDefault((period, u)),
            Months = u => Own(u).Months,
            Appendix = u => Own(u).Appendix,
            CityForensics = () => Own(null).Forensics!.Result(),
        };
    }

    /// <summary>
    /// The circular's oversight (<see cref="Oversight.OversightDigest"/>) for <paramref name="half"/>, its forensics those of the city's
    /// half counted as <paramref name="inputs"/> (<see cref="Inputs"/>) stream it for the circular itself: the same as
    /// <see cref="Oversight.OversightDigest.ForStore"/> over the half, without reading it a second time.
    /// </summary>
    public static Oversight.OversightInputs CityOversight(IAnalyticsStore store, ReportInputs inputs, HalfYear half)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var period = MetricsPeriod.Half(half);
        return Oversight.OversightDigest.Compose(store, inputs.CityForensics
            ?? throw new ArgumentException("The inputs were not made by ReportStore.Inputs.", nameof(inputs)), period, period);
    }

    private sealed record Half(MetricsResult Answer, IReadOnlyList<MonthlyFigure> Months,
        IReadOnlyDictionary<(string, string), AppendixTable.Facts> Appendix, CityForensics? Forensics);

    /// <summary>
    /// The forensics of the city's half over its rows as they stream (<see cref="GamingForensics.Accumulator"/>). A year the
    /// calendar has no schedule for stops the tests; <see cref="Result"/> then throws that <see cref="CalendarException"/>,
    /// as the tests over the rows read would (the circular says none ran), without failing the half's answer.
    /// </summary>
    private sealed class CityForensics(DomainPolicy policy, MetricsPeriod period, WorkingDayCalendar calendar)
    {
        private readonly GamingForensics.Accumulator _tests = new(policy, period, calendar);
        private CalendarException? _failed;

        public void Add(ApplicationFigures f)
        {
            if (_failed is not null) return;
            try { _tests.Add(f); }
            catch (CalendarException e) { _failed = e; }
        }

        public ForensicsResult Result()
        {
            if (_failed is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failed);
            return _tests.Result();
        }
    }
}
