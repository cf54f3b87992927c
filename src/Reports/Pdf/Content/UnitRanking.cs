using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// Ranks utilities or counties on the targets (四、3: 以查促改，并将结果予以通报), by the rule printed in the
/// circular (<see cref="PdfWording.RankingRule"/>): 综合达标率 descending, then targets met descending, then
/// non-compliant pairs ascending; equal on all three shares a rank; units with nothing counted come last, unranked.
/// </summary>
internal static class UnitRanking
{
    public static IReadOnlyList<UnitStanding> Rank(MetricsResult r, GroupDimension dimension, IEnumerable<string> codes)
    {
        var rows = TargetRows.Of(r, dimension).Where(t => t.InForce)
            .ToLookup(t => dimension == GroupDimension.County ? t.Group.County : t.Group.Utility, StringComparer.Ordinal);
        var standings = codes.Distinct(StringComparer.Ordinal).Select(code =>
        {
            var (c, n) = TargetRows.Pooled(rows[code]);
            var counted = rows[code].Where(t => t.Total > 0).ToList();
            return new UnitStanding(code, c, n, counted.Count(t => t.Met), counted.Count, null);
        }).ToList();
        var ranked = standings.Where(s => s.Total > 0)
            .OrderByDescending(s => s.Rate).ThenByDescending(s => s.TargetsMet).ThenBy(s => s.Breaches).ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        var result = new List<UnitStanding>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var s = ranked[i];
            var tied = i > 0 && result[i - 1] is var p && p.Rate == s.Rate && p.TargetsMet == s.TargetsMet && p.Breaches == s.Breaches;
            result.Add(s with { Rank = tied ? result[i - 1].Rank : i + 1 });
        }
        result.AddRange(standings.Where(s => s.Total == 0).OrderBy(s => s.Code, StringComparer.Ordinal));
        return result;
    }
}
