using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Risk;

/// <summary>
/// The Microsoft.ML FastTree regression of the final days on the moment's features (optionally on
/// log(1 + days)), trained with a fixed seed.
/// </summary>
internal sealed class DurationRegressor
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;
    private readonly bool _log;

    private DurationRegressor(MLContext ml, ITransformer model, SchemaDefinition schema, bool log)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _log = log;
    }

    public static DurationRegressor Train(IReadOnlyList<ModelRow> rows, int featureCount, RiskModelOptions o)
    {
        var ml = new MLContext(seed: o.Seed);
        var schema = Schema(featureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = nameof(ModelRow.Label),
            FeatureColumnName = nameof(ModelRow.Features),
            NumberOfTrees = o.NumberOfTrees,
            NumberOfLeaves = o.NumberOfLeaves,
            MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
            LearningRate = o.LearningRate,
            NumberOfThreads = o.NumberOfThreads,
            Seed = o.Seed,
            FeatureSelectionSeed = o.Seed,
            MaximumBinCountPerFeature = 64,
        });
        var model = trainer.Fit(data);
        return new DurationRegressor(ml, model, schema, o.LogLabel);
    }

    /// <summary>The label the regression fits for a final day count.</summary>
    public static float Label(int days, bool log) => log ? (float)Math.Log(1 + days) : days;

    /// <summary>Predicted final days (back in days when fitted on the log scale).</summary>
    public double[] Predict(IReadOnlyList<ModelRow> rows)
    {
        if (rows.Count == 0) return [];
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows, _schema));
        var scores = scored.GetColumn<float>("Score").ToArray();
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            result[i] = _log ? Math.Exp(scores[i]) - 1 : scores[i];
        return result;
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ModelRow));
        schema[nameof(ModelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}

/// <summary>One row of the regression: features of a moment and, in training, the label.</summary>
internal sealed class ModelRow
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];
}
