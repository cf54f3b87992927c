using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>The four tiles that open 一、实施进度 in the semiannual report and the circular: targets, pooled rate, volumes.</summary>
internal static class ProgressTiles
{
    public static StatTilesBlock Build(HalfYearMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var t = m.Targets;
        var v = m.Current.Indicators.Volumes;
        var before = m.Previous.Indicators.Volumes;
        return new StatTilesBlock(
        [
            // "1/15" told nothing: count the targets at 95 % or more, and say how many are wholly met (UnitRanking.GoodRate).
            new($"达标率≥{UnitRanking.GoodRate * 100:0}%的目标", $"{t.Good}/{t.Counted}",
                t.Counted == 0 ? Tone.Muted : t.AllGood ? Tone.Good : t.Good * 2 <= t.Counted ? Tone.Bad : Tone.Normal)
                { Note = $"其中全部达标{t.Met}项" },
            new("综合达标率", Formats.Percent(t.Pooled), Formats.ChangeTone(t.Pooled, t.PooledBefore, true)) { Note = "上期 " + Formats.Percent(t.PooledBefore) },
            new("受理工单（件）", Formats.Count(v.Accepted)) { Note = "上期 " + Formats.Count(before.Accepted) },
            new("接电工单（件）", Formats.Count(v.Connected)) { Note = "上期 " + Formats.Count(before.Connected) },
        ]);
    }
}
