using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Risk;

namespace Analytics.Reports.Wording;

/// <summary>
/// The one code → Chinese label table of every output people read (ledgers, PDFs, web pages, terminal tables, the label
/// and evidence columns of the findings exports), in sections: findings and verdicts (integrity rules, reliability
/// statuses, oversight codes, rectification statuses, risk methods), general report words, the words of evidence
/// sentences (<see cref="EvidenceText"/>), and the PDF reports' headings and fixed sentences. Enum labels of the
/// application data (areas, categories, stages …) are <c>Codes.Label</c> in Domain, next to their codes; registry
/// names come from the registries. Machine-readable outputs (JSON/CSV codes) never go through this table.
/// </summary>
public static class WordingTable
{
    // ---- findings and verdicts ----

    /// <summary>The Chinese name of an integrity rule (时序异常 …) or of a data gap (数据缺项).</summary>
    public static string Rule(FindingRule rule) => rule switch
    {
        FindingRule.OutOfOrder => "时序异常",
        FindingRule.EnteredLate => "体外循环",
        FindingRule.BackFilled => "后补流程",
        FindingRule.Rewritten => "改写",
        FindingRule.Rewalked => "重走流程",
        FindingRule.DataGap => "数据缺项",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No label for this rule."),
    };

    /// <summary>The 目标5 verdict people read: 达标 / 未达标 / 进度正常 / 存在风险 / 已无法达标; — for none.</summary>
    public static string Status(ReliabilityStatus status) => status switch
    {
        ReliabilityStatus.Met => Met,
        ReliabilityStatus.NotMet => NotMet,
        ReliabilityStatus.OnTrack => "进度正常",
        ReliabilityStatus.AtRisk => "存在风险",
        ReliabilityStatus.Breached => "已无法达标",
        _ => NotApplicable,
    };

    /// <summary>
    /// The label of a finding row: the rule's Chinese name, the breached target's title, or the oversight code's name
    /// (现场核查不一致 …); the code itself for anything else.
    /// </summary>
    public static string FindingLabel(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Rule is { } rule) return Rule(rule);
        if (finding.TargetTitle is { } title) return title;
        return Oversight(finding.Code) ?? finding.Code;
    }

    /// <summary>
    /// A finding code as a person reads it: an integrity rule or a ledger rule by its Chinese name with the code beside
    /// it (改写（rewritten）), a target by its number and title (T7 低压接入…); anything else as it is. CSV and JSON keep codes.
    /// </summary>
    public static string FindingCode(string code, Analytics.Domain.Policy.Policy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (FindingRules.TryParse(code, out var rule)) return $"{Rule(rule)}（{code}）";
        if (code == FindingRules.Code(FindingRule.DataGap)) return $"{Rule(FindingRule.DataGap)}（{code}）";
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
    public static string? Oversight(string code) => OversightLabels.TryGetValue(code, out var label) ? label : null;

    /// <summary>The oversight codes <see cref="Oversight"/> names.</summary>
    public static IReadOnlyCollection<string> OversightCodes => OversightLabels.Keys;

    private static readonly Dictionary<string, string> OversightLabels = new(StringComparer.Ordinal)
    {
        ["field_discrepancy"] = "现场核查不一致",
        ["rectification_overdue"] = "整改逾期",
        ["spotcheck_rate"] = "抽查不一致率",
        ["bunching"] = "时限日堆积",
        ["non_working_day"] = "非工作日操作",
        ["off_hours"] = "非工作时间操作",
        ["identical_durations"] = "整日时长",
        ["deadline_burst"] = "报送前突击录入",
        ["pause_to_limit"] = "暂停压线",
    };

    /// <summary>待整改 / 整改中 / 已销号.</summary>
    public static string RectificationStatus(RectificationStatus status) => status switch
    {
        Analytics.Domain.Storage.RectificationStatus.Open => "待整改",
        Analytics.Domain.Storage.RectificationStatus.InProgress => "整改中",
        Analytics.Domain.Storage.RectificationStatus.Closed => "已销号",
        _ => NotApplicable,
    };

    /// <summary>What a risk prediction rests on: 模型 / 基线 / 已计天数.</summary>
    public static string RiskMethod(RiskMethod method) => method switch
    {
        Analytics.Risk.RiskMethod.Model => "模型",
        Analytics.Risk.RiskMethod.Baseline => "基线",
        _ => "已计天数",
    };

    // ---- general report words: yes/no, met/not met ----

    public const string Yes = "是";
    public const string No = "否";
    public const string Met = "达标";
    public const string NotMet = "未达标";
    public const string NotApplicable = "—";
    public const string NoData = "无数据";

    /// <summary>是 / 否.</summary>
    public static string YesNo(bool value) => value ? Yes : No;

    /// <summary>达标 / 未达标 / — (nothing to judge).</summary>
    public static string MetOrNot(bool? met) => met switch
    {
        true => Met,
        false => NotMet,
        null => NotApplicable,
    };

    // ---- evidence words: the process times by their template names, and the fixed words of evidence sentences ----

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
    public static string VoltageSide(Voltage voltage) => voltage == Voltage.Lv ? "低压" : "高压";

    // ---- PDF reports (semiannual report, circular): section headings (四、2), column headings, fixed sentences ----

    public const string Progress = "一、实施进度";
    public const string Results = "二、工作成效";
    public const string Problems = "三、存在问题";
    public const string Measures = "四、解决措施";
    public const string Appendix = "附件：不达标及数据异常工单清单";

    public const string CircularRanking = "三、排名情况";
    public const string CircularProblems = "四、存在问题";
    public const string CircularRequirements = "五、工作要求";
    public const string CircularAppendix = "附件：各供电企业半年报文字材料报送情况";

    public const string NothingToCount = "无适用工单";
    public const string NotInForce = "未生效";
    public const string NotProvided = "未提供";
    public const string NoOutages = "本期无停电事件记录";
    public const string NoOutageData = "未报送停电数据：本年至今无停电事件记录，无法计算用户年均停电时间，目标5不作结论。";
    public const string NoApplications = "本期无用电报装工单记录";
    public const string NoProblems = "本期未发现目标未达标或数据真实性问题。";

    public const string ReportingTo = "临汾市能源局";
    public const string SignatureHead = "单位负责人（签字）";
    public const string SignatureFiler = "填报人（签字）";
    public const string SignaturePhone = "联系电话";
    public const string SignatureDate = "报送日期";
    public const string SealUtility = "报送单位（盖章）";
    public const string SealBureau = "发文单位（盖章）";

    /// <summary>A category's name short enough for a chart axis: 居民, 低压三零, 低压非三零, 高压单电源, 高压双电源.</summary>
    public static string ShortLabel(Category category) => category switch
    {
        Analytics.Domain.Category.Residential => "居民",
        Analytics.Domain.Category.LvThreeZero => "低压三零",
        Analytics.Domain.Category.LvOther => "低压非三零",
        Analytics.Domain.Category.HvSingle => "高压单电源",
        Analytics.Domain.Category.HvDual => "高压双电源",
        _ => Analytics.Domain.Codes.Label(category),
    };

    /// <summary>How 三、存在问题 ranks, printed under the ranking (the weights are <see cref="Analytics.Reports.Pdf.Content.ProblemSeverity"/>).</summary>
    public const string ProblemRankingRule =
        "排序方法：权重 = 件数 × 严重程度，按权重由高到低排列（权重相同按件数）。严重程度：3 = 违规收费或用户投资（任务9、目标4）及体外循环、后补流程、改写、重走流程等数据真实性问题（任务4）；"
        + "2 = 超过办电时限（目标2）、超环节或保留已取消环节（目标3、任务6）、未按规定低压接入（任务7）、供电可靠性未达标（目标5）、时序异常（任务4）；"
        + "1 = 审批时间超限（目标1，涉及政府部门）、索要规定以外的申请资料（任务6）。件数为工单件数（供电可靠性为未达标的供电区域数）。";

    /// <summary>How 综合达标率 pools targets, printed under the tables that use it (the city's and a utility's own figures).</summary>
    public const string PooledRateRule =
        "综合达标率 = 各项在用目标（目标5除外）达标工单件次之和 ÷ 应考核工单件次之和；一件工单适用几项目标即计几次。";

    /// <summary>How units are ranked in the circular (<see cref="Analytics.Reports.Pdf.Content.UnitRanking"/>).</summary>
    public const string RankingRule =
        "排名方法：每项在用目标（目标5除外）权重相同，一件工单在每项适用目标中只计一次；单位综合达标率为各项目标达标率的算术平均。"
        + "为避免工单很少的单位因偶然全部达标而排名靠前，按各项目标达标率95%置信区间（威尔逊区间）下限的平均值由高到低排名；"
        + "该值（保留一位小数）相同的，按达标率不低于95%的目标项数由多到少，再按未达标工单件次由少到多排列，仍相同的并列。"
        + "本期受理工单不足30件的单位列为“样本不足”，本期无应考核工单的单位列于最后，均不参与排名。";
}
