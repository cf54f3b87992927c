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
        if (Oversight(code) is { } o) return $"{o}（{code}）";
        var target = policy?.Targets.FirstOrDefault(t => string.Equals(t.Id, code, StringComparison.Ordinal));
        return target is null ? code : $"{code} {target.Title}";
    }

    /// <summary>
    /// The Chinese name of an oversight code (issue 16): a field discrepancy, an overdue rectification item, a stratum's
    /// discrepancy rate, or a forensics test (cli.md §6); null for any other code.
    /// </summary>
    public static string? Oversight(string code) => code switch
    {
        "field_discrepancy" => "现场核查不一致",
        "rectification_overdue" => "整改逾期",
        "spotcheck_rate" => "抽查不一致率",
        "bunching" => "时限日堆积",
        "non_working_day" => "非工作日操作",
        "off_hours" => "非工作时间操作",
        "identical_durations" => "整日时长",
        "deadline_burst" => "报送前突击录入",
        "pause_to_limit" => "暂停压线",
        _ => null,
    };

    /// <summary>待整改 / 整改中 / 已销号.</summary>
    public static string RectificationStatus(Analytics.Domain.Storage.RectificationStatus status) => status switch
    {
        Analytics.Domain.Storage.RectificationStatus.Open => "待整改",
        Analytics.Domain.Storage.RectificationStatus.InProgress => "整改中",
        Analytics.Domain.Storage.RectificationStatus.Closed => "已销号",
        _ => NotApplicable,
    };

    /// <summary>达标 / 未达标 / — (nothing to judge).</summary>
    public static string MetOrNot(bool? met) => met switch
    {
        true => Met,
        false => NotMet,
        null => NotApplicable,
    };
}
