using System.Globalization;

namespace Analytics.Domain;

/// <summary>A half year, e.g. 2022H1 = [2022-01-01, 2022-06-30].</summary>
public readonly record struct HalfYear(int Year, int Half)
{
    public DateOnly First => new(Year, Half == 1 ? 1 : 7, 1);
    public DateOnly Last => Half == 1 ? new(Year, 6, 30) : new(Year, 12, 31);
    public HalfYear Previous => Half == 1 ? new(Year - 1, 2) : new(Year, 1);
    public HalfYear SameHalfLastYear => new(Year - 1, Half);

    /// <summary>Chinese label, e.g. 2022年上半年.</summary>
    public string ChineseLabel => string.Create(CultureInfo.InvariantCulture, $"{Year}年{(Half == 1 ? "上" : "下")}半年");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}H{Half}");

    /// <summary>Parses <c>2022H1</c>, <c>2022h2</c>, <c>2022年上半年</c>, <c>2022年下半年</c>.</summary>
    public static bool TryParse(string? text, out HalfYear half)
    {
        half = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Length == 6 && (t[4] == 'H' || t[4] == 'h')
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && (t[5] == '1' || t[5] == '2'))
        {
            half = new HalfYear(y, t[5] - '0');
            return true;
        }
        if (t.Length == 8 && t[4] == '年' && t.EndsWith("半年", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out y)
            && (t[5] == '上' || t[5] == '下'))
        {
            half = new HalfYear(y, t[5] == '上' ? 1 : 2);
            return true;
        }
        return false;
    }
}
