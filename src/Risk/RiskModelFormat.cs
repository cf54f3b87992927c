using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>
/// The saved form of a trained <see cref="RiskModel"/>: a versioned binary record (little-endian, <see cref="BinaryWriter"/>)
/// holding everything the model answers with — the options it was trained with (less the policy and the calendar, which
/// the caller gives back and the store's fingerprint vouches for), the feature layout, the ML.NET FastTree model
/// (<c>MLContext.Model.Save</c>, embedded as a length-prefixed blob), the baseline medians, both residual distributions,
/// the holdout evaluation, the training window and the counts.
/// </summary>
/// <remarks>
/// Doubles are written bit for bit, so a loaded model gives exactly the trained one's probabilities. A record whose magic
/// or <see cref="RiskModel.FormatVersion"/> differs, or that is cut short, is not a model of this program: reading it
/// gives null (the caller retrains), never an exception.
/// </remarks>
internal static class RiskModelFormat
{
    private static readonly byte[] Magic = "ANRM"u8.ToArray();

    public static byte[] Write(RiskModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(RiskModel.FormatVersion);
            WriteOptions(w, model.Options);
            w.Write(model.MomentStrideDays);
            w.Write(model.LeftOut);
            WriteWindow(w, model.TrainedOn);
            WriteEvaluation(w, model.Evaluation);

            var p = model.Predictor;
            WriteStrings(w, p.Layout.Counties);
            WriteStrings(w, p.Layout.Utilities);
            WriteDoubles(w, [.. p.Medians()]);
            WriteResiduals(w, p.ModelResiduals);
            WriteResiduals(w, p.BaselineResiduals);
            w.Write(p.FitMoments);
            w.Write(p.CalibrationMoments);
            w.Write(p.Regressor is not null);
            if (p.Regressor is { } r)
            {
                w.Write(r.FeatureCount);
                w.Write(r.LogLabel);
                var trees = r.Save();
                w.Write(trees.Length);
                w.Write(trees);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The model saved in <paramref name="saved"/>, or null when it is not one of this format version.</summary>
    public static RiskModel? Read(byte[] saved, Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(saved);
        try
        {
            using var r = new BinaryReader(new MemoryStream(saved, writable: false), System.Text.Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != RiskModel.FormatVersion) return null;
            var options = ReadOptions(r) with { Policy = policy, Calendar = calendar };
            var stride = r.ReadInt32();
            var leftOut = r.ReadInt32();
            var trainedOn = ReadWindow(r);
            var evaluation = ReadEvaluation(r);

            var clock = new TargetClock(policy, calendar);
            var layout = new FeatureLayout(ReadStrings(r), ReadStrings(r));
            var medians = ReadDoubles(r);
            var modelResiduals = ReadResiduals(r);
            var baselineResiduals = ReadResiduals(r);
            var fitMoments = r.ReadInt32();
            var calibrationMoments = r.ReadInt32();
            DurationRegressor? regressor = null;
            if (r.ReadBoolean())
            {
                var featureCount = r.ReadInt32();
                var log = r.ReadBoolean();
                var trees = r.ReadBytes(Length(r));
                if (featureCount != layout.Count) return null;
                regressor = DurationRegressor.Load(trees, featureCount, log, options.Seed);
            }
            if (r.BaseStream.Position != r.BaseStream.Length) return null;
            var predictor = RiskPredictor.Restore(clock, layout, regressor, medians, modelResiduals, baselineResiduals, fitMoments, calibrationMoments);
            return RiskModel.Restore(options, clock, predictor, evaluation, trainedOn, stride, leftOut);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException
                                       or ArgumentException or InvalidOperationException or OverflowException)
        {
            // Cut short or not ours (ML.NET reports a bad embedded model as InvalidOperationException/FormatException).
            return null;
        }
    }

    private static void WriteOptions(BinaryWriter w, RiskModelOptions o)
    {
        w.Write(o.Seed);
        WriteInstant(w, o.KnownAt);
        w.Write(o.HoldoutFraction);
        w.Write(o.CalibrationFraction);
        w.Write(o.MomentStrideDays);
        w.Write(o.MaximumMoments);
        w.Write(o.MaximumTrainingApplications);
        w.Write(o.MaturityQuantile);
        w.Write(o.MinimumTrainingApplications);
        w.Write(o.MinimumHoldoutMoments);
        w.Write(o.AtRiskThreshold);
        w.Write(o.NumberOfTrees);
        w.Write(o.NumberOfLeaves);
        w.Write(o.MinimumExampleCountPerLeaf);
        w.Write(o.LearningRate);
        w.Write(o.NumberOfThreads ?? -1);
        w.Write(o.LogLabel);
        w.Write(o.RefitOnAll);
    }

    private static RiskModelOptions ReadOptions(BinaryReader r)
    {
        var seed = r.ReadInt32();
        var knownAt = ReadInstant(r);
        return new RiskModelOptions
        {
            Seed = seed,
            KnownAt = knownAt,
            HoldoutFraction = r.ReadDouble(),
            CalibrationFraction = r.ReadDouble(),
            MomentStrideDays = r.ReadInt32(),
            MaximumMoments = r.ReadInt32(),
            MaximumTrainingApplications = r.ReadInt32(),
            MaturityQuantile = r.ReadDouble(),
            MinimumTrainingApplications = r.ReadInt32(),
            MinimumHoldoutMoments = r.ReadInt32(),
            AtRiskThreshold = r.ReadDouble(),
            NumberOfTrees = r.ReadInt32(),
            NumberOfLeaves = r.ReadInt32(),
            MinimumExampleCountPerLeaf = r.ReadInt32(),
            LearningRate = r.ReadDouble(),
            NumberOfThreads = r.ReadInt32() is var t && t >= 0 ? t : null,
            LogLabel = r.ReadBoolean(),
            RefitOnAll = r.ReadBoolean(),
        };
    }

    private static void WriteEvaluation(BinaryWriter w, RiskEvaluation e)
    {
        WriteWindow(w, e.Training);
        WriteWindow(w, e.Holdout);
        WriteDate(w, e.Cut);
        WriteFigures(w, e.Model);
        WriteFigures(w, e.Baseline);
        WriteFigures(w, e.Selected);
        w.Write(e.Categories.Count);
        foreach (var c in e.Categories)
        {
            w.Write((int)c.Category);
            WriteFigures(w, c.Model);
            WriteFigures(w, c.Baseline);
            w.Write(c.ModelUsed);
        }
    }

    private static RiskEvaluation ReadEvaluation(BinaryReader r)
    {
        var training = ReadWindow(r);
        var holdout = ReadWindow(r);
        var cut = ReadDate(r);
        var model = ReadFigures(r);
        var baseline = ReadFigures(r);
        var selected = ReadFigures(r);
        var categories = new List<CategoryEvaluation>();
        for (var n = Length(r); n > 0; n--)
        {
            var category = r.ReadInt32();
            if (!Enum.IsDefined((Category)category)) throw new InvalidDataException("unknown category");
            categories.Add(new CategoryEvaluation((Category)category, ReadFigures(r), ReadFigures(r), r.ReadBoolean()));
        }
        return new RiskEvaluation { Training = training, Holdout = holdout, Cut = cut, Model = model, Baseline = baseline, Selected = selected, Categories = categories };
    }

    private static void WriteFigures(BinaryWriter w, PredictorFigures f)
    {
        w.Write(f.Moments);
        w.Write(f.MaeDays);
        w.Write(f.LimitMoments);
        w.Write(f.Misses);
        w.Write(f.Auc);
        w.Write(f.Precision);
        w.Write(f.Recall);
    }

    private static PredictorFigures ReadFigures(BinaryReader r) => new()
    {
        Moments = r.ReadInt32(),
        MaeDays = r.ReadDouble(),
        LimitMoments = r.ReadInt32(),
        Misses = r.ReadInt32(),
        Auc = r.ReadDouble(),
        Precision = r.ReadDouble(),
        Recall = r.ReadDouble(),
    };

    private static void WriteWindow(BinaryWriter w, ApplicationWindow window)
    {
        w.Write(window.Count);
        WriteDate(w, window.From);
        WriteDate(w, window.To);
    }

    private static ApplicationWindow ReadWindow(BinaryReader r) => new(r.ReadInt32(), ReadDate(r), ReadDate(r));

    private static void WriteResiduals(BinaryWriter w, ResidualDistribution d)
    {
        w.Write(d.Sorted.Count);
        foreach (var bins in d.Sorted)
        {
            w.Write(bins.Count);
            foreach (var bin in bins) WriteDoubles(w, bin);
        }
    }

    private static ResidualDistribution ReadResiduals(BinaryReader r)
    {
        var sorted = new double[Length(r)][][];
        for (var c = 0; c < sorted.Length; c++)
        {
            sorted[c] = new double[Length(r)][];
            for (var b = 0; b < sorted[c].Length; b++) sorted[c][b] = ReadDoubles(r);
        }
        return ResidualDistribution.FromSorted(sorted);
    }

    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var n = Length(r);
        // Each double is 8 bytes: a length beyond what is left is a damaged record, not a huge allocation.
        if ((long)n * 8 > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("length past the end");
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = r.ReadDouble();
        return values;
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var v in values) w.Write(v);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var n = Length(r);
        if (n > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("length past the end");
        var values = new string[n];
        for (var i = 0; i < n; i++) values[i] = r.ReadString();
        return values;
    }

    private static void WriteDate(BinaryWriter w, DateOnly? d) => w.Write(d is { } x ? x.DayNumber : -1);

    private static DateOnly? ReadDate(BinaryReader r) => r.ReadInt32() is var n && n >= 0 ? DateOnly.FromDayNumber(n) : null;

    private static void WriteInstant(BinaryWriter w, DateTime? t) => w.Write(t is { } x ? x.Ticks : -1L);

    private static DateTime? ReadInstant(BinaryReader r) => r.ReadInt64() is var n && n >= 0 ? new DateTime(n, DateTimeKind.Unspecified) : null;

    private static int Length(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position + 64) throw new InvalidDataException("bad length");
        return n;
    }
}
