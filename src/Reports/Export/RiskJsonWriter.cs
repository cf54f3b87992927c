using System.Text.Json;
using Analytics.Domain;
using Analytics.Risk;

namespace Analytics.Reports.Export;

/// <summary>
/// Writes an assessment as the machine-readable output of <c>analytics risk --format json</c>:
/// <c>{"as_of", "threshold", "model": {"trained_on": {"count","from","to"}, "holdout_mae_days",
/// "baseline_mae_days", "auc", "used", …, "categories": […]}, "applications": […]}</c>.
/// Names are snake_case, dates ISO <c>yyyy-MM-dd</c>, numbers plain JSON numbers in the invariant
/// culture, probabilities fractions 0–1; a figure without data (e.g. AUC with no miss) is null.
/// </summary>
/// <remarks>
/// <c>applications</c> lists those at or above the threshold (default: the model's at-risk
/// threshold), most urgent first. In <c>model</c>, <c>holdout_mae_days</c>, <c>auc</c>,
/// <c>precision</c> and <c>recall</c> are the FastTree model's holdout figures; the <c>baseline_…</c>
/// ones the baseline's; <c>used</c> is true when the model answers for at least one category
/// (which ones: <c>categories[].used</c>).
/// </remarks>
public static class RiskJsonWriter
{

    public static void Write(Stream stream, RiskAssessment assessment, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(assessment);
        using var w = Json.Writer(stream);
        Write(w, assessment, threshold);
    }

    public static string Write(RiskAssessment assessment, double? threshold = null)
    {
        using var ms = new MemoryStream();
        Write(ms, assessment, threshold);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Write(Utf8JsonWriter w, RiskAssessment a, double? threshold)
    {
        var model = a.Model;
        var e = model.Evaluation;
        var t = threshold ?? model.Options.AtRiskThreshold;
        w.WriteStartObject();
        w.WriteString("as_of", Formats.Date(DateOnly.FromDateTime(a.AsOf)));
        Number(w, "threshold", t, 3);
        w.WriteStartObject("model");
        w.WriteStartObject("trained_on");
        w.WriteNumber("count", model.TrainedOn.Count);
        Json.Date(w, "from", model.TrainedOn.From);
        Json.Date(w, "to", model.TrainedOn.To);
        w.WriteEndObject();
        Number(w, "holdout_mae_days", e.Model.MaeDays, 3);
        Number(w, "baseline_mae_days", e.Baseline.MaeDays, 3);
        Number(w, "auc", e.Model.Auc, 4);
        w.WriteBoolean("used", model.Used);
        Number(w, "baseline_auc", e.Baseline.Auc, 4);
        Number(w, "precision", e.Model.Precision, 4);
        Number(w, "recall", e.Model.Recall, 4);
        Number(w, "baseline_precision", e.Baseline.Precision, 4);
        Number(w, "baseline_recall", e.Baseline.Recall, 4);
        Number(w, "selected_mae_days", e.Selected.MaeDays, 3);
        Number(w, "selected_auc", e.Selected.Auc, 4);
        w.WriteStartObject("holdout");
        w.WriteNumber("count", e.Holdout.Count);
        Json.Date(w, "from", e.Holdout.From);
        Json.Date(w, "to", e.Holdout.To);
        w.WriteNumber("moments", e.Model.Moments > 0 ? e.Model.Moments : e.Baseline.Moments);
        w.WriteEndObject();
        w.WriteStartArray("categories");
        foreach (var c in e.Categories)
        {
            w.WriteStartObject();
            w.WriteString("category", Codes.Of(c.Category));
            w.WriteBoolean("used", model.UsesModelFor(c.Category));
            w.WriteNumber("holdout_moments", c.Baseline.Moments);
            Number(w, "holdout_mae_days", c.Model.MaeDays, 3);
            Number(w, "baseline_mae_days", c.Baseline.MaeDays, 3);
            Number(w, "auc", c.Model.Auc, 4);
            Number(w, "baseline_auc", c.Baseline.Auc, 4);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteNumber("assessed", a.Applications.Count);
        w.WriteStartArray("applications");
        foreach (var r in a.AtRisk(t))
        {
            w.WriteStartObject();
            w.WriteString("application_id", r.ApplicationId);
            w.WriteString("utility", r.Utility);
            w.WriteString("county", r.County);
            w.WriteString("category", Codes.Of(r.Category));
            w.WriteString("target", r.TargetId);
            w.WriteString("accepted_at", Formats.Date(DateOnly.FromDateTime(r.Application.AcceptedAt)));
            w.WriteNumber("elapsed_days", r.ElapsedDays);
            w.WriteNumber("counted_days", r.CountedDays);
            w.WriteNumber("limit_days", r.LimitDays);
            w.WriteString("due_date", Formats.Date(r.DueDate));
            w.WriteNumber("days_left", r.DaysLeft);
            Number(w, "predicted_days", r.PredictedDays, 1);
            Number(w, "miss_probability", r.MissProbability, 3);
            w.WriteString("method", r.Method switch
            {
                RiskMethod.Model => "model",
                RiskMethod.Baseline => "baseline",
                _ => "counted_only",
            });
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private static void Number(Utf8JsonWriter w, string name, double value, int digits)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) w.WriteNull(name);
        else w.WriteNumber(name, Math.Round(value, digits, MidpointRounding.AwayFromZero));
    }
}
