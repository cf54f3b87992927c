using System.CommandLine;
using System.Globalization;

namespace Analytics.Cli;

/// <summary>Options shared by several commands, and parsing of their values with usage errors (exit 2).</summary>
public static class CliArgs
{
    public static readonly Option<string?> Store = new("--store")
    {
        Description = "The store: a file path for the embedded store (default ./analytics.db or $ANALYTICS_STORE), or a PostgreSQL connection string / postgres:// URL.",
        Recursive = true,
    };

    public static readonly Option<string?> PolicyFile = new("--policy")
    {
        Description = "A policy file (targets as data) to use instead of the shipped 临能源电力发〔2021〕189号.",
        Recursive = true,
    };

    public static readonly Option<string[]> CalendarFiles = new("--calendar")
    {
        Description = "A calendar file adding or replacing years of the official holiday schedule (repeatable).",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> RegistryFile = new("--registry")
    {
        Description = "A registry file of counties and utilities to use instead of the shipped Linfen one.",
        Recursive = true,
    };

    public static readonly Option<string?> KeyFile = new("--key-file")
    {
        Description = "The installation's secret key for hashing personal data (default $ANALYTICS_KEY_FILE or ~/.config/analytics/customer.key).",
        Recursive = true,
    };

    /// <summary>Parses a date option value (yyyy-MM-dd); null stays null.</summary>
    public static DateOnly? Date(string? text, string option)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new UsageException($"{option}: \"{text}\" is not a date; expected yyyy-MM-dd, e.g. 2026-11-26.");
    }

    /// <summary>Parses a required date argument.</summary>
    public static DateOnly RequiredDate(string? text, string name) =>
        Date(text, name) ?? throw new UsageException($"{name} is required (yyyy-MM-dd).");

    /// <summary>One of the allowed words, case-insensitive; the default when null.</summary>
    public static string OneOf(string? text, string option, string fallback, params string[] allowed)
    {
        if (text is null) return fallback;
        var t = text.Trim().ToLowerInvariant();
        return allowed.Contains(t) ? t
            : throw new UsageException($"{option}: \"{text}\" is not one of {string.Join(", ", allowed)}.");
    }
}
