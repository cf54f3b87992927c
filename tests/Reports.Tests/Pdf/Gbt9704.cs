namespace Analytics.Reports.Tests.Pdf;

/// <summary>
/// The page geometry of GB/T 9704-2012 in PDF points, as the self-check tests measure it: A4, 天头 37 mm, 订口 28 mm,
/// 版心 156 × 225 mm (PDF y grows upwards).
/// </summary>
internal static class Gbt9704
{
    public const double Mm = 72 / 25.4;
    public const double PageWidth = 210 * Mm;
    public const double PageHeight = 297 * Mm;
    public const double CoreLeft = 28 * Mm;
    public const double CoreRight = (28 + 156) * Mm;
    public const double CoreTop = PageHeight - 37 * Mm;
    public const double CoreBottom = PageHeight - (37 + 225) * Mm;
}
