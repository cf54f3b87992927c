using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// 目标5 in 二、工作成效: SAIDI by area class this year to date against the same dates a year earlier and the
/// 2/5/9/15-hour limits, as a table and a chart; or, without any outage in the half, a sentence saying so. Every figure is
/// the year-to-date answer's reliability entry (metrics.md §8), so the PDF says what <c>metrics</c> says for those dates.
/// </summary>
internal static class ReliabilitySection
{
    /// <summary>The area classes with a figure this year or last year, in class order.</summary>
    public static IReadOnlyList<SaidiFigure> Figures(HalfYearMetrics m)
    {
        var year = m.Half.Year;
        var t5 = m.Current.Policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        var list = new List<SaidiFigure>();
        foreach (var area in Codes.All<Area>())
        {
            var now = Entry(m.YearToDate, year, area);
            if (now is null) continue;
            var limit = t5 is not null && t5.IsInForce(new DateOnly(year, 12, 31)) && t5.LimitHoursByArea.TryGetValue(area, out var l) ? l : (decimal?)null;
            list.Add(new SaidiFigure(area, now.SaidiH, now.PreviousSaidiH, limit));
        }
        return list;
    }

    public static IEnumerable<Block> Build(HalfYearMetrics m, int outagesInHalf, Numbering n)
    {
        var figures = Figures(m);
        if (outagesInHalf == 0 && m.YearToDate.Indicators.OutageCount == 0)
        {
            // No outage at all this year is no figure: SAIDI 0.00, "−100 %" and 达标 would credit a unit that filed nothing.
            yield return new ParagraphBlock(WordingTable.NoOutageData) { Tone = Tone.Muted };
            yield break;
        }
        if (outagesInHalf == 0)
            yield return new ParagraphBlock(WordingTable.NoOutages + "。") { Tone = Tone.Muted };
        if (figures.Count == 0)
        {
            yield return new ParagraphBlock("无供电用户数数据，无法计算用户年均停电时间。") { Tone = Tone.Muted };
            yield break;
        }
        var year = m.Half.Year;
        var rows = new List<TableRow>();
        foreach (var f in figures)
        {
            var entry = Entry(m.YearToDate, year, f.Area);
            var verdict = entry?.Status switch
            {
                ReliabilityStatus.Met => new TableCell(entry.MetByLimit ? "达标（限值内）" : "达标（同比压缩8%以上）", Tone.Good),
                ReliabilityStatus.OnTrack => new TableCell(WordingTable.Status(ReliabilityStatus.OnTrack), Tone.Good),
                ReliabilityStatus.AtRisk => new TableCell(WordingTable.Status(ReliabilityStatus.AtRisk), Tone.Warn),
                { } s => new TableCell(WordingTable.Status(s), Tone.Bad),
                null => new TableCell(Formats.None, Tone.Muted),
            };
            rows.Add(new TableRow(
            [
                Codes.Label(f.Area), entry is null ? Formats.None : Formats.Count((long)entry.Customers),
                Formats.Hours(f.Saidi), Formats.Hours(f.SaidiLastYear),
                new TableCell(Formats.RelativeChange((double?)entry?.YoyChange),
                    Formats.ChangeTone((double?)f.Saidi, (double?)f.SaidiLastYear, higherIsBetter: false)),
                f.Limit is { } l ? Formats.Number(l) : Formats.None,
                verdict,
            ]));
        }
        var to = m.YearToDate.Reliability.Count > 0 ? m.YearToDate.Reliability[0].To : (DateOnly?)null;
        var period = to is { } t && t < m.YearToDate.Period.To ? $"{year}年1月1日至{t.Month}月{t.Day}日" : m.Half.Half == 1 ? $"{year}年1—6月" : $"{year}年全年";
        yield return new TableBlock(
            [
                new TableColumn("供电区域", 1.1f), new TableColumn("供电用户数", 1.2f, TextAlign.Right),
                new TableColumn("本年累计\n（小时）", 1.0f, TextAlign.Right), new TableColumn("去年同期\n（小时）", 1.0f, TextAlign.Right),
                new TableColumn("同比", 0.9f, TextAlign.Right), new TableColumn("目标限值\n（小时）", 1.0f, TextAlign.Right),
                new TableColumn("目标5结论", 1.6f, TextAlign.Center),
            ], rows)
        {
            Caption = n.Table($"分供电区域用户年均停电时间（{period}）"),
            Footnote = "注：用户年均停电时间 = Σ(停电用户数 × 停电小时数) ÷ 供电用户数（DL/T 836 AIHC-1），不计3分钟及以下的短时停电；"
                + "目标5为低于区域限值或较上年压缩8%以上。" + (m.Half.Half == 1 ? "年度未结束时，结论为按累计值与时间进度的预判（进度正常、存在风险或已无法达标）。" : ""),
        };
        yield return new ChartBlock(ReportCharts.SaidiByArea(figures), 210, n.Figure($"分供电区域用户年均停电时间与目标限值（{period}）"));
    }

    private static ReliabilityEntry? Entry(MetricsResult r, int year, Area area) =>
        r.Reliability.FirstOrDefault(e => e.Year == year && e.County is null && e.Utility is null && e.Area == area);
}
