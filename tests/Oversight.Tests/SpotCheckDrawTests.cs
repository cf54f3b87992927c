using Analytics.Domain.Calendar;
using Analytics.Generator;
using Analytics.Metrics;
using Analytics.Oversight.SpotChecks;
using Policy = Analytics.Domain.Policy.Policy;

namespace Analytics.Oversight.Tests;

public class SpotCheckDrawTests
{
    /// <summary>The 2026H1 answer over 8,000 generated applications (seed 3), shared by the draw tests.</summary>
    internal static readonly Lazy<MetricsResult> Result = new(() =>
    {
        var options = new GeneratorOptions { Applications = 8_000, Outages = 0, Seed = 3 };
        var apps = new DataGenerator(options).Applications().ToList();
        return MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps, Policy = Policy.Default, Calendar = WorkingDayCalendar.Default,
            Period = new MetricsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), AsOf = options.RevisedFilingAsOf,
        });
    });

    private static readonly Inspector[] Register =
    [
        new("张三", "sgcc-linfen"), new("李四", "sgcc-linfen"), new("王五", "yaodu"), new("赵六", "city-bureau"),
        new("钱七", "hongtong"), new("孙八", "sxdl-xiangning"), new("周九", "city-bureau"),
    ];

    [Fact]
    public void Attribute_sample_size_is_59_at_95_percent_and_5_percent() =>
        Assert.Equal(59, new SpotCheckPlan().AttributeSampleSize());

    [Fact]
    public void A_draw_is_reproduced_from_its_seed_and_changes_with_it()
    {
        var a = SpotCheckDraw.Draw(Result.Value, Register, seed: 20260701);
        var b = SpotCheckDraw.Draw(Result.Value, Register, seed: 20260701);
        var c = SpotCheckDraw.Draw(Result.Value, Register, seed: 20260702);
        Assert.Equal(a.SelectMany(s => s.Applications), b.SelectMany(s => s.Applications));
        Assert.Equal(a.SelectMany(s => s.Inspectors), b.SelectMany(s => s.Inspectors));
        Assert.NotEqual(a.SelectMany(s => s.Applications), c.SelectMany(s => s.Applications));
    }

    [Fact]
    public void Each_stratum_draws_the_attribute_size_capped_by_its_population_plus_distinct_risk_draws()
    {
        var strata = SpotCheckDraw.Draw(Result.Value, Register, seed: 1);
        Assert.NotEmpty(strata);
        Assert.All(strata, s =>
        {
            Assert.Equal(Math.Min(59, s.Population), s.BaseSize);
            Assert.Equal(s.BaseSize + s.RiskExtra, s.Applications.Count);
            Assert.Equal(s.Applications.Count, s.Applications.Distinct(StringComparer.Ordinal).Count());
            Assert.All(s.Applications, id => Assert.StartsWith(s.Utility + "/", id, StringComparison.Ordinal));
        });
        Assert.Contains(strata, s => s.RiskExtra > 0);
    }

    [Fact]
    public void No_inspector_inspects_their_own_utility_or_county()
    {
        for (var seed = 0; seed < 20; seed++)
            foreach (var s in SpotCheckDraw.Draw(Result.Value, Register, seed))
            {
                Assert.Equal(2, s.Inspectors.Distinct().Count());
                Assert.All(s.Inspectors, i => Assert.NotEqual(s.Utility, i.Unit));
                Assert.All(s.Inspectors, i => Assert.NotEqual(s.County, i.Unit));
            }
    }

    [Fact]
    public void A_register_that_cannot_staff_a_stratum_after_recusal_is_refused()
    {
        Inspector[] own = [new("张三", "sgcc-linfen"), new("李四", "sgcc-linfen"), new("王五", "yaodu")];
        var e = Assert.Throws<InvalidOperationException>(() => SpotCheckDraw.Draw(Result.Value, own, seed: 1));
        Assert.Contains("回避", e.Message, StringComparison.Ordinal);
    }
}

public class SpotCheckModelRiskTests
{
    private static Lazy<MetricsResult> Result => SpotCheckDrawTests.Result;

    private static readonly Inspector[] Register = [new("赵六", "city-bureau"), new("周九", "city-bureau"), new("吴十", "city-bureau")];

    private static ModelRiskScores Scores(params ((string, string) Key, double P)[] scores) => new()
    {
        Probabilities = scores.ToDictionary(x => x.Key, x => x.P),
        Available = true,
        Statement = "测试模型",
        Fingerprint = "abc",
    };

    /// <summary>Two applications of the largest stratum that the draw without a model neither drew nor counted as risky.</summary>
    private static (SpotCheckStratum Stratum, (string, string) High, (string, string) Low) Candidates(SpotCheckPlan plan)
    {
        var strata = SpotCheckDraw.Draw(Result.Value, Register, 77, plan);
        var s = strata.OrderByDescending(x => x.Population).First();
        var drawn = s.Applications.ToHashSet(StringComparer.Ordinal);
        var free = Result.Value.Applications
            .Where(a => a.County == s.County && a.Utility == s.Utility && a.ConnectedAt is { } c && Result.Value.Period.Contains(DateOnly.FromDateTime(c)))
            .Select(a => (a.Utility, a.ApplicationId))
            .Where(k => !drawn.Contains(k.Utility + "/" + k.ApplicationId))
            .Where(k => !Result.Value.FindingsAndBreaches.Any(f => f.Utility == k.Utility && f.ApplicationId == k.ApplicationId))
            .Order().ToList();
        Assert.True(free.Count >= 2);
        return (s, free[0], free[^1]);
    }

    [Fact]
    public void An_application_the_model_rates_high_is_oversampled_and_one_below_the_threshold_is_not()
    {
        // Every risk application drawn (share 1), so the test does not hang on which risk application the seed picks.
        var plan = new SpotCheckPlan { RiskShare = 1.0 };
        var (without, high, low) = Candidates(plan);
        // Two scored: the 90th percentile is 81 %, the median 49 %; only the first is high.
        var scores = Scores((high, 0.81), (low, 0.49));
        var strata = SpotCheckDraw.Draw(Result.Value, Register, 77, plan, scores);
        var s = strata.Single(x => x.County == without.County && x.Utility == without.Utility);
        var highKey = high.Item1 + "/" + high.Item2;
        Assert.Contains(highKey, s.Applications.Skip(s.BaseSize));
        Assert.Equal([SpotCheckDraw.ModelRisk], s.Reasons[highKey]);
        Assert.DoesNotContain(low.Item1 + "/" + low.Item2, s.Applications);
        Assert.Equal(1, s.ModelRisky);
        Assert.Equal(without.RiskExtra + 1, s.RiskExtra);
        // The base sample and the pairs are those of the draw without a model.
        Assert.Equal(without.Applications.Take(without.BaseSize), s.Applications.Take(s.BaseSize));
        Assert.Equal(without.Inspectors, s.Inspectors);
        // A model that is not available oversamples nothing.
        var none = SpotCheckDraw.Draw(Result.Value, Register, 77, plan, ModelRiskScores.None("没有模型"));
        Assert.Equal(without.Applications, none.Single(x => x.County == without.County && x.Utility == without.Utility).Applications);
    }

    [Fact]
    public void The_line_of_a_high_model_risk_is_the_registers_top_tenth_above_its_median_so_equal_scores_mark_nothing()
    {
        var many = Scores([.. Enumerable.Range(1, 100).Select(i => (("u", "A" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)), i / 100.0))]);
        var cut = many.Cut(0.10);
        Assert.Equal((0.90, 0.50), cut);
        Assert.Equal(11, many.Probabilities.Values.Count(p => ModelRiskScores.IsHigh(p, cut)));
        var flat = Scores([.. Enumerable.Range(1, 50).Select(i => (("u", "B" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)), 0.33))]);
        Assert.DoesNotContain(flat.Probabilities.Values, p => ModelRiskScores.IsHigh(p, flat.Cut(0.10)));
        Assert.Null(ModelRiskScores.None("x").Cut(0.10));
    }

    [Fact]
    public void The_same_seed_and_scores_reproduce_the_draw_and_the_method_states_the_model_and_threshold()
    {
        var plan = new SpotCheckPlan();
        var (_, high, low) = Candidates(plan);
        var scores = Scores((high, 0.9), (low, 0.1));
        var a = SpotCheckDraw.Draw(Result.Value, Register, 2026, plan, scores);
        var b = SpotCheckDraw.Draw(Result.Value, Register, 2026, plan, scores);
        Assert.Equal(a.SelectMany(s => s.Applications), b.SelectMany(s => s.Applications));
        Assert.Equal(1, a.Sum(s => s.ModelRisky));
        var text = SpotCheckMethod.Text(a, plan, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), Analytics.Domain.Registry.Registries.Default, scores);
        Assert.Contains("超期概率居名录前 10%：不低于第 90 百分位且高于中位数", text, StringComparison.Ordinal);
        Assert.Contains("测试模型，为名录中 2 件工单评分，第 90 百分位 90.0%、中位数 10.0%，1 件为模型高风险", text, StringComparison.Ordinal);
        var without = SpotCheckMethod.Text(a, plan, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), Analytics.Domain.Registry.Registries.Default,
            ModelRiskScores.None("存储中没有模型，本次未按模型风险加抽"));
        Assert.Contains("模型风险：存储中没有模型，本次未按模型风险加抽", without, StringComparison.Ordinal);
    }
}
