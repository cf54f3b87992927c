using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Web;

/// <summary>The store's state a request reads against: its filings, a version that changes with each new filing, and the as-of of the figures.</summary>
public sealed record ReadState(long Version, IReadOnlyList<Filing> Filings, DateTime? DataThrough, DateTime AsOf);

/// <summary>
/// The read side for the web (issue 14): each question — a period and a group — is answered on the records the store
/// selects for it (<see cref="RecordScope"/>, the command line's rule), never on the whole store, and the ANSWERS are
/// kept, bounded by the figures they hold (<see cref="MaxAnswerWeight"/>), while the store's filings are unchanged (a new
/// filing, from this server or another process, is seen at the next request and drops every answer).
/// </summary>
public sealed class StoreReader
{
    /// <summary>The answers kept hold at most this many (in-progress) application figures and findings in all (oldest dropped first).</summary>
    public const long MaxAnswerWeight = 2_000_000;
    /// <summary>And at most this many answers.</summary>
    public const int MaxAnswers = 256;

    private readonly IAnalyticsStore _store;
    private readonly WebSettings _settings;
    private readonly Lock _gate = new();
    private readonly Dictionary<MetricsQuestion, Lazy<MetricsResult>> _answers = [];
    private readonly LinkedList<(MetricsQuestion Question, long Weight)> _order = new();
    private long _version = -1;
    private long _weight;

    public StoreReader(IAnalyticsStore store, WebSettings settings)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The store's filings now (a small list, one row per file loaded: cheap to read on every request).</summary>
    public ReadState State()
    {
        var filings = _store.Filings();
        var version = filings.Count == 0 ? 0 : filings[^1].Id * 1_000_003L + filings.Count;
        var through = RecordSnapshot.DataThroughOf(filings);
        return new ReadState(version, filings, through, through ?? _settings.Clock());
    }

    /// <summary>The data's <c>data_through</c> now (null for an empty store).</summary>
    public DateTime? DataThrough() => State().DataThrough;

    /// <summary>The ledger notes the counties filed back (small: one row per county, week and task).</summary>
    public IReadOnlyList<LedgerNote> LedgerNotes() => [.. _store.LedgerNotes()];

    /// <summary>When each county-week's ledger was filed (small: one row per county and week filed).</summary>
    public IReadOnlyList<LedgerFiling> LedgerFilings() => [.. _store.LedgerFilings()];

    /// <summary>The records of <paramref name="scope"/> as loaded now, selected by the store.</summary>
    public RecordSnapshot Load(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return RecordSnapshot.Load(_store, null, scope);
    }

    /// <summary>The revisions of one application as loaded now (streamed from the group's records, only its own kept), latest last.</summary>
    public IReadOnlyList<ApplicationRevision> Revisions(string utility, string applicationId, string? county)
    {
        var scope = new RecordScope(DateOnly.MinValue, DateOnly.MaxValue, county, utility);
        return [.. _store.ApplicationRevisions(null, scope).Where(r => string.Equals(r.Record.ApplicationId, applicationId, StringComparison.Ordinal))];
    }

    /// <summary>
    /// The engine's whole answer to <paramref name="question"/>, every application's figures included, computed for this
    /// request and not kept (the application page: one group, one application).
    /// </summary>
    public MetricsResult Figures(MetricsQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var state = State();
        return question.Answer(Load(question.Scope(state.AsOf)), state.AsOf, _settings);
    }

    /// <summary>How many of <paramref name="questions"/> are answered and kept for the store as it is now (a progress count).</summary>
    public int Answered(IReadOnlyList<MetricsQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var version = State().Version;
        lock (_gate)
            return _version != version ? 0 : questions.Count(q => _answers.TryGetValue(q, out var kept) && kept.IsValueCreated);
    }

    /// <summary>
    /// The engine's answer to <paramref name="question"/> on the records it needs as loaded now, as kept: every figure,
    /// finding and indicator, and of the per-application figures only the applications in progress at the period's end
    /// (what a page lists; the JSON has none) — a city's answer would otherwise hold a figure for each of its records.
    /// </summary>
    public MetricsResult Answer(MetricsQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return Answers([question])[0];
    }

    /// <summary>
    /// The engine's answers to <paramref name="questions"/>: those not kept are answered on ONE load of the store when
    /// they fix their periods and share a group (a page and its months), the scope covering their periods; any other on
    /// its own scope. A question of a shorter period than the load (a month of the page's year) is answered on the part
    /// of the load its own scope selects (<see cref="Narrow"/>, the store's rule applied to the loaded records), so the
    /// engine reads a month's records for a month, not the year's.
    /// </summary>
    public IReadOnlyList<MetricsResult> Answers(IReadOnlyList<MetricsQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var state = State();
        var fixedOnes = questions.Where(q => q.Requested(state.AsOf) is not null).ToList();
        var covering = fixedOnes.Count > 1 && fixedOnes.All(q => q.County == fixedOnes[0].County && q.Utility == fixedOnes[0].Utility)
            ? new RecordScope(fixedOnes.Min(q => q.Requested(state.AsOf)!.Value.From), fixedOnes.Max(q => q.Requested(state.AsOf)!.Value.To),
                fixedOnes[0].County, fixedOnes[0].Utility)
            : null;
        var shared = covering is null ? null : new Lazy<RecordSnapshot>(() => Load(covering));
        return questions.Select(q => Get(state, q, () =>
        {
            var data = shared is not null && q.Requested(state.AsOf) is not null ? Narrow(shared.Value, covering!, q.Scope(state.AsOf)) : Load(q.Scope(state.AsOf));
            return Kept(q.Answer(data, state.AsOf, _settings));
        })).ToList();
    }

    /// <summary>
    /// The records of <paramref name="scope"/> among <paramref name="data"/> (loaded for <paramref name="loaded"/>, which
    /// covers it): what <see cref="RecordSnapshot.Load(IAnalyticsStore, DateTime?, RecordScope?)"/> would select for it —
    /// each application with all its revisions when <see cref="RecordScope.Wants(IReadOnlyList{ApplicationRevision})"/>
    /// takes them, outages and customers by their own rule. The same snapshot when the scope is the load's.
    /// </summary>
    public static RecordSnapshot Narrow(RecordSnapshot data, RecordScope loaded, RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope == loaded || (scope.From == loaded.From && scope.To == loaded.To && scope.County == loaded.County && scope.Utility == loaded.Utility)) return data;
        var revisions = new List<ApplicationRevision>();
        var latest = new List<Application>();
        var run = new List<ApplicationRevision>();
        void Flush()
        {
            if (run.Count > 0 && scope.Wants(run))
            {
                revisions.AddRange(run);
                latest.Add(run[^1].Record);
            }
            run.Clear();
        }
        // Revisions come ordered by (utility, id, revision), one run per application.
        foreach (var r in data.Revisions)
        {
            if (run.Count > 0 && (!string.Equals(run[0].Record.Utility, r.Record.Utility, StringComparison.Ordinal)
                                  || !string.Equals(run[0].Record.ApplicationId, r.Record.ApplicationId, StringComparison.Ordinal)))
                Flush();
            run.Add(r);
        }
        Flush();
        return data with
        {
            Revisions = revisions,
            Applications = latest,
            Outages = [.. data.Outages.Where(scope.Wants)],
            CustomersServed = [.. data.CustomersServed.Where(scope.Wants)],
        };
    }

    private static MetricsResult Kept(MetricsResult full) =>
        full with { Applications = [.. full.Applications.Where(a => a.Status == ApplicationStatus.InProgress)] };

    private MetricsResult Get(ReadState state, MetricsQuestion question, Func<MetricsResult> compute)
    {
        Lazy<MetricsResult> lazy;
        lock (_gate)
        {
            if (_version != state.Version)
            {
                _answers.Clear();
                _order.Clear();
                _weight = 0;
                _version = state.Version;
            }
            if (!_answers.TryGetValue(question, out lazy!))
            {
                lazy = new Lazy<MetricsResult>(compute);
                _answers[question] = lazy;
            }
        }
        MetricsResult result;
        try
        {
            result = lazy.Value;
        }
        catch
        {
            lock (_gate) if (_answers.TryGetValue(question, out var kept) && kept == lazy) _answers.Remove(question);
            throw;
        }
        lock (_gate)
        {
            // Counted once, by the request that computed it; the oldest answers go first when the bound is passed.
            if (_version == state.Version && _answers.TryGetValue(question, out var kept) && kept == lazy && !_order.Any(o => o.Question == question))
            {
                var weight = 1L + result.Applications.Count + result.Findings.Count + result.DataGaps.Count + result.Breaches.Count;
                _order.AddLast((question, weight));
                _weight += weight;
                while (_order.Count > 1 && (_weight > MaxAnswerWeight || _order.Count > MaxAnswers))
                {
                    var (oldest, w) = _order.First!.Value;
                    _order.RemoveFirst();
                    _answers.Remove(oldest);
                    _weight -= w;
                }
            }
        }
        return result;
    }
}
