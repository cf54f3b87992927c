using System.CommandLine;
using Analytics.Cli.Commands;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;

namespace Analytics.Cli;

/// <summary>
/// Builds the command tree of cli.md and runs it: errors go to stderr as one line each, never a stack
/// trace for a user's mistake; exit codes as <see cref="ExitCodes"/>.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, () => DateTime.Now);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<DateTime> clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = BuildRoot(p => new CliContext(p, stdout, stderr, clock));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelp(args))
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"analytics: {e.Message}");
            stderr.WriteLine("Run 'analytics --help' for usage.");
            return ExitCodes.BadUsage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return Report(e, stderr);
        }
    }

    private static bool IsHelp(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");

    /// <summary>Maps an exception to its exit code and a one-line message.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (e)
        {
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
            case OperationCanceledException:
                stderr.WriteLine("analytics: cancelled.");
                return ExitCodes.Internal;
            default:
                stderr.WriteLine($"analytics: internal error: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") is "1") stderr.WriteLine(e);
                return ExitCodes.Internal;
        }
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
        return root;
    }
}
