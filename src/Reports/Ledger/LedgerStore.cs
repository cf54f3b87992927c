using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Where a ledger made from a store reads (issue 12, the read side of <c>ledger --no-risk</c>, <c>--all</c>, <c>--city</c>
/// and the web): each ledger's week question is the engine over the records the store selects for the week alone
/// (<see cref="LedgerWeek.WeekScope"/>), its year-to-date question the store's counts (<see cref="MetricsQuery.Answer"/>),
/// so a county's ledger never holds its year's records and <c>--all</c> never the city's.
/// </summary>
/// <remarks>
/// The answers are the engine's over the year's records (<see cref="MetricsQuery"/>): targets, reliability, volumes whole;
/// the year answer lists only the applications not settled by the week's end, which is all a ledger reads of it
/// (在途工单 and the open approvals of 审批事项; approvals granted in the week come from the week's answer, see
/// <see cref="CountyLedgerComposer"/>). The city's 全市 line takes both of its questions from the counts.
/// </remarks>
public sealed class LedgerStore
{
    private readonly IAnalyticsStore _store;
    private readonly IRecordDerivation _derivation;

    /// <param name="store">The store (derived under <paramref name="derivation"/> when it can count).</param>
    /// <param name="derivation">What the store's derived figures must have been derived under.</param>
    /// <param name="knownAt">What the store is taken as known at (--as-of, end of day); null: every filing.</param>
    public LedgerStore(IAnalyticsStore store, IRecordDerivation derivation, DateTime? knownAt)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _derivation = derivation ?? throw new ArgumentNullException(nameof(derivation));
        KnownAt = knownAt;
    }

    /// <summary>What the store is taken as known at; null: every filing.</summary>
    public DateTime? KnownAt { get; }

    /// <summary>
    /// The snapshot's head without records: the filings known at <see cref="KnownAt"/> (its <c>data_through</c>), the ledger
    /// notes and the ledger filings — what <see cref="LedgerInputs.Records"/> holds when the ledgers read from the store.
    /// </summary>
    public RecordSnapshot Head() => new()
    {
        Filings = RecordSnapshot.KnownFilings(_store, KnownAt),
        LedgerNotes = [.. _store.LedgerNotes()],
        LedgerFilings = [.. _store.LedgerFilings()],
        KnownAt = KnownAt,
    };

    /// <summary>
    /// What a county's (or the city's, null) ledger reads of its week besides the answer (<see cref="WeekAnswer"/>): the
    /// head (<see cref="Head"/>) and, as outage steps, only those that began in the week (the 停电事件 list). No application:
    /// the answer streams them.
    /// </summary>
    public RecordSnapshot Week(LedgerWeek week, string? county)
    {
        return Head() with { Outages = [.. _store.OutagesStarting(week.WeekScope(county))] };
    }

    /// <summary>
    /// The engine's answer for the week (<see cref="LedgerWeek.WeekScope"/>, of one county or the city), its applications
    /// streamed from the store (<see cref="MetricsQuery.AnswerListing"/>), without reliability or outage indicators, which a
    /// county ledger takes from the year (目标5) and from the week's steps (停电事件, notices): of the per-application rows it keeps those a ledger lists — in progress
    /// at the week's end (在途工单, 审批事项, 超期在途) and connected in the week (本周接电, 审批事项); its 问题清单 takes the
    /// breaches and findings themselves, and no sheet lists data gaps — so the week of a bulk filing, which selects every
    /// application of the county, is not held in memory (issue 12).
    /// </summary>
    public MetricsResult WeekAnswer(LedgerInputs inputs, LedgerWeek week, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return MetricsQuery.AnswerListing(_store, inputs.Policy, inputs.Calendar, new MetricsPeriod(week.FirstDay, week.LastDay), asOf,
            KnownAt, county, null, new ListingOptions
            {
                Keep = f => f.Status == ApplicationStatus.InProgress || (f.ConnectedAt is { } at && week.Contains(at)),
                ListedRows = false,
                DataGaps = false,
                Outages = false,
            });
    }

    /// <summary>The answer for <paramref name="period"/> with figures at <paramref name="asOf"/>, of one county or the city (null).</summary>
    public MetricsResult Answer(LedgerInputs inputs, MetricsPeriod period, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return MetricsQuery.Answer(_store, inputs.Policy, inputs.Calendar, _derivation, period, asOf, KnownAt, county, null);
    }
}
