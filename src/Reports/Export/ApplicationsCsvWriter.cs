using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics applications --format csv</c> (cli.md): one row per application, RFC 4180 (comma-separated, CRLF), header
/// first. Codes, never Chinese labels; <c>stages</c> and <c>findings</c> are <c>;</c>-separated codes (integrity rule codes
/// in rule order, then breached target ids in policy order), empty where none; figures empty where they do not apply;
/// date-times <c>yyyy-MM-ddTHH:mm:ss</c> (China local time, no offset, as the templates accept them back); dates
/// <c>yyyy-MM-dd</c>; booleans <c>true</c>/<c>false</c>. Text fields a spreadsheet would read as a formula (an
/// application id <c>=HYPERLINK(…)</c>) start with an apostrophe (<see cref="Analytics.Domain.Output.SpreadsheetText"/>).
/// </summary>
/// <remarks>
/// After cli.md's 14 columns follow the in-progress figures: <c>elapsed_days</c>, <c>counted_days</c>,
/// <c>limit_target</c>, <c>limit_days</c>, <c>due_date</c>, <c>working_days_left</c>, <c>overdue</c>.
/// </remarks>
public static class ApplicationsCsvWriter
{
    /// <summary>The columns, in order: cli.md's contract first, then the in-progress figures.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "application_id", "utility", "county", "area", "category", "status", "accepted_at", "connected_at",
        "whole_process_days", "utility_days", "approval_days", "stage_count", "stages", "findings",
        "elapsed_days", "counted_days", "limit_target", "limit_days", "due_date", "working_days_left", "overdue",
    ];

    /// <summary>Writes the header and one row per application of <paramref name="rows"/> (findings from <paramref name="result"/>).</summary>
    public static void Write(MetricsResult result, IEnumerable<ApplicationFigures> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        Csv.Row(writer, [.. Columns]);
        var fields = new string?[Columns.Count];
        var stageText = new Dictionary<int, string>();
        foreach (var f in rows)
        {
            fields[0] = Csv.Text(f.ApplicationId);
            fields[1] = Csv.Text(f.Utility);
            fields[2] = Csv.Text(f.County);
            fields[3] = f.Area == Area.Invalid ? null : Codes.Of(f.Area);
            fields[4] = f.Category == Category.Invalid ? null : Codes.Of(f.Category);
            fields[5] = f.Status == ApplicationStatus.Invalid ? null : Codes.Of(f.Status);
            fields[6] = Formats.IsoDateTime(f.AcceptedAt);
            fields[7] = f.ConnectedAt is { } c ? Formats.IsoDateTime(c) : null;
            fields[8] = N(f.WholeProcessDays);
            fields[9] = N(f.UtilityDays);
            fields[10] = N(f.ApprovalDays);
            fields[11] = Formats.Exact(f.StageCount);
            if (!stageText.TryGetValue(f.Stages.Bits, out var stages)) stageText[f.Stages.Bits] = stages = f.Stages.ToString();
            fields[12] = stages;
            var codes = result.FindingCodes(f);
            fields[13] = Csv.Text(codes.Count switch { 0 => null, 1 => codes[0], _ => string.Join(';', codes) });
            fields[14] = N(f.ElapsedDays);
            fields[15] = N(f.CountedDays);
            fields[16] = Csv.Text(f.LimitTargetId);
            fields[17] = f.LimitDays is { } l ? Formats.Exact(l) : null;
            fields[18] = f.DueDate is { } d ? Formats.Date(d) : null;
            fields[19] = N(f.WorkingDaysLeft);
            fields[20] = f.Overdue is { } o ? (o ? "true" : "false") : null;
            Csv.Row(writer, fields);
        }
    }

    private static string? N(int? v) => v is { } i ? Formats.Exact(i) : null;
}
