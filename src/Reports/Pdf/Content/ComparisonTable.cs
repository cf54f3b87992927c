using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// 二、工作成效's main table: the headline figures this half against the previous half (环比) and the same half last
/// year (同比). Shares change in percentage points, counts and durations in per cent; green is better, red worse.
/// </summary>
internal static class ComparisonTable
{
    private enum Kind { Count, Share, Days, Hours }

    public static TableBlock Build(HalfYearMetrics m, Numbering n)
    {
        var rows = new List<TableRow>();
        void Add(string label, Kind kind, bool higherIsBetter, Func<MetricsResult, double?> value)
        {
            var now = value(m.Current);
            // A year-to-date figure has no sensible 环比: January–June against January–December is not a change.
            var before = kind == Kind.Hours ? null : value(m.Previous);
            var lastYear = value(m.LastYear);
            string Format(double? v) => kind switch
            {
                Kind.Count => v is { } c ? Formats.Count((long)c) : Formats.None,
                Kind.Share => Formats.Percent(v),
                Kind.Days => Formats.Days(v),
                _ => v is { } h ? Formats.Hours((decimal)h) : Formats.None,
            };
            string Change(double? a, double? b) => kind switch
            {
                Kind.Share => Formats.PointsChange(a, b),
                Kind.Days => Formats.DaysChange(a, b),
                _ => Formats.RelativeChange(a, b),
            };
            rows.Add(new TableRow(
            [
                label, Format(now), Format(before),
                new TableCell(Change(now, before), Formats.ChangeTone(now, before, higherIsBetter)),
                Format(lastYear),
                new TableCell(Change(now, lastYear), Formats.ChangeTone(now, lastYear, higherIsBetter)),
            ]));
        }

        Add("受理工单（件）", Kind.Count, true, r => r.Indicators.Volumes.Accepted);
        Add("接电工单（件）", Kind.Count, true, r => r.Indicators.Volumes.Connected);
        Add("期末在途工单（件）", Kind.Count, false, r => r.Indicators.Volumes.InProgress);
        Add("综合达标率", Kind.Share, true, r => TargetRows.PooledRate(TargetRows.Of(r, GroupDimension.City)));
        foreach (var c in Codes.All<Category>())
        {
            var def = TargetRows.DayTarget(m.Current.Policy, c);
            if (def is null) continue;
            var what = def.Kind == TargetKind.WholeProcessDays ? "全过程办电时间" : "供电企业办理时间";
            Add($"{Codes.Label(c)}{what}（工作日，平均）", Kind.Days, false,
                r => TargetRows.Find(r, def.Id, new TargetGroup(GroupDimension.Category, Category: c))?.MeanDays);
        }
        Add("线上办理率（任务5）", Kind.Share, true, r => r.Indicators.OnlineShare);
        Add("低压电子合同率（任务5）", Kind.Share, true, r => r.Indicators.EContractShareLv);
        Add("停电信息主动通知率（任务10）", Kind.Share, true, r => r.Indicators.OutageNoticeShare);
        Add("计划停电提前通知及时率（任务10）", Kind.Share, true, r => r.Indicators.PlannedNoticeOnTimeShare);
        Add("用户平均停电时间（小时，报告期内）", Kind.Hours, false, r => (double?)Saidi(r));

        return new TableBlock(
            [
                new TableColumn("指标", 3.4f), new TableColumn("本期", 1.0f, TextAlign.Right), new TableColumn("上期", 1.0f, TextAlign.Right),
                new TableColumn("环比", 1.3f, TextAlign.Right), new TableColumn("去年同期", 1.0f, TextAlign.Right), new TableColumn("同比", 1.3f, TextAlign.Right),
            ], rows)
        {
            Caption = n.Table("主要指标与上期、去年同期对比"),
            Footnote = "注：比率类指标的变化以百分点计，办电时间以工作日计，件数和停电时间以百分比计；绿色表示向好，红色表示变差。"
                + "用户平均停电时间为报告期内的停电时间（跨期停电按报告期起止切分），与上期、去年同期的同样日期比较。",
        };
    }

    /// <summary>SAIDI of the whole selection (all counties, all areas) over the result's period; null without customers served.</summary>
    public static decimal? Saidi(MetricsResult r) =>
        r.Reliability.FirstOrDefault(e => e.From == r.Period.From && e.County is null && e.Utility is null && e.Area is null
            && (e.Year is null) == (r.Period.From.Year != r.Period.To.Year))?.SaidiH;
}
