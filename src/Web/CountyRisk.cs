using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Risk;

namespace Analytics.Web;

/// <summary>
/// The early warning for a county's page, from the risk model <c>analytics risk</c> keeps in the store: the model
/// stored under the fingerprint of the records as loaded, the policy, the calendar and the data's as-of
/// (<see cref="RiskModelFingerprint"/>, the rule of the command), applied by <see cref="RiskAssessor"/> to what was in
/// progress then. The web never trains a model (a minute of CPU on a large store): without a stored one the page
/// lists the in-progress applications by working days left and says how to get the warning.
/// </summary>
public sealed class CountyRisk
{
    private readonly IAnalyticsStore _store;
    private readonly WebSettings _settings;
    private readonly ConditionalWeakTable<RecordSnapshot, Lazy<string>> _fingerprints = new();
    private readonly ConditionalWeakTable<RecordSnapshot, RiskModel> _models = new();
    private readonly ConcurrentDictionary<(RecordSnapshot, string), RiskAssessment> _assessed = new();

    public CountyRisk(IAnalyticsStore store, WebSettings settings)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The county's assessment at the data's as-of, or null when the store keeps no model for these records.</summary>
    public RiskAssessment? Assess(RecordSnapshot data, string county)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(county);
        var asOf = data.DataThrough ?? _settings.Clock();
        if (!_models.TryGetValue(data, out var model))
        {
            // Looked up again at each request until `analytics risk` has kept one; once found, kept with the snapshot.
            if (Stored(data, asOf) is not { } stored) return null;
            model = _models.GetValue(data, _ => stored);
        }
        if (_assessed.Count > 64) _assessed.Clear();
        return _assessed.GetOrAdd((data, county), _ =>
        {
            var end = asOf == DateTime.MaxValue ? asOf : asOf.AddTicks(1);
            var open = data.Where(county, utility: null).Applications
                .Select(a => RecordSnapshot.Rewind(a, end))
                .Where(a => a is { Status: ApplicationStatus.InProgress })
                .Select(a => a!);
            return new RiskAssessor(model).Assess(open, asOf);
        });
    }

    private RiskModel? Stored(RecordSnapshot data, DateTime asOf)
    {
        if (_store is not IRiskModelStore models) return null;
        var options = new RiskModelOptions { Policy = _settings.Policy, Calendar = _settings.Calendar, KnownAt = asOf };
        var fingerprint = _fingerprints.GetValue(data, d => new Lazy<string>(() => RiskModelFingerprint.Of(d, options))).Value;
        var stored = models.FindRiskModel(fingerprint);
        return stored is null ? null : RiskModel.Load(stored.Model, _settings.Policy, _settings.Calendar);
    }
}
