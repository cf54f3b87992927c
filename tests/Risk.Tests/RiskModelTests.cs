using Analytics.Domain;
using Analytics.Risk.Tests.Support;

namespace Analytics.Risk.Tests;

[Collection("planted")]
public class RiskModelTests(PlantedSignalFixture planted)
{
    [Fact]
    public void The_model_learns_that_the_slow_county_misses_its_limits_more_often()
    {
        // The same in-progress applications, once where they are and once moved to the slow county.
        var originals = planted.Data.InProgress.Where(a => a.County != "xiangning").ToList();
        var moved = originals.Select(a => a with { County = "xiangning", Utility = "sxdl-xiangning" }).ToList();
        var assessor = new RiskAssessor(planted.Model);
        var here = assessor.Assess(originals, planted.Data.AsOf).Probabilities();
        var there = assessor.Assess(moved, planted.Data.AsOf).Probabilities();

        Assert.True(planted.Model.Used);
        var pairs = originals
            .Where(a => here.ContainsKey((a.Utility, a.ApplicationId)) && planted.Model.UsesModelFor(a.Category))
            .Select(a => (Here: here[(a.Utility, a.ApplicationId)], There: there[("sxdl-xiangning", a.ApplicationId)]))
            .ToList();
        Assert.True(pairs.Count >= 50, $"only {pairs.Count} comparable applications");
        var meanHere = pairs.Average(p => p.Here);
        var meanThere = pairs.Average(p => p.There);
        Assert.True(meanThere > meanHere + 0.1, $"slow county {meanThere:F3} vs elsewhere {meanHere:F3}");
        Assert.True(pairs.Count(p => p.There >= p.Here) >= 0.8 * pairs.Count, "moving to the slow county should rarely lower the risk");
    }

    [Fact]
    public void The_model_beats_the_baseline_on_the_holdout_where_it_is_used()
    {
        var e = planted.Model.Evaluation;
        Assert.True(e.Model.MaeDays < e.Baseline.MaeDays, $"model {e.Model.MaeDays:F3} vs baseline {e.Baseline.MaeDays:F3}");
        Assert.All(e.Categories.Where(c => c.ModelUsed), c => Assert.True(c.Model.MaeDays < c.Baseline.MaeDays));
        Assert.InRange(e.Model.Auc, 0.5, 1.0);
    }

    [Fact]
    public void The_holdout_is_later_than_every_training_application()
    {
        var e = planted.Model.Evaluation;
        Assert.True(e.Training.Count > 0 && e.Holdout.Count > 0);
        Assert.True(e.Training.To < e.Holdout.From, $"training ends {e.Training.To}, holdout starts {e.Holdout.From}");
        Assert.Equal(e.Holdout.From, e.Cut);
        // Trained on what was known on the first holdout day: connected before it.
        Assert.All(planted.Model.EvaluationTraining, x => Assert.True(DateOnly.FromDateTime(x.App.ConnectedAt!.Value) < e.Cut));
        // The model in use was refitted on everything learned from, the holdout included.
        Assert.True(planted.Model.TrainedOn.Count > e.Training.Count + e.Holdout.Count);
        Assert.Equal(e.Holdout.To, planted.Model.TrainedOn.To);
    }

    [Fact]
    public void The_same_data_and_seed_give_the_same_figures_whatever_the_input_order()
    {
        var data = Dataset.From(new SyntheticApplications { Seed = 3, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 12, 31) }, 800);
        var rng = new Random(17);
        var shuffled = data.Finished.OrderBy(_ => rng.Next()).ToList();
        // Multi-threaded FastTree, as the CLI runs it.
        var options = Dataset.QuickOptions with { NumberOfThreads = null, NumberOfTrees = 20, MaximumMoments = 8_000 };

        var first = RiskModel.Train(data.Finished, options);
        var second = RiskModel.Train(shuffled, options);

        Assert.Equal(first.Evaluation, second.Evaluation with { Categories = first.Evaluation.Categories });
        Assert.Equal(first.Evaluation.Categories, second.Evaluation.Categories);
        var p1 = new RiskAssessor(first).Assess(data.InProgress, data.AsOf).Applications.Select(r => (r.ApplicationId, r.MissProbability, r.PredictedDays));
        var p2 = new RiskAssessor(second).Assess(data.InProgress, data.AsOf).Applications.Select(r => (r.ApplicationId, r.MissProbability, r.PredictedDays));
        Assert.Equal(p1, p2);
    }

    [Fact]
    public void Past_the_cap_the_sample_by_key_is_learned_from_whatever_the_input_order_and_gives_the_model_of_exactly_those()
    {
        var data = Dataset.From(new SyntheticApplications { Seed = 5, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 12, 31) }, 900);
        // Known long after the last connection: every application is mature, so the cut leaves the sample whole.
        const int cap = 300;
        var options = Dataset.QuickOptions with { NumberOfTrees = 20, MaximumMoments = 8_000, KnownAt = new DateTime(2025, 6, 30), MaximumTrainingApplications = cap };
        Assert.True(data.Finished.Count > cap + 100, $"only {data.Finished.Count} finished applications");
        var rng = new Random(23);
        var shuffled = data.Finished.OrderBy(_ => rng.Next()).ToList();
        var sample = data.Finished
            .OrderBy(a => RiskModel.SampleKey(options.Seed, a.Utility, a.ApplicationId).Hash)
            .Take(cap)
            .ToList();

        var capped = RiskModel.Train(data.Finished, options);
        var cappedShuffled = RiskModel.Train(shuffled, options);
        var exactly = RiskModel.Train(sample, options);

        Assert.Equal(cap, capped.TrainedOn.Count);
        Assert.Equal(data.Finished.Count - cap, capped.LeftOut);
        // The sample spans the year, not its last months.
        Assert.True(capped.TrainedOn.From < new DateOnly(2023, 2, 1) && capped.TrainedOn.To > new DateOnly(2023, 11, 30), $"{capped.TrainedOn}");
        foreach (var other in new[] { cappedShuffled, exactly })
        {
            Assert.Equal(capped.TrainedOn, other.TrainedOn);
            Assert.Equal(capped.MomentStrideDays, other.MomentStrideDays);
            Assert.Equal(capped.TrainingMoments, other.TrainingMoments);
            Assert.Equal(capped.Evaluation with { Categories = [] }, other.Evaluation with { Categories = [] });
            Assert.Equal(capped.Evaluation.Categories, other.Evaluation.Categories);
            var p1 = new RiskAssessor(capped).Assess(data.InProgress, data.AsOf).Applications.Select(r => (r.ApplicationId, r.MissProbability, r.PredictedDays));
            var p2 = new RiskAssessor(other).Assess(data.InProgress, data.AsOf).Applications.Select(r => (r.ApplicationId, r.MissProbability, r.PredictedDays));
            Assert.Equal(p1, p2);
        }
        // Another cap is another sample, and another model.
        var larger = RiskModel.Train(data.Finished, options with { MaximumTrainingApplications = cap + 100 });
        Assert.Equal(cap + 100, larger.TrainedOn.Count);
        Assert.NotEqual(capped.Evaluation.Model, larger.Evaluation.Model);
    }

    [Fact]
    public void When_every_application_takes_the_same_days_the_model_cannot_beat_the_baseline_and_is_not_used()
    {
        var data = Dataset.From(new SyntheticApplications
        {
            Seed = 5,
            From = new DateOnly(2023, 1, 1),
            To = new DateOnly(2023, 12, 31),
            OnlyCategory = Category.Residential,
            ConstantDays = 3,
        }, 1500);

        var model = RiskModel.Train(data.Finished, Dataset.QuickOptions);

        Assert.Equal(0, model.Evaluation.Baseline.MaeDays, 10);
        Assert.False(model.Used);
        Assert.False(model.UsesModelFor(Category.Residential));
        var assessment = new RiskAssessor(model).Assess(data.InProgress, data.AsOf);
        Assert.NotEmpty(assessment.Applications);
        Assert.All(assessment.Applications, r => Assert.Equal(RiskMethod.Baseline, r.Method));
    }

    [Fact]
    public void A_training_set_too_small_for_a_model_falls_back_to_the_baseline()
    {
        var data = Dataset.From(new SyntheticApplications { Seed = 9, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 12, 31) }, 60);

        var model = RiskModel.Train(data.Finished, Dataset.QuickOptions);

        Assert.False(model.Used);
        Assert.True(double.IsNaN(model.Evaluation.Model.MaeDays));
        Assert.False(double.IsNaN(model.Evaluation.Baseline.MaeDays));
        Assert.All(new RiskAssessor(model).Assess(data.InProgress, data.AsOf).Applications,
            r => Assert.NotEqual(RiskMethod.Model, r.Method));
    }

    [Fact]
    public void Nothing_to_learn_from_still_gives_a_model_that_flags_only_applications_already_over_their_limit()
    {
        var model = RiskModel.Train([], Dataset.QuickOptions);
        var data = Dataset.From(new SyntheticApplications { Seed = 2, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 3, 31) }, 300);

        var assessment = new RiskAssessor(model).Assess(data.InProgress, data.AsOf);

        Assert.Equal(0, model.TrainedOn.Count);
        Assert.False(model.Used);
        Assert.NotEmpty(assessment.Applications);
        Assert.All(assessment.Applications, r =>
        {
            Assert.Equal(RiskMethod.CountedOnly, r.Method);
            Assert.Equal(r.CountedDays > r.LimitDays ? 1.0 : 0.0, r.MissProbability);
        });
    }
}
