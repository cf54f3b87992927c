namespace Analytics.Metrics;

/// <summary>Codes, clause and Chinese labels of the integrity rules, in one table.</summary>
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

    /// <summary>Chinese label for reports, e.g. <c>时序异常</c>.</summary>
    public static string Label(FindingRule rule) => rule switch
    {
        FindingRule.OutOfOrder => "时序异常",
        FindingRule.EnteredLate => "体外循环",
        FindingRule.BackFilled => "后补流程",
        FindingRule.Rewritten => "改写",
        FindingRule.Rewalked => "重走流程",
        FindingRule.DataGap => "数据缺项",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No label for this rule."),
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
