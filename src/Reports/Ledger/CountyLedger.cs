using Analytics.Domain.Registry;
using Analytics.Metrics;

namespace Analytics.Reports.Ledger;

/// <summary>
/// What one county's weekly ledger (工作台账, 四、1) says, sheet by sheet, before it is laid out:
/// every figure is already computed (by the metrics engine) and every label is Chinese. It holds
/// that county's records only, and customers only by mask.
/// </summary>
public sealed record CountyLedger
{
    public required RegistryEntry County { get; init; }
    public required LedgerWeek Week { get; init; }
    /// <summary>The last day the figures cover (metrics.md §8 "数据截至"): the week's Wednesday, or the data's end when earlier.</summary>
    public DateOnly CutOff { get; init; }
    /// <summary>e.g. 临汾市.</summary>
    public required string CityName { get; init; }
    /// <summary>The plan the targets come from, e.g. 临能源电力发〔2021〕189号.</summary>
    public required string PlanId { get; init; }
    /// <summary>汇总: every target of the policy for the county, this week and year to date.</summary>
    public required IReadOnlyList<LedgerTargetLine> Targets { get; init; }
    /// <summary>汇总: volumes this week.</summary>
    public required LedgerVolumes WeekVolumes { get; init; }
    /// <summary>汇总: volumes year to date.</summary>
    public required LedgerVolumes YearVolumes { get; init; }
    /// <summary>在途工单, most urgent first.</summary>
    public required IReadOnlyList<InProgressLine> InProgress { get; init; }
    /// <summary>本周接电.</summary>
    public required IReadOnlyList<ConnectedLine> Connected { get; init; }
    /// <summary>问题清单: target breaches and integrity findings.</summary>
    public required IReadOnlyList<IssueLine> Issues { get; init; }
    /// <summary>停电事件: outages that began or ended in the week.</summary>
    public required IReadOnlyList<OutageLine> Outages { get; init; }
    /// <summary>停电事件: SAIDI year to date by area class, and the county as a whole last.</summary>
    public required IReadOnlyList<SaidiLine> Saidi { get; init; }
    /// <summary>审批事项: approvals granted in the week or still open at the as-of.</summary>
    public required IReadOnlyList<ApprovalLine> Approvals { get; init; }
    /// <summary>工作进展: one row per plan task (and any free task filed before).</summary>
    public required IReadOnlyList<ProgressLine> Progress { get; init; }
    /// <summary>The Thursday whose filed notes pre-fill 工作进展, or null when none were filed.</summary>
    public DateOnly? ProgressPrefilledFrom { get; init; }
}

/// <summary>Counts of applications (metrics.md §6 volumes).</summary>
public sealed record LedgerVolumes
{
    /// <summary>受理: accepted in the period.</summary>
    public int Accepted { get; init; }
    /// <summary>接电: connected in the period.</summary>
    public int Connected { get; init; }
    /// <summary>撤销: withdrawn in the period.</summary>
    public int Withdrawn { get; init; }
    /// <summary>在途: in progress at the as-of (the same for week and year).</summary>
    public int InProgress { get; init; }
    /// <summary>超期在途: in progress at the as-of and past their limit.</summary>
    public int Overdue { get; init; }

    /// <summary>The volumes of one engine run (a county's or the city's week or year).</summary>
    public static LedgerVolumes Of(MetricsResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            Accepted = r.Indicators.Volumes.Accepted,
            Connected = r.Indicators.Volumes.Connected,
            Withdrawn = r.Indicators.Volumes.Withdrawn,
            InProgress = r.Indicators.Volumes.InProgress,
            Overdue = r.Applications.Count(a => a.Overdue == true),
        };
    }
}

/// <summary>One target (and group: category or area) on 汇总.</summary>
public sealed record LedgerTargetLine
{
    /// <summary>T1a … T7.</summary>
    public required string TargetId { get; init; }
    /// <summary>目标N / 任务N.</summary>
    public required string Clause { get; init; }
    public required string Title { get; init; }
    /// <summary>The group, e.g. a category or area label; empty for all of the county.</summary>
    public string Scope { get; init; } = "";
    /// <summary>The limit as a person reads it, e.g. <c>≤5个工作日</c>.</summary>
    public required string Limit { get; init; }
    /// <summary>This week; null where a weekly figure means nothing (SAIDI is yearly).</summary>
    public LedgerTargetFigure? Week { get; init; }
    public required LedgerTargetFigure YearToDate { get; init; }
}

/// <summary>
/// A target's result over a period: compliant / total, the rate, whether it is met, and for
/// figure targets (days, SAIDI) the figure itself (mean days, hours).
/// </summary>
public sealed record LedgerTargetFigure
{
    public int Total { get; init; }
    public int Compliant { get; init; }
    /// <summary>Compliant / total; null when total is 0.</summary>
    public decimal? Rate { get; init; }
    /// <summary>Null when there is nothing to judge.</summary>
    public bool? Met { get; init; }
    /// <summary>Mean working days for day targets, SAIDI hours for 目标5; null otherwise.</summary>
    public decimal? Figure { get; init; }
    /// <summary>False before the target's first in-force date.</summary>
    public bool InForce { get; init; } = true;
    /// <summary>目标5: the verdict people read (达标, 进度正常, 存在风险 …, metrics.md §8); null: 达标/未达标 from <see cref="Met"/>.</summary>
    public string? Verdict { get; init; }
}

/// <summary>One in-progress application on 在途工单.</summary>
public sealed record InProgressLine
{
    public required string ApplicationId { get; init; }
    /// <summary>Utility short name.</summary>
    public required string Utility { get; init; }
    public required string Category { get; init; }
    public required string Area { get; init; }
    public required string Voltage { get; init; }
    public decimal CapacityKw { get; init; }
    /// <summary>Masked customer name (张*), or empty.</summary>
    public string Customer { get; init; } = "";
    public required DateTime AcceptedAt { get; init; }
    /// <summary>The latest stage reached.</summary>
    public string CurrentStage { get; init; } = "";
    /// <summary>Working days accepted → as-of, less paused days (metrics.md §3).</summary>
    public int ElapsedDays { get; init; }
    /// <summary>Days counted against the limit: for utility-days limits without the customer's works and approvals so far; null without a limit.</summary>
    public int? CountedDays { get; init; }
    /// <summary>The day target that applies (T2a…T2e), or null.</summary>
    public string? TargetId { get; init; }
    public int? LimitDays { get; init; }
    public DateOnly? DueDate { get; init; }
    /// <summary>Limit − counted days; negative when overdue.</summary>
    public int? DaysLeft { get; init; }
    public bool Overdue { get; init; }
    /// <summary>Probability (0–1) from the risk model of missing the limit; null when not given.</summary>
    public double? Risk { get; init; }
}

/// <summary>One application connected in the week on 本周接电, with its figures (metrics.md §3).</summary>
public sealed record ConnectedLine
{
    public required string ApplicationId { get; init; }
    public required string Utility { get; init; }
    public required string Category { get; init; }
    public required string Area { get; init; }
    public required string Voltage { get; init; }
    public decimal CapacityKw { get; init; }
    public string Customer { get; init; } = "";
    public string Channel { get; init; } = "";
    public required DateTime AcceptedAt { get; init; }
    public required DateTime ConnectedAt { get; init; }
    public int? WholeProcessDays { get; init; }
    public int? UtilityDays { get; init; }
    public int? ApprovalDays { get; init; }
    public int StageCount { get; init; }
    /// <summary>Stage labels, 、-separated.</summary>
    public string Stages { get; init; } = "";
    /// <summary>The limit of the day target that applies to its category.</summary>
    public int? LimitDays { get; init; }
    public decimal? FeeYuan { get; init; }
    public decimal? CustomerInvestmentYuan { get; init; }
    /// <summary>Ids of the targets it breaches, 、-separated; empty when none.</summary>
    public string Breaches { get; init; } = "";
}

/// <summary>One line of 问题清单: a target breach, an integrity finding or an overdue application, with clause and evidence.</summary>
public sealed record IssueLine
{
    /// <summary>目标未达标 / 数据真实性 / 在途超期.</summary>
    public required string Kind { get; init; }
    /// <summary>The target id (T2a) or finding code.</summary>
    public required string RuleId { get; init; }
    /// <summary>The target title or finding name.</summary>
    public required string Rule { get; init; }
    public required string Clause { get; init; }
    public string Utility { get; init; } = "";
    /// <summary>The application id or outage id it concerns.</summary>
    public required string Subject { get; init; }
    /// <summary>The date that places it in the week.</summary>
    public DateOnly? When { get; init; }
    public required string Evidence { get; init; }
}

/// <summary>One outage on 停电事件, its restoration steps together.</summary>
public sealed record OutageLine
{
    public required string OutageId { get; init; }
    public required string Utility { get; init; }
    public required string Area { get; init; }
    public required string Kind { get; init; }
    public required string Cause { get; init; }
    public string Feeder { get; init; } = "";
    public required DateTime StartAt { get; init; }
    /// <summary>The last step's restoration.</summary>
    public required DateTime EndAt { get; init; }
    /// <summary>Customers interrupted (Σ over steps).</summary>
    public int Customers { get; init; }
    /// <summary>Σ customers × hours over steps.</summary>
    public decimal CustomerHours { get; init; }
    /// <summary>Every step at most the short-interruption minutes: left out of SAIDI.</summary>
    public bool IsShort { get; init; }
    public DateTime? NotifiedAt { get; init; }
    /// <summary>Planned outages: notified the lead days ahead (任务10); null for faults.</summary>
    public bool? NoticeOnTime { get; init; }
}

/// <summary>SAIDI year to date for one area class of the county (目标5), or the county as a whole (合计).</summary>
public sealed record SaidiLine
{
    public required string Area { get; init; }
    /// <summary>Customers served (mean of the year's snapshots); null when none filed.</summary>
    public decimal? Customers { get; init; }
    public decimal CustomerHours { get; init; }
    /// <summary>Customer-hours / customers; null without customers served.</summary>
    public decimal? SaidiH { get; init; }
    public decimal? LimitH { get; init; }
    public bool? Met { get; init; }
    /// <summary>The verdict people read (达标, 未达标, 进度正常, 存在风险, 已无法达标); null when there is none.</summary>
    public string? Verdict { get; init; }
    /// <summary>Why a figure is missing, or how it was met (同比压缩).</summary>
    public string Note { get; init; } = "";
}

/// <summary>One government approval on 审批事项 (目标1).</summary>
public sealed record ApprovalLine
{
    public required string ApplicationId { get; init; }
    public required string Utility { get; init; }
    public required string Category { get; init; }
    public required string Voltage { get; init; }
    /// <summary>审批方式 label, or empty.</summary>
    public string Mode { get; init; } = "";
    public required DateTime SubmittedAt { get; init; }
    public DateTime? GrantedAt { get; init; }
    /// <summary>Working days submitted → granted, or → the as-of while open; null when the calendar lacks the year.</summary>
    public int? Days { get; init; }
    public int? LimitDays { get; init; }
    public bool Open { get; init; }
    public bool Overdue { get; init; }
}

/// <summary>One row of 工作进展, the part the county fills by hand.</summary>
/// <param name="Task">任务1 … 任务12, or a free title.</param>
/// <param name="Title">The plan's title of the task; empty for a free task.</param>
/// <param name="Text">进展情况.</param>
/// <param name="Status">状态.</param>
/// <param name="Problems">存在问题.</param>
public sealed record ProgressLine(string Task, string Title, string Text, string Status, string Problems);
