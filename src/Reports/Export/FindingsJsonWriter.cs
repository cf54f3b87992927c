using Analytics.Metrics;
using Analytics.Reports.Wording;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics findings --format json</c>: a JSON array of objects named like <see cref="FindingsCsvWriter.Columns"/>,
/// plus <c>kind</c> (<c>integrity</c> or <c>target</c>). UTF-8 without BOM, Chinese not escaped.
/// </summary>
public static class FindingsJsonWriter
{
    public static void Write(IEnumerable<Finding> findings, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = Json.Writer(stream);
        w.WriteStartArray();
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("utility", f.Utility);
            w.WriteString("application_id", f.ApplicationId);
            w.WriteString("county", f.County);
            w.WriteString("kind", f.IsTargetBreach ? "target" : "integrity");
            w.WriteString("code", f.Code);
            w.WriteString("clause", f.Clause);
            w.WriteString("label", WordingTable.FindingLabel(f));
            Json.Date(w, "on", f.On);
            Json.Number(w, "value", f.Value);
            Json.Number(w, "limit", f.Limit);
            w.WriteString("evidence", EvidenceText.Of(f));
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
    }
}
