using System.Globalization;

namespace Analytics.Reports.Common;

/// <summary>
/// Number and date formats every report uses, in one place: the Excel format codes (applied to
/// cells holding real numbers and dates, so a reader can still sort and sum) and the invariant
/// text forms used in titles and file names. Nothing here depends on the machine's locale.
/// </summary>
public static class ReportFormats
{
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

    /// <summary><c>2026-11-26</c>, invariant.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>2026-11-26 09:30</c>, invariant.</summary>
    public static string DateTime(DateTime instant) => instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>2026年11月26日</c>, for Chinese titles.</summary>
    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary><c>97.5%</c>, invariant; empty for a rate that does not exist.</summary>
    public static string Percent(decimal? rate) =>
        rate is null ? "" : (rate.Value * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A decimal with the given places, invariant.</summary>
    public static string Number(decimal value, int places = 2) =>
        value.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
