using Analytics.Reports.Wording;
using Analytics.Domain.Policy;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// How serious a kind of problem is, on a scale of 1 to 3, for ranking 三、存在问题 by weight = count × severity
/// (the rule printed in the report is <see cref="WordingTable.ProblemRankingRule"/>).
/// </summary>
/// <remarks>
/// 3: money taken from customers the plan says must pay nothing (任务9, 目标4) and records that are not true
/// (任务4 forbids 体外循环、后补流程、重走流程 outright; 改写 rewrites what was reported);
/// 2: the plan's own service targets — time limits (目标2), stages (目标3, 任务6), connection voltage (任务7),
/// reliability (目标5) — and stage times out of order (任务4, usually a recording error);
/// 1: approval time (目标1, mostly in the hands of government departments) and extra application materials (任务6).
/// </remarks>
internal static class ProblemSeverity
{
    public static int Of(TargetKind kind) => kind switch
    {
        TargetKind.ZeroInvestment or TargetKind.ZeroCost => 3,
        TargetKind.UtilityDays or TargetKind.WholeProcessDays or TargetKind.Stages
            or TargetKind.ConnectionVoltage or TargetKind.Saidi => 2,
        _ => 1,
    };

    public static int Of(FindingRule rule) => rule switch
    {
        FindingRule.OutOfOrder => 2,
        _ => 3,
    };

    /// <summary>What an integrity rule means, for a reader who does not know the codes.</summary>
    public static string Describe(FindingRule rule) => rule switch
    {
        FindingRule.OutOfOrder => "环节时间先后顺序异常（时序异常）",
        FindingRule.EnteredLate => "受理后未及时录入系统（体外循环）",
        FindingRule.BackFilled => "接电后或报送后补录环节（后补流程）",
        FindingRule.Rewritten => "已报送的环节时间被改写（改写）",
        FindingRule.Rewalked => "撤销后短期内重新申请（重走流程）",
        _ => WordingTable.Rule(rule),
    };
}
