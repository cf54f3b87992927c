using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// Derives 三、存在问题 from the engine's results: target breaches grouped by target, integrity findings grouped
/// by rule, and 目标5 area classes not met in the year, ranked by weight = count × severity
/// (<see cref="ProblemSeverity"/>), then by count, then by code.
/// </summary>
internal static class ProblemRanking
{
    /// <summary>
    /// The problems of <paramref name="result"/>, or of one utility or county within it (the city circular ranks each
    /// one's problems from the city-wide result).
    /// </summary>
    /// <remarks>目标5 problems come from <paramref name="yearToDate"/> (the year to the period's end: the target is yearly),
    /// where an area class's verdict is 未达标 or 已无法达标.</remarks>
    public static IReadOnlyList<Problem> Rank(MetricsResult result, Registries registries, MetricsResult yearToDate, string? utility = null, string? county = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(yearToDate);
        var year = yearToDate.Period.To.Year;
        ArgumentNullException.ThrowIfNull(registries);
        var problems = new List<Problem>();
        var targets = result.Policy.Targets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        bool Selected(Finding f) => (utility is null || f.Utility == utility) && (county is null || f.County == county);

        foreach (var group in result.Breaches.Where(b => b.TargetId is not null && Selected(b)).GroupBy(b => b.TargetId!, StringComparer.Ordinal))
        {
            var def = targets.GetValueOrDefault(group.Key);
            var excess = group.Where(b => b.Value is not null && b.Limit is not null).Select(b => b.Value!.Value - b.Limit!.Value).DefaultIfEmpty().Max();
            var isDay = def?.Kind is TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays;
            problems.Add(new Problem(group.Key, (def?.Title ?? WordingTable.FindingLabel(group.First())) + "未达标", group.First().Clause,
                group.Count(), def is null ? 1 : ProblemSeverity.Of(def.Kind), Counties(group, registries))
            { WorstExcess = isDay && excess > 0 ? excess : null });
        }

        foreach (var group in result.Findings.Where(f => f.Rule is not null && Selected(f)).GroupBy(f => f.Rule!.Value))
        {
            // A rule may fire several times on one application (two rewritten stages): count applications.
            var apps = group.DistinctBy(f => (f.Utility, f.ApplicationId)).ToList();
            problems.Add(new Problem(FindingRules.Code(group.Key), ProblemSeverity.Describe(group.Key), FindingRules.Clause,
                apps.Count, ProblemSeverity.Of(group.Key), Counties(apps, registries)));
        }

        // 目标5 by area class: the selection's own reliability entries (all utilities or one; all counties or one).
        var t5 = result.Policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        var missed = yearToDate.Reliability
            .Where(e => e.Year == year && e.Area is not null && e.InForce && e.Status is ReliabilityStatus.NotMet or ReliabilityStatus.Breached && e.Utility == utility && e.County == county)
            .OrderBy(e => e.Area).ToList();
        if (t5 is not null && missed.Count > 0)
        {
            var counties = county is not null ? []
                : yearToDate.Reliability
                    .Where(e => e.Year == year && e.Area is not null && e.InForce && e.Status is ReliabilityStatus.NotMet or ReliabilityStatus.Breached && e.Utility == utility && e.County is not null)
                    .GroupBy(e => e.County!, StringComparer.Ordinal)
                    .Select(g => (County: CountyName(registries, g.Key), Count: g.Count()))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.County, StringComparer.Ordinal).ToList();
            var label = $"{t5.Title}未达标（{string.Join("、", missed.Select(e => Codes.Label(e.Area!.Value)))}）";
            problems.Add(new Problem(t5.Id, label, t5.Clause, missed.Count, ProblemSeverity.Of(TargetKind.Saidi), counties) { Unit = "个供电区域" });
        }

        return problems
            .OrderByDescending(p => p.Weight).ThenByDescending(p => p.Count).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static List<(string County, int Count)> Counties(IEnumerable<Finding> findings, Registries registries) =>
        findings.GroupBy(f => f.County, StringComparer.Ordinal)
            .Select(g => (County: CountyName(registries, g.Key), Count: g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.County, StringComparer.Ordinal).ToList();

    /// <summary>The registry's Chinese name, or the code itself for a county the registry does not know.</summary>
    public static string CountyName(Registries registries, string code) =>
        registries.TryCounty(code, out var c) ? c.Name : code;

    /// <summary>The registry's Chinese name, or the code itself for a utility the registry does not know.</summary>
    public static string UtilityName(Registries registries, string code) =>
        registries.TryUtility(code, out var u) ? u.Name : code;
}
