using Analytics.Metrics;

namespace Analytics.Reports.Wording;

/// <summary>
/// The code → Chinese label table of the evidence words that are not enum labels (<c>Codes.Label</c>): the process
/// times by the template's column headers, and the fixed words evidence sentences are built from.
/// </summary>
public static class WordingTable
{
    /// <summary>A value that was left blank.</summary>
    public const string NotFiled = "未填报";

    /// <summary>A span with neither end recorded.</summary>
    public const string NoSpan = "无";

    /// <summary>A process time removed by a later revision.</summary>
    public const string Removed = "空";

    /// <summary>The Chinese name of a process time, as the template's column header (申请受理时间 …).</summary>
    public static string Label(ProcessTime time) => time switch
    {
        ProcessTime.AcceptedAt => "申请受理时间",
        ProcessTime.PlanRepliedAt => "供电方案答复时间",
        ProcessTime.DesignReviewStart => "设计审查开始时间",
        ProcessTime.DesignReviewEnd => "设计审查完成时间",
        ProcessTime.CustomerWorksStart => "客户工程开始时间",
        ProcessTime.CustomerWorksEnd => "客户工程完成时间",
        ProcessTime.MidCheckStart => "中间检查开始时间",
        ProcessTime.MidCheckEnd => "中间检查完成时间",
        ProcessTime.ExternalWorksStart => "外部工程开始时间",
        ProcessTime.ExternalWorksEnd => "外部工程完成时间",
        ProcessTime.ApprovalSubmittedAt => "行政审批申请时间",
        ProcessTime.ApprovalGrantedAt => "行政审批办结时间",
        ProcessTime.CompletionCheckStart => "竣工检验开始时间",
        ProcessTime.CompletionCheckEnd => "竣工检验完成时间",
        ProcessTime.ConnectedAt => "装表接电时间",
        _ => time.ToString(),
    };

    /// <summary>The field a data gap of a target of <paramref name="kind"/> leaves blank (用户投资, 收费金额 …).</summary>
    public static string BlankField(Analytics.Domain.Policy.TargetKind kind, bool feeBlank, bool investmentBlank) => kind switch
    {
        Analytics.Domain.Policy.TargetKind.ZeroInvestment => "用户投资",
        Analytics.Domain.Policy.TargetKind.ZeroCost =>
            string.Join("、", new[] { feeBlank ? "收费金额" : null, investmentBlank ? "用户投资" : null }.OfType<string>()),
        Analytics.Domain.Policy.TargetKind.Materials => "申请资料",
        _ => "相关字段",
    };

    /// <summary>低压 / 高压, the side of the materials rule.</summary>
    public static string VoltageSide(Analytics.Domain.Voltage voltage) => voltage == Analytics.Domain.Voltage.Lv ? "低压" : "高压";
}
