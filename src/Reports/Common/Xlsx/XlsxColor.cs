using System.Globalization;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>An opaque RGB colour of a cell fill, written as the ARGB hex Excel stores (<c>FFDDE5F0</c>).</summary>
public readonly record struct XlsxColor(byte R, byte G, byte B)
{
    /// <summary>Opaque colour from its red, green and blue parts.</summary>
    public static XlsxColor FromArgb(byte r, byte g, byte b) => new(r, g, b);

    /// <summary><c>FFRRGGBB</c>, as in <c>&lt;fgColor rgb="…"/&gt;</c>.</summary>
    public string ToArgbHex() => string.Create(CultureInfo.InvariantCulture, $"FF{R:X2}{G:X2}{B:X2}");
}
