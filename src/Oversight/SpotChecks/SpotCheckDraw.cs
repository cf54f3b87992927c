using Analytics.Metrics;

namespace Analytics.Oversight.SpotChecks;

/// <summary>An inspector of the register (执法检查人员名录): a name and the unit they belong to (a utility or county code, or a bureau).</summary>
public sealed record Inspector(string Name, string Unit);

/// <summary>
/// One stratum of a draw (county × utility): its size, the attribute-sampling size, the risk-weighted extra draws, the
/// applications drawn and the two inspectors (never of the stratum's own utility or county: recusal).
/// </summary>
public sealed record SpotCheckStratum
{
    public required string County { get; init; }
    public required string Utility { get; init; }
    /// <summary>Connected applications of the period in the stratum (the register of targets).</summary>
    public required int Population { get; init; }
    /// <summary>n = min(population, ⌈ln(1 − confidence) / ln(1 − tolerable rate)⌉).</summary>
    public required int BaseSize { get; init; }
    /// <summary>Extra draws among the risk applications not already drawn (see <see cref="SpotCheckPlan.RiskShare"/>).</summary>
    public required int RiskExtra { get; init; }
    /// <summary>Applications of the stratum with a high model risk (<see cref="ModelRiskScores.Cut"/>; 0 without a model).</summary>
    public int ModelRisky { get; init; }
    /// <summary>Why each drawn application is a risk application (<see cref="SpotCheckDraw.Finding"/>, <see cref="SpotCheckDraw.NearLimit"/>, <see cref="SpotCheckDraw.ModelRisk"/>), by <c>utility/id</c>; random draws that are not risk applications are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reasons { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>The drawn applications (utility/application id), base draws first.</summary>
    public required IReadOnlyList<string> Applications { get; init; }
    /// <summary>The two inspectors drawn for the stratum.</summary>
    public required IReadOnlyList<Inspector> Inspectors { get; init; }
}

/// <summary>The rule of a draw (公开: published with the result).</summary>
public sealed record SpotCheckPlan
{
    public double Confidence { get; init; } = 0.95;
    public double TolerableRate { get; init; } = 0.05;
    /// <summary>Risk-weighted oversampling: this share of the stratum's risk applications (findings, a duration at or within one day under its limit, a high model risk) is drawn on top of the base sample, at least one when any.</summary>
    public double RiskShare { get; init; } = 0.2;
    /// <summary>
    /// A high model risk: the early-warning model's miss probability at the end of the accepted day among the register's top
    /// this share — at or above the register's (1 − share) quantile and above its median (<see cref="ModelRiskScores.Cut"/>).
    /// </summary>
    public double ModelRiskTopShare { get; init; } = 0.10;

    /// <summary>⌈ln(1 − confidence) / ln(1 − tolerable rate)⌉: 59 for 95 % and 5 %.</summary>
    public int AttributeSampleSize()
    {
        if (Confidence is <= 0 or >= 1 || TolerableRate is <= 0 or >= 1) throw new ArgumentException("Confidence and tolerable rate must lie strictly between 0 and 1.");
        return (int)Math.Ceiling(Math.Log(1 - Confidence) / Math.Log(1 - TolerableRate) - 1e-9);
    }
}

/// <summary>
/// 双随机 (国发〔2019〕5号): a seeded, reproducible stratified draw of the period's connected applications (county × utility)
/// and of inspector pairs per stratum under recusal. The same answer, plan, inspectors and seed give the same draw.
/// </summary>
public static class SpotCheckDraw
{
    /// <summary>Reason codes of a risk application (JSON <c>reasons</c>).</summary>
    public const string Finding = "finding", NearLimit = "near_limit", ModelRisk = "model_risk";

    /// <remarks>
    /// An empty register draws no inspectors (the pairs are drawn later). The random stream is used the same way whatever
    /// the risk criteria (the base sample and the pairs depend on the seed and the data only); <paramref name="modelRisk"/>
    /// only adds risk applications, so the same seed and the same stored model give the same draw.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Fewer than two inspectors can serve a stratum without inspecting their own unit.</exception>
    public static IReadOnlyList<SpotCheckStratum> Draw(MetricsResult result, IReadOnlyList<Inspector> inspectors, int seed, SpotCheckPlan? plan = null,
        ModelRiskScores? modelRisk = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(inspectors);
        plan ??= new SpotCheckPlan();
        var n = plan.AttributeSampleSize();
        var reasons = new Dictionary<(string, string), List<string>>();
        void Mark((string, string) key, string why)
        {
            if (!reasons.TryGetValue(key, out var list)) reasons[key] = list = [];
            if (!list.Contains(why, StringComparer.Ordinal)) list.Add(why);
        }
        foreach (var f in result.FindingsAndBreaches) Mark((f.Utility, f.ApplicationId), Finding);
        foreach (var d in Forensics.GamingForensics.Durations(result))
            if (d.Days <= d.Limit && d.Days >= d.Limit - 1) Mark((d.Figures.Utility, d.Figures.ApplicationId), NearLimit);
        var modelRisky = new HashSet<(string, string)>();
        var cut = modelRisk?.Cut(plan.ModelRiskTopShare);
        if (modelRisk is { Available: true })
            foreach (var (key, p) in modelRisk.Probabilities.OrderBy(x => x.Key.Utility, StringComparer.Ordinal).ThenBy(x => x.Key.ApplicationId, StringComparer.Ordinal))
                if (ModelRiskScores.IsHigh(p, cut))
                {
                    Mark(key, ModelRisk);
                    modelRisky.Add(key);
                }
        var risky = reasons.Keys.ToHashSet();
        var rng = new Random(seed);
        var strata = new List<SpotCheckStratum>();
        var connected = result.Applications
            .Where(a => a.ConnectedAt is { } c && a.Status == Domain.ApplicationStatus.Connected && result.Period.Contains(DateOnly.FromDateTime(c)))
            .GroupBy(a => (a.County, a.Utility))
            .OrderBy(g => g.Key.County, StringComparer.Ordinal).ThenBy(g => g.Key.Utility, StringComparer.Ordinal);
        foreach (var g in connected)
        {
            // Sorted by key first, so the draw depends on the seed and the data only, never on the input order.
            var pool = g.OrderBy(a => a.ApplicationId, StringComparer.Ordinal).ToList();
            var size = Math.Min(n, pool.Count);
            Shuffle(pool, rng);
            var drawn = pool.Take(size).ToList();
            var rest = pool.Skip(size).Where(a => risky.Contains((a.Utility, a.ApplicationId))).ToList();
            var allRisky = pool.Count(a => risky.Contains((a.Utility, a.ApplicationId)));
            var extra = allRisky == 0 ? 0 : Math.Min(rest.Count, Math.Max(1, (int)Math.Ceiling(plan.RiskShare * allRisky)));
            drawn.AddRange(rest.Take(extra));
            var eligible = inspectors
                .Where(i => !string.Equals(i.Unit, g.Key.Utility, StringComparison.Ordinal) && !string.Equals(i.Unit, g.Key.County, StringComparison.Ordinal))
                .OrderBy(i => i.Unit, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
            if (inspectors.Count > 0 && eligible.Count < 2)
                throw new InvalidOperationException($"县 {g.Key.County} × 供电企业 {g.Key.Utility}：回避本单位后可抽检查人员不足 2 名。");
            Shuffle(eligible, rng);
            strata.Add(new SpotCheckStratum
            {
                County = g.Key.County,
                Utility = g.Key.Utility,
                Population = pool.Count,
                BaseSize = size,
                RiskExtra = extra,
                ModelRisky = pool.Count(a => modelRisky.Contains((a.Utility, a.ApplicationId))),
                Reasons = drawn.Where(a => reasons.ContainsKey((a.Utility, a.ApplicationId)))
                    .ToDictionary(a => a.Utility + "/" + a.ApplicationId, a => (IReadOnlyList<string>)reasons[(a.Utility, a.ApplicationId)], StringComparer.Ordinal),
                Applications = [.. drawn.Select(a => a.Utility + "/" + a.ApplicationId)],
                Inspectors = eligible.Count >= 2 ? [eligible[0], eligible[1]] : [],
            });
        }
        return strata;
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
