using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// The honest evaluation of the early warning (time-based holdout): both predictors are fitted on
/// what was finished before the cut (<see cref="Training"/>) and scored on the replayed prediction
/// moments of the applications accepted on or after it (<see cref="Holdout"/>).
/// </summary>
/// <remarks>
/// The model is used for a category only when, on that category's holdout moments (at least
/// <see cref="RiskModelOptions.MinimumHoldoutMoments"/>), its MAE is strictly below the baseline's;
/// elsewhere the baseline is used. <see cref="Selected"/> scores that per-category choice.
/// </remarks>
public sealed record RiskEvaluation
{
    /// <summary>The finished applications the evaluated predictors learned from.</summary>
    public required ApplicationWindow Training { get; init; }

    /// <summary>The finished applications held out, all accepted on or after <see cref="Cut"/>.</summary>
    public required ApplicationWindow Holdout { get; init; }

    /// <summary>
    /// The first holdout acceptance date; every training application was connected before it (null
    /// when nothing could be held out).
    /// </summary>
    public DateOnly? Cut { get; init; }

    /// <summary>The FastTree model on the holdout (NaN figures when no model could be trained).</summary>
    public required PredictorFigures Model { get; init; }

    /// <summary>The baseline (category median, floored at the days counted) on the holdout.</summary>
    public required PredictorFigures Baseline { get; init; }

    /// <summary>The per-category choice between the two on the holdout.</summary>
    public required PredictorFigures Selected { get; init; }

    /// <summary>Per category, in category order.</summary>
    public required IReadOnlyList<CategoryEvaluation> Categories { get; init; }

    /// <summary>True when the model is used for at least one category.</summary>
    public bool Used => Categories.Any(c => c.ModelUsed);
}

/// <summary>A set of finished applications: how many, and their first and last accepted dates (null when empty).</summary>
/// <remarks>In the JSON output: <c>{"count", "from", "to"}</c>.</remarks>
public sealed record ApplicationWindow(int Count, DateOnly? From, DateOnly? To)
{
    internal static ApplicationWindow Of(IReadOnlyList<LabeledApplication> sortedByAccepted) =>
        sortedByAccepted.Count == 0
            ? new ApplicationWindow(0, null, null)
            : new ApplicationWindow(sortedByAccepted.Count, sortedByAccepted[0].AcceptedDate, sortedByAccepted[^1].AcceptedDate);
}

/// <summary>The evaluation of one category and which predictor it uses.</summary>
public sealed record CategoryEvaluation(Category Category, PredictorFigures Model, PredictorFigures Baseline, bool ModelUsed);

/// <summary>
/// One predictor's figures on holdout moments. MAE = mean |predicted − actual final days| over the
/// moments (working days). The "misses its limit" figures count only moments whose application had a
/// limit in force: AUC of the miss probability (Mann–Whitney, ties half), precision and recall of
/// probability ≥ the at-risk threshold. A figure without data is NaN.
/// </summary>
public sealed record PredictorFigures
{
    public int Moments { get; init; }
    public double MaeDays { get; init; } = double.NaN;
    /// <summary>Moments whose application had a limit in force.</summary>
    public int LimitMoments { get; init; }
    /// <summary>Of <see cref="LimitMoments"/>, those whose application did miss it.</summary>
    public int Misses { get; init; }
    public double Auc { get; init; } = double.NaN;
    public double Precision { get; init; } = double.NaN;
    public double Recall { get; init; } = double.NaN;

    /// <summary>Figures of (prediction, actual, miss probability, limit) rows; rows with a NaN prediction are left out.</summary>
    internal static PredictorFigures Of(IEnumerable<(double Predicted, int Actual, double Probability, double Limit)> rows, double threshold)
    {
        var n = 0;
        double abs = 0;
        var scored = new List<(double P, bool Miss)>();
        foreach (var (pred, actual, p, limit) in rows)
        {
            if (double.IsNaN(pred)) continue;
            n++;
            abs += Math.Abs(pred - actual);
            if (!double.IsNaN(limit)) scored.Add((p, actual > limit));
        }
        var tp = scored.Count(s => s.Miss && s.P >= threshold);
        var flagged = scored.Count(s => s.P >= threshold);
        var misses = scored.Count(s => s.Miss);
        return new PredictorFigures
        {
            Moments = n,
            MaeDays = n == 0 ? double.NaN : abs / n,
            LimitMoments = scored.Count,
            Misses = misses,
            Auc = AreaUnderCurve(scored),
            Precision = flagged == 0 ? double.NaN : (double)tp / flagged,
            Recall = misses == 0 ? double.NaN : (double)tp / misses,
        };
    }

    // Mann–Whitney U / (n+ · n−) with average ranks for ties.
    private static double AreaUnderCurve(List<(double P, bool Miss)> s)
    {
        var pos = s.Count(x => x.Miss);
        var neg = s.Count - pos;
        if (pos == 0 || neg == 0) return double.NaN;
        var sorted = s.OrderBy(x => x.P).ToArray();
        double rankSum = 0;
        var i = 0;
        while (i < sorted.Length)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1].P == sorted[i].P) j++;
            var avgRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                if (sorted[k].Miss) rankSum += avgRank;
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double)pos * neg);
    }
}
