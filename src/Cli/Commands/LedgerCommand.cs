using Analytics.Domain;
using Analytics.Domain.Storage;
using System.CommandLine;
using Analytics.Reports.Ledger;
using Analytics.Metrics;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics ledger --county C --date THURSDAY [--out DIR]</c>, <c>--all</c>, <c>--city</c>: the weekly
/// work ledger (工作台账, plan 四、1) due on a Thursday, covering the seven days to the Wednesday before.
/// </summary>
public static class LedgerCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("ledger", CliHelp.Of("一个县（市、区）、全部 17 个县（市、区）（--all）或全市汇总（--city）的每周工作台账，按应报送的周四编制。", "The weekly ledger workbook (工作台账) of a county, of all 17 counties (--all), or the city's roll-up (--city), for the Thursday it is due."));
        var county = CommandOptions.County();
        var all = CommandOptions.All(CliHelp.Of("每个县（市、区）的台账。", "Every county's ledger."));
        var city = new Option<bool>("--city") { Description = CliHelp.Of("全市本周汇总（每县一行，汇总问题，未报送的台账）。", "The city's roll-up of the week (one row per county, combined issues, missing ledgers).") };
        var date = new Option<string>("--date") { Description = CliHelp.Of("台账应报送的周四（yyyy-MM-dd）。", "The Thursday the ledger is due (yyyy-MM-dd)."), Required = true };
        var output = CommandOptions.Out(CliHelp.Of("写入的文件夹（默认 ./out）。", "Folder to write into (default ./out)."));
        var noRisk = new Option<bool>("--no-risk") { Description = CliHelp.Of("在途工单的“风险”列留空（不训练超期预警模型）。", "Leave the 风险 column of 在途工单 empty (skips training the early-warning model).") };
        var asOf = CommandOptions.AsOf();
        cmd.Options.Add(county);
        cmd.Options.Add(all);
        cmd.Options.Add(city);
        cmd.Options.Add(date);
        cmd.Options.Add(output);
        cmd.Options.Add(noRisk);
        cmd.Options.Add(asOf);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var modes = (p.GetValue(county) is not null ? 1 : 0) + (p.GetValue(all) ? 1 : 0) + (p.GetValue(city) ? 1 : 0);
            if (modes != 1) throw new UsageException(CliMessages.LedgerMode.Text());
            var week = Week(CliArgs.RequiredDate(p.GetValue(date), "--date"));
            var countyEntry = p.GetValue(county) is { } c ? Resolve(ctx, c) : null;
            var outDir = CliArgs.OutDir(p.GetValue(output) ?? "out", "--out");
            var knownAt = CliArgs.Date(p.GetValue(asOf), "--as-of") is { } d ? DayBounds.EndOfDay(d) : (DateTime?)null;
            using var store = ctx.OpenStore();
            // Each county's ledger reads its own week from the store and takes its year to date from the store's counts
            // (LedgerStore, issue 12). The 风险 column comes from a model the store keeps for exactly its filings and the
            // week's as-of (RiskCommand.Stored), scoring the applications in progress then; without such a model one is
            // trained from the store's applications streamed (RiskCommand.Trained) and kept for the next call. The city's
            // roll-up makes its county ledgers the same way, one at a time, its 全市 line from the store's counts, and its
            // forensics (each unit tested against the rest of the city) over the city's applications of the year streamed
            // from the store, none kept.
            // ANALYTICS_METRICS_FROM_RECORDS=1 makes the ledgers from the records of the county's (or the city's) year
            // instead, the forensics over the city's records: the comparison of the tests.
            var withRisk = !(p.GetValue(noRisk) || p.GetValue(city));
            var recordsAsked = Environment.GetEnvironmentVariable(MetricsCommand.FromRecordsVariable) is "1";
            var source = recordsAsked ? null : new LedgerStore(store, ctx.Derivation, knownAt);
            var data = source is not null ? source.Head() : RecordSnapshot.Load(store, knownAt, withRisk ? null : week.Scope(countyEntry?.Code));
            PeriodOptions.RequireData(data, week.FirstDay, $"{week.Thursday:yyyy-MM-dd} 的工作台账");
            var inputs = Inputs(ctx, data, knownAt) with { Store = source };
            var riskAsOf = RiskCommand.AsOf(week.End, inputs.AsOfFor(week));
            var kept = withRisk && source is not null
                ? (RiskCommand.Stored(ctx, store, knownAt, riskAsOf, countyEntry?.Code)
                   ?? RiskCommand.Trained(ctx, store, knownAt, riskAsOf, countyEntry?.Code)).Probabilities()
                : null;
            // The oversight (issue 16): the week's field results and overdue items; the year's forensics over the whole city
            // for the city's roll-up only — a county's ledger reads the same alone or with --all, and never pays for the city.
            var (weekPeriod, yearToDate) = (new MetricsPeriod(week.FirstDay, week.LastDay), new MetricsPeriod(week.YearToDateFrom, week.LastDay));
            inputs = inputs with
            {
                Oversight = !p.GetValue(city) ? OversightDigest.For(ctx, store, null, weekPeriod, yearToDate, inputs.AsOfFor(week))
                    : source is null ? OversightDigest.For(ctx, store, data, weekPeriod, yearToDate, inputs.AsOfFor(week))
                    : OversightDigest.ForStore(ctx, store, knownAt, weekPeriod, yearToDate, inputs.AsOfFor(week)),
            };
            var risk = !withRisk ? null : kept ?? RiskCommand.Probabilities(ctx, data, riskAsOf);
            if (countyEntry is not null)
                ctx.Out.WriteLine(WeeklyLedgers.WriteCounty(inputs, countyEntry.Code, week, outDir, risk));
            else if (p.GetValue(all))
                foreach (var path in WeeklyLedgers.WriteAll(inputs, week, outDir, risk)) ctx.Out.WriteLine(path);
            else
                ctx.Out.WriteLine(WeeklyLedgers.WriteCity(inputs, week, outDir));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>The week of a Thursday, or a usage error naming the nearest Thursdays.</summary>
    public static LedgerWeek Week(DateOnly thursday)
    {
        try { return LedgerWeek.For(thursday); }
        catch (LedgerDateException e) { throw new UsageException(CliMessages.OptionReasonText.With("--date", new DomainLocalized(((Analytics.Domain.Messages.IDomainLocalizedError)e).Text)), e); }
    }

    private static Domain.Registry.RegistryEntry Resolve(CliContext ctx, string text)
    {
        try { return WeeklyLedgers.County(ctx.Registries, text); }
        catch (LedgerCountyException e) { throw new UsageException(CliMessages.OptionReason.With("--county", e.Message), e); }
    }

    public static LedgerInputs Inputs(CliContext ctx, RecordSnapshot data, DateTime? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        return new LedgerInputs
        {
            Records = data,
            AsOf = asOf,
            Policy = ctx.Policy,
            Calendar = ctx.Calendar,
            Registries = ctx.Registries,
        };
    }
}
