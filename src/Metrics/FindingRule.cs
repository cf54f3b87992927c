namespace Analytics.Metrics;

/// <summary>The integrity rules of metrics.md §7 (任务4: 如实记录…禁止体外循环、后补流程或重走流程).</summary>
public enum FindingRule
{
    Invalid = 0,
    /// <summary>时序异常: a stage time earlier than a stage that must precede it (<see cref="StagePrecedence"/>).</summary>
    OutOfOrder = 1,
    /// <summary>体外循环: record_created_at more than <c>EnteredLateWorkingDays</c> working days after accepted_at.</summary>
    EnteredLate = 2,
    /// <summary>后补流程: record_created_at after connected_at, or a stage first reported with a time before the previous filing's as-of.</summary>
    BackFilled = 3,
    /// <summary>改写: a later filing changes a stage time already reported.</summary>
    Rewritten = 4,
    /// <summary>重走流程: withdrawn, then within <c>RewalkWindowDays</c> days another application by the same customer or naming it.</summary>
    Rewalked = 5,
    /// <summary>数据缺项: a target applies but the field it tests was left blank (metrics.md §8). Data quality, never a violation.</summary>
    DataGap = 6,
}
