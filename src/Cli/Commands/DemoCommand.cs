using Analytics.Reports.Wording;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Generator;
using Analytics.Ingest;
using Analytics.Ingest.Messages;
using Analytics.Metrics;
using Analytics.Reports;
using Analytics.Reports.Ledger;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics demo [--out DIR]</c>: generates a Linfen-like data set (fixed seed), loads it into a fresh
/// embedded store in DIR, computes everything, and writes every county's ledger for the Thursday after the
/// data ends, the city roll-up, every utility's semiannual PDF for the last complete half-year, and the city
/// circular; then prints the headline figures and where the files are. In between it exercises the oversight
/// (<see cref="DemoOversight"/>: a spot check, field results, rectification items), so the ledgers and the circular carry
/// their oversight sections, composed by the one digest the commands and the web use (<see cref="OversightDigest"/>).
/// </summary>
public static class DemoCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("demo", CliHelp.Of("生成样例数据，载入新的嵌入式数据库，计算全部指标，并把全部报表写入 DIR（默认 ./out）。", "Writes sample data, loads it into a fresh embedded store, computes everything and writes every report into DIR (default ./out)."));
        var output = CommandOptions.Out(CliHelp.Of("存放数据、数据库和报表的文件夹（默认 ./out）。", "Folder for the data, the store and the reports (default ./out)."));
        var apps = new Option<int?>("--applications") { Description = CliHelp.Of("生成的工单数（默认 20000）。", "Applications to generate (default 20000).") };
        var outages = new Option<int?>("--outages") { Description = CliHelp.Of("生成的停电事件数（默认 2000）。", "Outages to generate (default 2000).") };
        cmd.Options.Add(output);
        cmd.Options.Add(apps);
        cmd.Options.Add(outages);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var dir = Path.GetFullPath(CliArgs.OutDir(p.GetValue(output) ?? "out", "--out"));
            var options = new GeneratorOptions
            {
                Applications = p.GetValue(apps) ?? 20_000,
                Outages = p.GetValue(outages) ?? 2_000,
                Calendar = ctx.Calendar,
                Registries = ctx.Registries,
                Policy = ctx.Policy,
            };
            try { options.Validate(); }
            catch (ArgumentException e) { throw new UsageException(e.Message, e); }
            return Run(ctx, dir, options);
        });
        return cmd;
    }

    private static int Run(CliContext ctx, string dir, GeneratorOptions options)
    {
        var dataDir = Path.Combine(dir, "data");
        var reportsDir = Path.Combine(dir, "reports");
        var storePath = Path.Combine(dir, "analytics-demo.db");
        Directory.CreateDirectory(dir);
        foreach (var f in new[] { storePath, storePath + "-wal", storePath + "-shm", storePath + "-journal" })
            if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(reportsDir)) Directory.Delete(reportsDir, recursive: true);
        // The demo's data are synthetic: its own key, never the installation's.
        var keyFile = Path.Combine(dir, "demo-customer.key");
        var thursday = ThursdayAfter(options.End);
        var half = LastCompleteHalf(options.End);
        var steps = new Steps(ctx);
        var total = Stopwatch.StartNew();

        GenerationResult generated = null!;
        steps.Run(CliMessages.StepGenerate.Text(), () =>
        {
            generated = new DataGenerator(options).Generate(dataDir);
            return CliMessages.RowsInFiles.With(generated.Files.Sum(f => f.Rows), generated.Files.Count);
        });

        using var store = Analytics.Store.StoreFactory.Open(storePath);
        store.EnsureSchema();
        store.Derive(ctx.Derivation);
        steps.Run(CliMessages.StepLoad.Text(), () =>
        {
            var ingestor = new FileIngestor(store, ctx.Registries, ctx.Time);
            var rows = 0;
            foreach (var f in generated.Files.OrderBy(f => f.Kind == FilingKind.Applications ? 0 : 1).ThenBy(f => f.AsOf))
            {
                var r = ingestor.Ingest(f.Kind, f.Path, new IngestOptions { AsOf = f.AsOf, KeyFile = keyFile });
                if (r.Outcome == IngestOutcome.Rejected)
                    throw new InvalidOperationException($"the generated file {f.Path} was rejected: {(r.Errors.Count > 0 ? r.Errors[0] : null)}");
                rows += r.RowsLoaded;
            }
            return CliMessages.RowsLoaded.With(rows);
        });

        RecordSnapshot data = null!;
        MetricsResult year = null!;
        steps.Run(CliMessages.StepCompute.Text(), () =>
        {
            data = RecordSnapshot.Load(store, knownAt: null);
            var asOf = data.DataThrough ?? options.End.ToDateTime(TimeOnly.MaxValue);
            year = MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, MetricsPeriod.Year(asOf.Year), asOf));
            return CliMessages.RecordsRead.With(data.Applications.Count, data.Outages.Count);
        });

        var week = LedgerWeek.For(thursday);
        IReadOnlyDictionary<(string, string), double>? risk = null;
        steps.Run(CliMessages.StepTrain.Text(), () =>
        {
            var a = RiskCommand.Assess(ctx, data, RiskCommand.AsOf(week.End, data.DataThrough ?? week.AsOf), county: null, store);
            risk = a.Probabilities();
            return CliMessages.Assessed.With(a.Applications.Count, a.AtRisk().Count);
        });

        steps.Run(CliMessages.StepOversight.Text(), () => DemoOversight.Run(ctx, store, data, half, week, reportsDir));

        var written = new List<string>();
        var inputs = LedgerCommand.Inputs(ctx, data);
        steps.Run(CliMessages.StepLedgers.With(thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), () =>
        {
            // The oversight as ledger --all and ledger --city compose it (one digest): the forensics on the roll-up only.
            var weekPeriod = new MetricsPeriod(week.FirstDay, week.LastDay);
            var yearToDate = new MetricsPeriod(week.YearToDateFrom, week.LastDay);
            var county = inputs with { Oversight = OversightDigest.For(ctx, store, null, weekPeriod, yearToDate, inputs.AsOfFor(week)) };
            var city = inputs with { Oversight = OversightDigest.For(ctx, store, data, weekPeriod, yearToDate, inputs.AsOfFor(week)) };
            written.AddRange(WeeklyLedgers.WriteAll(county, week, reportsDir, risk));
            written.Add(WeeklyLedgers.WriteCity(city, week, reportsDir));
            written.AddRange(Directory.GetFiles(reportsDir, "抽查_*.xlsx"));
            return CliMessages.Workbooks.With(written.Count);
        });

        var pdfs = 0;
        steps.Run(CliMessages.StepReports.With(half.ChineseLabel), () =>
        {
            // As report semiannual --all and report city: the circular with the half's oversight (the same digest).
            var report = new Analytics.Reports.Pdf.ReportInputs { Records = data, Policy = ctx.Policy, Calendar = ctx.Calendar, Registries = ctx.Registries };
            var asOf = data.DataThrough ?? ctx.Clock();
            var period = MetricsPeriod.Half(half);
            var paths = new List<string>(Analytics.Reports.Pdf.SemiannualReport.WriteAll(report, half, asOf, reportsDir))
            {
                Analytics.Reports.Pdf.CityCircular.Write(report with { Oversight = OversightDigest.For(ctx, store, data, period, period, asOf) }, half, asOf,
                    Path.Combine(reportsDir, Analytics.Reports.Pdf.CityCircular.FileName(ctx.Registries.CityName, half))),
            };
            written.AddRange(paths);
            pdfs = paths.Count;
            return CliMessages.Pdfs.With(pdfs);
        });

        Summary(ctx, year, dir, storePath, reportsDir, written, total.Elapsed);
        return ExitCodes.Success;
    }

    /// <summary>The first Thursday after <paramref name="end"/>: its ledger covers the week up to the Wednesday before.</summary>
    public static DateOnly ThursdayAfter(DateOnly end)
    {
        var d = end.AddDays(1);
        while (d.DayOfWeek != DayOfWeek.Thursday) d = d.AddDays(1);
        return d;
    }

    /// <summary>The last half-year that ended on or before <paramref name="end"/>.</summary>
    public static HalfYear LastCompleteHalf(DateOnly end) =>
        end >= new DateOnly(end.Year, 12, 31) ? new HalfYear(end.Year, 2)
        : end >= new DateOnly(end.Year, 6, 30) ? new HalfYear(end.Year, 1)
        : new HalfYear(end.Year - 1, 2);

    private static void Summary(CliContext ctx, MetricsResult r, string dir, string storePath, string reportsDir, List<string> written, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        // 实际: the mean working days of a day target, the SAIDI of 目标5 — never in the 合规率 column.
        var t = ConsoleTables.Table(string.Create(inv, $"{ctx.Registries.CityName}“获得电力”主要指标 {r.Period.From:yyyy-MM-dd} – {r.AsOf:yyyy-MM-dd}"),
            "目标", "内容", "限值", "实际", "合规/总数", "合规率", "达标");
        foreach (var x in r.Targets.Where(x => x.Group.Dimension == GroupDimension.City && x.InForce))
            ConsoleTables.Row(t, x.Id, x.Title, Formats.Number(x.Limit), x.MeanDays is double md ? Formats.Number(md, "0.0") + " 工作日" : "—",
                $"{x.Compliant}/{x.Total}", Formats.PercentSpaced(x.Rate), x.Total == 0 ? "无数据" : x.Met ? "是" : "否");
        foreach (var e in r.Reliability.Where(e => e.County is null && e.Utility is null && e.Area is not null && e.Year is not null))
            ConsoleTables.Row(t, "T5", $"用户年均停电时间（{Codes.Label(e.Area!.Value)}）", Formats.Number(e.TargetH) + " h",
                Formats.Number(e.SaidiH, "0.00") + " h", "—", "—", e.Status is { } st ? WordingTable.Status(st) : "—");
        ConsoleTables.Write(ctx.Out, t);
        var v = r.Indicators.Volumes;
        ctx.Out.WriteLine(string.Create(inv,
            $"受理 {v.Accepted}，接电 {v.Connected}，在途 {v.InProgress}，撤销 {v.Withdrawn}；线上办理率 {Formats.PercentSpaced(r.Indicators.OnlineShare)}；目标未达 {r.Breaches.Count} 件次，诚信问题 {r.Findings.Count} 条。"));
        ctx.Out.WriteLine();
        ctx.Out.WriteLine(ctx.Say(CliMessages.DemoStore.With(storePath)));
        ctx.Out.WriteLine(ctx.Say(CliMessages.DemoData.With(Path.Combine(dir, "data"))));
        ctx.Out.WriteLine(ctx.Say(CliMessages.DemoReports.With(reportsDir,
            written.Count(f => f.EndsWith(".xlsx", StringComparison.Ordinal)), written.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)))));
        foreach (var f in written) ctx.Out.WriteLine("  " + Path.GetRelativePath(dir, f));
        ctx.Out.WriteLine(ctx.Say(CliMessages.DemoDone.With(elapsed.TotalSeconds.ToString("0.0", inv))));
    }

    /// <summary>Runs the demo's steps, with a progress bar on a terminal and one line a step either way.</summary>
    private sealed class Steps(CliContext ctx)
    {
        private int _n;

        public void Run(MessageText name, Func<MessageText> step)
        {
            _n++;
            var watch = Stopwatch.StartNew();
            MessageText? detail;
            if (ReferenceEquals(ctx.Out, Console.Out) && !Console.IsOutputRedirected)
            {
                detail = null;
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{_n}] {ctx.Say(name)}")));
                        task.IsIndeterminate = true;
                        detail = step();
                        task.IsIndeterminate = false;
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                detail = step();
            }
            ctx.Out.WriteLine(ctx.Say(CliMessages.DemoStep.With(_n, name, detail!, watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))));
        }
    }
}
