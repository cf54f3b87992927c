namespace Analytics.Reports.Common;

/// <summary>
/// Chinese words reports print that are not enum labels (those come from <c>Codes.Label</c>) nor
/// registry names: yes/no, met/not met, and the titles of the plan's twelve tasks
/// (临能源电力发〔2021〕189号 三、主要任务 1–12), which the weekly ledger's 工作进展 sheet lists.
/// </summary>
public static class ReportLabels
{
    public const string Yes = "是";
    public const string No = "否";
    public const string Met = "达标";
    public const string NotMet = "未达标";
    public const string NotApplicable = "—";
    public const string NoData = "无数据";

    /// <summary>是 / 否.</summary>
    public static string YesNo(bool value) => value ? Yes : No;

    /// <summary>
    /// A finding code as a person reads it: an integrity rule or a ledger rule by its Chinese name with the code beside
    /// it (改写（rewritten）), a target by its number and title (T7 低压接入…); anything else as it is. CSV and JSON keep codes.
    /// </summary>
    public static string FindingCode(string code, Analytics.Domain.Policy.Policy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Analytics.Metrics.FindingRules.TryParse(code, out var rule)) return $"{Analytics.Metrics.FindingRules.Label(rule)}（{code}）";
        if (code == Analytics.Metrics.FindingRules.Code(Analytics.Metrics.FindingRule.DataGap)) return $"{Analytics.Metrics.FindingRules.Label(Analytics.Metrics.FindingRule.DataGap)}（{code}）";
        if (code == "notice") return "停电通知（notice）";
        if (code == "calendar") return "工作日历（calendar）";
        var target = policy?.Targets.FirstOrDefault(t => string.Equals(t.Id, code, StringComparison.Ordinal));
        return target is null ? code : $"{code} {target.Title}";
    }

    /// <summary>达标 / 未达标 / — (nothing to judge).</summary>
    public static string MetOrNot(bool? met) => met switch
    {
        true => Met,
        false => NotMet,
        null => NotApplicable,
    };
}
