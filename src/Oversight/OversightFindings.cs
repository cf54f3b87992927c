using System.Globalization;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Oversight;

/// <summary>
/// What the oversight adds to a county's 问题清单 (weekly ledger) and to the circular (通报): field discrepancies
/// (<c>field_discrepancy</c>) filed in the period, and rectification items overdue at the period's end
/// (<c>rectification_overdue</c>), as <see cref="Finding"/> rows like the integrity findings, with typed evidence
/// (<see cref="FieldDiscrepancyEvidence"/>, <see cref="OverdueRectificationEvidence"/>) that Analytics.Reports words.
/// </summary>
public static class OversightFindings
{
    public const string FieldDiscrepancy = "field_discrepancy";
    public const string RectificationOverdue = "rectification_overdue";

    /// <summary>The rows for <paramref name="county"/> (null: every county) in <paramref name="period"/>, by date.</summary>
    public static IReadOnlyList<Finding> For(IOversightStore store, string? county, MetricsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = new List<Finding>();
        foreach (var r in store.SpotCheckResults())
        {
            if (r.Verified || (county is not null && !string.Equals(r.County, county, StringComparison.Ordinal))) continue;
            var on = DateOnly.FromDateTime(r.FiledAt);
            if (!period.Contains(on)) continue;
            rows.Add(new Finding
            {
                Utility = r.Utility,
                ApplicationId = r.ApplicationId,
                County = r.County,
                Code = FieldDiscrepancy,
                Clause = "四.3",
                Evidence = new FieldDiscrepancyEvidence(r.DrawId, r.Field, r.RecordedValue, r.CustomerValue),
                On = on,
            });
        }
        foreach (var i in store.Rectifications())
        {
            if (!i.IsOverdue(period.To) || (county is not null && !string.Equals(i.County, county, StringComparison.Ordinal))) continue;
            rows.Add(new Finding
            {
                Utility = i.Utility ?? "",
                ApplicationId = i.ApplicationId ?? "整改#" + i.Id.ToString(CultureInfo.InvariantCulture),
                County = i.County ?? "",
                Code = RectificationOverdue,
                Clause = "四.3",
                Evidence = new OverdueRectificationEvidence(i.Id, i.Problem, i.ResponsibleUnit, i.Deadline, period.To, i.Status),
                On = i.Deadline.AddDays(1),
            });
        }
        return [.. rows.OrderBy(f => f.On).ThenBy(f => f.County, StringComparer.Ordinal).ThenBy(f => f.ApplicationId, StringComparer.Ordinal)];
    }
}
