using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// Renders a ScottPlot chart straight onto a PDF page as vectors. The chart is drawn at
/// <see cref="Theme.ChartPixelsPerPoint"/> pixels a point (ScottPlot's default sizes are meant for screens),
/// translated and clipped to its box; ScottPlot must not clear the canvas, which on a PDF page would paint
/// over everything drawn before.
/// </summary>
/// <remarks>
/// A page is drawn with a subset of the report font holding only the document's characters, so before that the
/// chart is laid out once to learn which text it draws (its own tick numbers included).
/// ScottPlot's font settings are process-wide, so chart rendering is serialized by one lock.
/// </remarks>
internal static class ChartPainter
{
    private static readonly object Gate = new();

    /// <summary>
    /// Every piece of text the chart draws at this size: it is laid out once on a canvas that draws nothing (so
    /// ScottPlot generates its ticks), then the axes' titles and tick labels, the legend and the bar labels are read.
    /// Those are the only text the report's charts carry; printable ASCII is always in the subset besides.
    /// </summary>
    public static IReadOnlyList<string> TextOf(Plot plot, SKRect box, float pixelsPerPoint)
    {
        var (w, h) = Size(box, pixelsPerPoint);
        var texts = new List<string>();
        lock (Gate)
        {
            ReportFonts.UseForCharts(null);
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            using (var canvas = new SKNoDrawCanvas(w, h))
                plot.Render(canvas, w, h);
            foreach (var axis in plot.Axes.GetAxes())
            {
                texts.Add(axis.Label.Text);
                texts.AddRange(axis.TickGenerator.Ticks.Select(t => t.Label));
            }
            texts.Add(plot.Axes.Title.Label.Text);
            texts.AddRange(plot.Legend.ManualItems.Select(i => i.LabelText));
            texts.AddRange(plot.Legend.GetItems().Select(i => i.LabelText));
            foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
                texts.AddRange(bars.Bars.Select(b => b.Label));
            foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>())
                texts.Add(text.LabelText);
        }
        return texts.Where(t => !string.IsNullOrEmpty(t)).ToList();
    }

    /// <summary>Draws the chart into <paramref name="box"/> with <paramref name="typeface"/> (the document's font).</summary>
    public static void Paint(SKCanvas canvas, SKRect box, Plot plot, float pixelsPerPoint, SKTypeface typeface)
    {
        var (w, h) = Size(box, pixelsPerPoint);
        lock (Gate)
        {
            ReportFonts.UseForCharts(typeface);
            try
            {
                plot.RenderManager.ClearCanvasBeforeEachRender = false;
                canvas.Save();
                canvas.Translate(box.Left, box.Top);
                canvas.Scale(1 / pixelsPerPoint);
                canvas.ClipRect(new SKRect(0, 0, w, h));
                plot.Render(canvas, w, h);
                canvas.Restore();
            }
            finally
            {
                // The subset dies with its document: never leave ScottPlot holding it.
                ReportFonts.UseForCharts(null);
            }
        }
    }

    private static (int W, int H) Size(SKRect box, float pixelsPerPoint) =>
        ((int)Math.Round(box.Width * pixelsPerPoint), (int)Math.Round(box.Height * pixelsPerPoint));
}
