using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics.Export;

namespace Analytics.Metrics;

/// <summary>The Chinese evidence text of a target breach: the figure, the limit, and the times or values behind it.</summary>
internal static class BreachEvidence
{
    public static Finding Make(TargetDefinition t, ApplicationFigures f, in TargetOutcome o) => new()
    {
        Utility = f.Utility,
        ApplicationId = f.ApplicationId,
        County = f.County,
        TargetId = t.Id,
        Code = t.Id,
        Clause = t.Clause,
        Label = t.Title,
        Evidence = Text(t, f, o),
        On = o.SelectDate,
        Value = o.Value,
        Limit = o.Limit,
    };

    /// <summary>A data gap (数据缺项): the target applies, the field it tests is blank.</summary>
    public static Finding Gap(TargetDefinition t, ApplicationFigures f, in TargetOutcome o) => new()
    {
        Utility = f.Utility,
        ApplicationId = f.ApplicationId,
        County = f.County,
        Rule = FindingRule.DataGap,
        Code = FindingRules.Code(FindingRule.DataGap),
        Clause = t.Clause,
        Label = FindingRules.Label(FindingRule.DataGap),
        Evidence = GapText(t, f.Application),
        On = o.SelectDate,
    };

    private static string GapText(TargetDefinition t, Application a)
    {
        var blank = t.Kind switch
        {
            TargetKind.ZeroInvestment => "用户投资",
            TargetKind.ZeroCost => string.Join("、", new[] { a.FeeYuan is null ? "收费金额" : null, a.CustomerInvestmentYuan is null ? "用户投资" : null }.OfType<string>()),
            TargetKind.Materials => "申请资料",
            _ => "相关字段",
        };
        return $"{t.Id}（{t.Title}）：未填报{blank}，无法判定是否达标，不计入违规";
    }

    /// <summary>
    /// The evidence as an official writes it: what was found, the rule it breaks, then the record behind it; dates in
    /// 2024年1月11日 13:06 form, numbers without spaces around them (issue 15).
    /// </summary>
    private static string Text(TargetDefinition t, ApplicationFigures f, in TargetOutcome o)
    {
        var a = f.Application;
        var ic = CultureInfo.InvariantCulture;
        switch (t.Kind)
        {
            case TargetKind.ApprovalDays:
                return string.Create(ic,
                    $"行政审批用时{o.Value}个工作日，超过规定时限{o.Limit}个工作日（{T(a.ApprovalSubmittedAt)}申请，{T(a.ApprovalGrantedAt)}办结）");
            case TargetKind.UtilityDays:
                return string.Create(ic,
                    $"供电企业办理用时{o.Value}个工作日，超过规定时限{o.Limit}个工作日（{T(a.AcceptedAt)}受理，{T(a.ConnectedAt)}接电；已扣除客户工程{Span(a.CustomerWorksStart, a.CustomerWorksEnd)}、行政审批{Span(a.ApprovalSubmittedAt, a.ApprovalGrantedAt)}及客户原因暂停{a.PausedDays}个工作日）");
            case TargetKind.WholeProcessDays:
                return string.Create(ic,
                    $"全过程办电用时{o.Value}个工作日，超过规定时限{o.Limit}个工作日（{T(a.AcceptedAt)}受理，{T(a.ConnectedAt)}接电；已扣除客户原因暂停{a.PausedDays}个工作日）");
            case TargetKind.Stages:
                {
                    var had = StageLabels(f.Stages);
                    if ((f.Stages.Bits & t.ForbiddenStages.Bits) != 0)
                        return $"仍保留已取消的{StageLabels(new StageSet(f.Stages.Bits & t.ForbiddenStages.Bits))}环节（实际办理环节：{had}）";
                    return string.Create(ic,
                        $"办电环节{f.StageCount}个（{had}），多出{StageLabels(new StageSet(f.Stages.Bits & ~t.AllowedStages.Bits))}；规定环节为{StageLabels(t.AllowedStages)}");
                }
            case TargetKind.ZeroInvestment:
                return a.CustomerInvestmentYuan is { } inv
                    ? string.Create(ic, $"用户投资{inv}元，不符合小微企业“零投资”要求（容量{a.CapacityKw}千瓦，{Codes.Label(a.Area)}）")
                    : string.Create(ic, $"未填报用户投资，无法证明“零投资”（小微企业，容量{a.CapacityKw}千瓦，{Codes.Label(a.Area)}）");
            case TargetKind.ZeroCost:
                return $"向用户收费{Yuan(a.FeeYuan)}、用户投资{Yuan(a.CustomerInvestmentYuan)}，不符合“零收费、零投资”要求（{Codes.Label(f.Category)}）";
            case TargetKind.Materials:
                {
                    var m = a.Materials ?? Materials.None;
                    var allowed = a.Voltage == Voltage.Lv ? t.AllowedLv : t.AllowedHv;
                    var extra = (m & ~allowed) | (m & t.Forbidden);
                    var asked = extra == Materials.Other ? "规定以外的其他资料" : $"规定以外的资料（{MaterialLabels(extra)}）";
                    return $"要求用户提供{asked}；{(a.Voltage == Voltage.Lv ? "低压" : "高压")}用户只需提供{MaterialLabels(allowed)}";
                }
            case TargetKind.ConnectionVoltage:
                return string.Create(ic, $"非居民三零用户容量{a.CapacityKw}千瓦，在低压接入范围（{o.Limit}千瓦及以下）内，却以{Codes.Label(a.Voltage)}接入，应低压接入");
            default:
                return t.Title;
        }
    }

    /// <summary>A time as a reader writes it: 2024年1月11日 13:06; 未填报 when blank.</summary>
    internal static string T(DateTime? t) => t is { } v
        ? string.Create(CultureInfo.InvariantCulture, $"{v.Year}年{v.Month}月{v.Day}日 {v:HH:mm}")
        : "未填报";

    private static string Span(DateTime? s, DateTime? e) => s is null && e is null ? "无" : $"{T(s)}至{T(e)}";

    private static string Yuan(decimal? y) => y is { } v ? v.ToString(CultureInfo.InvariantCulture) + "元" : "未填报";

    private static string StageLabels(StageSet s) => string.Join("、", s.Stages.Select(Codes.Label));

    private static string MaterialLabels(Materials m) =>
        string.Join("、", Codes.All<Materials>().Where(x => x != Materials.None && (m & x) == x).Select(Codes.Label));
}
