namespace Analytics.Metrics;

/// <summary>Codes and clause of the integrity rules (their Chinese names are in Analytics.Reports <c>WordingTable</c>).</summary>
public static class FindingRules
{
    /// <summary>The plan clause every integrity rule implements.</summary>
    public const string Clause = "任务4";

    /// <summary>Machine code, e.g. <c>out_of_order</c>.</summary>
    public static string Code(FindingRule rule) => rule switch
    {
        FindingRule.OutOfOrder => "out_of_order",
        FindingRule.EnteredLate => "entered_late",
        FindingRule.BackFilled => "back_filled",
        FindingRule.Rewritten => "rewritten",
        FindingRule.Rewalked => "rewalked",
        FindingRule.DataGap => "data_gap",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No code for this rule."),
    };

    /// <summary>Every integrity rule (任务4), in table order; <see cref="FindingRule.DataGap"/> is data quality, not among them.</summary>
    public static IReadOnlyList<FindingRule> All { get; } =
        [FindingRule.OutOfOrder, FindingRule.EnteredLate, FindingRule.BackFilled, FindingRule.Rewritten, FindingRule.Rewalked];

    /// <summary>Parses a code; false for anything else.</summary>
    public static bool TryParse(string? code, out FindingRule rule)
    {
        foreach (var r in All)
            if (string.Equals(Code(r), code, StringComparison.Ordinal)) { rule = r; return true; }
        rule = FindingRule.Invalid;
        return false;
    }
}
