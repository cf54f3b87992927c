using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Reports.Export;

/// <summary>
/// <c>analytics metrics --format csv</c> (cli.md): one row per target row of the answer, or with
/// <c>--what reliability</c> one row per reliability entry. Codes, not labels (a machine reads it); the same figures as
/// the JSON (<see cref="MetricsJsonWriter"/>).
/// </summary>
public static class MetricsCsvWriter
{
    /// <summary>The columns of the target rows.</summary>
    public static readonly IReadOnlyList<string> TargetColumns =
    [
        "id", "clause", "group", "county", "utility", "area", "category", "year", "limit", "total", "compliant", "rate", "data_gaps",
        "mean_days", "p90_days", "max_days", "value", "in_force", "met", "status",
    ];

    /// <summary>The columns of the reliability rows.</summary>
    public static readonly IReadOnlyList<string> ReliabilityColumns =
    [
        "year", "from", "to", "county", "utility", "area", "customers", "customer_hours", "customers_interrupted", "saidi_h", "saifi",
        "caidi_h", "asai", "previous_saidi_h", "yoy_change", "target_h", "status",
    ];

    public static void WriteTargets(MetricsResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        Csv.Row(w, TargetColumns);
        foreach (var t in result.Targets)
        {
            var category = t.Group.Category ?? (t.Categories.Count == 1 ? t.Categories[0] : null);
            Csv.Row(w,
            [
                t.Id, t.Clause, t.Group.DimensionCode, Csv.Text(t.Group.County), Csv.Text(t.Group.Utility),
                t.Group.Area is { } a ? Codes.Of(a) : null, category is { } c ? Codes.Of(c) : null,
                N(t.Year), N(t.Limit), Formats.Exact(t.Total), Formats.Exact(t.Compliant), N(t.Rate),
                Formats.Exact(t.DataGaps),
                t.IsDayTarget ? N(t.MeanDays) : null, t.IsDayTarget ? N(t.P90Days) : null, t.IsDayTarget ? N(t.MaxDays) : null,
                N(t.Value), t.InForce ? "true" : "false", t.Met ? "true" : "false",
                t.Status is { } st ? ReliabilityStatuses.Code(st) : !t.InForce ? "not_in_force" : t.Total == 0 ? "no_data" : t.Met ? "met" : "not_met",
            ]);
        }
    }

    public static void WriteReliability(MetricsResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        Csv.Row(w, ReliabilityColumns);
        foreach (var e in result.Reliability)
        {
            Csv.Row(w,
            [
                N(e.Year), Formats.Date(e.From), Formats.Date(e.To), Csv.Text(e.County), Csv.Text(e.Utility),
                e.Area is { } a ? Codes.Of(a) : null, Formats.Exact(e.Customers), Formats.Exact(e.CustomerHours),
                e.CustomersInterrupted.ToString(System.Globalization.CultureInfo.InvariantCulture), Formats.Exact(e.SaidiH),
                Formats.Exact(e.Saifi), N(e.CaidiH), Formats.Exact(e.Asai), N(e.PreviousSaidiH), N(e.YoyChange), N(e.TargetH),
                e.Status is { } s ? ReliabilityStatuses.Code(s) : null,
            ]);
        }
    }

    private static string? N(decimal? d) => d is { } v ? Formats.Exact(v) : null;

    private static string? N(double? d) => d is { } v ? Formats.Exact(v) : null;

    private static string? N(int? i) => i is { } v ? Formats.Exact(v) : null;
}
