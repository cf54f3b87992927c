using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Risk;

/// <summary>
/// The early warning for one in-progress application (目标2): how many days its target's measure is
/// predicted to end at, and the probability that this exceeds the limit in force on its accepted date.
/// The elapsed and counted days, the limit, the due date and the days left are the metrics engine's
/// in-progress figures (<see cref="ApplicationFigures"/>).
/// </summary>
public sealed record ApplicationRisk
{
    public required Application Application { get; init; }

    /// <summary>The metrics engine's figures of the application at the as-of instant.</summary>
    public required ApplicationFigures Figures { get; init; }

    public string ApplicationId => Application.ApplicationId;

    public string Utility => Application.Utility;

    public string County => Application.County;

    public Category Category => Application.Category;

    /// <summary>The day target that applies (T2a…T2e).</summary>
    public required string TargetId { get; init; }

    /// <summary>Elapsed days of metrics.md §3: working days accepted → as-of, less paused days.</summary>
    public required int ElapsedDays { get; init; }

    /// <summary>Days counted so far by the target's measure (utility days or whole-process days), less paused days.</summary>
    public required int CountedDays { get; init; }

    /// <summary>The limit in force on the accepted date (working days).</summary>
    public required decimal LimitDays { get; init; }

    /// <summary>
    /// The last day on time if the clock runs without a further stop (metrics engine: accepted date +
    /// ⌊limit⌋ + paused days + days left out so far); customer works, approvals and pauses still to come move it later.
    /// </summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Working days still allowed: ⌊limit⌋ − counted days (negative when already missed).</summary>
    public required int DaysLeft { get; init; }

    /// <summary>Predicted final days of the target's measure.</summary>
    public required double PredictedDays { get; init; }

    /// <summary>Probability (0–1) that the final days exceed the limit.</summary>
    public required double MissProbability { get; init; }

    /// <summary>Which predictor answered.</summary>
    public required RiskMethod Method { get; init; }
}

/// <summary>Which predictor answered for an application.</summary>
public enum RiskMethod
{
    Invalid = 0,
    /// <summary>The FastTree model, which beat the baseline on the category's holdout.</summary>
    Model = 1,
    /// <summary>The category's median final days (floored at the days counted).</summary>
    Baseline = 2,
    /// <summary>No finished application of the category to learn from: only the days counted so far (1 when over the limit, else 0).</summary>
    CountedOnly = 3,
}
