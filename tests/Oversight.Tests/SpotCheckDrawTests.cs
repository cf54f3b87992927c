using Analytics.Domain.Calendar;
using Analytics.Generator;
using Analytics.Metrics;
using Analytics.Oversight.SpotChecks;
using Policy = Analytics.Domain.Policy.Policy;

namespace Analytics.Oversight.Tests;

public class SpotCheckDrawTests
{
    private static readonly Lazy<MetricsResult> Result = new(() =>
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
