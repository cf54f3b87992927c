using Analytics.Metrics;
using Analytics.Reports.Wording;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics findings --format csv</c>: one row per integrity finding or target breach, RFC 4180 (comma, CRLF).
/// <c>code</c> is the rule code (<c>out_of_order</c> …) or the target id (<c>T2a</c> …); <c>label</c> and <c>evidence</c>
/// are Chinese text for people; <c>on</c> is the date that places the finding in the period (yyyy-MM-dd);
/// <c>value</c>/<c>limit</c> are numeric for breaches where they apply, else empty. Text fields a spreadsheet would read as a
/// formula start with an apostrophe (<see cref="Analytics.Domain.Output.SpreadsheetText"/>).
/// </summary>
public static class FindingsCsvWriter
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["utility", "application_id", "county", "code", "clause", "label", "on", "value", "limit", "evidence"];

    public static void Write(IEnumerable<Finding> findings, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(writer);
        Csv.Row(writer, [.. Columns]);
        var fields = new string?[Columns.Count];
        foreach (var f in findings)
        {
            fields[0] = Csv.Text(f.Utility);
            fields[1] = Csv.Text(f.ApplicationId);
            fields[2] = Csv.Text(f.County);
            fields[3] = Csv.Text(f.Code);
            fields[4] = Csv.Text(f.Clause);
            fields[5] = Csv.Text(WordingTable.FindingLabel(f));
            fields[6] = Formats.Date(f.On);
            fields[7] = f.Value is { } v ? Formats.Exact(v) : null;
            fields[8] = f.Limit is { } l ? Formats.Exact(l) : null;
            fields[9] = Csv.Text(EvidenceText.Of(f));
            Csv.Row(writer, fields);
        }
    }
}
