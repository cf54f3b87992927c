using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>The finding of a target breach or a data gap, with the figures and record times behind it as typed evidence.</summary>
internal static class TargetFindings
{
    public static Finding Breach(TargetDefinition t, ApplicationFigures f, in TargetOutcome o) => new()
    {
        Utility = f.Utility,
        ApplicationId = f.ApplicationId,
        County = f.County,
        TargetId = t.Id,
        Code = t.Id,
        Clause = t.Clause,
        TargetTitle = t.Title,
        Evidence = Evidence(t, f, o),
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
        Evidence = new DataGapEvidence(t.Id, t.Title, t.Kind, f.Application.FeeYuan is null, f.Application.CustomerInvestmentYuan is null),
        On = o.SelectDate,
    };

    private static FindingEvidence Evidence(TargetDefinition t, ApplicationFigures f, in TargetOutcome o)
    {
        var a = f.Application;
        switch (t.Kind)
        {
            case TargetKind.ApprovalDays:
                return new DaysOverLimitEvidence(t.Kind, o.Value, o.Limit)
                { ApprovalSubmittedAt = a.ApprovalSubmittedAt, ApprovalGrantedAt = a.ApprovalGrantedAt };
            case TargetKind.UtilityDays:
                return new DaysOverLimitEvidence(t.Kind, o.Value, o.Limit)
                {
                    AcceptedAt = a.AcceptedAt, ConnectedAt = a.ConnectedAt,
                    CustomerWorksStart = a.CustomerWorksStart, CustomerWorksEnd = a.CustomerWorksEnd,
                    ApprovalSubmittedAt = a.ApprovalSubmittedAt, ApprovalGrantedAt = a.ApprovalGrantedAt,
                    PausedDays = a.PausedDays,
                };
            case TargetKind.WholeProcessDays:
                return new DaysOverLimitEvidence(t.Kind, o.Value, o.Limit)
                { AcceptedAt = a.AcceptedAt, ConnectedAt = a.ConnectedAt, PausedDays = a.PausedDays };
            case TargetKind.Stages:
                return new StagesEvidence(f.Stages, f.StageCount, new StageSet(f.Stages.Bits & t.ForbiddenStages.Bits),
                    new StageSet(f.Stages.Bits & ~t.AllowedStages.Bits), t.AllowedStages);
            case TargetKind.ZeroInvestment:
                return new InvestmentEvidence(a.CustomerInvestmentYuan, a.CapacityKw, a.Area);
            case TargetKind.ZeroCost:
                return new ChargesEvidence(a.FeeYuan, a.CustomerInvestmentYuan, f.Category);
            case TargetKind.Materials:
                {
                    var m = a.Materials ?? Materials.None;
                    var allowed = a.Voltage == Voltage.Lv ? t.AllowedLv : t.AllowedHv;
                    return new MaterialsEvidence((m & ~allowed) | (m & t.Forbidden), allowed, a.Voltage);
                }
            case TargetKind.ConnectionVoltage:
                return new ConnectionVoltageEvidence(a.CapacityKw, o.Limit, a.Voltage);
            default:
                return new TargetTitleEvidence(t.Title);
        }
    }
}
