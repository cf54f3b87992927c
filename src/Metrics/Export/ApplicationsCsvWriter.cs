namespace Analytics.Metrics.Export;

/// <summary>
/// <c>analytics applications --format csv</c> (cli.md): one row per application, RFC 4180, comma-separated, header first.
/// </summary>
public static class ApplicationsCsvWriter
{
    /// <summary>The columns, in order (cli.md's contract; more may follow in later versions).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "application_id", "utility", "county", "area", "category", "status", "accepted_at", "connected_at",
        "whole_process_days", "utility_days", "approval_days", "stage_count", "stages", "findings",
    ];

    /// <summary>Writes the header and one row per application of <paramref name="rows"/> (findings from <paramref name="result"/>).</summary>
    public static void Write(MetricsResult result, IEnumerable<ApplicationFigures> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        throw new NotImplementedException();
    }
}
