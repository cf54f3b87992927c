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

    private DurationRegressor(MLContext ml, ITransformer model, SchemaDefinition schema, bool log, int featureCount)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _log = log;
        FeatureCount = featureCount;
    }

    /// <summary>Length of the feature vector the regression was fitted on.</summary>
    public int FeatureCount { get; }

    /// <summary>True when fitted on log(1 + days).</summary>
    public bool LogLabel => _log;

    /// <summary>The fitted trees in ML.NET's own model format (<c>MLContext.Model.Save</c>).</summary>
    public byte[] Save()
    {
        using var buffer = new MemoryStream();
        var input = _ml.Data.LoadFromEnumerable(Array.Empty<ModelRow>(), _schema).Schema;
        _ml.Model.Save(_model, input, buffer);
        return buffer.ToArray();
    }

    /// <summary>A regressor from <see cref="Save"/>'s bytes; it predicts exactly what the saved one did.</summary>
    public static DurationRegressor Load(byte[] saved, int featureCount, bool log, int seed)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var ml = new MLContext(seed: seed);
        using var buffer = new MemoryStream(saved, writable: false);
        var model = ml.Model.Load(buffer, out _);
        return new DurationRegressor(ml, model, Schema(featureCount), log, featureCount);
    }

    public static DurationRegressor Train(IEnumerable<ModelRow> rows, int featureCount, RiskModelOptions o)
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
        return new DurationRegressor(ml, model, schema, o.LogLabel, featureCount);
    }

    /// <summary>The label the regression fits for a final day count.</summary>
    public static float Label(int days, bool log) => log ? (float)Math.Log(1 + days) : days;

    /// <summary>Predicted final days (back in days when fitted on the log scale).</summary>
    public double[] Predict(FeatureRows rows)
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
