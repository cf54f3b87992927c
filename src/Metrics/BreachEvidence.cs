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

    private static string Text(TargetDefinition t, ApplicationFigures f, in TargetOutcome o)
    {
        var a = f.Application;
        var ic = CultureInfo.InvariantCulture;
        switch (t.Kind)
        {
            case TargetKind.ApprovalDays:
                return string.Create(ic,
                    $"审批时间 {o.Value} 个工作日，超过 {o.Limit} 个工作日（行政审批申请 {T(a.ApprovalSubmittedAt)} → 办结 {T(a.ApprovalGrantedAt)}）");
            case TargetKind.UtilityDays:
                return string.Create(ic,
                    $"供电企业办理时间 {o.Value} 个工作日，超过 {o.Limit} 个工作日（受理 {T(a.AcceptedAt)} → 接电 {T(a.ConnectedAt)}，扣除客户工程 {Span(a.CustomerWorksStart, a.CustomerWorksEnd)}、行政审批 {Span(a.ApprovalSubmittedAt, a.ApprovalGrantedAt)}、客户原因暂停 {a.PausedDays} 个工作日）");
            case TargetKind.WholeProcessDays:
                return string.Create(ic,
                    $"全过程办电时间 {o.Value} 个工作日，超过 {o.Limit} 个工作日（受理 {T(a.AcceptedAt)} → 接电 {T(a.ConnectedAt)}，客户原因暂停 {a.PausedDays} 个工作日）");
            case TargetKind.Stages:
                {
                    var had = StageLabels(f.Stages);
                    if ((f.Stages.Bits & t.ForbiddenStages.Bits) != 0)
                        return $"含已取消的环节：{StageLabels(new StageSet(f.Stages.Bits & t.ForbiddenStages.Bits))}（实际环节：{had}）";
                    return string.Create(ic,
                        $"办电环节 {f.StageCount} 个：{had}；超出 {StageLabels(new StageSet(f.Stages.Bits & ~t.AllowedStages.Bits))}（允许：{StageLabels(t.AllowedStages)}）");
                }
            case TargetKind.ZeroInvestment:
                return a.CustomerInvestmentYuan is { } inv
                    ? string.Create(ic, $"用户投资 {inv} 元，应为 0（小微企业，容量 {a.CapacityKw} kW，{Codes.Label(a.Area)}）")
                    : string.Create(ic, $"未填报用户投资，无法证明“零投资”（小微企业，容量 {a.CapacityKw} kW，{Codes.Label(a.Area)}）");
            case TargetKind.ZeroCost:
                return $"收费 {Yuan(a.FeeYuan)}、用户投资 {Yuan(a.CustomerInvestmentYuan)}，应均为 0 元（{Codes.Label(f.Category)}）";
            case TargetKind.Materials:
                {
                    var m = a.Materials ?? Materials.None;
                    var allowed = a.Voltage == Voltage.Lv ? t.AllowedLv : t.AllowedHv;
                    var extra = (m & ~allowed) | (m & t.Forbidden);
                    return $"要求了 {MaterialLabels(extra)}，{(a.Voltage == Voltage.Lv ? "低压" : "高压")}用户只需 {MaterialLabels(allowed)}";
                }
            case TargetKind.ConnectionVoltage:
                return string.Create(ic, $"非居民三零用户容量 {a.CapacityKw} kW ≤ {o.Limit} kW，却以 {Codes.Label(a.Voltage)} 接入，应低压接入");
            default:
                return t.Title;
        }
    }

    private static string T(DateTime? t) => t is { } v ? ExportFormats.Readable(v) : "空";

    private static string Span(DateTime? s, DateTime? e) => s is null && e is null ? "无" : $"{T(s)} → {T(e)}";

    private static string Yuan(decimal? y) => y is { } v ? v.ToString(CultureInfo.InvariantCulture) + " 元" : "未填报";

    private static string StageLabels(StageSet s) => string.Join("、", s.Stages.Select(Codes.Label));

    private static string MaterialLabels(Materials m) =>
        string.Join("、", Codes.All<Materials>().Where(x => x != Materials.None && (m & x) == x).Select(Codes.Label));
}
