using System.CommandLine;

namespace Analytics.Cli.Commands;

/// <summary>Option factories shared by the commands, so each name and help text is written once.</summary>
public static class CommandOptions
{
    public static Option<string?> From() => new("--from") { Description = "First day of the period, yyyy-MM-dd." };
    public static Option<string?> To() => new("--to") { Description = "Last day of the period, yyyy-MM-dd (inclusive)." };
    public static Option<int?> Year() => new("--year") { Description = "A calendar year as the period." };
    public static Option<string?> AsOf() => new("--as-of") { Description = "What was known on this date (yyyy-MM-dd, end of day); default: everything loaded." };
    public static Option<string?> County() => new("--county") { Description = "A county: code (yaodu) or name (尧都区)." };
    public static Option<string?> Utility() => new("--utility") { Description = "A utility: code (sgcc-linfen) or name (国网临汾供电公司)." };
    public static Option<string?> Format(string allowed) => new("--format") { Description = $"Output format: {allowed}." };
    public static Option<string?> Out(string what) => new("--out") { Description = what };
    public static Option<bool> All(string what) => new("--all") { Description = what };
}
