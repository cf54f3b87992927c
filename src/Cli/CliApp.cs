using System.CommandLine;
using System.Globalization;
using Analytics.Cli.Commands;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Messages;
using Analytics.Domain.Output;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Ingest.Messages;
using Analytics.Store;

namespace Analytics.Cli;

/// <summary>
/// Builds the command tree of cli.md and runs it: errors go to stderr as one line each, never a stack
/// trace for a user's mistake; exit codes as <see cref="ExitCodes"/>. Messages are Chinese unless
/// <c>--lang en</c> (or <c>ANALYTICS_LANG=en</c>) asks for English (<see cref="CliArgs.LanguageOf"/>).
/// </summary>
public static partial class CliApp
{
    /// <summary>Runs with the system clock.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, TimeProvider.System);

    /// <summary>Runs with a clock that answers China local time (tests pin it).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<DateTime> chinaLocalNow) =>
        Run(args, stdout, stderr, ChinaTime.FromLocal(chinaLocalNow));

    /// <summary>Runs with <paramref name="clock"/>: the one clock every command and the ingest below it read.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // Every line of an error passes through the redactor: no part of the store's credentials is ever echoed.
        var errors = new SafeErrorWriter(stderr, StoreSecrets.Of(args));
        // The language is known before parsing, so that the parser's own messages and the help speak it too
        // (System.CommandLine ships zh-Hans resources); a bad --lang is reported once the parse is done.
        var language = CliArgs.LanguageOf(CliArgs.LanguageArgument(args), out var languageError);
        var uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language == MessageLanguage.English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var root = BuildRoot(p => new CliContext(p, stdout, errors, clock, language));
            var parse = root.Parse(args);
            if (languageError is not null) return Report(languageError, errors, language);
            if (parse.Errors.Count > 0 && !IsHelp(args))
            {
                foreach (var e in parse.Errors) errors.WriteLine($"analytics: {e.Message}");
                errors.WriteLine(CliMessages.SeeHelp.Text().Render(language));
                return ExitCodes.BadUsage;
            }
            if (IsHelp(args) && language != MessageLanguage.English)
            {
                // The parser's zh-Hans resources leave one heading English ("Description:"); the help is small, so it is
                // written here, that heading in Chinese.
                using var help = new StringWriter(CultureInfo.InvariantCulture);
                var helpCode = parse.Invoke(new InvocationConfiguration { Output = help, Error = errors, EnableDefaultExceptionHandler = false });
                stdout.Write(ChineseHelpHeading().Replace(help.ToString(), "说明:"));
                return helpCode;
            }
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report(e, errors, language);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            errors.Flush();
        }
    }

    private static bool IsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");

    [System.Text.RegularExpressions.GeneratedRegex("^Description:", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ChineseHelpHeading();

    /// <summary>
    /// Maps an exception to its exit code and a one-line message (one line per failure of an
    /// <see cref="AggregateException"/>, identical lines once, the most serious exit code of them).
    /// </summary>
    public static int Report(Exception e, TextWriter stderr) => Report(e, stderr, MessageLanguage.Chinese);

    /// <inheritdoc cref="Report(Exception, TextWriter)"/>
    public static int Report(Exception e, TextWriter stderr, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        if (e is not AggregateException aggregate) return ReportOne(e, stderr, language);
        var code = ExitCodes.Success;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inner in aggregate.Flatten().InnerExceptions)
        {
            using var lines = new StringWriter();
            code = Math.Max(code, ReportOne(inner, lines, language));
            foreach (var line in lines.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
                if (seen.Add(line)) stderr.WriteLine(line);
        }
        return code == ExitCodes.Success ? ExitCodes.Internal : code;
    }

    private static int ReportOne(Exception e, TextWriter stderr, MessageLanguage language)
    {
        string Say(MessageText text) => text.Render(language);
        switch (e)
        {
            case AggregateException a:
                return Report(a, stderr, language);
            case UsageException u:
                stderr.WriteLine($"analytics: {Say(u.Text)}");
                return ExitCodes.BadUsage;
            case BadInputException b:
                if (b.Text is { } one) stderr.WriteLine(Say(one));
                else foreach (var line in b.Lines) stderr.WriteLine(line);
                return ExitCodes.BadInput;
            case CalendarException or PolicyException or InvalidDataException:
                stderr.WriteLine($"analytics: {MessageOf(e, language)}");
                return ExitCodes.BadInput;
            case StoreUnavailableException:
                stderr.WriteLine($"analytics: {MessageOf(e, language)}");
                return ExitCodes.StoreUnreachable;
            case StoreDataException or CustomerKeyMismatchException:
                // Data the store refuses (NUL, a value out of range) or a key that is not this store's: the user's input.
                stderr.WriteLine($"analytics: {OneLine(MessageOf(e, language))}");
                return ExitCodes.BadInput;
            case DuplicateFilingException:
                // Another process filed the same file a moment earlier: nothing was changed by this run.
                stderr.WriteLine($"analytics: {Say(CliMessages.AlreadyLoadedByAnother.With(OneLine(e.Message)))}");
                return ExitCodes.Success;
            case StoreConflictException c:
                // Busy: another process holds the store (SQLite's writer lock, a PostgreSQL lock); nothing was changed.
                stderr.WriteLine($"analytics: {Say(CliMessages.StoreBusy.With(OneLine(MessageOf(c, language))))}");
                Debug(e, stderr);
                return ExitCodes.StoreUnreachable;
            case OutputFileException o:
                // The user's environment (a full disk, a device or folder in the way, no permission), not our bug.
                stderr.WriteLine($"analytics: {OneLine(MessageOf(o, language))}");
                Debug(e, stderr);
                return ExitCodes.BadInput;
            case IOException or UnauthorizedAccessException:
                stderr.WriteLine($"analytics: {Say((e is IOException && OutputFile.IsDiskFull(e) ? CliMessages.DiskFull : CliMessages.IoError).With(OneLine(e.Message)))}");
                Debug(e, stderr);
                return ExitCodes.BadInput;
            case OperationCanceledException:
                stderr.WriteLine($"analytics: {Say(CliMessages.Cancelled.Text())}");
                return ExitCodes.Internal;
            default:
                stderr.WriteLine($"analytics: {Say(CliMessages.InternalError.With(e.GetType().Name, OneLine(e.Message)))}");
                Debug(e, stderr);
                return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// The message of <paramref name="e"/> in <paramref name="language"/>: from ingest's or the CLI's catalogue
    /// (<see cref="LocalizedErrors"/>), from the domain's (<see cref="IDomainLocalizedError"/>), else as worded.
    /// </summary>
    public static string MessageOf(Exception e, MessageLanguage language)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (LocalizedErrors.TextOf(e) is { } text) return text.Render(language);
        if (e is IDomainLocalizedError d) return d.Text.In(language == MessageLanguage.English);
        return e.Message;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static void Debug(Exception e, TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") is "1") stderr.WriteLine(e);
    }

    /// <summary>The command tree; <paramref name="context"/> makes the per-invocation context.</summary>
    public static RootCommand BuildRoot(Func<ParseResult, CliContext> context)
    {
        var root = new RootCommand(CliHelp.Of(
            "analytics —— 临汾市能源局、各县（市、区）能源局和供电企业的“获得电力”合规与指标分析（方案 临能源电力发〔2021〕189号）。",
            "analytics — “获得电力” compliance and KPI analytics for 临汾市能源局, the county energy bureaus and the utilities "
            + "(plan 临能源电力发〔2021〕189号)."));
        // The global options are made for each tree: their descriptions speak the tree's language.
        root.Options.Add(CliArgs.Store());
        root.Options.Add(CliArgs.PolicyFile());
        root.Options.Add(CliArgs.CalendarFiles());
        root.Options.Add(CliArgs.RegistryFile());
        root.Options.Add(CliArgs.KeyFile());
        root.Options.Add(CliArgs.Lang());
        // The parser's own options: its zh-Hans resources leave their descriptions English.
        foreach (var o in root.Options)
        {
            if (o is System.CommandLine.Help.HelpOption) o.Description = CliHelp.Of("显示帮助和用法信息。", "Show help and usage information.");
            else if (o is VersionOption) o.Description = CliHelp.Of("显示版本信息。", "Show version information.");
        }
        root.Subcommands.Add(DemoCommand.Build(context));
        root.Subcommands.Add(IngestCommand.Build(context));
        root.Subcommands.Add(MetricsCommand.Build(context));
        root.Subcommands.Add(ApplicationsCommand.Build(context));
        root.Subcommands.Add(FindingsCommand.Build(context));
        root.Subcommands.Add(LedgerCommand.Build(context));
        root.Subcommands.Add(ReportCommand.Build(context));
        root.Subcommands.Add(RiskCommand.Build(context));
        root.Subcommands.Add(CalendarCommand.Build(context));
        root.Subcommands.Add(GenerateCommand.Build(context));
        root.Subcommands.Add(ServeCommand.Build(context));
        root.Subcommands.Add(UserCommand.Build(context));
        root.Subcommands.Add(ForensicsCommand.Build(context));
        root.Subcommands.Add(SpotCheckCommand.Build(context));
        root.Subcommands.Add(RectifyCommand.Build(context));
        return root;
    }
}
