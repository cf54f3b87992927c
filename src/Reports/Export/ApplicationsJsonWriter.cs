using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics applications --format json</c>: a JSON array of objects named like <see cref="ApplicationsCsvWriter.Columns"/>,
/// with <c>stages</c> and <c>findings</c> as arrays of codes, numbers as numbers, null where a figure does not apply,
/// date-times <c>yyyy-MM-ddTHH:mm:ss</c>, dates <c>yyyy-MM-dd</c>. UTF-8 without BOM.
/// </summary>
public static class ApplicationsJsonWriter
{
    public static void Write(MetricsResult result, IEnumerable<ApplicationFigures> rows, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = Json.Writer(stream);
        w.WriteStartArray();
        foreach (var f in rows)
        {
            w.WriteStartObject();
            w.WriteString("application_id", f.ApplicationId);
            w.WriteString("utility", f.Utility);
            w.WriteString("county", f.County);
            Json.String(w, "area", f.Area == Area.Invalid ? null : Codes.Of(f.Area));
            Json.String(w, "category", f.Category == Category.Invalid ? null : Codes.Of(f.Category));
            Json.String(w, "status", f.Status == ApplicationStatus.Invalid ? null : Codes.Of(f.Status));
            Json.DateTime(w, "accepted_at", f.AcceptedAt);
            Json.DateTime(w, "connected_at", f.ConnectedAt);
            Json.Number(w, "whole_process_days", f.WholeProcessDays);
            Json.Number(w, "utility_days", f.UtilityDays);
            Json.Number(w, "approval_days", f.ApprovalDays);
            w.WriteNumber("stage_count", f.StageCount);
            w.WriteStartArray("stages");
            foreach (var s in f.Stages.Stages) w.WriteStringValue(Codes.Of(s));
            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var code in result.FindingCodes(f)) w.WriteStringValue(code);
            w.WriteEndArray();
            Json.Number(w, "elapsed_days", f.ElapsedDays);
            Json.Number(w, "counted_days", f.CountedDays);
            Json.String(w, "limit_target", f.LimitTargetId);
            Json.Number(w, "limit_days", f.LimitDays);
            Json.Date(w, "due_date", f.DueDate);
            Json.Number(w, "working_days_left", f.WorkingDaysLeft);
            Json.Bool(w, "overdue", f.Overdue);
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
    }
}
