using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Risk;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics risk [--as-of D] [--county C] [--format table|json]</c>: in-progress applications at risk of
/// missing their 目标2 limit, most urgent first, from a model trained on the store's finished applications
/// (or the category-median baseline where the model does not beat it on a later holdout period).
/// </summary>
public static class RiskCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("risk", "In-progress applications at risk of missing their time limit (early warning), most urgent first.");
        var asOf = CommandOptions.AsOf();
        var county = CommandOptions.County();
        var format = CommandOptions.Format("table (default) or json");
        var all = new Option<bool>("--all-in-progress") { Description = "List every in-progress application, not only those at risk." };
        cmd.Options.Add(asOf);
        cmd.Options.Add(county);
        cmd.Options.Add(format);
        cmd.Options.Add(all);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "json");
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var knownAt = CliArgs.Date(p.GetValue(asOf), "--as-of") is { } d ? DayBounds.EndOfDay(d) : (DateTime?)null;
            using var store = ctx.OpenStore();
            var data = RecordSnapshot.Load(store, knownAt);
            var instant = knownAt ?? data.DataThrough ?? ctx.Clock();
            var assessment = Assess(ctx, data, instant, c);
            if (fmt == "json")
            {
                ApplicationsCommand.WriteTo(ctx, null, s => RiskJsonWriter.Write(s, assessment, p.GetValue(all) ? 0 : null));
                return ExitCodes.Success;
            }
            Print(ctx, assessment, p.GetValue(all));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>Trains on what was finished by <paramref name="asOf"/> and assesses what was in progress then.</summary>
    /// <remarks>
    /// The applications are taken as they stood at <paramref name="asOf"/> (metrics.md §8, <see cref="RecordSnapshot.Rewind"/>):
    /// one connected since was in progress then, and its later stage times were not known.
    /// </remarks>
    public static RiskAssessment Assess(CliContext ctx, RecordSnapshot data, DateTime asOf, string? county)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        var model = RiskModel.Train(data.Applications, new RiskModelOptions { Policy = ctx.Policy, Calendar = ctx.Calendar, KnownAt = asOf });
        var end = asOf == DateTime.MaxValue ? asOf : asOf.AddTicks(1);
        var open = data.Where(county, utility: null).Applications
            .Select(a => RecordSnapshot.Rewind(a, end))
            .Where(a => a is { Status: ApplicationStatus.InProgress })
            .Select(a => a!);
        return new RiskAssessor(model).Assess(open, asOf);
    }

    /// <summary>The instant a period's in-progress list speaks of (metrics.md §8): min(end of the period, the as-of).</summary>
    public static DateTime AsOf(DateTime periodEnd, DateTime asOf) => asOf < periodEnd ? asOf : periodEnd.AddTicks(-1);

    /// <summary>The miss probability of every in-progress application, for the ledger's 风险 column.</summary>
    public static IReadOnlyDictionary<(string Utility, string ApplicationId), double> Probabilities(CliContext ctx, RecordSnapshot data, DateTime asOf) =>
        Assess(ctx, data, asOf, county: null).Probabilities();

    private static void Print(CliContext ctx, RiskAssessment a, bool all)
    {
        var inv = CultureInfo.InvariantCulture;
        var ev = a.Model.Evaluation;
        ctx.Out.WriteLine(string.Create(inv,
            $"截至 {a.AsOf:yyyy-MM-dd HH:mm}；模型：{(a.Model.Used ? "FastTree 回归（部分类别）" : "未优于基线，使用类别中位数基线")}；"
            + $"训练 {a.Model.TrainedOn.Count} 件 ({a.Model.TrainedOn.From:yyyy-MM-dd} – {a.Model.TrainedOn.To:yyyy-MM-dd})；"
            + $"留出期 MAE {ev.Model.MaeDays:0.00} 天（基线 {ev.Baseline.MaeDays:0.00} 天），AUC {ev.Model.Auc:0.000}"));
        var rows = all ? a.Applications : a.AtRisk();
        var t = ConsoleTables.Table($"超期风险工单（{rows.Count} 件）", "县（市、区）", "供电企业", "工单编号", "用户类别", "目标", "已用", "限值", "到期日", "剩余", "预测", "超期概率");
        foreach (var r in rows)
            ConsoleTables.Row(t, ctx.Registries.County(r.County).Name, ctx.Registries.Utility(r.Utility).ShortName, r.ApplicationId,
                Codes.Label(r.Category), r.TargetId, ConsoleTables.Num(r.CountedDays), ConsoleTables.Num(r.LimitDays),
                r.DueDate.ToString("yyyy-MM-dd", inv), ConsoleTables.Num(r.DaysLeft), ConsoleTables.Num(r.PredictedDays, "0.0"),
                ConsoleTables.Pct(r.MissProbability));
        ConsoleTables.Write(ctx.Out, t);
    }
}
