using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>
/// How <see cref="RiskModel.Train"/> trains and evaluates the early warning. The defaults are what
/// the CLI uses; every random choice derives from <see cref="Seed"/>, so the same data and options
/// give the same figures.
/// </summary>
public sealed record RiskModelOptions
{
    /// <summary>The policy whose 目标2 day targets (T2a–T2e) give the measure and the limit of each category.</summary>
    public Policy Policy { get; init; } = Policy.Default;

    /// <summary>The working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.Default;

    /// <summary>Seed of the prediction-moment sampling and of FastTree.</summary>
    public int Seed { get; init; } = 189;

    /// <summary>
    /// Only applications connected at or before this instant are learned from (replaying a past
    /// as-of date); null = every connected application given.
    /// </summary>
    public DateTime? KnownAt { get; init; }

    /// <summary>Share of the finished applications, the latest accepted, held out to evaluate (time-based holdout).</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>Share of a training window, the latest accepted, kept apart to measure the residual spread.</summary>
    public double CalibrationFraction { get; init; } = 0.2;

    /// <summary>
    /// Calendar days between replayed prediction moments of one application (each application gets
    /// its own random phase); 0 = the smallest stride that keeps the moments under
    /// <see cref="MaximumMoments"/>.
    /// </summary>
    public int MomentStrideDays { get; init; }

    /// <summary>Upper bound on the replayed prediction moments when <see cref="MomentStrideDays"/> is 0.</summary>
    public int MaximumMoments { get; init; } = 300_000;

    /// <summary>
    /// Applications accepted so recently that most of their cohort cannot have finished yet are left
    /// out (their finished ones are only the quick ones): those accepted within the largest, over the
    /// categories, of this quantile of a category's calendar duration before the end of the data.
    /// </summary>
    public double MaturityQuantile { get; init; } = 0.95;

    /// <summary>
    /// Upper bound on the finished applications learned from. When more could be labelled, the training reads only a sample
    /// of this many, the maturity cut then applying within it: those with the smallest hash of the seed and their key
    /// (utility, id), so that every period keeps the same share and the sample does not depend on the order the
    /// applications are read in; the model is the one trained on exactly that sample. The evaluation's
    /// time-based holdout and its training part before it then span the same months as without the bound, only thinner —
    /// taking the latest accepted instead would leave a large store a few months, less than the maturity horizon the
    /// holdout needs before it. The bound keeps the first training's memory bounded whatever the store's size (issue 12:
    /// ten million applications held a fact each, 3 GB; 300,000 keeps the first <c>risk</c> on them near 440 MB, and the
    /// holdout MAE within 0.05 day of learning from every one, docs/performance.md).
    /// </summary>
    public int MaximumTrainingApplications { get; init; } = 300_000;

    /// <summary>Fewer finished applications than this to fit on: no model is trained, the baseline is used.</summary>
    public int MinimumTrainingApplications { get; init; } = 100;

    /// <summary>A category's model is used only with at least this many holdout moments showing it beats the baseline.</summary>
    public int MinimumHoldoutMoments { get; init; } = 30;

    /// <summary>Probability at or above which an application counts as at risk (precision/recall, the at-risk list).</summary>
    public double AtRiskThreshold { get; init; } = 0.5;

    /// <summary>FastTree: trees.</summary>
    public int NumberOfTrees { get; init; } = 50;

    /// <summary>FastTree: leaves per tree.</summary>
    public int NumberOfLeaves { get; init; } = 31;

    /// <summary>FastTree: minimum moments per leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 20;

    /// <summary>FastTree: learning rate.</summary>
    public double LearningRate { get; init; } = 0.2;

    /// <summary>FastTree: threads; null = as many as cores.</summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>
    /// Fit the model on log(1 + days) rather than days: closer to the median than the mean, which
    /// is what the MAE rewards.
    /// </summary>
    public bool LogLabel { get; init; } = true;

    /// <summary>
    /// After the evaluation, refit on every finished application (true) or keep the evaluated
    /// model trained on the earlier window only (false; half the training time).
    /// </summary>
    public bool RefitOnAll { get; init; } = true;

    /// <summary>Receives one line per training phase with its elapsed time (diagnostics; null = silent).</summary>
    public Action<string>? Progress { get; init; }
}
