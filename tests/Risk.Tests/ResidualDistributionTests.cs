using Analytics.Domain;

namespace Analytics.Risk.Tests;

public class ResidualDistributionTests
{
    // 100 calibration rows predicted at 10 with 0 counted: actual 6…15, ten of each.
    private static readonly ResidualDistribution Spread = ResidualDistribution.From(
        Enumerable.Range(0, 100).Select(i => (Category.HvSingle, 10.0, 0, 6 + i % 10)));

    [Theory]
    [InlineData(10.0, 0, 15.0, 0.0)]   // residuals −4…+5: none above +5
    [InlineData(10.0, 0, 12.0, 0.3)]   // residuals +3, +4, +5 above +2
    [InlineData(10.0, 0, 5.0, 1.0)]    // every residual above −5
    [InlineData(14.0, 0, 15.0, 0.4)]   // ŷ = 14: residuals above +1 (+2…+5)
    public void The_miss_probability_is_the_share_of_residuals_beyond_the_limit(double predicted, int counted, double limit, double expected)
    {
        Assert.Equal(expected, Spread.MissProbability(Category.HvSingle, predicted, counted, limit), 10);
    }

    [Fact]
    public void An_application_already_over_its_limit_misses_it_for_certain()
    {
        Assert.Equal(1.0, Spread.MissProbability(Category.HvSingle, 20, 16, 15));
    }

    [Fact]
    public void A_category_without_residuals_gives_the_point_answer()
    {
        Assert.Equal(1.0, Spread.MissProbability(Category.HvDual, 26, 3, 25));
        Assert.Equal(0.0, Spread.MissProbability(Category.HvDual, 24, 3, 25));
    }
}
