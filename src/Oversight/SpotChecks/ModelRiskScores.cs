using System.Globalization;

namespace Analytics.Oversight.SpotChecks;

/// <summary>
/// The early-warning model's miss probability of each application of a draw's register, as it stood at the end of its
/// accepted day (the first moment the model's training replays), and which model said so — or why there is none. The
/// draw oversamples those at or above <see cref="SpotCheckPlan.ModelRiskThreshold"/> (<see cref="SpotCheckDraw"/>).
/// </summary>
public sealed record ModelRiskScores
{
    /// <summary>Miss probability per (utility, application id); an application not scored (connected on its accepted day, no day target) is absent.</summary>
    public required IReadOnlyDictionary<(string Utility, string ApplicationId), double> Probabilities { get; init; }

    /// <summary>True when a stored model scored the register.</summary>
    public required bool Available { get; init; }

    /// <summary>In Chinese, for the published method: the model (fingerprint, training instant) or why none was used.</summary>
    public required string Statement { get; init; }

    /// <summary>The stored model's fingerprint (<c>risk_models.data_fingerprint</c>), null without a model.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>When the stored model was trained, null without a model.</summary>
    public DateTime? TrainedAt { get; init; }

    /// <summary>No model: nothing is oversampled for model risk, and <paramref name="why"/> says so.</summary>
    public static ModelRiskScores None(string why) => new() { Probabilities = new Dictionary<(string, string), double>(), Available = false, Statement = why };

    /// <summary>The probability of an application, or null when it was not scored.</summary>
    public double? Of(string utility, string applicationId) => Probabilities.TryGetValue((utility, applicationId), out var p) ? p : null;

    /// <summary><c>72%</c>.</summary>
    public static string Percent(double p) => p.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}
