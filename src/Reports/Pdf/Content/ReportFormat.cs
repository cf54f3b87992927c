using System.Globalization;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// How the PDF reports print numbers: invariant culture always (a report must not depend on the machine's
/// locale), "—" for a figure that does not exist (no applications to count), never a made-up zero.
/// </summary>
internal static class ReportFormat
{
    public const string None = "—";
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>87.5% (one decimal).</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Ic) + "%" : None;

    /// <summary>3.2 (working days, one decimal).</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.0", Ic) : None;

    /// <summary>12,345.</summary>
    public static string Count(long n) => n.ToString("#,0", Ic);

    /// <summary>A decimal as written, trailing zeros dropped: 5, 15.64.</summary>
    public static string Number(decimal? n) => n is { } v ? v.ToString("0.##", Ic) : None;

    /// <summary>Hours with two decimals: 1.23.</summary>
    public static string Hours(decimal? h) => h is { } v ? v.ToString("0.00", Ic) : None;

    /// <summary>2025-01-10.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Ic);

    /// <summary>2025-01-10.</summary>
    public static string Date(DateTime d) => d.ToString("yyyy-MM-dd", Ic);

    /// <summary>2025年1月10日 (cover pages).</summary>
    public static string ChineseDate(DateTime d) => string.Create(Ic, $"{d.Year}年{d.Month}月{d.Day}日");

    /// <summary>
    /// The change of a share in percentage points: "+2.1个百分点", "−0.4个百分点", "持平"; "—" when either side is missing.
    /// </summary>
    public static string PointsChange(double? now, double? before)
    {
        if (now is not { } a || before is not { } b) return None;
        var d = (a - b) * 100;
        if (Math.Abs(d) < 0.05) return "持平";
        return (d > 0 ? "+" : "−") + Math.Abs(d).ToString("0.0", Ic) + "个百分点";
    }

    /// <summary>The relative change of a count or a duration: "+12.3%", "−4.0%", "持平"; "—" without a base.</summary>
    public static string RelativeChange(double? now, double? before) =>
        now is not { } a || before is not { } b || b == 0 ? None : RelativeChange((a - b) / b);

    /// <summary>A relative change already computed as a fraction (e.g. a reliability entry's 同比): "+12.3%", "−4.0%", "持平"; "—" when null.</summary>
    public static string RelativeChange(double? fraction)
    {
        if (fraction is not { } f) return None;
        var d = f * 100;
        if (Math.Abs(d) < 0.05) return "持平";
        return (d > 0 ? "+" : "−") + Math.Abs(d).ToString("0.0", Ic) + "%";
    }

    /// <summary>The change of a duration in working days: "+0.4天", "−1.2天", "持平"; "—" when either side is missing.</summary>
    public static string DaysChange(double? now, double? before)
    {
        if (now is not { } a || before is not { } b) return None;
        var d = a - b;
        if (Math.Abs(d) < 0.05) return "持平";
        return (d > 0 ? "+" : "−") + Math.Abs(d).ToString("0.0", Ic) + "天";
    }

    /// <summary>Whether a change is good, bad or neutral for a figure where <paramref name="higherIsBetter"/> says which way is good.</summary>
    public static Tone ChangeTone(double? now, double? before, bool higherIsBetter)
    {
        if (now is not { } a || before is not { } b || Math.Abs(a - b) < 1e-9) return Tone.Normal;
        return (a > b) == higherIsBetter ? Tone.Good : Tone.Bad;
    }
}
