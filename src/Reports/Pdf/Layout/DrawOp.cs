using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Pdf.Layout;

/// <summary>
/// One positioned drawing instruction of a laid-out page, in points from the page's top-left corner.
/// Layout produces them; <see cref="PdfRenderer"/> only draws them, so the page count is known
/// before anything is drawn.
/// </summary>
internal abstract record DrawOp;

/// <summary>Text from <see cref="X"/> (left edge) on <see cref="Baseline"/>, in <see cref="Face"/>.</summary>
internal sealed record TextOp(float X, float Baseline, string Text, float Size, bool Bold, SKColor Colour, FontFace Face = FontFace.Sans) : DrawOp;

/// <summary>A filled and/or stroked rectangle.</summary>
internal sealed record RectOp(SKRect Rect, SKColor? Fill, SKColor? Stroke, float StrokeWidth = 0.5f) : DrawOp;

/// <summary>A straight line, solid or dashed.</summary>
internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Colour, float Width = 0.5f, bool Dashed = false) : DrawOp;

/// <summary>A circle outline (the seal's place on the cover).</summary>
internal sealed record CircleOp(float Cx, float Cy, float Radius, SKColor Colour, bool Dashed) : DrawOp;

/// <summary>A chart rendered by ScottPlot into <see cref="Rect"/>.</summary>
internal sealed record ChartOp(SKRect Rect, Plot Plot) : DrawOp;
