using Analytics.Oversight.Statistics;

namespace Analytics.Oversight.Tests;

public class ExactTestsTests
{
    [Theory]
    [InlineData(8, 10, 0.5, 56.0 / 1024)]
    [InlineData(10, 10, 0.5, 1.0 / 1024)]
    [InlineData(0, 10, 0.3, 1.0)]
    [InlineData(11, 10, 0.3, 0.0)]
    [InlineData(1, 3, 0.2, 1 - 0.512)]
    public void Binomial_upper_tail_is_exact(int k, int n, double p, double expected) =>
        Assert.Equal(expected, ExactTests.BinomialUpperTail(k, n, p), 12);

    [Fact]
    public void Binomial_tail_of_a_large_sample_matches_its_complement()
    {
        // P(X ≥ 5200 | 10000, 0.5) + P(X ≤ 5199) = 1, both summed exactly in log space.
        var upper = ExactTests.BinomialUpperTail(5200, 10000, 0.5);
        var lower = ExactTests.BinomialLowerTail(5199, 10000, 0.5);
        Assert.Equal(1.0, upper + lower, 9);
        Assert.InRange(upper, 3e-5, 4e-5); // z ≈ 3.99
    }

    [Fact]
    public void Fisher_upper_tail_is_the_lady_tasting_tea()
    {
        // 8 cups, 4 with milk first, she picks 4: P(≥ 3 right) = (16 + 1) / 70.
        Assert.Equal(17.0 / 70, ExactTests.HypergeometricUpperTail(3, 4, 4, 8), 12);
        Assert.Equal(1.0 / 70, ExactTests.HypergeometricUpperTail(4, 4, 4, 8), 12);
    }

    [Fact]
    public void Holm_multiplies_by_the_rank_and_keeps_the_order()
    {
        var adjusted = ExactTests.Holm([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal(0.02, adjusted[3], 12);      // smallest × 4
        Assert.Equal(0.03, adjusted[0], 12);      // × 3
        Assert.Equal(0.06, adjusted[2], 12);      // × 2
        Assert.Equal(0.06, adjusted[1], 12);      // × 1 = 0.04, but never below the step before
    }

    [Fact]
    public void Clopper_Pearson_bound_of_no_discrepancy_in_59_is_the_sampling_rule()
    {
        // n = ⌈ln 0.05 / ln 0.95⌉ = 59: with no discrepancy found the 95 % upper bound is just under 5 %.
        var bound = ExactTests.ClopperPearsonUpper(0, 59, 0.95);
        Assert.Equal(1 - Math.Pow(0.05, 1.0 / 59), bound, 9);
        Assert.True(bound < 0.05);
        Assert.True(ExactTests.ClopperPearsonUpper(3, 59, 0.95) > 3.0 / 59);
    }
}

public class StratifiedTests
{
    [Fact]
    public void One_stratum_is_the_Fisher_test()
    {
        Assert.Equal(ExactTests.HypergeometricUpperTail(3, 4, 4, 8), ExactTests.StratifiedUpperTail([(3, 4, 4, 8)]), 12);
    }

    [Fact]
    public void Two_strata_convolve()
    {
        // Two tea tastings: P(X1 + X2 ≥ 8) = P(4)² = (1/70)²; P(≥ 7) adds 2 × P(4) × P(3) = 2 × (1/70) × (16/70).
        Assert.Equal(1.0 / 4900, ExactTests.StratifiedUpperTail([(4, 4, 4, 8), (4, 4, 4, 8)]), 12);
        Assert.Equal((1.0 + 32) / 4900, ExactTests.StratifiedUpperTail([(3, 4, 4, 8), (4, 4, 4, 8)]), 12);
    }
}
