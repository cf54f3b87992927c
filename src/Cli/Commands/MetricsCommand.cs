using Analytics.Reports.Wording;
using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports;
using Analytics.Reports.Export;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics metrics</c>: every target and indicator of metrics.md for a period (cli.md).</summary>
public static class MetricsCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("metrics", CliHelp.Of("报告期内方案的全部目标和指标：表格，或 --format json 时的 JSON 契约格式。", "Every target and indicator of the plan for a period: a table, or the JSON contract with --format json."));
        var period = new PeriodOptions();
        period.AddTo(cmd, withYear: true);
        var county = CommandOptions.County();
        var utility = CommandOptions.Utility();
        var format = CommandOptions.Format(CliHelp.Of("table（默认）、json 或 csv（每个目标行一行；--what reliability 输出供电可靠性各行）", "table (default), json, or csv (one row per target row; --what reliability for the reliability rows)"));
        var what = new Option<string?>("--what") { Description = CliHelp.Of("与 --format csv 同用：targets（目标，默认）或 reliability（供电可靠性）。", "With --format csv: targets (default) or reliability.") };
        cmd.Options.Add(county);
        cmd.Options.Add(utility);
        cmd.Options.Add(format);
        cmd.Options.Add(what);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "json", "csv");
            var rows = CliArgs.OneOf(p.GetValue(what), "--what", "targets", "targets", "reliability");
            if (p.GetValue(what) is not null && fmt != "csv")
                throw new UsageException(CliMessages.WhatOnlyForCsv.Text());
            _ = ctx.Policy; // a bad --policy fails before the store is opened
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var u = p.GetValue(utility) is { } ut ? ctx.Utility(ut).Code : null;
            using var store = ctx.OpenStore();
            ProblemCounts? problems = null;
            MetricsResult result;
            if (fmt == "table" && Table(p, ctx, store, period, c, u) is { } table) (result, problems) = table;
            else result = fmt != "table" && Counted(p, ctx, store, period, c, u) is { } counted ? counted : FromRecords(p, ctx, store, period, c, u);
            if (fmt == "json") MetricsJsonWriter.Write(result, ctx.Out);
            else if (fmt == "csv" && rows == "reliability") MetricsCsvWriter.WriteReliability(result, ctx.Out);
            else if (fmt == "csv") MetricsCsvWriter.WriteTargets(result, ctx.Out);
            else PrintTables(ctx, result, problems ?? ProblemCounts.Of(result));
            foreach (var e in result.Errors.Where(e => e.Kind != MetricsErrorKind.CalendarMissingYear || fmt == "table").Take(20))
                ctx.Err.WriteLine("analytics: " + ctx.Say(CliMessages.ScopedWarning.With(e.Scope, e.Message)));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>
    /// Forces the answer from the records (<see cref="MetricsEngine"/> over the question's snapshot) for <c>--format json|csv</c>
    /// too: the comparison of the tests and benchmarks, not a user's setting.
    /// </summary>
    internal const string FromRecordsVariable = "ANALYTICS_METRICS_FROM_RECORDS";

    /// <summary>
    /// JSON and CSV (issue 12, item 2): the store counts what its derived figures answer (<see cref="MetricsQuery"/>); null
    /// when the period depends on the data (one end of --from/--to alone) or the comparison forces the records. The table
    /// takes the same answer (<see cref="Table"/>).
    /// </summary>
    private static MetricsResult? Counted(ParseResult p, CliContext ctx, Analytics.Domain.Storage.IAnalyticsStore store,
        PeriodOptions period, string? county, string? utility) =>
        Question(p, ctx, store, period) is { } q ? StoreAnswer(p, ctx, store, period, q, county, utility) : null;

    private static MetricsResult StoreAnswer(ParseResult p, CliContext ctx, Analytics.Domain.Storage.IAnalyticsStore store,
        PeriodOptions period, (MetricsPeriod Period, DateTime AsOf) question, string? county, string? utility) =>
        // OpenStore derived the store's figures under the command's derivation: the query checks the store says so.
        MetricsQuery.Answer(store, ctx.Policy, ctx.Calendar, ctx.Derivation, question.Period, question.AsOf, period.KnownAt(p), county, utility);

    /// <summary>The question's period and as-of when the store can answer it: the period does not depend on the data and the comparison does not force the records.</summary>
    private static (MetricsPeriod Period, DateTime AsOf)? Question(ParseResult p, CliContext ctx,
        Analytics.Domain.Storage.IAnalyticsStore store, PeriodOptions period)
    {
        if (Environment.GetEnvironmentVariable(FromRecordsVariable) is "1") return null;
        var asOf = period.AsOfInstant(p, ctx, store);
        return period.Requested(p, asOf, allData: false) is { } question ? (question, asOf) : null;
    }

    /// <summary>The numbers of the table's 问题数 line: target breaches, integrity findings and data gaps of the period.</summary>
    private readonly record struct ProblemCounts(int Breaches, int Findings, int Gaps)
    {
        public static ProblemCounts Of(MetricsResult r) => new(r.Breaches.Count, r.Findings.Count, r.DataGaps.Count);
    }

    /// <summary>
    /// The table from the store's counts (<see cref="Counted"/>, the answer of JSON and CSV). Its 问题数 line: breaches and
    /// data gaps are the city rows' non-compliant and gap counts (each application counted once per target that selects it
    /// in the period, as the engine lists them); the integrity findings come from the question's applications streamed
    /// (<see cref="MetricsQuery.FindingsIn"/>), without the engine's per-application pass. Null when the answer comes from
    /// the records.
    /// </summary>
    private static (MetricsResult Result, ProblemCounts Problems)? Table(ParseResult p, CliContext ctx,
        Analytics.Domain.Storage.IAnalyticsStore store, PeriodOptions period, string? county, string? utility)
    {
        if (Question(p, ctx, store, period) is not { } q) return null;
        var (question, knownAt) = (q.Period, period.KnownAt(p));
        // The integrity findings on the second core while the store counts.
        var (counted, found) = Analytics.Domain.Storage.SideBySide.Run(() => StoreAnswer(p, ctx, store, period, q, county, utility),
            () => MetricsQuery.FindingsIn(store, ctx.Policy, ctx.Calendar, question, knownAt, county, utility).Count);
        // Answered from the records after all (or a period after the data): the engine's own lists.
        if (counted.CountedInStore == 0) return (counted, ProblemCounts.Of(counted));
        var city = counted.Targets.Where(t => t.Group.Dimension == GroupDimension.City).ToList();
        return (counted, new ProblemCounts(city.Sum(t => t.Total - t.Compliant), found, city.Sum(t => t.DataGaps)));
    }

    /// <summary>
    /// The engine's answer over the question's records: when the period depends on the data (one end of --from/--to alone)
    /// or the comparison of the tests forces the records.
    /// </summary>
    private static MetricsResult FromRecords(ParseResult p, CliContext ctx, Analytics.Domain.Storage.IAnalyticsStore store,
        PeriodOptions period, string? county, string? utility)
    {
        var (data, asOf, question) = period.Load(p, ctx, store, county, utility, allData: false);
        return MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, question, asOf, county, utility));
    }

    private static void PrintTables(CliContext ctx, MetricsResult r, ProblemCounts problems)
    {
        var console = ConsoleTables.For(ctx.Out);
        var scope = (r.County is { } c ? ctx.Registries.County(c).Name : ctx.Registries.CityName)
            + (r.Utility is { } u ? " · " + ctx.Registries.Utility(u).Name : "");
        var inv = CultureInfo.InvariantCulture;
        console.WriteLine(ctx.Say(CliMessages.MetricsHeading.With(scope, string.Create(inv, $"{r.Period.From:yyyy-MM-dd} – {r.Period.To:yyyy-MM-dd}"),
            r.AsOf.ToString("yyyy-MM-dd HH:mm", inv), r.Policy.PlanId)));
        var through = r.DataThroughDate?.ToString("yyyy-MM-dd", inv) ?? "—";
        if (r.NoData) console.WriteLine(ctx.Say(CliMessages.MetricsNoData.With(through)));
        else if (!r.Complete) console.WriteLine(ctx.Say(CliMessages.MetricsIncomplete.With(through)));

        var targets = ConsoleTables.Table("目标完成情况", "目标", "条款", "内容", "限值", "合规/总数", "合规率", "平均", "P90", "最大", "达标");
        foreach (var t in r.Targets.Where(t => t.Group.Dimension == GroupDimension.City))
            ConsoleTables.Row(targets, t.Id, t.Clause, t.Title, Formats.Number(t.Limit),
                $"{t.Compliant}/{t.Total}", Formats.PercentSpaced(t.Rate), Formats.Number(t.MeanDays, "0.0"),
                Formats.Number(t.P90Days), Formats.Number(t.MaxDays), !t.InForce ? "未生效" : t.Total == 0 ? "无数据" : t.Met ? "是" : "否");
        ConsoleTables.Write(ctx.Out, targets);

        var rel = ConsoleTables.Table("供电可靠性（按供电区域）", "期间", "区域", "用户数", "SAIDI(h)", "目标(h)", "同比", "SAIFI", "ASAI", "目标5结论");
        foreach (var e in r.Reliability.Where(e => e.County is null && e.Utility is null))
            ConsoleTables.Row(rel, $"{e.From:yyyy-MM-dd}–{e.To:yyyy-MM-dd}",
                e.Area is { } a ? Codes.Label(a) : "全部", Formats.Number(e.Customers, "0"), Formats.Number(e.SaidiH, "0.00"),
                Formats.Number(e.TargetH), e.YoyChange is { } y ? Formats.PercentSpaced((double)y) : "—",
                Formats.Number(e.Saifi, "0.000"), Formats.Number(e.Asai, "0.00000"),
                e.Status is { } st ? WordingTable.Status(st) : "—");
        ConsoleTables.Write(ctx.Out, rel);

        var i = r.Indicators;
        var ind = ConsoleTables.Table("其他指标", "指标", "数值");
        ConsoleTables.Row(ind, "线上办理率", Formats.PercentSpaced(i.OnlineShare));
        ConsoleTables.Row(ind, "低压电子合同率", Formats.PercentSpaced(i.EContractShareLv));
        foreach (var (mode, share) in i.ApprovalModeShares)
            ConsoleTables.Row(ind, $"审批方式：{Codes.Label(mode)}", Formats.PercentSpaced(share));
        ConsoleTables.Row(ind, "停电通知率", Formats.PercentSpaced(i.OutageNoticeShare));
        ConsoleTables.Row(ind, "计划停电提前通知率", Formats.PercentSpaced(i.PlannedNoticeOnTimeShare));
        ConsoleTables.Row(ind, "受理 / 接电 / 在途 / 撤销",
            $"{i.Volumes.Accepted} / {i.Volumes.Connected} / {i.Volumes.InProgress} / {i.Volumes.Withdrawn}");
        ConsoleTables.Row(ind, "问题数（目标未达 / 诚信问题 / 数据缺项）", $"{problems.Breaches} / {problems.Findings} / {problems.Gaps}");
        ConsoleTables.Write(ctx.Out, ind);
    }
}
