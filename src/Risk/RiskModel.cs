using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>
/// The early warning of 目标2 (T2a–T2e): learns from finished (connected) applications how many days
/// an application's target measure ends up at — utility days for lv_other / hv_single / hv_dual,
/// whole-process days for residential / lv_three_zero — from what is known while it is in progress,
/// and from the spread of its errors the probability that an in-progress application misses the
/// limit in force on its accepted date (<see cref="RiskAssessor"/>).
/// </summary>
/// <remarks>
/// <para>Training: each finished application is replayed at moments while it was in progress
/// (<see cref="MomentSampler"/>: the end of every stride-th day from a random phase, using only the
/// stage times recorded by then and the working days elapsed then); a Microsoft.ML FastTree
/// regression is fitted on those moments with a fixed seed. Its errors on the latest accepted part
/// of the training window (<see cref="RiskModelOptions.CalibrationFraction"/>, left out of the fit)
/// form an empirical residual distribution per category and horizon (<see cref="ResidualDistribution"/>);
/// P(miss) = P(max(ŷ + r, days already counted) &gt; limit). The baseline's probability is derived the same way
/// from its own residuals.</para>
/// <para>Evaluation (<see cref="Evaluation"/>): time-based holdout — the latest accepted
/// applications are held out; the predictors are fitted as they could have been on the first holdout
/// day (applications connected before it, less the cohorts too recent to have finished) and scored on
/// the holdout, beside the naive baseline (the category's median final days in the training window).
/// Per category the model is used only where its holdout MAE beats the baseline's; elsewhere the
/// baseline answers. The predictors in use are then refitted on everything (<see cref="RiskModelOptions.RefitOnAll"/>).</para>
/// <para>Applications left out of learning: those not connected (or connected after
/// <see cref="RiskModelOptions.KnownAt"/>), of a category without a day target, with a date the
/// calendar has no schedule for, the most recent ones whose cohort cannot have finished yet
/// (<see cref="RiskModelOptions.MaturityQuantile"/>); and, when more than <see cref="RiskModelOptions.MaximumTrainingApplications"/>
/// finished applications could be labelled, those outside a sample of that many (by a hash of the key), taken before the
/// maturity cut and the only ones the training reads further: the model is the one trained on exactly that sample.</para>
/// </remarks>
public sealed class RiskModel
{
    private readonly bool[] _modelUsed;

    private RiskModel(RiskModelOptions options, TargetClock clock, RiskPredictor predictor, RiskEvaluation evaluation,
        ApplicationWindow trainedOn, int stride, int leftOut)
    {
        Options = options;
        Clock = clock;
        Predictor = predictor;
        Evaluation = evaluation;
        TrainedOn = trainedOn;
        MomentStrideDays = stride;
        LeftOut = leftOut;
        _modelUsed = new bool[(int)Category.HvDual + 1];
        foreach (var c in evaluation.Categories) _modelUsed[(int)c.Category] = c.ModelUsed && predictor.Regressor is not null;
    }

    /// <summary>The version of the saved form (<see cref="Save"/>); a saved model of another version is not loaded.</summary>
    public const int FormatVersion = 2;

    /// <summary>
    /// The version of how a model is derived from its data (labelling, sampling, features, evaluation): part of the
    /// store's fingerprint (<see cref="RiskModelFingerprint"/>), so a change of the training retrains every stored model.
    /// Raise it with any change that would make <see cref="Train"/> give another model for the same data and options.
    /// </summary>
    public const int DerivationVersion = 1;

    public RiskModelOptions Options { get; }

    /// <summary>True when this model was read back from its saved form (<see cref="Load"/>) rather than trained here.</summary>
    public bool Loaded { get; private init; }

    /// <summary>The finished applications the predictors in use learned from (all of them after the refit).</summary>
    public ApplicationWindow TrainedOn { get; }

    /// <summary>The time-based holdout evaluation.</summary>
    public RiskEvaluation Evaluation { get; }

    /// <summary>True when the model (not only the baseline) answers for at least one category.</summary>
    public bool Used => _modelUsed.Any(x => x);

    /// <summary>The calendar-day stride between replayed prediction moments.</summary>
    public int MomentStrideDays { get; }

    /// <summary>Connected applications given but not learned from (see the remarks of <see cref="RiskModel"/>).</summary>
    public int LeftOut { get; }

    /// <summary>Replayed prediction moments the model in use was fitted on.</summary>
    public int TrainingMoments => Predictor.FitMoments;

    /// <summary>True when the model answers for <paramref name="category"/>; false when the baseline does.</summary>
    public bool UsesModelFor(Category category) => (int)category > 0 && (int)category < _modelUsed.Length && _modelUsed[(int)category];

    internal TargetClock Clock { get; }

    // Applications labelled together (their final days in parallel) while the rest stream by.
    private const int LabelChunk = 2048;

    // Connected applications read between two full collections while labelling (a store's millions; a few a second).
    private const int CollectEvery = 500_000;

    internal RiskPredictor Predictor { get; }

    /// <summary>Trains, evaluates and (by default) refits on everything. Same data and options → same figures.</summary>
    /// <param name="finished">Applications; only connected ones are learned from, the rest are ignored.</param>
    /// <param name="options">Null = <see cref="RiskModelOptions"/> defaults.</param>
    public static RiskModel Train(IEnumerable<Application> finished, RiskModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var o = options ?? new RiskModelOptions();
        var clock = new TargetClock(o.Policy, o.Calendar);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Report(string what)
        {
            o.Progress?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds,6:F1} s (cpu {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:F1} s)  {what}"));
        }

        Report("start");
        var (all, leftOut, horizon) = Label(finished, o, clock);
        var stride = MomentSampler.Stride(all, o);
        // Every sample below is of these applications at this stride and seed: those without a moment never need their
        // stage times or feature attributes (three in four on a large store, issue 12).
        foreach (var x in all)
            if (!MomentSampler.HasMoments(x, stride, o.Seed)) x.App.LetDetailsGo();
        Report(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"labelled {all.Count} applications ({leftOut} left out), stride {stride} d"));
        var (earlier, test, cut) = TimeSplit.Split(all, x => x.AcceptedDate, o.HoldoutFraction);
        // Train as it could have been done on the first holdout day: only applications connected
        // before it, less the cohorts that could not have finished by then (the same maturity rule).
        var train = cut is { } first
            ? TrainingPart(earlier, first, horizon)
            : earlier;

        var evaluated = RiskPredictor.Fit(train, stride, o, clock, Report);
        var evaluation = Evaluate(evaluated, train, test, stride, o, clock) with { Cut = cut };
        Report("evaluated on the holdout");
        var production = o.RefitOnAll ? RiskPredictor.Fit(all, stride, o, clock, Report) : evaluated;
        var trainedOn = ApplicationWindow.Of(o.RefitOnAll ? all : train);
        return new RiskModel(o, clock, production, evaluation, trainedOn, stride, leftOut) { EvaluationTraining = train };
    }

    /// <summary>
    /// The model in its saved form (<see cref="RiskModelFormat"/>): everything it answers with and its holdout figures,
    /// except the policy and the calendar, which <see cref="Load"/> is given back.
    /// </summary>
    public byte[] Save() => RiskModelFormat.Write(this);

    /// <summary>
    /// The model saved in <paramref name="saved"/>, answering exactly as the saved one did; null when the bytes are not a
    /// model of this <see cref="FormatVersion"/> (retrain then). The policy and calendar must be those it was trained
    /// with — the store's fingerprint (<see cref="RiskModelFingerprint"/>) makes sure of it.
    /// </summary>
    public static RiskModel? Load(byte[] saved, Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        return RiskModelFormat.Read(saved, policy, calendar);
    }

    internal static RiskModel Restore(RiskModelOptions options, TargetClock clock, RiskPredictor predictor, RiskEvaluation evaluation,
        ApplicationWindow trainedOn, int stride, int leftOut) =>
        new(options, clock, predictor, evaluation, trainedOn, stride, leftOut) { Loaded = true };

    /// <summary>The applications the evaluated predictors learned from (tests check the time split with them).</summary>
    internal IReadOnlyList<LabeledApplication> EvaluationTraining { get; private init; } = [];

    /// <summary>The miss probability of a prediction, with the residuals of the predictor in use for the category.</summary>
    internal double MissProbability(Category category, bool useModel, double predicted, int floor, double limit) =>
        (useModel ? Predictor.ModelResiduals : Predictor.BaselineResiduals).MissProbability(category, predicted, floor, limit);

    private static (List<LabeledApplication> All, int LeftOut, int Horizon) Label(IEnumerable<Application> apps, RiskModelOptions o, TargetClock clock)
    {
        // The applications are taken a chunk at a time and only the facts of those labelled are kept (issue 12: a store's
        // millions of applications stream through, they are never all held). Past the cap only a sample's facts are kept,
        // and everything below reads the sample alone: the same model as from exactly those applications.
        var cap = Math.Max(1, o.MaximumTrainingApplications);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var labeled = new List<LabeledApplication>();
        // Past the cap, the sample: the `cap` with the smallest sample key, the largest on top to be let go.
        PriorityQueue<LabeledApplication, (ulong Hash, string Utility, string Id)>? sample = null;
        // Past the cap, one that could not enter the sample now never will (its bar only falls): its final days are not counted.
        bool Enters(Application a) =>
            sample is null || (sample.TryPeek(out _, out var worst) && SampleOrder.Ascending.Compare(SampleKey(o.Seed, a.Utility, a.ApplicationId), worst) < 0);
        var given = Labelled(apps, o, clock, Enters, (a, kind, final, limit) =>
        {
            if (sample is null)
            {
                labeled.Add(new LabeledApplication(ApplicationFacts.Of(a, codes), kind, final, limit));
                if (labeled.Count <= cap) return;
                sample = new PriorityQueue<LabeledApplication, (ulong Hash, string Utility, string Id)>(
                    labeled.Select(x => (x, SampleKey(o.Seed, x.App.Utility, x.App.ApplicationId))), SampleOrder.Descending);
                labeled = [];
            }
            else
            {
                // Facts are made only of one that enters: past the cap most do not. Asked again: the bar may have fallen
                // since the application was read, within its chunk.
                if (!Enters(a)) return;
                var facts = ApplicationFacts.Of(a, codes);
                sample.Enqueue(new LabeledApplication(facts, kind, final, limit), SampleKey(o.Seed, facts.Utility, facts.ApplicationId));
            }
            sample.Dequeue();
        });
        if (sample is not null) labeled = [.. sample.UnorderedItems.Select(x => x.Element)];
        // And once more before the fits allocate: what was read since the last one, and the sample's heap, are garbage.
        if (given >= CollectEvery) GC.Collect();

        Settle(labeled, o.Seed);

        // Leave out the recent cohorts whose slow members cannot have finished yet. One cut for all
        // categories (the slowest category's horizon), so that a time split of what is left has every
        // category on both sides.
        DateTime? last = null;
        var byCategory = new List<int>?[(int)Category.HvDual + 1];
        foreach (var x in labeled)
        {
            var connected = x.App.ConnectedAt!.Value;
            if (last is null || connected > last) last = connected;
            (byCategory[(int)x.Category] ??= []).Add(DateOnly.FromDateTime(connected).DayNumber - x.AcceptedDate.DayNumber);
        }
        var end = DateOnly.FromDateTime(o.KnownAt ?? last ?? DateTime.MinValue);
        var horizon = 0;
        foreach (var durations in byCategory)
        {
            if (durations is null) continue;
            durations.Sort();
            horizon = Math.Max(horizon, durations[Math.Clamp((int)Math.Ceiling(o.MaturityQuantile * durations.Count) - 1, 0, durations.Count - 1)]);
        }
        var lastMature = end.DayNumber - horizon;

        // In place, a million applications being many megabytes a copy: the mature ones by acceptance, then key (unique).
        var mature = labeled;
        mature.RemoveAll(x => x.AcceptedDate.DayNumber > lastMature);
        mature.Sort(static (x, y) =>
        {
            var byAccepted = x.App.AcceptedAt.CompareTo(y.App.AcceptedAt);
            return byAccepted != 0 ? byAccepted : x.App.Order.CompareTo(y.App.Order); // the key (utility, id), ordinal
        });
        return (mature, given - mature.Count, horizon);
    }

    /// <summary>
    /// The order of the training's sample (<see cref="RiskModelOptions.MaximumTrainingApplications"/>): a hash of the seed and
    /// the key (utility, id) — FNV-1a like the moments' phase, under another seed so that the two do not go together — then
    /// the key, ordinal. It depends on the application alone, so the sample does not depend on the order read.
    /// </summary>
    internal static (ulong Hash, string Utility, string Id) SampleKey(int seed, string utility, string applicationId) =>
        (MomentSampler.Phase(~seed, utility, applicationId), utility, applicationId);

    private static class SampleOrder
    {
        public static readonly Comparer<(ulong Hash, string Utility, string Id)> Ascending = Comparer<(ulong Hash, string Utility, string Id)>.Create(static (x, y) =>
        {
            var byHash = x.Hash.CompareTo(y.Hash);
            if (byHash != 0) return byHash;
            var byUtility = string.CompareOrdinal(x.Utility, y.Utility);
            return byUtility != 0 ? byUtility : string.CompareOrdinal(x.Id, y.Id);
        });

        public static readonly Comparer<(ulong Hash, string Utility, string Id)> Descending =
            Comparer<(ulong Hash, string Utility, string Id)>.Create(static (x, y) => Ascending.Compare(y, x));
    }

    /// <summary>
    /// Reads <paramref name="apps"/> once and gives <paramref name="take"/> every application learned from — connected (by
    /// <see cref="RiskModelOptions.KnownAt"/>), of a category with a day target, its final days countable by the calendar —
    /// with its measure, final days and limit, in the order given, of those <paramref name="wanted"/> (asked before their
    /// final days are counted) says are wanted. Returns how many connected applications were given.
    /// </summary>
    private static int Labelled(IEnumerable<Application> apps, RiskModelOptions o, TargetClock clock, Func<Application, bool> wanted,
        Action<Application, TargetKind, int, double> take)
    {
        var candidates = new List<(Application App, TargetDefinition Target)>(LabelChunk);
        var finals = new int[LabelChunk];
        var given = 0;
        void Flush()
        {
            // The metrics engine's final days, independent per application; written by index, so deterministic.
            Parallel.For(0, candidates.Count, i =>
            {
                try
                {
                    finals[i] = clock.FinalDays(candidates[i].App, candidates[i].Target.Kind);
                }
                catch (CalendarException)
                {
                    finals[i] = -1; // a date outside the calendar's years: nothing can be counted for it
                }
            });
            for (var i = 0; i < candidates.Count; i++)
            {
                if (finals[i] < 0) continue;
                var (a, target) = candidates[i];
                var limit = target.LimitOn(DateOnly.FromDateTime(a.AcceptedAt));
                take(a, target.Kind, finals[i], limit is { } l ? (double)l : double.NaN);
            }
            candidates.Clear();
        }

        foreach (var a in apps)
        {
            if (a.Status != ApplicationStatus.Connected || a.ConnectedAt is not { } connected) continue;
            // Millions of records read and dropped: the collector, left to its own pace with memory to spare, let their
            // garbage reach 300 MB on ten million applications before a full collection (issue 12: the first call's peak).
            if (++given % CollectEvery == 0) GC.Collect();
            if (o.KnownAt is { } known && connected > known) continue;
            if (connected < a.AcceptedAt) continue;
            if (clock.TargetOf(a.Category) is not { } target) continue;
            if (!wanted(a)) continue;
            candidates.Add((a, target));
            if (candidates.Count == LabelChunk) Flush();
        }
        Flush();
        return given;
    }
    // The applications of the earlier part connected before the first holdout day, less the cohorts too recent for it.
    private static List<LabeledApplication> TrainingPart(IReadOnlyList<LabeledApplication> earlier, DateOnly first, int horizon)
    {
        var train = new List<LabeledApplication>(earlier.Count);
        foreach (var x in earlier)
            if (DateOnly.FromDateTime(x.App.ConnectedAt!.Value) < first && x.AcceptedDate.DayNumber <= first.DayNumber - horizon)
                train.Add(x);
        return train;
    }

    /// <summary>
    /// Gives each labelled application the place of its key (utility, id) among them, ordinal — its place in the list when
    /// the applications came in that order, as from a store — and lets the ids go (<see cref="ApplicationFacts.Settle"/>).
    /// </summary>
    private static void Settle(List<LabeledApplication> labeled, int seed)
    {
        var ordered = true;
        for (var i = 1; i < labeled.Count && ordered; i++)
            ordered = ApplicationFacts.CompareKeys(labeled[i - 1].App, labeled[i].App) < 0;
        if (ordered)
        {
            for (var i = 0; i < labeled.Count; i++) labeled[i].App.Settle(i, seed);
            return;
        }
        // A stable sort: an application given twice keeps the order it was given in, as the list's own sort did.
        var keys = Comparer<ApplicationFacts>.Create(ApplicationFacts.CompareKeys);
        var order = 0;
        foreach (var i in Enumerable.Range(0, labeled.Count).OrderBy(i => labeled[i].App, keys).ToList())
            labeled[i].App.Settle(order++, seed);
    }

    private static RiskEvaluation Evaluate(RiskPredictor p, IReadOnlyList<LabeledApplication> train, IReadOnlyList<LabeledApplication> test,
        int stride, RiskModelOptions o, TargetClock clock)
    {
        var moments = MomentSampler.Sample(test, stride, o.Seed, clock);
        var queries = moments.Select(Query.Replayed).ToList();
        var (model, baseline) = p.Predict(queries);
        var rows = new List<(Category Cat, double M, double MP, double B, double BP, int Actual, double Limit)>(moments.Count);
        for (var i = 0; i < moments.Count; i++)
        {
            var c = moments[i].Item.Category;
            var floor = queries[i].Floor;
            var limit = moments[i].Item.Limit;
            var mp = double.IsNaN(model[i]) || double.IsNaN(limit) ? double.NaN : p.ModelResiduals.MissProbability(c, model[i], floor, limit);
            var bp = double.IsNaN(baseline[i]) || double.IsNaN(limit) ? double.NaN : p.BaselineResiduals.MissProbability(c, baseline[i], floor, limit);
            rows.Add((c, model[i], mp, baseline[i], bp, moments[i].Item.Final, limit));
        }

        var t = o.AtRiskThreshold;
        var categories = new List<CategoryEvaluation>();
        var used = new HashSet<Category>();
        foreach (var c in Codes.All<Category>())
        {
            var mine = rows.Where(r => r.Cat == c).ToList();
            var mf = PredictorFigures.Of(mine.Select(r => (r.M, r.Actual, r.MP, r.Limit)), t);
            var bf = PredictorFigures.Of(mine.Select(r => (r.B, r.Actual, r.BP, r.Limit)), t);
            var useModel = mf.Moments >= o.MinimumHoldoutMoments && mf.Moments == bf.Moments && mf.MaeDays < bf.MaeDays;
            if (useModel) used.Add(c);
            categories.Add(new CategoryEvaluation(c, mf, bf, useModel));
        }
        return new RiskEvaluation
        {
            Training = ApplicationWindow.Of(train),
            Holdout = ApplicationWindow.Of(test),
            Model = PredictorFigures.Of(rows.Select(r => (r.M, r.Actual, r.MP, r.Limit)), t),
            Baseline = PredictorFigures.Of(rows.Select(r => (r.B, r.Actual, r.BP, r.Limit)), t),
            Selected = PredictorFigures.Of(rows.Select(r => used.Contains(r.Cat) ? (r.M, r.Actual, r.MP, r.Limit) : (r.B, r.Actual, r.BP, r.Limit)), t),
            Categories = categories,
        };
    }
}
