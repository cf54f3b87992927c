using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// Renders a ScottPlot chart straight onto a PDF page as vectors. The chart is drawn at
/// <see cref="Theme.ChartPixelsPerPoint"/> pixels a point (ScottPlot's default sizes are meant for
/// screens), translated and clipped to its box; ScottPlot must not clear the canvas, which on a PDF
/// page would paint over everything drawn before.
/// </summary>
internal static class ChartPainter
{
    public static void Paint(SKCanvas canvas, SKRect box, Plot plot, float pixelsPerPoint)
    {
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        var w = (int)Math.Round(box.Width * pixelsPerPoint);
        var h = (int)Math.Round(box.Height * pixelsPerPoint);
        canvas.Save();
        canvas.Translate(box.Left, box.Top);
        canvas.Scale(1 / pixelsPerPoint);
        canvas.ClipRect(new SKRect(0, 0, w, h));
        plot.Render(canvas, w, h);
        canvas.Restore();
    }
}
