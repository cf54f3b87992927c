using Analytics.Reports.Wording;
using System.Globalization;
using Analytics.Domain;
using Analytics.Metrics;
using ScottPlot;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The charts of 二、工作成效, built with ScottPlot and drawn as vectors by <see cref="PdfRenderer"/>. Titles
/// go into the caption under the chart (set by the layout), so the charts themselves carry only axes,
/// bars, limit lines and a legend, all in the report font.
/// </summary>
internal static class ReportCharts
{
    private static Theme T => Theme.Default;
    private static Color Current => Of(T.ChartCurrent);
    private static Color Previous => Of(T.ChartPrevious);
    private static Color LastYear => Of(T.ChartLastYear);
    private static Color Limit => Of(T.ChartLimit);
    private static Color Line => Of(T.ChartLine);
    private static float FontSize => T.ChartTextSize;

    private static Color Of(SkiaSharp.SKColor c) => new(c.Red, c.Green, c.Blue);

    /// <summary>
    /// Mean days of each category's 目标2 figure (供电企业办理时间 or 全过程办电时间) this half, last half and the same half
    /// last year, with the limit as a dashed red line over each group. A category without connections shows no bar.
    /// </summary>
    public static Plot DaysByCategory(HalfYearMetrics m)
    {
        var plot = NewPlot();
        var categories = Codes.All<Category>();
        var bars = new List<Bar>();
        var labels = new List<(double X, double Value, string Text)>();
        var limits = new List<(double X1, double X2, double Y)>();
        var top = 1.0;
        for (var i = 0; i < categories.Count; i++)
        {
            var def = TargetRows.DayTarget(m.Current.Policy, categories[i]);
            if (def is null) continue;
            var group = new TargetGroup(GroupDimension.Category, Category: categories[i]);
            var series = new[] { (m.Current, Current), (m.Previous, Previous), (m.LastYear, LastYear) };
            for (var s = 0; s < series.Length; s++)
            {
                var row = TargetRows.Find(series[s].Item1, def.Id, group);
                if (row?.MeanDays is not { } mean) continue;
                bars.Add(new Bar
                {
                    Position = i + (s - 1) * 0.27,
                    Value = mean,
                    FillColor = series[s].Item2,
                    Size = 0.25,
                    LineWidth = 0,
                });
                if (s == 0) labels.Add((i - 0.27, mean, mean.ToString("0.0", CultureInfo.InvariantCulture)));
                top = Math.Max(top, mean);
            }
            if (def.LimitOn(MetricsPeriod.Half(m.Half).To) is { } limit)
            {
                AddLimit(plot, i - 0.45, i + 0.45, (double)limit);
                limits.Add((i - 0.45, i + 0.45, (double)limit));
                top = Math.Max(top, (double)limit);
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories.Select(WordingTable.ShortLabel)]);
        plot.Axes.Left.Label.Text = "平均用时（工作日）";
        plot.Axes.SetLimitsY(0, top * 1.3);
        ValueLabels(plot, labels, 0, top * 1.3, 0.125, limits);
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        Legend(plot, ("本期", Current, false), ("上期", Previous, false), ("去年同期", LastYear, false), ("时限", Limit, true));
        return Finish(plot);
    }

    /// <summary>Applications accepted each month of the half (bars, left axis) and the online share (line, right axis, %).</summary>
    public static Plot MonthlyVolumes(IReadOnlyList<MonthlyFigure> months)
    {
        var plot = NewPlot();
        var bars = months.Select((m, i) => new Bar
        {
            Position = i,
            Value = m.Accepted,
            FillColor = Current,
            Size = 0.6,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].OnlineShare is not { } s) continue;
            xs.Add(i);
            ys.Add(s * 100);
        }
        if (xs.Count > 0)
        {
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.Color = Line;
            line.LineWidth = 2.5f;
            line.MarkerSize = 7;
            line.Axes.YAxis = plot.Axes.Right;
        }
        plot.Axes.Bottom.SetTicks([.. months.Select((_, i) => (double)i)], [.. months.Select(m => m.Label)]);
        plot.Axes.Left.Label.Text = "受理量（件）";
        plot.Axes.Right.Label.Text = "线上办理率（%）";
        var top = Math.Max(1, months.Count == 0 ? 1 : months.Max(m => m.Accepted));
        plot.Axes.SetLimitsY(0, top * 1.3, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        // The online-share line in the left axis's units: a volume label never sits under it.
        var onLeft = new List<(double X1, double X2, double Y)>();
        for (var k = 0; k < xs.Count; k++)
        {
            var y = ys[k] / 105 * top * 1.3;
            onLeft.Add((xs[k] - 0.3, xs[k] + 0.3, y));
            if (k + 1 < xs.Count)
                onLeft.Add((xs[k], xs[k + 1], (y + ys[k + 1] / 105 * top * 1.3) / 2));
        }
        ValueLabels(plot, [.. months.Select((m, i) => ((double)i, (double)m.Accepted, Formats.Count(m.Accepted)))], 0, top * 1.3, 0.3, onLeft);
        plot.Axes.SetLimitsX(-0.6, Math.Max(months.Count, 1) - 0.4);
        Legend(plot, ("受理量", Current, false), ("线上办理率", Line, true));
        return Finish(plot);
    }

    /// <summary>
    /// SAIDI by area class this year (to the end of the half) against the same period last year, with each class's
    /// 目标5 limit (2/5/9/15 h) as a dashed red line.
    /// </summary>
    public static Plot SaidiByArea(IReadOnlyList<SaidiFigure> areas)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var labels = new List<(double X, double Value, string Text)>();
        var limits = new List<(double X1, double X2, double Y)>();
        var top = 1.0;
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            if (a.Saidi is { } now)
            {
                bars.Add(new Bar { Position = i - 0.17, Value = (double)now, FillColor = Current, Size = 0.32, LineWidth = 0 });
                labels.Add((i - 0.17, (double)now, Formats.Hours(now)));
                top = Math.Max(top, (double)now);
            }
            if (a.SaidiLastYear is { } before)
            {
                bars.Add(new Bar { Position = i + 0.17, Value = (double)before, FillColor = LastYear, Size = 0.32, LineWidth = 0 });
                top = Math.Max(top, (double)before);
            }
            if (a.Limit is { } limit)
            {
                AddLimit(plot, i - 0.45, i + 0.45, (double)limit);
                limits.Add((i - 0.45, i + 0.45, (double)limit));
                top = Math.Max(top, (double)limit);
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. areas.Select((_, i) => (double)i)], [.. areas.Select(a => Codes.Label(a.Area))]);
        plot.Axes.Left.Label.Text = "用户年均停电时间（小时）";
        plot.Axes.SetLimitsY(0, top * 1.3);
        ValueLabels(plot, labels, 0, top * 1.3, 0.16, limits);
        plot.Axes.SetLimitsX(-0.6, Math.Max(areas.Count, 1) - 0.4);
        Legend(plot, ("本年累计", Current, false), ("去年同期", LastYear, false), ("目标限值", Limit, true));
        return Finish(plot);
    }

    /// <summary>
    /// 综合达标率 of each unit this half (bars, %) beside last half, in ranking order. This half's bar is coloured by the
    /// unit's verdict (<see cref="Tone.Good"/>: every target at 95 % or more; <see cref="Tone.Bad"/>: half or more below;
    /// <see cref="Tone.Muted"/>: 样本不足), never by rank. The axis ends at 100 %: a rate cannot pass it.
    /// </summary>
    public static Plot RateByUnit(IReadOnlyList<(string Name, double? Now, double? Before, Tone Verdict)> units)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var labels = new List<(double X, double Value, string Text)>();
        var low = 100.0;
        var tones = new HashSet<Tone>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Now is { } now)
            {
                var colour = VerdictColour(units[i].Verdict);
                tones.Add(units[i].Verdict);
                bars.Add(new Bar { Position = i - 0.17, Value = now * 100, FillColor = colour, Size = 0.32, LineWidth = 0 });
                labels.Add((i - 0.17, now * 100, (now * 100).ToString("0.0", CultureInfo.InvariantCulture)));
                low = Math.Min(low, now * 100);
            }
            if (units[i].Before is { } before)
            {
                bars.Add(new Bar { Position = i + 0.17, Value = before * 100, FillColor = Previous, Size = 0.32, LineWidth = 0 });
                low = Math.Min(low, before * 100);
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. units.Select((_, i) => (double)i)], [.. units.Select(u => u.Name)]);
        plot.Axes.Left.Label.Text = "综合达标率（%）";
        // Rates sit close to 100 %: start the axis near the lowest so differences show, and say so in the caption.
        var floor = Math.Max(0, Math.Floor((low - 5) / 5) * 5);
        plot.Axes.SetLimitsY(floor, 100);
        plot.Axes.SetLimitsX(-0.6, Math.Max(units.Count, 1) - 0.4);
        ValueLabels(plot, labels, floor, 100, 0.16, []);
        var legend = new List<(string, Color, bool)>();
        if (tones.Contains(Tone.Good)) legend.Add(("本期：各项目标均≥95%", VerdictColour(Tone.Good), false));
        if (tones.Contains(Tone.Normal)) legend.Add(("本期", VerdictColour(Tone.Normal), false));
        if (tones.Contains(Tone.Bad)) legend.Add(("本期：半数以上目标<95%", VerdictColour(Tone.Bad), false));
        if (tones.Contains(Tone.Muted)) legend.Add(("本期：样本不足", VerdictColour(Tone.Muted), false));
        legend.Add(("上期", Previous, false));
        Legend(plot, [.. legend]);
        // Outside the data area: bars near 100 % fill the top of the plot, and the legend must hide none of them.
        plot.ShowLegend(Edge.Bottom);
        return Finish(plot);
    }

    private static Color VerdictColour(Tone verdict) => verdict switch
    {
        Tone.Good => Of(T.Good),
        Tone.Bad => Of(T.Bad),
        Tone.Muted => Of(T.ChartUnranked),
        _ => Current,
    };

    /// <summary>
    /// Value labels that never sit under a line or another label: above the bar when the space there is free, else
    /// inside the bar's top in white (the bar is tall enough), else above whatever is in the way. The label's height is
    /// taken as 8 % of the axis span, its reach as <paramref name="halfWidth"/> either side of the bar's centre.
    /// </summary>
    internal static IReadOnlyList<(double X, double Y, bool Inside)> ValueLabels(Plot plot, IReadOnlyList<(double X, double Value, string Text)> labels,
        double yMin, double yMax, double halfWidth, IReadOnlyList<(double X1, double X2, double Y)> obstacles)
    {
        var span = yMax - yMin;
        var height = 0.08 * span;
        var pad = 0.015 * span;
        var placed = new List<(double X, double Y, bool Inside)>();
        var taken = new List<(double X1, double X2, double Bottom, double Top)>();
        foreach (var (x, value, text) in labels)
        {
            bool Free(double bottom) =>
                bottom + height <= yMax
                && !obstacles.Any(o => o.X2 >= x - halfWidth && o.X1 <= x + halfWidth && o.Y >= bottom - pad && o.Y <= bottom + height + pad)
                && !taken.Any(t => t.X2 >= x - halfWidth && t.X1 <= x + halfWidth && t.Top >= bottom && t.Bottom <= bottom + height);
            var v = Math.Min(value, yMax);
            double y;
            bool inside;
            if (Free(v + pad)) (y, inside) = (v + pad, false);
            else if (v - yMin >= height + 2 * pad && Free(v - pad - height)) (y, inside) = (v - pad - height, true);
            else
            {
                // Above the highest obstacle over the bar.
                var over = obstacles.Where(o => o.X2 >= x - halfWidth && o.X1 <= x + halfWidth && o.Y >= v).Select(o => o.Y).DefaultIfEmpty(v).Max();
                (y, inside) = (Math.Min(over + pad, yMax - height), false);
            }
            var label = plot.Add.Text(text, x, y);
            label.LabelFontSize = FontSize - 1;
            label.LabelAlignment = Alignment.LowerCenter;
            label.LabelFontColor = inside ? Of(T.ChartLabelInside) : Of(T.Text);
            placed.Add((x, y, inside));
            taken.Add((x - halfWidth, x + halfWidth, y, y + height));
        }
        return placed;
    }

    private static Plot NewPlot()
    {
        ReportFonts.RegisterWithScottPlot();
        return new Plot();
    }

    private static void AddLimit(Plot plot, double x1, double x2, double y)
    {
        var l = plot.Add.Line(x1, y, x2, y);
        l.LineColor = Limit;
        l.LineWidth = 2;
        l.LinePattern = LinePattern.Dashed;
    }

    private static void Legend(Plot plot, params (string Text, Color Colour, bool IsLine)[] items)
    {
        foreach (var (text, colour, isLine) in items)
        {
            plot.Legend.ManualItems.Add(isLine
                ? new LegendItem { LabelText = text, LineColor = colour, LineWidth = 2 }
                : new LegendItem { LabelText = text, FillColor = colour });
        }
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = FontSize;
    }

    private static Plot Finish(Plot plot)
    {
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Right.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.Label.FontSize = FontSize;
        plot.Axes.Right.Label.FontSize = FontSize;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        return plot;
    }
}
