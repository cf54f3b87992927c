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
                    Label = s == 0 ? mean.ToString("0.0", CultureInfo.InvariantCulture) : "",
                });
                top = Math.Max(top, mean);
            }
            if (def.LimitOn(MetricsPeriod.Half(m.Half).To) is { } limit)
            {
                AddLimit(plot, i - 0.45, i + 0.45, (double)limit);
                top = Math.Max(top, (double)limit);
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = FontSize - 1;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories.Select(PdfWording.ShortLabel)]);
        plot.Axes.Left.Label.Text = "平均用时（工作日）";
        plot.Axes.SetLimitsY(0, top * 1.3);
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
            Label = ReportFormat.Count(m.Accepted),
        }).ToList();
        var b = plot.Add.Bars(bars);
        b.ValueLabelStyle.FontSize = FontSize - 1;
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
        var top = 1.0;
        for (var i = 0; i < areas.Count; i++)
        {
            var a = areas[i];
            if (a.Saidi is { } now)
            {
                bars.Add(new Bar { Position = i - 0.17, Value = (double)now, FillColor = Current, Size = 0.32, LineWidth = 0, Label = ReportFormat.Hours(now) });
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
                top = Math.Max(top, (double)limit);
            }
        }
        var b = plot.Add.Bars(bars);
        b.ValueLabelStyle.FontSize = FontSize - 1;
        plot.Axes.Bottom.SetTicks([.. areas.Select((_, i) => (double)i)], [.. areas.Select(a => Codes.Label(a.Area))]);
        plot.Axes.Left.Label.Text = "用户年均停电时间（小时）";
        plot.Axes.SetLimitsY(0, top * 1.3);
        plot.Axes.SetLimitsX(-0.6, Math.Max(areas.Count, 1) - 0.4);
        Legend(plot, ("本年累计", Current, false), ("去年同期", LastYear, false), ("目标限值", Limit, true));
        return Finish(plot);
    }

    /// <summary>综合达标率 of each unit this half (bars, %) beside last half, in ranking order.</summary>
    public static Plot RateByUnit(IReadOnlyList<(string Name, double? Now, double? Before)> units)
    {
        var plot = NewPlot();
        var bars = new List<Bar>();
        var low = 100.0;
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Now is { } now)
            {
                bars.Add(new Bar { Position = i - 0.17, Value = now * 100, FillColor = Current, Size = 0.32, LineWidth = 0, Label = (now * 100).ToString("0.0", CultureInfo.InvariantCulture) });
                low = Math.Min(low, now * 100);
            }
            if (units[i].Before is { } before)
            {
                bars.Add(new Bar { Position = i + 0.17, Value = before * 100, FillColor = Previous, Size = 0.32, LineWidth = 0 });
                low = Math.Min(low, before * 100);
            }
        }
        var b = plot.Add.Bars(bars);
        b.ValueLabelStyle.FontSize = FontSize - 2;
        plot.Axes.Bottom.SetTicks([.. units.Select((_, i) => (double)i)], [.. units.Select(u => u.Name)]);
        plot.Axes.Left.Label.Text = "综合达标率（%）";
        // Rates sit close to 100 %: start the axis near the lowest so differences show, and say so in the caption.
        var floor = Math.Max(0, Math.Floor((low - 5) / 5) * 5);
        plot.Axes.SetLimitsY(floor, 100 + (100 - floor) * 0.25);
        plot.Axes.SetLimitsX(-0.6, Math.Max(units.Count, 1) - 0.4);
        Legend(plot, ("本期", Current, false), ("上期", Previous, false));
        return Finish(plot);
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
