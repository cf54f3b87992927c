using System.CommandLine;
using System.Text;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Export;
using Analytics.Reports.Wording;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics findings</c>: every integrity finding and target breach of a period, with evidence (cli.md).</summary>
public static class FindingsCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("findings", CliHelp.Of("报告期内的全部诚信问题（任务4）和目标未达情况，附依据。", "Every integrity finding (任务4) and target breach of the period, with its evidence."));
        var period = new PeriodOptions();
        period.AddTo(cmd, withYear: false);
        var county = CommandOptions.County();
        var utility = CommandOptions.Utility();
        var format = CommandOptions.Format(CliHelp.Of("table（默认）、csv 或 json", "table (default), csv or json"));
        cmd.Options.Add(county);
        cmd.Options.Add(utility);
        cmd.Options.Add(format);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "csv", "json");
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var u = p.GetValue(utility) is { } ut ? ctx.Utility(ut).Code : null;
            using var store = ctx.OpenStore();
            var (data, asOf, question) = period.Load(p, ctx, store, c, u, allData: fmt != "table");
            var result = MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, question, asOf, c, u));
            var rows = result.FindingsAndBreaches.ToList();
            switch (fmt)
            {
                case "json":
                    ApplicationsCommand.WriteTo(ctx, null, s => FindingsJsonWriter.Write(rows, s));
                    break;
                case "csv":
                    ApplicationsCommand.WriteTo(ctx, null, s =>
                    {
                        using var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
                        FindingsCsvWriter.Write(rows, w);
                    });
                    break;
                default:
                    // For people: the current year unless a period is given, and the counts before the list (issue 15).
                    var summary = ConsoleTables.Table($"问题汇总 {result.Period.From:yyyy-MM-dd} – {result.Period.To:yyyy-MM-dd}（共 {rows.Count} 条）", "问题", "条款", "条数");
                    foreach (var g in rows.GroupBy(f => (f.Code, Label: WordingTable.FindingLabel(f), f.Clause)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
                        ConsoleTables.Row(summary, $"{g.Key.Code} {g.Key.Label}", g.Key.Clause, g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
                    ConsoleTables.Write(ctx.Out, summary);
                    var t = ConsoleTables.Table($"问题清单 {result.Period.From:yyyy-MM-dd} – {result.Period.To:yyyy-MM-dd}（{rows.Count} 条）",
                        "日期", "县（市、区）", "供电企业", "工单编号", "问题", "条款", "依据");
                    foreach (var f in rows.OrderBy(f => f.On).ThenBy(f => f.County, StringComparer.Ordinal))
                        ConsoleTables.Row(t, f.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                            ctx.Registries.County(f.County).Name, ctx.Registries.Utility(f.Utility).ShortName,
                            f.ApplicationId, $"{f.Code} {WordingTable.FindingLabel(f)}", f.Clause, EvidenceText.Of(f));
                    ConsoleTables.Write(ctx.Out, t);
                    break;
            }
            return ExitCodes.Success;
        });
        return cmd;
    }
}
