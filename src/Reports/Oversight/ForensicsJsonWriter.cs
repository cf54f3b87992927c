using System.Text.Json;
using Analytics.Oversight;
using Analytics.Oversight.Forensics;
using Analytics.Reports.Export;

namespace Analytics.Reports.Oversight;

/// <summary>
/// <c>analytics forensics --format json</c> (cli.md §6): a JSON array of
/// <c>{"test","target","utility","county","flag","p_value","evidence"}</c>, one object per test run (flagged or not),
/// plus <c>p_adjusted</c> (Holm), <c>alpha</c> and <c>applications</c> (the applications behind the count, as
/// <c>utility/application_id</c>). UTF-8 without BOM, Chinese not escaped.
/// </summary>
public static class ForensicsJsonWriter
{
    public static void Write(ForensicsResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = Json.Writer(stream);
        w.WriteStartArray();
        foreach (var f in result.Flags)
        {
            w.WriteStartObject();
            w.WriteString("test", f.Test);
            Json.String(w, "target", f.Target);
            Json.String(w, "utility", f.Utility);
            Json.String(w, "county", f.County);
            w.WriteBoolean("flag", f.Flag);
            w.WriteNumber("p_value", f.PValue);
            w.WriteNumber("p_adjusted", f.PAdjusted);
            w.WriteNumber("alpha", result.Alpha);
            w.WriteString("evidence", f.Evidence);
            w.WriteStartArray("applications");
            foreach (var a in f.Applications) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
