namespace Analytics.Domain.Policy;

/// <summary>Who a task of the plan (三、主要任务) names as 责任单位.</summary>
public enum ResponsibleUnit
{
    /// <summary>各县（市、区）能源局.</summary>
    County,
    /// <summary>各供电企业 (电网企业, 地方电网, 增量配电试点).</summary>
    Utility,
}

/// <summary>
/// A task of the plan (三、主要任务): its key (<c>任务1</c>), its title and the units the plan makes answer for it
/// (<c>各县（市、区）能源局要牵头…</c> → <see cref="ResponsibleUnit.County"/>). The county's weekly ledger lists the
/// tasks with <see cref="ResponsibleUnit.County"/> among <see cref="Responsible"/>; a filed ledger may report on no other.
/// </summary>
public sealed record PlanTask
{
    /// <summary>任务1 … 任务12.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>The units the plan names as responsible, lead first.</summary>
    public required IReadOnlyList<ResponsibleUnit> Responsible { get; init; }

    /// <summary>Whether the plan makes <paramref name="unit"/> answer for this task.</summary>
    public bool IsFor(ResponsibleUnit unit) => Responsible.Contains(unit);

    /// <summary>The units as a person reads them, e.g. <c>各县（市、区）能源局、各供电企业</c>.</summary>
    public string ResponsibleLabel => string.Join("、", Responsible.Select(Label));

    /// <summary><c>各县（市、区）能源局</c> / <c>各供电企业</c>.</summary>
    public static string Label(ResponsibleUnit unit) => unit switch
    {
        ResponsibleUnit.County => "各县（市、区）能源局",
        _ => "各供电企业",
    };
}
