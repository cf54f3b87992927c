namespace Analytics.Reports.Pdf.Content;

/// <summary>One target of a unit in the circular's ranking: its applications counted once each, and its rate's Wilson interval.</summary>
internal sealed record TargetStanding(string Id, int Compliant, int Total)
{
    public double Rate => Total == 0 ? 0 : (double)Compliant / Total;
    public (double Lower, double Upper) Interval => Wilson.Interval(Compliant, Total);
}

/// <summary>One utility or county in the circular's ranking (<see cref="UnitRanking"/>, rule <see cref="Analytics.Reports.Wording.WordingTable.RankingRule"/>).</summary>
/// <param name="Code">Registry code.</param>
/// <param name="Accepted">Applications accepted in the period (the sample size the minimum applies to).</param>
/// <param name="Targets">The targets in force with something counted for this unit.</param>
/// <param name="Rank">1-based rank; null for a unit not ranked (样本不足, or nothing counted).</param>
internal sealed record UnitStanding(string Code, int Accepted, IReadOnlyList<TargetStanding> Targets, int? Rank)
{
    /// <summary>Fewer applications than <see cref="UnitRanking.MinimumApplications"/>: listed as 样本不足, not ranked.</summary>
    public bool TooFew => Accepted < UnitRanking.MinimumApplications;

    public int TargetsCounted => Targets.Count;

    /// <summary>Targets with every application compliant.</summary>
    public int TargetsMet => Targets.Count(t => t.Compliant == t.Total);

    /// <summary>Targets whose rate is at least <see cref="UnitRanking.GoodRate"/>.</summary>
    public int TargetsGood => Targets.Count(t => t.Rate >= UnitRanking.GoodRate);

    /// <summary>Application-target pairs counted and compliant (each application once per target).</summary>
    public int Total => Targets.Sum(t => t.Total);

    public int Compliant => Targets.Sum(t => t.Compliant);

    /// <summary>Non-compliant application-target pairs.</summary>
    public int Breaches => Total - Compliant;

    /// <summary>综合达标率: the mean of the targets' rates, each target weighing the same; null when nothing was counted.</summary>
    public double? Rate => Targets.Count == 0 ? null : Targets.Average(t => t.Rate);

    /// <summary>The mean of the targets' Wilson 95 % bounds (the ranking key is <see cref="Lower"/>).</summary>
    public double? Lower => Targets.Count == 0 ? null : Targets.Average(t => t.Interval.Lower);

    public double? Upper => Targets.Count == 0 ? null : Targets.Average(t => t.Interval.Upper);

    /// <summary>What a reader takes from the row: 14项目标中12项达标率不低于95%（其中5项全部达标）.</summary>
    public string Verdict => Targets.Count == 0
        ? "本期无应考核工单"
        : $"{Targets.Count}项目标中{TargetsGood}项达标率不低于{UnitRanking.GoodRate * 100:0}%" + (TargetsMet > 0 ? $"（其中{TargetsMet}项全部达标）" : "");
}

/// <summary>The Wilson score interval of a proportion (95 %, z = 1.96): honest for small samples and for rates near 100 %.</summary>
internal static class Wilson
{
    public const double Z = 1.959963984540054;

    public static (double Lower, double Upper) Interval(int successes, int n)
    {
        if (n <= 0) return (0, 1);
        var p = (double)successes / n;
        var z2 = Z * Z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
