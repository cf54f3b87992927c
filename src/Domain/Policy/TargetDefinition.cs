namespace Analytics.Domain.Policy;

/// <summary>One step of a target's schedule: from <see cref="From"/> on (inclusive), the limit is <see cref="Limit"/>.</summary>
/// <remarks>Limit is null for targets without a numeric limit (zero-investment, materials …).</remarks>
public sealed record LimitStep(DateOnly From, decimal? Limit);

/// <summary>
/// A target of the plan as data (metrics.md §4). "In force" is about the date an application was
/// accepted, or for SAIDI the year: the step with the latest <see cref="LimitStep.From"/> not after
/// that date applies; before the first step the target is not in force.
/// </summary>
public sealed record TargetDefinition
{
    public required string Id { get; init; }
    /// <summary>目标N / 任务N of the plan.</summary>
    public required string Clause { get; init; }
    public required TargetKind Kind { get; init; }
    /// <summary>Chinese title for reports.</summary>
    public required string Title { get; init; }
    /// <summary>The schedule, ascending by date.</summary>
    public required IReadOnlyList<LimitStep> InForce { get; init; }
    /// <summary>Categories the target applies to; empty where the kind says otherwise.</summary>
    public IReadOnlyList<Category> Categories { get; init; } = [];
    /// <summary>ApprovalDays: the voltage of the access works (applications at that voltage).</summary>
    public Voltage? AccessVoltage { get; init; }
    /// <summary>Stages: the set the application's stages must lie within (empty = no such rule).</summary>
    public StageSet AllowedStages { get; init; }
    /// <summary>Stages: stages the application must not have.</summary>
    public StageSet ForbiddenStages { get; init; }
    /// <summary>Stages: important users (重要用户) are outside the rule.</summary>
    public bool ExemptImportantUsers { get; init; }
    /// <summary>ZeroInvestment: only small/micro enterprises.</summary>
    public bool SmallMicroOnly { get; init; }
    /// <summary>ZeroInvestment: capacity ceiling (kW, inclusive) by area; town follows the policy parameter when absent.</summary>
    public IReadOnlyDictionary<Area, decimal> CapacityKwByArea { get; init; } = new Dictionary<Area, decimal>();
    /// <summary>Saidi: hours per area class.</summary>
    public IReadOnlyDictionary<Area, decimal> LimitHoursByArea { get; init; } = new Dictionary<Area, decimal>();
    /// <summary>Materials: allowed at lv.</summary>
    public Materials AllowedLv { get; init; }
    /// <summary>Materials: allowed at 10kV and above.</summary>
    public Materials AllowedHv { get; init; }
    /// <summary>Materials: never to be asked for.</summary>
    public Materials Forbidden { get; init; }
    /// <summary>ConnectionVoltage: capacity ceiling (kW, inclusive).</summary>
    public decimal? MaxCapacityKw { get; init; }

    /// <summary>The first day the target is in force.</summary>
    public DateOnly InForceFrom => InForce[0].From;

    /// <summary>True when the target is in force on <paramref name="date"/>.</summary>
    public bool IsInForce(DateOnly date) => date >= InForceFrom;

    /// <summary>The step in force on <paramref name="date"/>, or null before the first step.</summary>
    public LimitStep? StepOn(DateOnly date)
    {
        LimitStep? found = null;
        foreach (var s in InForce)
            if (s.From <= date) found = s;
        return found;
    }

    /// <summary>The numeric limit in force on <paramref name="date"/>, or null.</summary>
    public decimal? LimitOn(DateOnly date) => StepOn(date)?.Limit;

    /// <summary>
    /// ZeroInvestment: the capacity ceiling in <paramref name="area"/>; a town without its own entry
    /// counts as urban or rural by <see cref="PolicyParameters.TownCountsAsUrban"/>.
    /// </summary>
    public decimal? CapacityCeiling(Area area, PolicyParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (CapacityKwByArea.TryGetValue(area, out var v)) return v;
        if (area == Area.Town)
            return CapacityKwByArea.TryGetValue(parameters.TownCountsAsUrban ? Area.Urban : Area.Rural, out var t) ? t : null;
        return null;
    }
}
