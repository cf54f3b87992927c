namespace Analytics.Metrics.Export;

/// <summary><c>analytics findings --format csv</c>: one row per finding or target breach.</summary>
public static class FindingsCsvWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["utility", "application_id", "county", "code", "clause", "label", "on", "value", "limit", "evidence"];

    public static void Write(IEnumerable<Finding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        throw new NotImplementedException();
    }
}
