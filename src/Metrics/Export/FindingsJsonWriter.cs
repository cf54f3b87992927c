namespace Analytics.Metrics.Export;

/// <summary><c>analytics findings --format json</c>: an array of objects named like <see cref="FindingsCsvWriter.Columns"/>.</summary>
public static class FindingsJsonWriter
{
    public static void Write(IEnumerable<Finding> findings, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stream);
        throw new NotImplementedException();
    }
}
