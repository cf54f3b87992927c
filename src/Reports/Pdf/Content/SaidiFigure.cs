using Analytics.Domain;

namespace Analytics.Reports.Pdf.Content;

/// <summary>SAIDI of one area class this year to date and the same period last year, and its 目标5 limit.</summary>
internal sealed record SaidiFigure(Area Area, decimal? Saidi, decimal? SaidiLastYear, decimal? Limit);
