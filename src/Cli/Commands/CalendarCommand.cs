using System.CommandLine;
using System.Globalization;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics calendar workdays FROM TO</c> and <c>analytics calendar add DATE N</c> (metrics.md §1).</summary>
public static class CalendarCommand
{
    /// <summary>The most working days <c>calendar add</c> takes.</summary>
    public const int MaxWorkingDays = 1_000_000;

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("calendar", "The working-day calendar of the State Council (holidays and make-up working days, 2020–2026 shipped).");

        var from = new Argument<string>("FROM") { Description = "Start date, yyyy-MM-dd (not counted)." };
        var to = new Argument<string>("TO") { Description = "End date, yyyy-MM-dd (counted)." };
        var workdays = new Command("workdays", "Prints the number of working days d with FROM < d ≤ TO.") { from, to };
        workdays.SetAction(p =>
        {
            var ctx = context(p);
            var a = CliArgs.RequiredDate(p.GetValue(from), "FROM");
            var b = CliArgs.RequiredDate(p.GetValue(to), "TO");
            if (b < a) throw new UsageException(CliMessages.CalendarToBeforeFrom.With(b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            ctx.Out.WriteLine(ctx.Calendar.WorkingDaysBetween(a, b).ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });

        var date = new Argument<string>("DATE") { Description = "Start date, yyyy-MM-dd." };
        var n = new Argument<int>("N") { Description = "Number of working days to add (≥ 0)." };
        var add = new Command("add", "Prints the date N working days after DATE.") { date, n };
        add.SetAction(p =>
        {
            var ctx = context(p);
            var d = CliArgs.RequiredDate(p.GetValue(date), "DATE");
            var count = p.GetValue(n);
            if (count < 0) throw new UsageException(CliMessages.CalendarNegative.With(count));
            // Far beyond any calendar (about 4,000 years of working days); also keeps the calendar's sums from overflowing.
            if (count > MaxWorkingDays)
                throw new UsageException(CliMessages.CalendarTooMany.With(count, MaxWorkingDays.ToString("N0", CultureInfo.InvariantCulture)));
            ctx.Out.WriteLine(ctx.Calendar.AddWorkingDays(d, count).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });

        cmd.Subcommands.Add(workdays);
        cmd.Subcommands.Add(add);
        return cmd;
    }
}
