using Analytics.Reports.Pdf.Content;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>The circular's ranking rule (<see cref="UnitRanking"/>) on hand-made standings.</summary>
public class UnitRankingTests
{
    private static UnitStanding Unit(string code, int accepted, params (int Compliant, int Total)[] targets) =>
        new(code, accepted, targets.Select((t, i) => new TargetStanding($"T{i + 1}", t.Compliant, t.Total)).ToList(), null);

    [Fact]
    public void A_large_unit_at_99_percent_ranks_above_a_small_perfect_one()
    {
        var small = Unit("small", 33, (33, 33), (33, 33));
        var large = Unit("large", 5000, (4950, 5000), (4950, 5000));
        var ranking = UnitRanking.Order([small, large]);
        Assert.Equal(["large", "small"], ranking.Select(s => s.Code));
        Assert.Equal([1, 2], ranking.Select(s => s.Rank!.Value));
        // The small unit's rate is higher; its interval says how little 33 applications prove.
        Assert.True(small.Rate > large.Rate);
        Assert.True(small.Lower < large.Lower);
        Assert.Equal(0.896, small.Lower!.Value, 3);
    }

    [Fact]
    public void A_unit_below_the_minimum_is_listed_as_too_few_and_not_ranked()
    {
        var tiny = Unit("tiny", UnitRanking.MinimumApplications - 1, (29, 29));
        var other = Unit("other", 200, (150, 200));
        var ranking = UnitRanking.Order([tiny, other]);
        Assert.Equal("other", ranking[0].Code);
        Assert.Equal(1, ranking[0].Rank);
        Assert.True(ranking[1].TooFew);
        Assert.Null(ranking[1].Rank);
    }

    [Fact]
    public void Every_target_weighs_the_same_whatever_its_volume()
    {
        // A: the big target perfect, the small one at half; B: the reverse. Pooled, A would be 99 %, B 51 %.
        var a = Unit("a", 1000, (1000, 1000), (10, 20));
        var b = Unit("b", 1000, (500, 1000), (20, 20));
        Assert.Equal(0.75, a.Rate!.Value, 6);
        Assert.Equal(0.75, b.Rate!.Value, 6);
    }

    [Fact]
    public void Ties_on_the_key_go_to_more_targets_at_95_percent_then_fewer_breaches_and_equal_share_a_rank()
    {
        var first = Unit("x", 400, (200, 200), (200, 200));
        var same = Unit("y", 400, (200, 200), (200, 200));
        var ranking = UnitRanking.Order([same, first]);
        Assert.Equal(ranking[0].Rank, ranking[1].Rank);
        Assert.Equal("y", ranking[0].Code); // registry order among equals

        // Equal keys (as printed), different counts of targets at 95 %: more goes first.
        var keyed = new[] { Unit("p", 100, (90, 100), (100, 100)), Unit("q", 100, (95, 100), (95, 100)) };
        var ordered = UnitRanking.Order(keyed);
        if (UnitRanking.Key(keyed[0]) == UnitRanking.Key(keyed[1]))
            Assert.Equal(ordered[0].TargetsGood, Math.Max(keyed[0].TargetsGood, keyed[1].TargetsGood));
        else
            Assert.True(UnitRanking.Key(ordered[0]) > UnitRanking.Key(ordered[1]));
    }

    [Fact]
    public void The_verdict_reads_as_a_sentence()
    {
        var u = Unit("u", 500, (100, 100), (97, 100), (90, 100));
        Assert.Equal("3项目标中2项达标率不低于95%（其中1项全部达标）", u.Verdict);
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_values()
    {
        var (lo, hi) = Wilson.Interval(8, 10);
        Assert.Equal(0.490, lo, 3);
        Assert.Equal(0.943, hi, 3);
        Assert.Equal((0.0, 1.0), Wilson.Interval(0, 0));
    }
}
