namespace Analytics.Metrics.Export;

/// <summary>
/// <c>analytics metrics --format json</c> (cli.md): one object with <c>period</c> {<c>from</c>,<c>to</c>}, <c>as_of</c>,
/// <c>targets</c>, <c>reliability</c>, <c>indicators</c>; snake_case names, plain JSON numbers, rates as fractions,
/// dates <c>yyyy-MM-dd</c>, null where a figure does not apply.
/// </summary>
public static class MetricsJsonWriter
{
    /// <summary>Writes the document as UTF-8 (no BOM) to <paramref name="stream"/>.</summary>
    public static void Write(MetricsResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        throw new NotImplementedException();
    }

    /// <summary>Writes the document to a text writer.</summary>
    public static void Write(MetricsResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var ms = new MemoryStream();
        Write(result, ms);
        writer.Write(System.Text.Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
    }
}
