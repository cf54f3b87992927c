using System.Collections.Concurrent;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Web;

/// <summary>
/// The read side for the web: one <see cref="RecordSnapshot"/> of the store as loaded, kept while the store's filings
/// are unchanged (a new filing, from this server or another process, is seen at the next request), and the engine's
/// answers to the questions asked of it, so a page or an API call asks for one period and group and never recomputes.
/// </summary>
public sealed class StoreReader
{
    private const int MaxAnswers = 256;
    private readonly IAnalyticsStore _store;
    private readonly WebSettings _settings;
    private readonly Lock _gate = new();
    private (long Version, RecordSnapshot Data)? _snapshot;
    private readonly ConcurrentDictionary<(long, MetricsQuestion), Lazy<MetricsResult>> _answers = new();

    public StoreReader(IAnalyticsStore store, WebSettings settings)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The records as loaded now.</summary>
    public RecordSnapshot Snapshot() => Current().Data;

    /// <summary>The engine's answer to <paramref name="question"/> on the records as loaded now.</summary>
    public MetricsResult Answer(MetricsQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (version, data) = Current();
        if (_answers.Count > MaxAnswers) _answers.Clear();
        var lazy = _answers.GetOrAdd((version, question), _ => new Lazy<MetricsResult>(() => question.Answer(data, _settings)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _answers.TryRemove((version, question), out _);
            throw;
        }
    }

    private (long Version, RecordSnapshot Data) Current()
    {
        // The filings list is small (one row per file loaded): cheap to read on every request.
        var filings = _store.Filings();
        var version = filings.Count == 0 ? 0 : filings[^1].Id * 1_000_003L + filings.Count;
        lock (_gate)
        {
            if (_snapshot is { } s && s.Version == version) return s;
            var data = RecordSnapshot.Load(_store, null);
            _answers.Clear();
            _snapshot = (version, data);
            return (version, data);
        }
    }
}
