namespace Analytics.Domain.Policy;

/// <summary>The plan's parameters that are not targets themselves.</summary>
public sealed record PolicyParameters
{
    /// <summary>Whether 城镇 counts as urban (160 kW) for the zero-investment ceiling of 目标4 (default yes).</summary>
    public bool TownCountsAsUrban { get; init; } = true;
    /// <summary>目标5's alternative: SAIDI at least this fraction below the previous year (0.08).</summary>
    public decimal SaidiYoyReduction { get; init; } = 0.08m;
    /// <summary>A planned outage is notified on time when notified at least this many calendar days before it starts (任务10).</summary>
    public int PlannedNoticeLeadDays { get; init; } = 7;
    /// <summary>Interruptions of at most this many minutes are short: left out of SAIDI/SAIFI, counted apart.</summary>
    public decimal ShortInterruptionMinutes { get; init; } = 3;
    /// <summary>重走流程: a new application within this many calendar days of a withdrawal by the same customer.</summary>
    public int RewalkWindowDays { get; init; } = 30;
    /// <summary>体外循环: record created more than this many working days after acceptance.</summary>
    public int EnteredLateWorkingDays { get; init; } = 1;
}
