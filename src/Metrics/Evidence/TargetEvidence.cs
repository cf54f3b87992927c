using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// A day target breached (目标1 approval, 目标2 utility or whole-process days): the working days counted and the limit,
/// and the record's times behind them. Times the figure does not use are null.
/// </summary>
public sealed record DaysOverLimitEvidence(TargetKind Kind, decimal? Days, decimal? Limit) : FindingEvidence
{
    public DateTime? AcceptedAt { get; init; }
    public DateTime? ConnectedAt { get; init; }
    public DateTime? ApprovalSubmittedAt { get; init; }
    public DateTime? ApprovalGrantedAt { get; init; }
    public DateTime? CustomerWorksStart { get; init; }
    public DateTime? CustomerWorksEnd { get; init; }
    /// <summary>Working days paused for the customer's reasons (deducted).</summary>
    public int PausedDays { get; init; }
}

/// <summary>
/// 目标3 / 任务6 breached: the stages the application went through (<see cref="Had"/>, <see cref="StageCount"/>), the
/// cancelled ones it kept (<see cref="Cancelled"/>, empty when none), the ones beyond the allowed (<see cref="Extra"/>), and
/// the allowed set.
/// </summary>
public sealed record StagesEvidence(StageSet Had, int StageCount, StageSet Cancelled, StageSet Extra, StageSet Allowed) : FindingEvidence;

/// <summary>目标4 “零投资” breached: the customer's investment (null: not filed), the capacity and the area.</summary>
public sealed record InvestmentEvidence(decimal? InvestmentYuan, decimal CapacityKw, Area Area) : FindingEvidence;

/// <summary>任务9 “零收费、零投资” breached: the fee and the investment (null: not filed) and the category.</summary>
public sealed record ChargesEvidence(decimal? FeeYuan, decimal? InvestmentYuan, Category Category) : FindingEvidence;

/// <summary>任务6 materials breached: the materials asked beyond the rule, what the rule allows, and the voltage that picks the rule.</summary>
public sealed record MaterialsEvidence(Materials Extra, Materials Allowed, Voltage Voltage) : FindingEvidence;

/// <summary>任务7 low-voltage connection breached: the capacity, the low-voltage ceiling and the voltage used instead.</summary>
public sealed record ConnectionVoltageEvidence(decimal CapacityKw, decimal? LimitKw, Voltage Voltage) : FindingEvidence;

/// <summary>A breach of a target with no evidence of its own: the target's title says it.</summary>
public sealed record TargetTitleEvidence(string Title) : FindingEvidence;

/// <summary>
/// 数据缺项 (<see cref="FindingRule.DataGap"/>): the target applies but the field it tests is blank; for
/// <see cref="TargetKind.ZeroCost"/> which of the fee and the investment are blank.
/// </summary>
public sealed record DataGapEvidence(string TargetId, string TargetTitle, TargetKind Kind, bool FeeBlank, bool InvestmentBlank) : FindingEvidence;
