using System.CommandLine;

namespace Analytics.Cli.Commands;

/// <summary>Option factories shared by the commands, so each name and help text is written once.</summary>
public static class CommandOptions
{
    public static Option<string?> From() => new("--from") { Description = CliHelp.Of("报告期第一天，yyyy-MM-dd。", "First day of the period, yyyy-MM-dd.") };
    public static Option<string?> To() => new("--to") { Description = CliHelp.Of("报告期最后一天，yyyy-MM-dd（含当天）。", "Last day of the period, yyyy-MM-dd (inclusive).") };
    public static Option<int?> Year() => new("--year") { Description = CliHelp.Of("以一个自然年为报告期。", "A calendar year as the period.") };
    public static Option<string?> AsOf() => new("--as-of") { Description = CliHelp.Of("按该日（yyyy-MM-dd，当日终了）已知的数据；默认：已载入的全部数据。", "What was known on this date (yyyy-MM-dd, end of day); default: everything loaded.") };
    public static Option<string?> County() => new("--county") { Description = CliHelp.Of("县（市、区）：代码（yaodu）或名称（尧都区）。", "A county: code (yaodu) or name (尧都区).") };
    public static Option<string?> Utility() => new("--utility") { Description = CliHelp.Of("供电企业：代码（sgcc-linfen）或名称（国网临汾供电公司）。", "A utility: code (sgcc-linfen) or name (国网临汾供电公司).") };
    public static Option<string?> Format(string allowed) => new("--format") { Description = CliHelp.Of($"输出格式：{allowed}。", $"Output format: {allowed}.") };
    public static Option<string?> Out(string what) => new("--out") { Description = what };
    public static Option<bool> All(string what) => new("--all") { Description = what };
}
