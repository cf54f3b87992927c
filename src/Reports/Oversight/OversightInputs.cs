using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Reports.Oversight;

/// <summary>
/// What the bureau's oversight (issue 16, 四、3 督导检查、抽查) adds to a ledger or a circular, as plain data already
/// decided by the caller (the CLI composes it from the store with <c>Analytics.Oversight</c>): the field discrepancies and
/// overdue rectification items as <see cref="Finding"/> rows, each stratum's discrepancy rate with its upper bound, the
/// flagged forensics tests, and the rectification items with their status. Reports only select, order and label these:
/// no rate, bound, p-value or overdue verdict is computed here.
/// </summary>
/// <remarks>
/// Reports takes this record rather than referencing <c>Analytics.Oversight</c> so that every figure is fixed before a
/// layout sees it (a <c>StratumRate.UpperBound</c> is a computation, a <see cref="SpotCheckStratumLine.UpperBound"/> is a
/// number) and Reports does not depend on the oversight's statistics. Each document takes its own part: a county's
/// ledger the rows of its county only.
/// </remarks>
public sealed record OversightInputs
{
    /// <summary>No oversight data: the documents look as they did before issue 16.</summary>
    public static OversightInputs None { get; } = new();

    /// <summary>
    /// <c>field_discrepancy</c> rows filed in the document's period and <c>rectification_overdue</c> rows overdue at its end
    /// (<c>OversightFindings.For</c>), every county, by date.
    /// </summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The discrepancy rate of each stratum of the draws with field results filed in the document's period.</summary>
    public IReadOnlyList<SpotCheckStratumLine> Strata { get; init; } = [];

    /// <summary>Totals of <see cref="Strata"/> (draws, strata, checked, discrepant).</summary>
    public SpotCheckTotals SpotChecks { get; init; } = new(0, 0, 0, 0);

    /// <summary>The flagged forensics tests over <see cref="ForensicsPeriod"/> (adjusted p ≤ <see cref="ForensicsAlpha"/>).</summary>
    public IReadOnlyList<ForensicsFlagLine> Flags { get; init; } = [];

    /// <summary>How many tests the forensics ran (Holm's correction covered them all); 0 when it did not run.</summary>
    public int ForensicsTestCount { get; init; }

    /// <summary>The stated family-wise false-alarm rate of the forensics.</summary>
    public double ForensicsAlpha { get; init; }

    /// <summary>The period the forensics tested (inclusive), or null when it did not run.</summary>
    public MetricsPeriod? ForensicsPeriod { get; init; }

    /// <summary>Every rectification item (整改台账) with its status judged on <see cref="JudgedOn"/>, by id.</summary>
    public IReadOnlyList<RectificationLine> Rectifications { get; init; } = [];

    /// <summary>Counts of <see cref="Rectifications"/> by status, and the overdue ones.</summary>
    public RectificationTotals RectificationCounts { get; init; } = new(0, 0, 0, 0);

    /// <summary>Whether there is anything to say (a document leaves its oversight part out when not).</summary>
    public bool IsEmpty => Findings.Count == 0 && Strata.Count == 0 && ForensicsTestCount == 0 && Rectifications.Count == 0;

    /// <summary>The day <see cref="RectificationLine.Overdue"/> is judged on (the document's last day).</summary>
    public DateOnly? JudgedOn { get; init; }

    /// <summary>The <see cref="Findings"/> of one county.</summary>
    public IEnumerable<Finding> FindingsOf(string county) => Findings.Where(f => string.Equals(f.County, county, StringComparison.Ordinal));
}

/// <summary>
/// One stratum (county × utility) of a spot-check draw: drawn, checked and discrepant applications, the rate
/// (discrepant / checked) and its one-sided Clopper–Pearson upper bound at <paramref name="Confidence"/>.
/// </summary>
public sealed record SpotCheckStratumLine(string DrawId, string County, string Utility, int Drawn, int Checked, int Discrepant,
    double Rate, double UpperBound, double Confidence);

/// <summary>
/// A flagged forensics test: test code, day target, utility and county (null: every one), the exact and the Holm-adjusted
/// p-value, the evidence and how many applications are behind it.
/// </summary>
public sealed record ForensicsFlagLine(string Test, string? Target, string? Utility, string? County, double PValue, double PAdjusted,
    string Evidence, int Applications);

/// <summary>A rectification item (整改台账) and whether it is overdue on <see cref="OversightInputs.JudgedOn"/>.</summary>
public sealed record RectificationLine(RectificationItem Item, bool Overdue);

/// <summary>Totals of the strata shown: the draws, the strata, the applications checked and those with a discrepancy.</summary>
public sealed record SpotCheckTotals(int Draws, int Strata, int Checked, int Discrepant);

/// <summary>Rectification items by status (待整改, 整改中, 已销号) and those overdue (not closed after their deadline).</summary>
public sealed record RectificationTotals(int Open, int InProgress, int Closed, int Overdue);
