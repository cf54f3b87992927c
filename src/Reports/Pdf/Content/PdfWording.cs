namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The Chinese words of the PDF reports that are neither enum labels (<c>Codes.Label</c>) nor registry
/// names, in one table: section headings (四、2: 实施进度、工作成效、存在问题、解决措施), column headings,
/// fixed sentences.
/// </summary>
internal static class PdfWording
{
    public const string Progress = "一、实施进度";
    public const string Results = "二、工作成效";
    public const string Problems = "三、存在问题";
    public const string Measures = "四、解决措施";
    public const string Appendix = "附件：不达标及数据异常工单清单";

    public const string CircularRanking = "三、排名情况";
    public const string CircularProblems = "四、存在问题";
    public const string CircularRequirements = "五、工作要求";
    public const string CircularAppendix = "附件：各供电企业半年报文字材料报送情况";

    public const string Met = "达标";
    public const string NotMet = "未达标";
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
    public static string ShortLabel(Analytics.Domain.Category category) => category switch
    {
        Analytics.Domain.Category.Residential => "居民",
        Analytics.Domain.Category.LvThreeZero => "低压三零",
        Analytics.Domain.Category.LvOther => "低压非三零",
        Analytics.Domain.Category.HvSingle => "高压单电源",
        Analytics.Domain.Category.HvDual => "高压双电源",
        _ => Analytics.Domain.Codes.Label(category),
    };

    /// <summary>How 三、存在问题 ranks, printed under the ranking (the weights are <see cref="ProblemSeverity"/>).</summary>
    public const string ProblemRankingRule =
        "排序方法：权重 = 件数 × 严重程度，按权重由高到低排列（权重相同按件数）。严重程度：3 = 违规收费或用户投资（任务9、目标4）及体外循环、后补流程、改写、重走流程等数据真实性问题（任务4）；"
        + "2 = 超过办电时限（目标2）、超环节或保留已取消环节（目标3、任务6）、未按规定低压接入（任务7）、供电可靠性未达标（目标5）、时序异常（任务4）；"
        + "1 = 审批时间超限（目标1，涉及政府部门）、索要规定以外的申请资料（任务6）。件数为工单件数（供电可靠性为未达标的供电区域数）。";

    /// <summary>How 综合达标率 pools targets, printed under the tables that use it (the city's and a utility's own figures).</summary>
    public const string PooledRateRule =
        "综合达标率 = 各项在用目标（目标5除外）达标工单件次之和 ÷ 应考核工单件次之和；一件工单适用几项目标即计几次。";

    /// <summary>How units are ranked in the circular (<see cref="UnitRanking"/>).</summary>
    public const string RankingRule =
        "排名方法：每项在用目标（目标5除外）权重相同，一件工单在每项适用目标中只计一次；单位综合达标率为各项目标达标率的算术平均。"
        + "为避免工单很少的单位因偶然全部达标而排名靠前，按各项目标达标率95%置信区间（威尔逊区间）下限的平均值由高到低排名；"
        + "该值（保留一位小数）相同的，按达标率不低于95%的目标项数由多到少，再按未达标工单件次由少到多排列，仍相同的并列。"
        + "本期受理工单不足30件的单位列为“样本不足”，本期无应考核工单的单位列于最后，均不参与排名。";
}
