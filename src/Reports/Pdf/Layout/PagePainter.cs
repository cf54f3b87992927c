using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>Draws laid-out <see cref="DrawOp"/>s onto a Skia canvas (a PDF page).</summary>
internal sealed class PagePainter : IDisposable
{
    private readonly TextMeasurer _measurer;
    private readonly float _chartPixelsPerPoint;
    private readonly SKTypeface _typeface;
    private readonly SKPaint _fill = new() { Style = SKPaintStyle.Fill, IsAntialias = true };
    private readonly SKPaint _stroke = new() { Style = SKPaintStyle.Stroke, IsAntialias = true };
    private readonly SKPathEffect _dash = SKPathEffect.CreateDash([3f, 2.5f], 0);

    /// <param name="measurer">Fonts of the typeface the page is drawn with (the document's subset).</param>
    /// <param name="chartPixelsPerPoint">Scale of the charts (<see cref="Theme.ChartPixelsPerPoint"/>).</param>
    /// <param name="typeface">The same typeface, for the charts.</param>
    public PagePainter(TextMeasurer measurer, float chartPixelsPerPoint, SKTypeface typeface)
    {
        _measurer = measurer;
        _chartPixelsPerPoint = chartPixelsPerPoint;
        _typeface = typeface;
    }

    public void Paint(SKCanvas canvas, IReadOnlyList<DrawOp> ops)
    {
        foreach (var op in ops)
        {
            switch (op)
            {
                case TextOp t:
                    Text(canvas, t.X, t.Baseline, t.Text, t.Size, t.Bold, t.Colour, t.Face);
                    break;
                case RectOp r:
                    if (r.Fill is { } fill)
                    {
                        _fill.Color = fill;
                        canvas.DrawRect(r.Rect, _fill);
                    }
                    if (r.Stroke is { } stroke)
                    {
                        _stroke.Color = stroke;
                        _stroke.StrokeWidth = r.StrokeWidth;
                        _stroke.PathEffect = null;
                        canvas.DrawRect(r.Rect, _stroke);
                    }
                    break;
                case LineOp l:
                    Line(canvas, l.X1, l.Y1, l.X2, l.Y2, l.Colour, l.Width, l.Dashed);
                    break;
                case CircleOp c:
                    _stroke.Color = c.Colour;
                    _stroke.StrokeWidth = 0.8f;
                    _stroke.PathEffect = c.Dashed ? _dash : null;
                    canvas.DrawCircle(c.Cx, c.Cy, c.Radius, _stroke);
                    _stroke.PathEffect = null;
                    break;
                case ChartOp c:
                    ChartPainter.Paint(canvas, c.Rect, c.Plot, _chartPixelsPerPoint, _typeface);
                    break;
                default:
                    throw new NotSupportedException($"Cannot paint {op.GetType().Name}.");
            }
        }
    }

    /// <summary>Draws <paramref name="text"/> in <paramref name="face"/>, the characters the face lacks in Sans.</summary>
    public void Text(SKCanvas canvas, float x, float baseline, string text, float size, bool bold, SKColor colour, FontFace face = FontFace.Sans)
    {
        _fill.Color = colour;
        var start = 0;
        while (start < text.Length)
        {
            var runFace = _measurer.FaceFor(face, text[start]);
            var end = start + 1;
            while (end < text.Length && _measurer.FaceFor(face, text[end]) == runFace) end++;
            var run = text[start..end];
            canvas.DrawText(run, x, baseline, SKTextAlign.Left, _measurer.Font(size, bold, runFace), _fill);
            x += _measurer.Width(run, size, runFace);
            start = end;
        }
    }

    public float Width(string text, float size, FontFace face = FontFace.Sans) => _measurer.Width(text, size, face);

    public void Line(SKCanvas canvas, float x1, float y1, float x2, float y2, SKColor colour, float width, bool dashed = false)
    {
        _stroke.Color = colour;
        _stroke.StrokeWidth = width;
        _stroke.PathEffect = dashed ? _dash : null;
        canvas.DrawLine(x1, y1, x2, y2, _stroke);
        _stroke.PathEffect = null;
    }

    public void Dispose()
    {
        _fill.Dispose();
        _stroke.Dispose();
        _dash.Dispose();
    }
}
