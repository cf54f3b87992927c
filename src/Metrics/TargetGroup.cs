namespace Analytics.Metrics;

/// <summary>
/// The group a <see cref="TargetResult"/> covers. Exactly the member named by <see cref="Dimension"/> is set,
/// except for T5 rows by county, which also carry their <see cref="Area"/> (T5 is per area class).
/// </summary>
public readonly record struct TargetGroup(GroupDimension Dimension, string? County = null, string? Utility = null,
    Analytics.Domain.Area? Area = null, Analytics.Domain.Category? Category = null)
{
    /// <summary>The whole city.</summary>
    public static TargetGroup City => new(GroupDimension.City);

    /// <summary>The group's code as the machine outputs write it: <c>city</c>, <c>county</c>, <c>utility</c>, <c>area</c>, <c>category</c>.</summary>
    public string DimensionCode => Dimension switch
    {
        GroupDimension.City => "city",
        GroupDimension.County => "county",
        GroupDimension.Utility => "utility",
        GroupDimension.Area => "area",
        GroupDimension.Category => "category",
        _ => "invalid",
    };
}
