using System.Collections.Concurrent;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Risk;

namespace Analytics.Web;

/// <summary>
/// The early warning for a county's page, from the risk model <c>analytics risk</c> keeps in the store: the model
/// stored under the fingerprint of the store's applications filings, the policy, the calendar and the data's as-of
/// (<see cref="RiskModelFingerprint"/>, the rule of the command, which trains on the whole city), applied by
/// <see cref="RiskAssessor"/> to the county's applications in progress then — the only records loaded, selected by the
/// store (the county's scope of the as-of day). The web never trains a model (a minute of CPU on a large store):
/// without a stored one the page lists the in-progress applications by working days left and says how to get the warning.
/// </summary>
public sealed class CountyRisk
{
    private readonly IAnalyticsStore _store;
    private readonly StoreReader _reader;
    private readonly WebSettings _settings;
    private readonly Lock _gate = new();
    private (long Version, RiskModel Model)? _model;
    private readonly ConcurrentDictionary<(long, string), Lazy<RiskAssessment>> _assessed = new();

    public CountyRisk(IAnalyticsStore store, StoreReader reader, WebSettings settings)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The county's assessment at the data's as-of, or null when the store keeps no model for these records.</summary>
    public RiskAssessment? Assess(string county)
    {
        ArgumentNullException.ThrowIfNull(county);
        var state = _reader.State();
        RiskModel model;
        lock (_gate)
        {
            if (_model is { } m && m.Version == state.Version) model = m.Model;
            else
            {
                // Looked up again at each request until `analytics risk` has kept one; once found, kept until the next filing.
                if (Stored(state) is not { } stored) return null;
                _model = (state.Version, stored);
                model = stored;
                foreach (var key in _assessed.Keys.Where(k => k.Item1 != state.Version).ToList()) _assessed.TryRemove(key, out _);
            }
        }
        if (_assessed.Count > 64) _assessed.Clear();
        var asOf = state.AsOf;
        return _assessed.GetOrAdd((state.Version, county), _ => new Lazy<RiskAssessment>(() =>
        {
            var end = asOf == DateTime.MaxValue ? asOf : asOf.AddTicks(1);
            var day = DateOnly.FromDateTime(asOf);
            // Every application open at the as-of is in the scope of its day (open, or ended since 31 days before).
            var open = _reader.Load(new RecordScope(day, day, county)).Applications
                .Where(a => a.County == county)
                .Select(a => RecordSnapshot.Rewind(a, end))
                .Where(a => a is { Status: ApplicationStatus.InProgress })
                .Select(a => a!);
            return new RiskAssessor(model).Assess(open, asOf);
        })).Value;
    }

    private RiskModel? Stored(ReadState state)
    {
        if (_store is not IRiskModelStore models) return null;
        var options = new RiskModelOptions { Policy = _settings.Policy, Calendar = _settings.Calendar, KnownAt = state.AsOf };
        // The fingerprint reads the filings and the (whole-city) group only: no record needs loading for it.
        var fingerprint = RiskModelFingerprint.Of(new RecordSnapshot { Filings = state.Filings }, options);
        var stored = models.FindRiskModel(fingerprint);
        return stored is null ? null : RiskModel.Load(stored.Model, _settings.Policy, _settings.Calendar);
    }
}
