using System.CommandLine;
using Analytics.Cli.Commands;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Output;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Store;

namespace Analytics.Cli;

/// <summary>
/// Builds the command tree of cli.md and runs it: errors go to stderr as one line each, never a stack
/// trace for a user's mistake; exit codes as <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
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
        var root = BuildRoot(p => new CliContext(p, stdout, errors, clock));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelp(args))
        {
            foreach (var e in parse.Errors) errors.WriteLine($"analytics: {e.Message}");
            errors.WriteLine("Run 'analytics --help' for usage.");
            return ExitCodes.BadUsage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report(e, errors);
        }
        finally
        {
            errors.Flush();
        }
    }

    private static bool IsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");

    /// <summary>
    /// Maps an exception to its exit code and a one-line message (one line per failure of an
    /// <see cref="AggregateException"/>, identical lines once, the most serious exit code of them).
    /// </summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        if (e is not AggregateException aggregate) return ReportOne(e, stderr);
        var code = ExitCodes.Success;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var inner in aggregate.Flatten().InnerExceptions)
        {
            using var lines = new StringWriter();
            code = Math.Max(code, ReportOne(inner, lines));
            foreach (var line in lines.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
                if (seen.Add(line)) stderr.WriteLine(line);
        }
        return code == ExitCodes.Success ? ExitCodes.Internal : code;
    }

    private static int ReportOne(Exception e, TextWriter stderr)
    {
        switch (e)
        {
            case AggregateException a:
                return Report(a, stderr);
            case UsageException u:
                stderr.WriteLine($"analytics: {u.Message}");
                return ExitCodes.BadUsage;
            case BadInputException b:
                foreach (var line in b.Lines) stderr.WriteLine(line);
                return ExitCodes.BadInput;
            case CalendarException or PolicyException or InvalidDataException:
                stderr.WriteLine($"analytics: {e.Message}");
                return ExitCodes.BadInput;
            case StoreUnavailableException s:
                stderr.WriteLine($"analytics: {s.Message}");
                return ExitCodes.StoreUnreachable;
            case StoreDataException or CustomerKeyMismatchException:
                // Data the store refuses (NUL, a value out of range) or a key that is not this store's: the user's input.
                stderr.WriteLine($"analytics: {OneLine(e.Message)}");
                return ExitCodes.BadInput;
            case DuplicateFilingException:
                // Another process filed the same file a moment earlier: nothing was changed by this run.
                stderr.WriteLine($"analytics: 该文件已由另一进程载入，本次未作任何更改 (already loaded by another process): {OneLine(e.Message)}");
                return ExitCodes.Success;
            case StoreConflictException c:
                // Busy: another process holds the store (SQLite's writer lock, a PostgreSQL lock); nothing was changed.
                stderr.WriteLine($"analytics: 存储正被另一进程占用，本次未作任何更改，请稍后重试 (the store is busy: {OneLine(c.Message)})");
                Debug(e, stderr);
                return ExitCodes.StoreUnreachable;
            case OutputFileException o:
                // The user's environment (a full disk, a device or folder in the way, no permission), not our bug.
                stderr.WriteLine($"analytics: {OneLine(o.Message)}");
                Debug(e, stderr);
                return ExitCodes.BadInput;
            case IOException or UnauthorizedAccessException:
                stderr.WriteLine($"analytics: {(e is IOException && OutputFile.IsDiskFull(e) ? "磁盘空间不足 (disk full): " : "文件读写失败 (I/O error): ")}{OneLine(e.Message)}");
                Debug(e, stderr);
                return ExitCodes.BadInput;
            case OperationCanceledException:
                stderr.WriteLine("analytics: cancelled.");
                return ExitCodes.Internal;
            default:
                stderr.WriteLine($"analytics: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
                Debug(e, stderr);
                return ExitCodes.Internal;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    private static void Debug(Exception e, TextWriter stderr)
    {
        if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") is "1") stderr.WriteLine(e);
    }

    /// <summary>The command tree; <paramref name="context"/> makes the per-invocation context.</summary>
    public static RootCommand BuildRoot(Func<ParseResult, CliContext> context)
    {
        var root = new RootCommand(
            "analytics — “获得电力” compliance and KPI analytics for 临汾市能源局, the county energy bureaus and the utilities "
            + "(plan 临能源电力发〔2021〕189号).");
        root.Options.Add(CliArgs.Store);
        root.Options.Add(CliArgs.PolicyFile);
        root.Options.Add(CliArgs.CalendarFiles);
        root.Options.Add(CliArgs.RegistryFile);
        root.Options.Add(CliArgs.KeyFile);
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
