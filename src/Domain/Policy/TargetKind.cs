namespace Analytics.Domain.Policy;

/// <summary>What a target measures; each kind is evaluated by one rule of metrics.md §4.</summary>
public enum TargetKind
{
    Invalid = 0,
    /// <summary>Approval days of the access works at <see cref="TargetDefinition.AccessVoltage"/> ≤ limit (目标1).</summary>
    ApprovalDays = 1,
    /// <summary>Utility days of the categories ≤ limit (目标2).</summary>
    UtilityDays = 2,
    /// <summary>Whole-process days of the categories ≤ limit (目标2).</summary>
    WholeProcessDays = 3,
    /// <summary>Stage set within the allowed set, or free of the forbidden stages (目标3, 任务6).</summary>
    Stages = 4,
    /// <summary>customer_investment_yuan = 0 for small/micro non-residential connections up to the area's capacity (目标4).</summary>
    ZeroInvestment = 5,
    /// <summary>fee_yuan = 0 and customer_investment_yuan = 0 for the categories (任务9).</summary>
    ZeroCost = 6,
    /// <summary>SAIDI per area class ≤ limit, or ≥ the yearly reduction below last year (目标5).</summary>
    Saidi = 7,
    /// <summary>Application materials within the allowed set, none forbidden (任务6).</summary>
    Materials = 8,
    /// <summary>Non-residential 三零 applications up to the capacity connect at lv (任务7).</summary>
    ConnectionVoltage = 9,
}
