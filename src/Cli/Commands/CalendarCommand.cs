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
        var cmd = new Command("calendar", CliHelp.Of("国务院工作日历（节假日和调休上班日，内置 2020—2026 年）。", "The working-day calendar of the State Council (holidays and make-up working days, 2020–2026 shipped)."));

        var from = new Argument<string>("FROM") { Description = CliHelp.Of("起始日，yyyy-MM-dd（不计入）。", "Start date, yyyy-MM-dd (not counted).") };
        var to = new Argument<string>("TO") { Description = CliHelp.Of("终止日，yyyy-MM-dd（计入）。", "End date, yyyy-MM-dd (counted).") };
        var workdays = new Command("workdays", CliHelp.Of("输出满足 FROM < d ≤ TO 的工作日 d 的天数。", "Prints the number of working days d with FROM < d ≤ TO.")) { from, to };
        workdays.SetAction(p =>
        {
            var ctx = context(p);
            var a = CliArgs.RequiredDate(p.GetValue(from), "FROM");
            var b = CliArgs.RequiredDate(p.GetValue(to), "TO");
            if (b < a) throw new UsageException(CliMessages.CalendarToBeforeFrom.With(b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            ctx.Out.WriteLine(ctx.Calendar.WorkingDaysBetween(a, b).ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });

        var date = new Argument<string>("DATE") { Description = CliHelp.Of("起始日，yyyy-MM-dd。", "Start date, yyyy-MM-dd.") };
        var n = new Argument<int>("N") { Description = CliHelp.Of("要加上的工作日数（≥ 0）。", "Number of working days to add (≥ 0).") };
        var add = new Command("add", CliHelp.Of("输出 DATE 之后第 N 个工作日的日期。", "Prints the date N working days after DATE.")) { date, n };
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
