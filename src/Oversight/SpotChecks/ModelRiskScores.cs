using System.Globalization;

namespace Analytics.Oversight.SpotChecks;

/// <summary>
/// The early-warning model's miss probability of each application of a draw's register, as it stood at the end of its
/// accepted day (the first moment the model's training replays), and which model said so — or why there is none. The
/// draw oversamples the register's top <see cref="SpotCheckPlan.ModelRiskTopShare"/> (<see cref="Cut"/>, <see cref="SpotCheckDraw"/>).
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

    /// <summary>
    /// The line of a high model risk: the register's (1 − <paramref name="topShare"/>) quantile of the scores (nearest rank) and
    /// their median (lower); an application is high when its score is at or above the quantile AND above the median — so
    /// scores that hardly differ (a baseline answering one probability for a whole category) mark nothing. Null when nothing
    /// was scored. A fixed probability would not do: at acceptance the model knows little, and on the generated data no
    /// score reaches the 50 % of its at-risk list (measured: at most 33 % over 3,211 applications).
    /// </summary>
    public (double Threshold, double Median)? Cut(double topShare)
    {
        if (!Available || Probabilities.Count == 0) return null;
        if (topShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(topShare), "The top share lies strictly between 0 and 1.");
        var sorted = Probabilities.Values.Order().ToArray();
        double Rank(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length - 1e-9) - 1, 0, sorted.Length - 1)];
        return (Rank(1 - topShare), Rank(0.5));
    }

    /// <summary>Whether <paramref name="p"/> is a high model risk by <see cref="Cut"/>.</summary>
    public static bool IsHigh(double p, (double Threshold, double Median)? cut) => cut is { } c && p >= c.Threshold && p > c.Median;

    /// <summary><c>72%</c>.</summary>
    public static string Percent(double p) => p.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    /// <summary><c>32.9%</c>.</summary>
    public static string Percent1(double p) => p.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}
