using System.CommandLine;
using System.Globalization;
using Analytics.Ingest.Messages;

namespace Analytics.Cli;

/// <summary>Options shared by several commands, and parsing of their values with usage errors (exit 2).</summary>
public static class CliArgs
{
    public static Option<string?> Store() => new("--store")
    {
        Description = CliHelp.Of("数据库：嵌入式数据库的文件路径（默认 ./analytics.db 或 $ANALYTICS_STORE），或 PostgreSQL 连接字符串 / postgres:// 地址。", "The store: a file path for the embedded store (default ./analytics.db or $ANALYTICS_STORE), or a PostgreSQL connection string / postgres:// URL."),
        Recursive = true,
    };

    public static Option<string?> PolicyFile() => new("--policy")
    {
        Description = CliHelp.Of("政策文件（以数据表示的目标），代替内置的 临能源电力发〔2021〕189号。", "A policy file (targets as data) to use instead of the shipped 临能源电力发〔2021〕189号."),
        Recursive = true,
    };

    public static Option<string[]> CalendarFiles() => new("--calendar")
    {
        Description = CliHelp.Of("日历文件，增补或替换法定节假日安排的年份（可重复给出）。", "A calendar file adding or replacing years of the official holiday schedule (repeatable)."),
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> RegistryFile() => new("--registry")
    {
        Description = CliHelp.Of("县（市、区）和供电企业的名录文件，代替内置的临汾市名录。", "A registry file of counties and utilities to use instead of the shipped Linfen one."),
        Recursive = true,
    };

    public static Option<string?> KeyFile() => new("--key-file")
    {
        Description = CliHelp.Of("本机用于对个人信息做散列的密钥文件（默认 $ANALYTICS_KEY_FILE 或 ~/.config/analytics/customer.key）。", "The installation's secret key for hashing personal data (default $ANALYTICS_KEY_FILE or ~/.config/analytics/customer.key)."),
        Recursive = true,
    };

    public static Option<string?> Lang() => new("--lang")
    {
        Description = CliHelp.Of(
            "提示信息（错误、警告、用法、载入摘要、帮助）的语言：zh（中文，默认）或 en（英文）；未给出时取 $ANALYTICS_LANG，否则为 zh。错误代码（拒收文件的代码列）不随之改变。",
            "The language of messages (errors, warnings, usage, load summaries, help): zh (Chinese, the default) or en (English); "
            + "default $ANALYTICS_LANG, else zh. Error codes (the rejects file's code column) do not change with it."),
        Recursive = true,
    };

    /// <summary>The environment variable that chooses the language when <c>--lang</c> is not given.</summary>
    public const string LangVariable = "ANALYTICS_LANG";

    /// <summary>The value of <c>--lang X</c> or <c>--lang=X</c> among <paramref name="args"/> (the last one given), read before parsing.</summary>
    public static string? LanguageArgument(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--") break;
            if (args[i] == "--lang" && i + 1 < args.Count) value = args[++i];
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal)) value = args[i]["--lang=".Length..];
        }
        return value;
    }

    /// <summary>
    /// The language of the invocation: <paramref name="option"/> (from <c>--lang</c>), else <c>$ANALYTICS_LANG</c>, else
    /// Chinese. A value that is no language gives Chinese and a usage error in <paramref name="error"/> (exit 2).
    /// </summary>
    public static MessageLanguage LanguageOf(string? option, out UsageException? error)
    {
        error = null;
        var (source, text) = option is not null ? ("--lang", option)
            : Environment.GetEnvironmentVariable(LangVariable) is { Length: > 0 } env ? (LangVariable, env) : ("", null);
        if (text is null) return MessageLanguage.Chinese;
        if (MessageLanguages.TryParse(text, out var language)) return language;
        error = new UsageException(CliMessages.NotALanguage.With(source, text));
        return MessageLanguage.Chinese;
    }

    /// <summary>The first year a date or period on the command line may name.</summary>
    public const int FirstYear = 1900;

    /// <summary>The last year a date or period on the command line may name (so that every "day after", "a year later" is a date).</summary>
    public const int LastYear = 2999;

    /// <summary>Parses a date option value (yyyy-MM-dd, years <see cref="FirstYear"/>–<see cref="LastYear"/>); null stays null.</summary>
    public static DateOnly? Date(string? text, string option)
    {
        if (text is null) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new UsageException(CliMessages.NotADate.With(option, text));
        Year(d.Year, option, text.Trim());
        return d;
    }

    /// <summary>A usage error unless <paramref name="year"/> is within <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static void Year(int year, string option, string text)
    {
        if (year is < FirstYear or > LastYear)
            throw new UsageException(CliMessages.YearOutside.With(option, text, FirstYear, LastYear));
    }

    /// <summary>
    /// An <c>--out</c> file: not empty, with <paramref name="extension"/> when given (a PDF is not written under
    /// <c>.docx</c>), and not an existing folder, device or pipe. Checked before any work is done.
    /// </summary>
    public static string OutFile(string text, string option, string? extension)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException(CliMessages.EmptyFilePath.With(option));
        if (extension is not null && !text.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            throw new UsageException(CliMessages.WrongExtension.With(option, text, extension));
        try { Analytics.Domain.Output.OutputFile.CheckTarget(text); }
        catch (Analytics.Domain.Output.OutputFileException e) { throw new UsageException(CliMessages.OptionReason.With(option, e.Message), e); }
        return text;
    }

    /// <summary>An <c>--out</c> folder: not empty, and not an existing file, device or pipe.</summary>
    public static string OutDir(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException(CliMessages.EmptyFolderPath.With(option));
        string full;
        try { full = Path.GetFullPath(text); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException(CliMessages.InvalidPath.With(option, text), e);
        }
        if (Analytics.Domain.Output.OutputFile.Kind(full) is not (Analytics.Domain.Output.FileKind.Missing or Analytics.Domain.Output.FileKind.Directory))
            throw new UsageException(CliMessages.NotAFolder.With(option, text));
        return text;
    }

    /// <summary>Parses a required date argument.</summary>
    public static DateOnly RequiredDate(string? text, string name) =>
        Date(text, name) ?? throw new UsageException(CliMessages.RequiredDate.With(name));

    /// <summary>One of the allowed words, case-insensitive; the default when null.</summary>
    public static string OneOf(string? text, string option, string fallback, params string[] allowed)
    {
        if (text is null) return fallback;
        var t = text.Trim().ToLowerInvariant();
        return allowed.Contains(t) ? t
            : throw new UsageException(CliMessages.NotOneOf.With(option, text, ListText.Of(allowed)));
    }
}
