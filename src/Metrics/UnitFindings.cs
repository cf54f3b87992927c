namespace Analytics.Metrics;

/// <summary>A target and how many of a unit's applications breached it.</summary>
public readonly record struct TargetBreachCount(string TargetId, int Count);

/// <summary>
/// What an answer's findings say about one utility or one county (the circular's ranking and problem tables):
/// <see cref="Breaches"/> target breaches (件次: one application breaching two targets counts twice), the
/// <see cref="IntegrityApplications"/> applications with at least one integrity finding (件), and the targets breached
/// most, most first (ties by target id), at most <see cref="MostBreachedLimit"/>.
/// </summary>
public sealed record UnitFindings(int Breaches, int IntegrityApplications, IReadOnlyList<TargetBreachCount> MostBreached)
{
    /// <summary>How many targets <see cref="MostBreached"/> lists at most.</summary>
    public const int MostBreachedLimit = 3;

    /// <summary>The findings of <paramref name="result"/> for the unit <paramref name="code"/> of <paramref name="dimension"/> (county or utility).</summary>
    public static UnitFindings Of(MetricsResult result, GroupDimension dimension, string code)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (dimension is not (GroupDimension.County or GroupDimension.Utility))
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A unit is a county or a utility.");
        var isCounty = dimension == GroupDimension.County;
        bool Mine(Finding f) => string.Equals(isCounty ? f.County : f.Utility, code, StringComparison.Ordinal);
        var breaches = result.Breaches.Where(Mine).ToList();
        var most = breaches.Where(b => b.TargetId is not null)
            .GroupBy(b => b.TargetId!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MostBreachedLimit).Select(g => new TargetBreachCount(g.Key, g.Count())).ToList();
        var integrity = result.Findings.Where(Mine).DistinctBy(f => (f.Utility, f.ApplicationId)).Count();
        return new UnitFindings(breaches.Count, integrity, most);
    }
}
