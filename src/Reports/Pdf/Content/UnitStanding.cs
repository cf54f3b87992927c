namespace Analytics.Reports.Pdf.Content;

/// <summary>One utility or county in the circular's ranking.</summary>
/// <param name="Code">Registry code.</param>
/// <param name="Compliant">Compliant application-target pairs (综合达标率 numerator).</param>
/// <param name="Total">Counted application-target pairs.</param>
/// <param name="TargetsMet">Targets in force with something counted, all compliant.</param>
/// <param name="TargetsCounted">Targets in force with something counted.</param>
/// <param name="Rank">1-based rank; null for a unit with nothing counted (not ranked).</param>
internal sealed record UnitStanding(string Code, int Compliant, int Total, int TargetsMet, int TargetsCounted, int? Rank)
{
    public double? Rate => Total == 0 ? null : (double)Compliant / Total;
    public int Breaches => Total - Compliant;
}
