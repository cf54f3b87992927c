using System.Globalization;
using Analytics.Reports.Pdf;

namespace Analytics.Reports;

/// <summary>
/// Every text form of a number, date or rate that an output prints, in one place: the machine forms of the JSON and CSV
/// exports (cli.md), the forms people read in the workbooks, PDFs, web pages and terminal tables, and the Excel format
/// codes of cells that hold real numbers and dates (so a reader can still sort and sum). Invariant culture always: an
/// output must never depend on the machine's locale. <see cref="None"/> (—) stands for a figure that does not exist,
/// never a made-up zero.
/// </summary>
public static class Formats
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>A figure that does not exist (no applications to count).</summary>
    public const string None = "—";

    // ---- Excel format codes ----

    /// <summary>Excel: a date, <c>2026-11-26</c>.</summary>
    public const string ExcelDate = "yyyy-mm-dd";
    /// <summary>Excel: a date and time to the minute, <c>2026-11-26 09:30</c>.</summary>
    public const string ExcelDateTime = "yyyy-mm-dd hh:mm";
    /// <summary>Excel: a whole count (days, applications, customers).</summary>
    public const string ExcelInteger = "#,##0";
    /// <summary>Excel: a rate shown as a percentage with one decimal, <c>97.5%</c>.</summary>
    public const string ExcelPercent = "0.0%";
    /// <summary>Excel: hours or days with two decimals.</summary>
    public const string ExcelDecimal2 = "#,##0.00";
    /// <summary>Excel: a decimal with one place (mean days).</summary>
    public const string ExcelDecimal1 = "#,##0.0";
    /// <summary>Excel: money in yuan.</summary>
    public const string ExcelYuan = "#,##0.00";

    // ---- dates ----

    /// <summary><c>2026-11-26</c> (exports, tables, titles, file names).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Ic);

    /// <summary><c>2026-11-26</c>; empty when there is no date (a model trained on nothing).</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>The date of an instant, <c>2026-11-26</c>.</summary>
    public static string Date(DateTime instant) => instant.ToString("yyyy-MM-dd", Ic);

    /// <summary>A date-time for people, to the minute: <c>2026-11-10 14:44</c>.</summary>
    public static string DateTime(DateTime instant) => instant.ToString("yyyy-MM-dd HH:mm", Ic);

    /// <summary>
    /// A date-time in the machine form of the exports: <c>2026-11-10T14:44:00</c> (ISO 8601, China local time, no offset —
    /// the form the templates accept back).
    /// </summary>
    public static string IsoDateTime(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ss", Ic);

    /// <summary><c>2026年11月26日</c>, for Chinese titles and cover pages.</summary>
    public static string ChineseDate(DateOnly date) => string.Create(Ic, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary><c>2026年11月26日</c>, for Chinese titles and cover pages.</summary>
    public static string ChineseDate(DateTime date) => string.Create(Ic, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>A time as an official writes it in evidence: <c>2024年1月11日 13:06</c>.</summary>
    public static string ChineseDateTime(DateTime t) => string.Create(Ic, $"{t.Year}年{t.Month}月{t.Day}日 {t:HH:mm}");

    // ---- numbers, exact (machine forms) ----

    /// <summary>A decimal exactly as held, invariant: <c>15.640</c> stays <c>15.640</c>.</summary>
    public static string Exact(decimal d) => d.ToString(Ic);

    /// <summary>An integer, invariant.</summary>
    public static string Exact(int i) => i.ToString(Ic);

    /// <summary>Shortest round-trip form of a double.</summary>
    public static string Exact(double d) => d.ToString("R", Ic);

    // ---- numbers for people ----

    /// <summary>A decimal with <paramref name="places"/> places: <c>1.20</c>.</summary>
    public static string Fixed(decimal value, int places = 2) => value.ToString("F" + places.ToString(Ic), Ic);

    /// <summary>A decimal in <paramref name="format"/> (default: as written, trailing zeros dropped: 5, 15.64); — when null.</summary>
    public static string Number(decimal? n, string format = "0.##") => n is { } v ? v.ToString(format, Ic) : None;

    /// <summary>A double in <paramref name="format"/> (default <c>0.##</c>); — when null.</summary>
    public static string Number(double? n, string format = "0.##") => n is { } v ? v.ToString(format, Ic) : None;

    /// <summary>An integer; — when null.</summary>
    public static string Number(int? n) => n is { } v ? v.ToString(Ic) : None;

    /// <summary>12,345.</summary>
    public static string Count(long n) => n.ToString("#,0", Ic);

    /// <summary>Working days with one decimal: 3.2; — when null.</summary>
    public static string Days(double? days) => days is { } d ? d.ToString("0.0", Ic) : None;

    /// <summary>Hours with two decimals: 1.23; — when null.</summary>
    public static string Hours(decimal? h) => h is { } v ? v.ToString("0.00", Ic) : None;

    // ---- rates ----

    /// <summary>A share as a percentage with one decimal: 87.5%; — when null.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", Ic) + "%" : None;

    /// <summary>A decimal rate as a percentage with one decimal: 87.5% (computed in decimal, so 0.0125 is 1.3%).</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.0", Ic) + "%";

    /// <summary>A share as the terminal tables print it (invariant <c>P1</c>): <c>87.5 %</c>; — when null.</summary>
    public static string PercentSpaced(double? share) => share is { } r ? r.ToString("P1", Ic) : None;

    /// <summary>A probability as a whole percentage (invariant <c>P0</c>): <c>87 %</c>.</summary>
    public static string PercentWhole(double share) => share.ToString("P0", Ic);

    // ---- changes ----

    /// <summary>
    /// The change of a share in percentage points: "+2.1个百分点", "−0.4个百分点", "持平"; "—" when either side is missing.
    /// </summary>
    public static string PointsChange(double? now, double? before)
    {
        if (now is not { } a || before is not { } b) return None;
        return Signed((a - b) * 100, "个百分点");
    }

    /// <summary>The relative change of a count or a duration: "+12.3%", "−4.0%", "持平"; "—" without a base.</summary>
    public static string RelativeChange(double? now, double? before) =>
        now is not { } a || before is not { } b || b == 0 ? None : RelativeChange((a - b) / b);

    /// <summary>A relative change already computed as a fraction (e.g. a reliability entry's 同比): "+12.3%", "−4.0%", "持平"; "—" when null.</summary>
    public static string RelativeChange(double? fraction) => fraction is { } f ? Signed(f * 100, "%") : None;

    /// <summary>The change of a duration in working days: "+0.4天", "−1.2天", "持平"; "—" when either side is missing.</summary>
    public static string DaysChange(double? now, double? before)
    {
        if (now is not { } a || before is not { } b) return None;
        return Signed(a - b, "天");
    }

    /// <summary>Whether a change is good, bad or neutral for a figure where <paramref name="higherIsBetter"/> says which way is good.</summary>
    public static Tone ChangeTone(double? now, double? before, bool higherIsBetter)
    {
        if (now is not { } a || before is not { } b || Math.Abs(a - b) < 1e-9) return Tone.Normal;
        return (a > b) == higherIsBetter ? Tone.Good : Tone.Bad;
    }

    private static string Signed(double d, string unit) =>
        Math.Abs(d) < 0.05 ? "持平" : (d > 0 ? "+" : "−") + Math.Abs(d).ToString("0.0", Ic) + unit;
}
