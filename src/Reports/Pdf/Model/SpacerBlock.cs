namespace Analytics.Reports.Pdf.Model;

/// <summary>Vertical space in points (dropped at the top of a page).</summary>
public sealed record SpacerBlock(float Height) : Block;
