using Analytics.Reports.Wording;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// Ranks utilities or counties on the targets (四、3: 以查促改，并将结果予以通报) by the rule printed in the circular
/// (<see cref="WordingTable.RankingRule"/>):
/// <list type="bullet">
/// <item>every target in force (目标5 aside) with something counted weighs the same, whatever its volume, and an
/// application counts once in each target it falls under — a unit's 综合达标率 is the mean of its targets' rates;</item>
/// <item>the ranking key is the mean of the targets' Wilson 95 % lower bounds, so 33 perfect applications
/// (lower bound 89.6 %) do not outrank 5,000 at 99 % (98.7 %): a rate counts for as much as its sample supports;</item>
/// <item>a unit with fewer than <see cref="MinimumApplications"/> applications accepted is listed as 样本不足 and not ranked;</item>
/// <item>ties, on the key as printed (0.1 percentage point), go to more targets at or above <see cref="GoodRate"/>,
/// then fewer non-compliant applications; equal on all three share a rank, listed in registry order.</item>
/// </list>
/// </summary>
internal static class UnitRanking
{
    /// <summary>Below this many applications accepted in the period a unit's rates say too little to rank it.</summary>
    public const int MinimumApplications = 30;

    /// <summary>A target at or above this rate counts in the verdict (14项目标中12项达标率不低于95%).</summary>
    public const double GoodRate = 0.95;

    public static IReadOnlyList<UnitStanding> Rank(MetricsResult r, GroupDimension dimension, IEnumerable<string> codes)
    {
        var rows = TargetRows.Of(r, dimension).Where(t => t.InForce && t.Total > 0)
            .ToLookup(t => dimension == GroupDimension.County ? t.Group.County : t.Group.Utility, StringComparer.Ordinal);
        var volumes = dimension == GroupDimension.County ? r.Indicators.VolumesByCounty : r.Indicators.VolumesByUtility;
        var order = codes.Distinct(StringComparer.Ordinal).ToList();
        var standings = order.Select(code => new UnitStanding(
            code,
            volumes.TryGetValue(code, out var v) ? v.Accepted : 0,
            rows[code].Select(t => new TargetStanding(t.Id, t.Compliant, t.Total)).ToList(),
            null)).ToList();
        return Order(standings);
    }

    /// <summary>Ranks <paramref name="standings"/> (in registry order) by the rule; the unranked follow in registry order.</summary>
    public static IReadOnlyList<UnitStanding> Order(IReadOnlyList<UnitStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var position = standings.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var ranked = standings.Where(s => !s.TooFew && s.TargetsCounted > 0)
            .OrderByDescending(Key).ThenByDescending(s => s.TargetsGood).ThenBy(s => s.Breaches).ThenBy(s => position[s.Code])
            .ToList();
        var result = new List<UnitStanding>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var s = ranked[i];
            var tied = i > 0 && result[i - 1] is var p && Key(p) == Key(s) && p.TargetsGood == s.TargetsGood && p.Breaches == s.Breaches;
            result.Add(s with { Rank = tied ? result[i - 1].Rank : i + 1 });
        }
        result.AddRange(standings.Where(s => s.TooFew || s.TargetsCounted == 0));
        return result;
    }

    /// <summary>The ranking key as printed: the mean Wilson lower bound in tenths of a percentage point.</summary>
    public static int Key(UnitStanding s) => s.Lower is { } l ? (int)Math.Round(l * 1000, MidpointRounding.AwayFromZero) : -1;
}
