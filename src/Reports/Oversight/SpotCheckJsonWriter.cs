using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Storage;
using Analytics.Oversight;
using Analytics.Oversight.SpotChecks;
using Analytics.Reports.Export;

namespace Analytics.Reports.Oversight;

/// <summary>
/// <c>analytics spotcheck draw --format json</c>: the draw as published — its id, seed, period, the method text, the
/// rule (<c>plan</c>), the model-risk criterion (<c>model_risk</c>: whether a stored model scored the register, which, the
/// top share, the threshold and median it gives on this register, how many were scored and are high) and per stratum its sizes, inspectors and drawn applications, each
/// with <c>draw</c> (<c>random</c> or <c>risk</c>), <c>reasons</c> (<c>finding</c>, <c>near_limit</c>, <c>model_risk</c>)
/// and <c>model_probability</c> (null when not scored). UTF-8 without BOM, Chinese not escaped.
/// </summary>
public static class SpotCheckJsonWriter
{
    public static void Write(Stream stream, SpotCheckDrawRecord draw, IReadOnlyList<SpotCheckStratum> strata, SpotCheckPlan plan, ModelRiskScores? modelRisk)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(plan);
        var inv = CultureInfo.InvariantCulture;
        using var w = Json.Writer(stream);
        w.WriteStartObject();
        w.WriteString("draw_id", draw.DrawId);
        w.WriteNumber("seed", draw.Seed);
        w.WriteString("from", draw.From.ToString("yyyy-MM-dd", inv));
        w.WriteString("to", draw.To.ToString("yyyy-MM-dd", inv));
        w.WriteString("method", draw.Method);
        w.WriteStartObject("plan");
        w.WriteNumber("confidence", plan.Confidence);
        w.WriteNumber("tolerable_rate", plan.TolerableRate);
        w.WriteNumber("attribute_sample_size", plan.AttributeSampleSize());
        w.WriteNumber("risk_share", plan.RiskShare);
        w.WriteEndObject();
        w.WriteStartObject("model_risk");
        w.WriteBoolean("available", modelRisk is { Available: true });
        w.WriteString("statement", SpotCheckMethod.ModelText(strata, modelRisk, plan));
        var cut = modelRisk?.Cut(plan.ModelRiskTopShare);
        Json.String(w, "fingerprint", modelRisk?.Fingerprint);
        Json.DateTime(w, "trained_at", modelRisk?.TrainedAt);
        w.WriteString("moment", "end_of_accepted_day");
        w.WriteNumber("top_share", plan.ModelRiskTopShare);
        if (cut is { } c)
        {
            w.WriteNumber("threshold", Math.Round(c.Threshold, 4));
            w.WriteNumber("median", Math.Round(c.Median, 4));
        }
        else
        {
            w.WriteNull("threshold");
            w.WriteNull("median");
        }
        w.WriteNumber("scored", modelRisk is { Available: true } ? modelRisk.Probabilities.Count : 0);
        w.WriteNumber("high", strata.Sum(s => s.ModelRisky));
        w.WriteEndObject();
        w.WriteStartArray("strata");
        foreach (var s in strata)
        {
            w.WriteStartObject();
            w.WriteString("county", s.County);
            w.WriteString("utility", s.Utility);
            w.WriteNumber("population", s.Population);
            w.WriteNumber("base_size", s.BaseSize);
            w.WriteNumber("risk_extra", s.RiskExtra);
            w.WriteNumber("model_risky", s.ModelRisky);
            w.WriteStartArray("inspectors");
            foreach (var i in s.Inspectors)
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                w.WriteString("unit", i.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("applications");
            for (var k = 0; k < s.Applications.Count; k++)
            {
                var key = s.Applications[k];
                var id = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
                w.WriteStartObject();
                w.WriteString("utility", s.Utility);
                w.WriteString("application_id", id);
                w.WriteString("draw", k < s.BaseSize ? "random" : "risk");
                w.WriteStartArray("reasons");
                if (s.Reasons.TryGetValue(key, out var reasons))
                    foreach (var r in reasons) w.WriteStringValue(r);
                w.WriteEndArray();
                Json.Number(w, "model_probability", modelRisk?.Of(s.Utility, id) is { } p ? Math.Round(p, 4) : null);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
