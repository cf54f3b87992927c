namespace Analytics.Metrics.Export;

/// <summary>
/// <c>analytics applications --format json</c>: an array of objects with the CSV's columns as snake_case names
/// (stages and findings as arrays of codes) plus the in-progress figures.
/// </summary>
public static class ApplicationsJsonWriter
{
    public static void Write(MetricsResult result, IEnumerable<ApplicationFigures> rows, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stream);
        throw new NotImplementedException();
    }
}
