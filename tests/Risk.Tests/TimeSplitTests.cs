namespace Analytics.Risk.Tests;

public class TimeSplitTests
{
    [Theory]
    [InlineData(1, 0.2)]
    [InlineData(2, 0.2)]
    [InlineData(3, 0.5)]
    [InlineData(4, 0.1)]
    public void No_later_item_was_accepted_before_the_last_earlier_one(int seed, double fraction)
    {
        var rng = new Random(seed);
        var dates = Enumerable.Range(0, 500).Select(_ => new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 60))).ToList();

        var (earlier, later, cut) = TimeSplit.Split(dates, d => d, fraction);

        Assert.Equal(dates.Count, earlier.Count + later.Count);
        Assert.NotEmpty(earlier);
        Assert.NotEmpty(later);
        Assert.True(earlier.Max() < later.Min(), $"{earlier.Max()} must be before {later.Min()}");
        Assert.Equal(cut, later.Min());
        // About the fraction asked for (one day's items may tip it).
        Assert.InRange(later.Count, (int)(dates.Count * fraction) - 30, (int)(dates.Count * fraction) + 30);
    }

    [Fact]
    public void Items_of_a_single_day_are_never_split()
    {
        var dates = Enumerable.Repeat(new DateOnly(2023, 5, 5), 10).ToList();
        var (earlier, later, cut) = TimeSplit.Split(dates, d => d, 0.2);
        Assert.Equal(10, earlier.Count);
        Assert.Empty(later);
        Assert.Null(cut);
    }
}
