using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight.SpotChecks;
using Analytics.Reports.Oversight;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics spotcheck draw --from D --to D [--seed S] [--inspectors FILE] [--out FILE.xlsx]</c> and
/// <c>analytics spotcheck file FILE.xlsx</c> (cli.md §6): the 双随机 draw, stored with its seed, and the field
/// results filed back (discrepancies become <c>field_discrepancy</c> findings; each stratum gets its rate and upper bound).
/// </summary>
public static class SpotCheckCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("spotcheck", CliHelp.Of("“双随机”抽查：抽取可复现的分层样本，回填现场核查结果。", "双随机 spot checks: draw a reproducible stratified sample, file the field results back."));
        cmd.Subcommands.Add(Draw(context));
        cmd.Subcommands.Add(File(context));
        return cmd;
    }

    private static Command Draw(Func<ParseResult, CliContext> context)
    {
        var from = CommandOptions.From();
        from.Required = true;
        var to = CommandOptions.To();
        to.Required = true;
        var seed = new Option<int?>("--seed") { Description = CliHelp.Of("抽取的随机种子（默认：取自时钟）；同一种子得到同样的抽取结果。", "Seed of the draw (default: from the clock); the same seed gives the same draw.") };
        var inspectors = new Option<string?>("--inspectors") { Description = CliHelp.Of("检查人员名录，含“姓名”和“单位”列的 CSV 或 XLSX。", "Register of inspectors, CSV or XLSX with 姓名 and 单位 columns.") };
        var output = CommandOptions.Out(CliHelp.Of("现场检查组的工作簿（.xlsx）；默认 ./out/抽查_BATCH.xlsx。", "The field team's workbook (.xlsx); default ./out/抽查_BATCH.xlsx."));
        var format = CommandOptions.Format(CliHelp.Of("table（默认）或 json：公布的抽取结果，含每件工单的抽取原因和模型风险", "table (default) or json: the draw as published, with each application's draw reasons and model risk"));
        var cmd = new Command("draw", CliHelp.Of("按县（市、区）× 供电企业分层抽取报告期内已装表接电的工单（每层 n = ⌈ln(1−95%)/ln(1−5%)⌉ = 59 件，另加风险抽取：有问题的、办理时长接近时限的、已存超期预警模型判为高风险的），并按回避原则配对检查人员。", "Draws the period's connected applications by county × utility (n = ⌈ln(1−95%)/ln(1−5%)⌉ = 59 a stratum, plus risk draws: findings, near-limit durations, a high risk by the stored early-warning model) and inspector pairs under recusal."))
        { from, to, seed, inspectors, output, format };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "table", "table", "json");
            var f = CliArgs.RequiredDate(p.GetValue(from), "--from");
            var t = CliArgs.RequiredDate(p.GetValue(to), "--to");
            if (t < f) throw new UsageException(CliMessages.SpotCheckToBeforeFrom.Text());
            var outPath = p.GetValue(output) is { } o ? CliArgs.OutFile(o, "--out", ".xlsx") : null;
            IReadOnlyList<Inspector> register = [];
            if (p.GetValue(inspectors) is { } file)
            {
                if (!System.IO.File.Exists(file)) throw new BadInputException(CliMessages.InspectorsMissing.With(file));
                var (list, errors) = InspectorRegister.Read(file, ctx.Registries);
                if (errors.Count > 0) throw new BadInputException(errors);
                if (list.Count < 2) throw new BadInputException(CliMessages.InspectorsTooFew.With(file));
                register = list;
            }
            var now = ctx.Clock();
            var s = p.GetValue(seed) ?? (int)(now.Ticks % 1_000_000_000);
            using var store = ctx.OpenStore();
            var oversight = store as IOversightStore ?? throw new StoreUnavailableException(DomainLocalized.Of(CliMessages.NoSpotChecks.With(store.Description)));
            // The period's records as the store selects them (metrics.md §8: the engine's answer over them is its answer
            // over every record), not the whole store.
            var data = RecordSnapshot.Load(store, null, new Analytics.Domain.Storage.RecordScope(f, t));
            var asOf = data.DataThrough ?? now;
            var period = new MetricsPeriod(f, t);
            var result = MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, period, asOf));
            var modelRisk = SpotCheckModelRisk.Score(ctx, store, data, result);
            var plan = new SpotCheckPlan();
            IReadOnlyList<SpotCheckStratum> strata;
            try { strata = SpotCheckDraw.Draw(result, register, s, plan, modelRisk); }
            catch (InvalidOperationException e) { throw new BadInputException($"{p.GetValue(inspectors)}:0:0: {e.Message}"); }
            if (strata.Count == 0) throw new BadInputException(CliMessages.NothingToSpotCheck.With(f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            var record = SpotCheckMethod.Record(strata, plan, s, f, t, now, ctx.Registries, modelRisk);
            var path = outPath ?? CliArgs.OutFile(Path.Combine("out", $"抽查_{record.DrawId}.xlsx"), "--out", ".xlsx");
            if (oversight.FindDraw(record.DrawId) is not null)
                throw new BadInputException(CliMessages.DrawExists.With(record.DrawId));
            SpotCheckWorkbook.Write(path, record, strata, result, ctx.Registries, modelRisk, plan);
            oversight.SaveDraw(record);
            if (fmt == "json")
            {
                ApplicationsCommand.WriteTo(ctx, null, st => SpotCheckJsonWriter.Write(st, record, strata, plan, modelRisk));
                ctx.Err.WriteLine(Path.GetFullPath(path));
                return ExitCodes.Success;
            }
            ctx.Out.WriteLine(ctx.Say(CliMessages.SpotCheckHeadline.With(record.DrawId, s)));
            ctx.Out.WriteLine(record.Method);
            var table = ConsoleTables.Table("分层抽取", "县（市、区）", "供电企业", "名录", "随机抽取", "风险加抽", "模型高风险", "检查人员");
            foreach (var st in strata)
                ConsoleTables.Row(table, ctx.Registries.County(st.County).Name, ctx.Registries.Utility(st.Utility).ShortName,
                    st.Population.ToString(CultureInfo.InvariantCulture), st.BaseSize.ToString(CultureInfo.InvariantCulture),
                    st.RiskExtra.ToString(CultureInfo.InvariantCulture), st.ModelRisky.ToString(CultureInfo.InvariantCulture),
                    string.Join("、", st.Inspectors.Select(i => i.Name)));
            ConsoleTables.Write(ctx.Out, table);
            ctx.Out.WriteLine(Path.GetFullPath(path));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command File(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("FILE") { Description = CliHelp.Of("已填入现场核查结果的抽查工作簿。", "The draw's workbook with the field results filled in.") };
        var cmd = new Command("file", CliHelp.Of("回填现场核查结果：核实一致，或不一致（字段及客户所述值）→ 问题 field_discrepancy；输出各层的不一致率及其 95 % 置信上限。", "Files the field results back: verified, or a discrepancy (field and the customer's value) → finding field_discrepancy; prints each stratum's rate with its 95 % upper bound.")) { file };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var path = p.GetValue(file)!;
            if (!System.IO.File.Exists(path)) throw new BadInputException(CliMessages.FileMissing.With(path));
            string drawId;
            try
            {
                using var wb = new ClosedXML.Excel.XLWorkbook(path);
                drawId = wb.TryGetWorksheet(SpotCheckForm.PublicSheet, out var pub) ? pub.Cell(1, 2).GetFormattedString().Trim().TrimStart('\'') : "";
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidOperationException)
            {
                throw new BadInputException(CliMessages.NotASpotCheckWorkbook.With(path, e.Message));
            }
            if (drawId.Length == 0) throw new BadInputException(CliMessages.NoDrawId.With(path, SpotCheckForm.PublicSheet));
            using var store = ctx.OpenStore();
            var oversight = store as IOversightStore ?? throw new StoreUnavailableException(DomainLocalized.Of(CliMessages.NoSpotChecks.With(store.Description)));
            var draw = oversight.FindDraw(drawId) ?? throw new BadInputException(CliMessages.NoSuchDraw.With(path, drawId));
            var (results, errors) = SpotCheckFiling.Read(path, draw, ctx.Clock());
            if (errors.Count > 0) throw new BadInputException([.. errors.Select(e => e.ToString())]);
            oversight.SaveResults(results);
            var rates = StratumRate.Of(draw, oversight.SpotCheckResults());
            ctx.Out.WriteLine(ctx.Say(CliMessages.SpotCheckFiled.With(draw.DrawId, results.Select(r => r.ApplicationId).Distinct().Count(), results.Count(r => !r.Verified))));
            var table = ConsoleTables.Table("分层不一致率（单侧 95 % Clopper–Pearson 上限）", "县（市、区）", "供电企业", "抽取", "已核查", "不一致", "不一致率", "上限");
            foreach (var r in rates)
                ConsoleTables.Row(table, ctx.Registries.County(r.County).Name, ctx.Registries.Utility(r.Utility).ShortName,
                    r.Drawn.ToString(CultureInfo.InvariantCulture), r.Checked.ToString(CultureInfo.InvariantCulture),
                    r.Discrepant.ToString(CultureInfo.InvariantCulture), r.Rate.ToString("P1", CultureInfo.InvariantCulture),
                    r.Checked == 0 ? "—" : r.UpperBound.ToString("P1", CultureInfo.InvariantCulture));
            ConsoleTables.Write(ctx.Out, table);
            return ExitCodes.Success;
        });
        return cmd;
    }
}
