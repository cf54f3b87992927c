using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight;
using Analytics.Reports.Ledger;
using Analytics.Reports.Pdf;
using Analytics.Reports.Oversight;

namespace Analytics.Web;

/// <summary>
/// The documents the web hands out: a county's weekly ledger and a utility's semiannual PDF, made as the command line
/// makes them, each from the records the store selects for it — a county's ledger as <c>ledger --no-risk</c> reads them
/// (the week's records, the year to date from the store's counts: <see cref="LedgerStore"/>), the city's roll-up as
/// <c>ledger --city</c> (every county's ledger so, its forensics over the city's applications of the year streamed) and the
/// reports as <c>report</c> reads them (<see cref="ReportStore"/>: the store's answers, the half's lists streamed). The oversight sections
/// (issue 16: the 问题清单's field checks and overdue items, the roll-up's forensics flags and 整改逾期 sheet, the circular's
/// 监督检查) come from <see cref="OversightDigest.For"/>, <see cref="OversightDigest.ForStore"/> and
/// <see cref="ReportStore.CityOversight"/> with the same
/// periods as the command line's <c>ledger</c> and <c>report city</c>, so the same store and question give the same text.
/// </summary>
public sealed class Documents
{
    private readonly StoreReader _reader;
    private readonly WebSettings _settings;
    private readonly IAnalyticsStore _store;
    private readonly Lazy<FigureDerivation> _derivation;

    /// <param name="reader">The per-question reads.</param>
    /// <param name="settings">Policy, calendar, registries, clock.</param>
    /// <param name="store">The store the reader reads (its oversight records: spot checks, rectification items).</param>
    public Documents(StoreReader reader, WebSettings settings, IAnalyticsStore store)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        // The derivation the server derived the store under at start (WebApp.ConfigureServices): the same policy and calendar.
        _derivation = new Lazy<FigureDerivation>(() => new FigureDerivation(settings.Policy, settings.Calendar));
    }

    /// <summary>The Thursday whose ledger is due next: the first Thursday after the data's last day (as the demo writes).</summary>
    public DateOnly CurrentThursday()
    {
        var end = DateOnly.FromDateTime(_reader.DataThrough() ?? _settings.Clock());
        var d = end.AddDays(1);
        while (d.DayOfWeek != DayOfWeek.Thursday) d = d.AddDays(1);
        return d;
    }

    /// <summary>The county's ledger workbook for the Thursday (the 风险 column left empty, as <c>ledger --no-risk</c>).</summary>
    public (byte[] Bytes, string FileName) Ledger(string county, DateOnly thursday)
    {
        var week = Week(thursday);
        var source = LedgerSource();
        var data = source.Head();
        RequireData(data, week.FirstDay, string.Create(CultureInfo.InvariantCulture, $"{week.Thursday:yyyy-MM-dd} 的工作台账"));
        var inputs = new LedgerInputs
        {
            Records = data, Store = source, Policy = _settings.Policy, Calendar = _settings.Calendar, Registries = _settings.Registries,
        };
        inputs = inputs with { Oversight = LedgerOversight(inputs, week) };
        var ledger = WeeklyLedgers.ComposeCounty(inputs, county, week);
        using var ms = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, ms);
        return (ms.ToArray(), LedgerFileNames.County(ledger.County, week.Thursday));
    }

    /// <summary>The city's roll-up of the Thursday's ledgers (as <c>ledger --city</c>).</summary>
    public (byte[] Bytes, string FileName) CityLedger(DateOnly thursday)
    {
        var week = Week(thursday);
        // As ledger --city: each county's ledger from the store in turn, the 全市 line from its counts, the forensics over the
        // city's applications of the year streamed from the store (issue 12), never the city's records at once.
        var source = LedgerSource();
        var data = source.Head();
        RequireData(data, week.FirstDay, string.Create(CultureInfo.InvariantCulture, $"{week.Thursday:yyyy-MM-dd} 的全市汇总台账"));
        var inputs = new LedgerInputs
        {
            Records = data, Store = source, Policy = _settings.Policy, Calendar = _settings.Calendar, Registries = _settings.Registries,
        };
        inputs = inputs with
        {
            Oversight = OversightDigest.ForStore(_settings.Policy, _settings.Calendar, _store, source.KnownAt,
                new MetricsPeriod(week.FirstDay, week.LastDay), new MetricsPeriod(week.YearToDateFrom, week.LastDay), inputs.AsOfFor(week)),
        };
        var ledger = WeeklyLedgers.ComposeCity(inputs, week);
        using var ms = new MemoryStream();
        CityLedgerWorkbook.Write(ledger, ms);
        return (ms.ToArray(), LedgerFileNames.City(_settings.Registries.CityName, week.Thursday));
    }

    /// <summary>The city's semiannual circular (通报) for the half-year (as <c>report city</c>).</summary>
    public (byte[] Bytes, string FileName) Circular(HalfYear half)
    {
        var (inputs, asOf) = ReportOf(half, utility: null, $"{half} 通报");
        inputs = inputs with { Oversight = ReportStore.CityOversight(_store, inputs, half) };
        return (CityCircular.Render(inputs, half, asOf), CityCircular.FileName(_settings.Registries.CityName, half));
    }

    /// <summary>
    /// A report's inputs as <c>report</c> reads them (<see cref="ReportStore"/>: the store's answers, the half's lists and
    /// months streamed), of the utility or the city (null), as loaded now; 422 for a half after the data.
    /// </summary>
    private (ReportInputs Inputs, DateTime AsOf) ReportOf(HalfYear half, string? utility, string what)
    {
        var head = new RecordSnapshot { Filings = _reader.State().Filings };
        RequireData(head, half.First, what);
        var asOf = head.DataThrough ?? _settings.Clock();
        return (ReportStore.Inputs(_store, _settings.Policy, _settings.Calendar, _settings.Registries, _derivation.Value, half, knownAt: null,
            asOf, [utility]), asOf);
    }

    /// <summary>
    /// Where the ledgers read, as <c>ledger --no-risk</c> reads (issue 12): each ledger's week from the records the store
    /// selects for it, its year to date from the store's counts, derived under the server's policy and calendar.
    /// </summary>
    private LedgerStore LedgerSource() => new(_store, _derivation.Value, knownAt: null);

    /// <summary>A county ledger's oversight as <c>ledger</c> composes it: the week's field results and overdue items, no forensics.</summary>
    private Analytics.Reports.Oversight.OversightInputs LedgerOversight(LedgerInputs inputs, LedgerWeek week) =>
        OversightDigest.For(_settings.Policy, _settings.Calendar, _store, null, new MetricsPeriod(week.FirstDay, week.LastDay),
            new MetricsPeriod(week.YearToDateFrom, week.LastDay), inputs.AsOfFor(week));

    /// <summary>The last half-year complete by the data's last day (the one the circular and the reports speak of by default).</summary>
    public HalfYear LastCompleteHalf()
    {
        var end = DateOnly.FromDateTime(_reader.DataThrough() ?? _settings.Clock());
        return end >= new DateOnly(end.Year, 12, 31) ? new HalfYear(end.Year, 2)
            : end >= new DateOnly(end.Year, 6, 30) ? new HalfYear(end.Year, 1)
            : new HalfYear(end.Year - 1, 2);
    }

    /// <summary>The week of a Thursday, 400 otherwise.</summary>
    public static LedgerWeek Week(DateOnly thursday)
    {
        try { return LedgerWeek.For(thursday); }
        catch (LedgerDateException e) { throw WebProblemException.BadRequest("date: " + e.Message); }
    }

    /// <summary>The utility's semiannual PDF for the half-year.</summary>
    public (byte[] Bytes, string FileName) Semiannual(string utility, HalfYear half)
    {
        var (inputs, asOf) = ReportOf(half, utility, $"{half} 半年报告");
        return (SemiannualReport.Render(inputs, utility, half, asOf), SemiannualReport.FileName(_settings.Registries.Utility(utility), half));
    }

    /// <summary>metrics.md §8: a document for a period after the data is refused, naming data_through (422).</summary>
    private static void RequireData(RecordSnapshot data, DateOnly periodStart, string what)
    {
        if (data.DataThrough is not { } dt) throw new WebProblemException(422, $"{what}：数据库中还没有数据 (no data loaded yet)");
        var through = DateOnly.FromDateTime(dt);
        if (periodStart > through)
            throw new WebProblemException(422, string.Create(CultureInfo.InvariantCulture,
                $"{what}：报告期始于 {periodStart:yyyy-MM-dd}，晚于数据截止日 {through:yyyy-MM-dd}（data_through），没有可统计的数据"));
    }
}
