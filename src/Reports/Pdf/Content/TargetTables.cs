using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The tables of 一、实施进度: every target in force against its limit with the previous half beside it, the
/// same by category and by county (or by utility), as document blocks.
/// </summary>
internal static class TargetTables
{
    /// <summary>
    /// One row per target in force (policy order) for the whole selection: limit, figure, compliant / counted, rate and
    /// verdict, and the previous half's rate; then 目标5 by area class for the year.
    /// </summary>
    public static TableBlock Targets(HalfYearMetrics m, Numbering n)
    {
        var rows = new List<TableRow>();
        foreach (var def in m.Current.Policy.Targets)
        {
            if (def.Kind == TargetKind.Saidi) continue;
            var now = TargetRows.Find(m.Current, def.Id, TargetGroup.City);
            if (now is null || !now.InForce) continue;
            var before = TargetRows.Find(m.Previous, def.Id, TargetGroup.City);
            var (verdict, tone) = TargetRows.Verdict(now);
            rows.Add(new TableRow(
            [
                $"{def.Id} {def.Title}", def.Clause, TargetRows.LimitText(now), TargetRows.ActualText(now),
                now.Total == 0 ? Formats.None : $"{Formats.Count(now.Compliant)}/{Formats.Count(now.Total)}",
                new TableCell(Formats.Percent(now.Rate), now.Total > 0 && !now.Met ? Tone.Bad : Tone.Normal),
                Formats.Percent(before?.Rate),
                new TableCell(verdict, tone),
            ]));
        }
        foreach (var t5 in m.YearToDate.Targets.Where(t => t.Kind == TargetKind.Saidi && t.Group.Dimension == GroupDimension.Area && t.Year == m.Half.Year && t.InForce && t.Status is not null)
                     .OrderBy(t => t.Group.Area))
        {
            var status = t5.Status!.Value;
            var (verdict, tone) = (WordingTable.Status(status), ReliabilityStatuses.Compliant(status) ? Tone.Good
                : status == ReliabilityStatus.AtRisk ? Tone.Warn : Tone.Bad);
            rows.Add(new TableRow(
            [
                $"{t5.Id} {t5.Title}（{Codes.Label(t5.Group.Area!.Value)}）", t5.Clause, TargetRows.LimitText(t5), TargetRows.ActualText(t5),
                Formats.None, Formats.None, Formats.None, new TableCell(verdict, tone),
            ]));
        }
        return new TableBlock(
            [
                new TableColumn("目标", 3.0f), new TableColumn("依据", 0.7f, TextAlign.Center), new TableColumn("限值", 1.3f),
                new TableColumn("本期实际\n平均/最长", 1.6f, TextAlign.Center), new TableColumn("达标/应考核\n（件）", 1.45f, TextAlign.Right),
                new TableColumn("达标率", 0.85f, TextAlign.Right), new TableColumn("上期\n达标率", 0.85f, TextAlign.Right),
                new TableColumn("结论", 0.95f, TextAlign.Center),
            ], rows)
        {
            Caption = n.Table("在用目标完成情况"),
            EmptyText = "本期无在用目标",
            Footnote = "注：本期实际为时限类目标的平均用时/最长用时（工作日），目标5为用户年均停电时间；应考核件数按目标的统计口径计入本期（时限、环节、零投资类按接电日期，审批时间按审批办结日期，申请资料、接入方式按受理日期）；"
                + "目标5为年度指标，按供电区域统计，" + (m.Half.Half == 1 ? "上半年为1—6月累计值，结论仅供参考，以全年数据为准。" : "下半年为全年数据。"),
        };
    }

    /// <summary>
    /// One row per category: volumes, the category's 目标2 time limit with mean days and compliance (this half, last half,
    /// same half last year), and its stage target's compliance.
    /// </summary>
    public static TableBlock Categories(HalfYearMetrics m, Numbering n)
    {
        var rows = new List<TableRow>();
        foreach (var c in Codes.All<Category>())
        {
            var group = new TargetGroup(GroupDimension.Category, Category: c);
            var volumes = m.Current.Indicators.VolumesByCategory.TryGetValue(c, out var v) ? v : new Volumes(0, 0, 0, 0);
            var day = TargetRows.DayTarget(m.Current.Policy, c);
            var stage = TargetRows.StageTarget(m.Current.Policy, c);
            var dayNow = day is null ? null : TargetRows.Find(m.Current, day.Id, group);
            var dayBefore = day is null ? null : TargetRows.Find(m.Previous, day.Id, group);
            var dayLastYear = day is null ? null : TargetRows.Find(m.LastYear, day.Id, group);
            var stageNow = stage is null ? null : TargetRows.Find(m.Current, stage.Id, group);
            rows.Add(new TableRow(
            [
                Codes.Label(c), Formats.Count(volumes.Accepted), Formats.Count(volumes.Connected), Formats.Count(volumes.InProgress),
                dayNow is null ? Formats.None : $"{day!.Id} {TargetRows.LimitText(dayNow)}",
                Formats.Days(dayNow?.MeanDays),
                new TableCell(Formats.Percent(dayNow?.Rate), dayNow is { Total: > 0, Met: false } ? Tone.Bad : Tone.Normal),
                Formats.Percent(dayBefore?.Rate), Formats.Percent(dayLastYear?.Rate),
                new TableCell(Formats.Percent(stageNow?.Rate), stageNow is { Total: > 0, Met: false } ? Tone.Bad : Tone.Normal),
            ]));
        }
        return new TableBlock(
            [
                new TableColumn("用户类别", 1.9f), new TableColumn("受理", 0.8f, TextAlign.Right), new TableColumn("接电", 0.8f, TextAlign.Right),
                new TableColumn("期末\n在途", 0.7f, TextAlign.Right), new TableColumn("时限目标", 1.8f),
                new TableColumn("平均用时\n（工作日）", 1.0f, TextAlign.Right), new TableColumn("时限\n达标率", 0.9f, TextAlign.Right),
                new TableColumn("上期", 0.8f, TextAlign.Right), new TableColumn("去年\n同期", 0.8f, TextAlign.Right),
                new TableColumn("环节\n达标率", 0.9f, TextAlign.Right),
            ], rows)
        {
            Caption = n.Table("分用户类别办电情况"),
            Footnote = "注：居民、低压三零用户考核全过程办电时间，其他类别考核供电企业办理时间（扣除用户工程和政府审批时间）；环节达标率为目标3、任务6的环节要求。",
        };
    }

    /// <summary>
    /// One row per county (or utility) with applications: volumes, pooled compliance this half and last half, and the
    /// targets not met there.
    /// </summary>
    public static TableBlock Groups(HalfYearMetrics m, GroupDimension dimension, Registries registries, Numbering n)
    {
        var isCounty = dimension == GroupDimension.County;
        var byCode = isCounty ? m.Current.Indicators.VolumesByCounty : m.Current.Indicators.VolumesByUtility;
        var current = TargetRows.Of(m.Current, dimension).ToLookup(t => isCounty ? t.Group.County : t.Group.Utility, StringComparer.Ordinal);
        var previous = TargetRows.Of(m.Previous, dimension).ToLookup(t => isCounty ? t.Group.County : t.Group.Utility, StringComparer.Ordinal);
        var codes = byCode.Keys.Union(current.Select(g => g.Key!).Where(k => k is not null), StringComparer.Ordinal);
        var order = isCounty ? registries.Counties.Select(c => c.Code).ToList() : registries.Utilities.Select(u => u.Code).ToList();
        var rows = new List<TableRow>();
        foreach (var code in codes.OrderBy(c => order.IndexOf(c) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c, StringComparer.Ordinal))
        {
            var v = byCode.TryGetValue(code, out var vol) ? vol : new Volumes(0, 0, 0, 0);
            var (c, t) = TargetRows.Pooled(current[code]);
            var notMet = current[code].Where(r => r.InForce && r.Total > 0 && !r.Met).Select(r => r.Id).ToList();
            var name = isCounty ? ProblemRanking.CountyName(registries, code) : ProblemRanking.UtilityName(registries, code);
            rows.Add(new TableRow(
            [
                name, Formats.Count(v.Accepted), Formats.Count(v.Connected),
                t == 0 ? Formats.None : $"{Formats.Count(c)}/{Formats.Count(t)}",
                new TableCell(Formats.Percent(TargetRows.PooledRate(current[code])), notMet.Count > 0 ? Tone.Bad : Tone.Normal),
                Formats.Percent(TargetRows.PooledRate(previous[code])),
                new TableCell(notMet.Count == 0 ? "无" : string.Join("、", notMet), notMet.Count > 0 ? Tone.Bad : Tone.Normal),
            ]));
        }
        return new TableBlock(
            [
                new TableColumn(isCounty ? "县（市、区）" : "供电企业", isCounty ? 1.3f : 2.6f), new TableColumn("受理", 0.8f, TextAlign.Right),
                new TableColumn("接电", 0.8f, TextAlign.Right), new TableColumn("达标/应考核\n（件次）", 1.3f, TextAlign.Right),
                new TableColumn("综合\n达标率", 0.9f, TextAlign.Right), new TableColumn("上期综合\n达标率", 0.9f, TextAlign.Right),
                new TableColumn("未达标目标", 2.2f),
            ], rows)
        {
            Caption = n.Table(isCounty ? "分县（市、区）目标完成情况" : "分供电企业目标完成情况"),
            EmptyText = WordingTable.NoApplications,
            Footnote = "注：" + WordingTable.PooledRateRule,
        };
    }
}
