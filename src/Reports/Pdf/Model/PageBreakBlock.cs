namespace Analytics.Reports.Pdf.Model;

/// <summary>Starts a new page unless the current one is still empty.</summary>
public sealed record PageBreakBlock : Block;
