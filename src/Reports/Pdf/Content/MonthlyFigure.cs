namespace Analytics.Reports.Pdf.Content;

/// <summary>One month of a half: applications accepted and the online share (metrics.md §6, 任务5).</summary>
internal sealed record MonthlyFigure(string Label, int Accepted, double? OnlineShare);
