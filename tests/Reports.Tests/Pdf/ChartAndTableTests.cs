using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Content;
using Analytics.Reports.Pdf.Layout;
using Analytics.Reports.Pdf.Model;
using ScottPlot;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Issue 15 item 3: value labels clear of lines, colour by verdict, rate axes end at 100, numbers whole in cells.</summary>
public class ChartAndTableTests
{
    [Fact]
    public void A_value_label_whose_place_a_limit_line_crosses_moves_inside_its_bar_and_never_overlaps_the_line()
    {
        var plot = new Plot();
        // Bar of 10 with a limit at 10.5: above the bar the label would sit on the line.
        var placed = ReportCharts.ValueLabels(plot, [(0, 10, "10.0"), (1, 3, "3.0")], 0, 20, 0.2, [(-0.45, 0.45, 10.5), (0.55, 1.45, 15)]);
        Assert.True(placed[0].Inside);
        Assert.True(placed[0].Y + 0.08 * 20 < 10.5, "the label stays under the line");
        Assert.False(placed[1].Inside);
        Assert.True(placed[1].Y > 3 && placed[1].Y + 0.08 * 20 < 15);
    }

    [Fact]
    public void A_short_bar_under_a_line_puts_its_label_above_the_line()
    {
        var plot = new Plot();
        var placed = ReportCharts.ValueLabels(plot, [(0, 0.5, "0.5")], 0, 20, 0.2, [(-0.45, 0.45, 1.0)]);
        Assert.False(placed[0].Inside);
        Assert.True(placed[0].Y > 1.0);
    }

    [Fact]
    public void The_rate_chart_ends_at_100_and_colours_bars_by_verdict_not_by_rank()
    {
        var plot = ReportCharts.RateByUnit([("甲", 0.99, 0.98, Tone.Good), ("乙", 0.97, 0.99, Tone.Normal), ("丙", 0.90, 0.91, Tone.Bad)]);
        plot.Axes.AutoScale(); // must not matter: limits were set explicitly
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().SelectMany(b => b.Bars).ToList();
        var first = bars.Single(b => Math.Abs(b.Position - (0 - 0.17)) < 1e-9);
        var third = bars.Single(b => Math.Abs(b.Position - (2 - 0.17)) < 1e-9);
        Assert.Equal(Theme.Default.Good.Green, first.FillColor.G);
        Assert.Equal(Theme.Default.Bad.Red, third.FillColor.R);
        Assert.NotEqual(first.FillColor, third.FillColor);
        var built = ReportCharts.RateByUnit([("甲", 1.0, 1.0, Tone.Good)]);
        Assert.Equal(100, built.Axes.GetLimits().Top, 6);
    }

    [Fact]
    public void A_number_never_breaks_inside_a_table_cell()
    {
        var doc = new ReportDocument
        {
            Title = "t",
            CreatedAt = new DateTime(2025, 1, 10),
            Body =
            [
                new TableBlock(
                    [new TableColumn("单位", 5.5f), new TableColumn("达标/应考核", 1.0f, TextAlign.Right), new TableColumn("率", 0.6f, TextAlign.Right)],
                    [TableRow.Of("国网临汾供电公司", "12,745/13,433", "100.0%")]),
            ],
        };
        var pdf = new PdfRenderer(Theme.Official).RenderToBytes(doc);
        using var read = PdfDocument.Open(pdf);
        var letters = read.GetPage(1).Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        foreach (var token in new[] { "12,745/13,433", "100.0%" })
        {
            var all = string.Concat(letters.Select(l => l.Value));
            var at = all.IndexOf(token, StringComparison.Ordinal);
            Assert.True(at >= 0, token);
            var baselines = letters.Skip(at).Take(token.Length).Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct().Count();
            Assert.Equal(1, baselines);
        }
    }

    [Fact]
    public void The_widest_unbreakable_run_is_the_number_not_the_whole_text()
    {
        float Advance(char c) => c > 0x2E80 ? 10 : 5;
        Assert.Equal(13 * 5, LineBreaker.WidestUnbreakable("达标12,745/13,433件", Advance));
        Assert.Equal(10, LineBreaker.WidestUnbreakable("国网临汾", Advance));
    }
}

public class NoteFigureTests
{
    [Fact]
    public void A_figure_in_the_utilitys_text_that_differs_from_the_computed_one_is_remarked()
    {
        var computed = new Analytics.Metrics.Volumes(Accepted: 3100, Connected: 2995, InProgress: 10, Withdrawn: 5);
        var remarks = NoteText.Mismatches("上半年完成装表接电2,988户，受理3100件。", computed);
        var remark = Assert.Single(remarks);
        Assert.Contains("装表接电2,988户", remark, StringComparison.Ordinal);
        Assert.Contains("2,995", remark, StringComparison.Ordinal);
        Assert.Empty(NoteText.Mismatches("完成装表接电2995户", computed));
        Assert.Empty(NoteText.Mismatches(null, computed));
    }
}
