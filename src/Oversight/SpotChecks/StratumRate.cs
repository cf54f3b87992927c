using Analytics.Domain.Storage;
using Analytics.Oversight.Statistics;

namespace Analytics.Oversight.SpotChecks;

/// <summary>
/// A stratum's discrepancy rate from the field results: <see cref="Discrepant"/> of <see cref="Checked"/> applications
/// (an application with any discrepancy counts once), with the one-sided Clopper–Pearson upper bound at
/// <see cref="Confidence"/>: "at most this share of the stratum's records is wrong", the claim the sample size was made for.
/// </summary>
public sealed record StratumRate(string County, string Utility, int Drawn, int Checked, int Discrepant, double Confidence)
{
    /// <summary>Discrepant / checked; 0 when none checked.</summary>
    public double Rate => Checked == 0 ? 0 : (double)Discrepant / Checked;

    /// <summary>Clopper–Pearson upper bound; 1 when none checked.</summary>
    public double UpperBound => ExactTests.ClopperPearsonUpper(Discrepant, Checked, Confidence);

    /// <summary>One rate per stratum of the draw (in the draw's order), from the draw's field results.</summary>
    public static IReadOnlyList<StratumRate> Of(SpotCheckDrawRecord draw, IEnumerable<SpotCheckResult> results, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(results);
        var byApp = results.Where(r => string.Equals(r.DrawId, draw.DrawId, StringComparison.Ordinal))
            .GroupBy(r => (r.Utility, r.ApplicationId)).ToDictionary(g => g.Key, g => g.Any(r => !r.Verified));
        return [.. draw.Items.GroupBy(i => (i.County, i.Utility)).Select(g =>
        {
            var checkedApps = g.Where(i => byApp.ContainsKey((i.Utility, i.ApplicationId))).ToList();
            return new StratumRate(g.Key.County, g.Key.Utility, g.Count(), checkedApps.Count,
                checkedApps.Count(i => byApp[(i.Utility, i.ApplicationId)]), confidence);
        })];
    }
}
