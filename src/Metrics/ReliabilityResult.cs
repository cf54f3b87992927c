namespace Analytics.Metrics;

/// <summary>The reliability entries of some years and the groups that could not be computed.</summary>
public sealed record ReliabilityResult(IReadOnlyList<ReliabilityEntry> Entries, IReadOnlyList<MetricsError> Errors);
