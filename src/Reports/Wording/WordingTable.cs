using Analytics.Domain;

namespace Analytics.Reports.Wording;

/// <summary>
/// The code → Chinese label table of the evidence words that are not enum labels (<c>Codes.Label</c>): the process
/// times (fields of <see cref="ApplicationFields"/>) by their template names, and the fixed words evidence sentences are built from.
/// </summary>
public static class WordingTable
{
    /// <summary>A value that was left blank.</summary>
    public const string NotFiled = "未填报";

    /// <summary>A span with neither end recorded.</summary>
    public const string NoSpan = "无";

    /// <summary>A process time removed by a later revision.</summary>
    public const string Removed = "空";

    private static readonly Dictionary<ApplicationField, string> ProcessTimeLabels = new()
    {
        [ApplicationFields.AcceptedAt] = "申请受理时间",
        [ApplicationFields.PlanRepliedAt] = "供电方案答复时间",
        [ApplicationFields.DesignReviewStart] = "设计审查开始时间",
        [ApplicationFields.DesignReviewEnd] = "设计审查完成时间",
        [ApplicationFields.CustomerWorksStart] = "客户工程开始时间",
        [ApplicationFields.CustomerWorksEnd] = "客户工程完成时间",
        [ApplicationFields.MidCheckStart] = "中间检查开始时间",
        [ApplicationFields.MidCheckEnd] = "中间检查完成时间",
        [ApplicationFields.ExternalWorksStart] = "外部工程开始时间",
        [ApplicationFields.ExternalWorksEnd] = "外部工程完成时间",
        [ApplicationFields.ApprovalSubmittedAt] = "行政审批申请时间",
        [ApplicationFields.ApprovalGrantedAt] = "行政审批办结时间",
        [ApplicationFields.CompletionCheckStart] = "竣工检验开始时间",
        [ApplicationFields.CompletionCheckEnd] = "竣工检验完成时间",
        [ApplicationFields.ConnectedAt] = "装表接电时间",
    };

    /// <summary>
    /// The Chinese name of a process time as evidence says it (申请受理时间, 设计审查开始时间 …: the template header, with
    /// 时间 where the header leaves it out); the field's header for any other field.
    /// </summary>
    public static string Label(ApplicationField time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ProcessTimeLabels.TryGetValue(time, out var label) ? label : time.Header;
    }

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
