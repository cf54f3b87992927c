using ScottPlot;

namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// A ScottPlot chart drawn onto the page as vectors, full text-column width, <see cref="Height"/>
/// points tall, with an optional caption under it (图1 …). Moves to the next page whole.
/// </summary>
public sealed record ChartBlock(Plot Plot, float Height, string? Caption = null) : Block;
