using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// How the city-level targets in force stand in an answer: how many have applications to count, how many of those reach
/// <see cref="UnitRanking.GoodRate"/>, how many are wholly met, and the pooled rate (综合达标率) now and in the previous half.
/// </summary>
internal sealed record TargetTally(int Counted, int Good, int Met, double? Pooled, double? PooledBefore)
{
    /// <summary>True when every counted target reaches the good rate.</summary>
    public bool AllGood => Good == Counted;

    public static TargetTally Of(MetricsResult current, MetricsResult previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var rows = TargetRows.Of(current, GroupDimension.City).Where(t => t.InForce).ToList();
        var counted = rows.Where(t => t.Total > 0).ToList();
        return new TargetTally(counted.Count, counted.Count(t => t.Rate >= UnitRanking.GoodRate), counted.Count(t => t.Met),
            TargetRows.PooledRate(rows), TargetRows.PooledRate(TargetRows.Of(previous, GroupDimension.City)));
    }
}
