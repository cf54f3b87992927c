using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Reports.Oversight;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics forensics [--from D --to D] [--format table|json]</c> (cli.md §6): tests over many records for
/// gaming (bunching at the limit day, stamps outside working time, whole-day durations, Wednesday entry bursts, pauses
/// under the limit), flagged at α = 0.01 with Holm's correction over every test (docs/oversight.md).
/// </summary>
public static class ForensicsCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("forensics", CliHelp.Of("数据造假风险检验（任务4）：对大量记录做统计检验，按给定误报率提示（α = 0.01，Holm 校正）。", "Gaming forensics (任务4): tests over many records, flagged at a stated false-alarm rate (α = 0.01, Holm)."));
        var period = new PeriodOptions();
        period.AddTo(cmd, withYear: true);
        var format = CommandOptions.Format(CliHelp.Of("table（默认）或 json", "table (default) or json"));
        cmd.Options.Add(format);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "json");
            using var store = ctx.OpenStore();
            // The store's applications streamed through the engine's per-application figures into the tests' tallies, none
            // kept (issue 12: memory bounded by the answer, not the store); the period's open end, if any, from a first
            // streamed pass over the data's dates. The same flags as the engine's answer over every record.
            var knownAt = period.KnownAt(p);
            var asOf = period.AsOfInstant(p, ctx, store);
            var range = period.Period(p, asOf,
                () => RecordSnapshot.Span(RecordSnapshot.StreamApplications(store, knownAt, scope: null), store.Outages(), asOf), allData: true);
            var forensics = Analytics.Reports.Oversight.OversightDigest.StoreForensics(ctx.Policy, ctx.Calendar, store, knownAt, range, asOf);
            if (fmt == "json")
            {
                ApplicationsCommand.WriteTo(ctx, null, s => ForensicsJsonWriter.Write(forensics, s));
                return ExitCodes.Success;
            }
            var flagged = forensics.Flagged.ToList();
            var t = ConsoleTables.Table(string.Create(CultureInfo.InvariantCulture,
                    $"数据造假风险检验 {range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd}：{forensics.TestCount} 项检验，α = {forensics.Alpha:0.###}（Holm 校正），{flagged.Count} 项提示"),
                "检验", "目标", "供电企业", "县（市、区）", "p 值", "校正 p 值", "依据");
            foreach (var f in flagged)
                ConsoleTables.Row(t, f.Test, f.Target ?? "", f.Utility is { } u ? ctx.Registries.Utility(u).ShortName : "全部",
                    f.County is { } c ? ctx.Registries.County(c).Name : "全部",
                    f.PValue.ToString("E2", CultureInfo.InvariantCulture), f.PAdjusted.ToString("E2", CultureInfo.InvariantCulture), f.Evidence);
            ConsoleTables.Write(ctx.Out, t);
            return ExitCodes.Success;
        });
        return cmd;
    }
}
