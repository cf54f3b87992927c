using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// The two predictors fitted on one training window, with the residual spread of each measured on
/// the window's latest part (the calibration part, accepted after everything the predictors learned from):
/// the FastTree model (<see cref="DurationRegressor"/>) and the naive baseline — the median final
/// days of the category in the fitting part. Both point predictions are floored at the days
/// already counted (less the paused days known at the moment), since the final days cannot be fewer.
/// </summary>
internal sealed class RiskPredictor
{
    private readonly TargetClock _clock;
    private readonly double[] _medians;

    private RiskPredictor(TargetClock clock, FeatureLayout layout, DurationRegressor? regressor, double[] medians)
    {
        _clock = clock;
        Layout = layout;
        Regressor = regressor;
        _medians = medians;
        ModelResiduals = ResidualDistribution.From([]);
        BaselineResiduals = ModelResiduals;
    }

    public FeatureLayout Layout { get; }
    public DurationRegressor? Regressor { get; }
    public ResidualDistribution ModelResiduals { get; private set; }
    public ResidualDistribution BaselineResiduals { get; private set; }
    public int FitMoments { get; private set; }
    public int CalibrationMoments { get; private set; }

    /// <summary>The baseline's median final days of a category, NaN when the window had none.</summary>
    public double Median(Category c) => _medians[(int)c];

    /// <summary>The baseline's medians by category number (for saving).</summary>
    public IReadOnlyList<double> Medians() => _medians;

    /// <summary>A predictor from its saved parts (<see cref="RiskModelFormat"/>).</summary>
    internal static RiskPredictor Restore(TargetClock clock, FeatureLayout layout, DurationRegressor? regressor, double[] medians,
        ResidualDistribution modelResiduals, ResidualDistribution baselineResiduals, int fitMoments, int calibrationMoments)
    {
        if (medians.Length != (int)Category.HvDual + 1)
            throw new InvalidDataException("The saved medians do not have one entry per category.");
        return new RiskPredictor(clock, layout, regressor, medians)
        {
            ModelResiduals = modelResiduals,
            BaselineResiduals = baselineResiduals,
            FitMoments = fitMoments,
            CalibrationMoments = calibrationMoments,
        };
    }

    /// <summary>Fits both predictors on <paramref name="window"/> (earlier part) and measures their residuals on its latest part.</summary>
    public static RiskPredictor Fit(IReadOnlyList<LabeledApplication> window, int stride, RiskModelOptions o, TargetClock clock, Action<string>? report = null)
    {
        var (fit, calibration, _) = TimeSplit.Split(window, x => x.AcceptedDate, o.CalibrationFraction);
        var layout = new FeatureLayout(fit.Select(x => x.App.County), fit.Select(x => x.App.Utility));
        var medians = Medians(fit);

        var fitMoments = MomentSampler.Sample(fit, stride, o.Seed, clock);
        DurationRegressor? regressor = null;
        if (fit.Count >= o.MinimumTrainingApplications && fitMoments.Count > 0)
        {
            var rows = FeatureRows.Training(layout, clock, fitMoments, o.LogLabel);
            report?.Invoke($"built {rows.Count} training moments");
            regressor = DurationRegressor.Train(rows, layout.Count, o);
            report?.Invoke("fitted FastTree");
        }

        var p = new RiskPredictor(clock, layout, regressor, medians) { FitMoments = fitMoments.Count };
        var calMoments = MomentSampler.Sample(calibration, stride, o.Seed, clock);
        var queries = calMoments.Select(Query.Replayed).ToList();
        var (model, baseline) = p.Predict(queries);
        p.ModelResiduals = ResidualDistribution.From(Residuals(calMoments, queries, model));
        p.BaselineResiduals = ResidualDistribution.From(Residuals(calMoments, queries, baseline));
        p.CalibrationMoments = calMoments.Count;
        report?.Invoke($"measured residuals on {calMoments.Count} calibration moments");
        return p;
    }

    /// <summary>Point predictions of the model (NaN without a model) and of the baseline (NaN for a category without data).</summary>
    public (double[] Model, double[] Baseline) Predict(IReadOnlyList<Query> queries)
    {
        var model = new double[queries.Count];
        var baseline = new double[queries.Count];
        double[]? raw = null;
        if (Regressor is not null) raw = Regressor.Predict(new FeatureRows(Layout, _clock, queries));
        for (var i = 0; i < queries.Count; i++)
        {
            var floor = queries[i].Floor;
            model[i] = raw is null ? double.NaN : Math.Max(raw[i], floor);
            var median = _medians[(int)queries[i].App.Category];
            baseline[i] = double.IsNaN(median) ? double.NaN : Math.Max(median, floor);
        }
        return (model, baseline);
    }

    private static IEnumerable<(Category, double, int, int)> Residuals(List<Moment> moments, List<Query> queries, double[] predicted)
    {
        for (var i = 0; i < moments.Count; i++)
            if (!double.IsNaN(predicted[i]))
                yield return (moments[i].Item.Category, predicted[i], queries[i].Floor, moments[i].Item.Final);
    }

    private static double[] Medians(IReadOnlyList<LabeledApplication> fit)
    {
        var medians = new double[(int)Category.HvDual + 1];
        Array.Fill(medians, double.NaN);
        var byCategory = new List<int>?[medians.Length];
        foreach (var x in fit) (byCategory[(int)x.Category] ??= []).Add(x.Final);
        for (var c = 0; c < byCategory.Length; c++)
        {
            if (byCategory[c] is not { } days) continue;
            days.Sort();
            var n = days.Count;
            medians[c] = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2.0;
        }
        return medians;
    }
}

/// <summary>
/// A question to the predictors: an application at a moment, with its figures then and the days that
/// already count against the limit (<see cref="Floor"/>: counted so far less the paused days known
/// then, at least 0; in a replayed moment no pause is known, since pauses are recorded without dates).
/// </summary>
internal readonly record struct Query(ApplicationFacts App, DateTime AsOf, MomentFigures Figures, int Floor)
{
    public static Query Replayed(Moment m) => new(m.Item.App, m.AsOf, m.Figures, Math.Max(0, m.Figures.Counted));
}
