using System.CommandLine;
using System.Globalization;
using Analytics.Generator;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics generate --applications N --outages M [--seed S] --out DIR</c>: synthetic data in the template format.</summary>
public static class GenerateCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("generate", CliHelp.Of("按模板格式生成仿临汾的合成数据（工单、一次修订的工单报送、停电事件、客户、说明），用于演示和性能测试。", "Writes synthetic Linfen-like data in the template format (applications, a revised applications filing, outages, customers, notes), for demos and benchmarks."));
        var apps = new Option<int>("--applications") { Description = CliHelp.Of("工单数。", "Number of applications."), Required = true };
        var outages = new Option<int>("--outages") { Description = CliHelp.Of("停电事件数（每次可有多个恢复步骤）。", "Number of outages (each may have several restoration steps)."), Required = true };
        var seed = new Option<int?>("--seed") { Description = CliHelp.Of("随机种子；同一种子生成逐字节相同的文件（默认 189）。", "Seed; the same seed gives byte-identical files (default 189).") };
        var output = new Option<string>("--out") { Description = CliHelp.Of("写入的文件夹。", "Folder to write into."), Required = true };
        var xlsx = new Option<bool>("--xlsx") { Description = CliHelp.Of("写出带中文表头和标签的 XLSX，而不是 CSV。", "Write XLSX with Chinese headers and labels instead of CSV.") };
        var chinese = new Option<bool>("--chinese-headers") { Description = CliHelp.Of("CSV 也用中文表头。", "Chinese headers in CSV too.") };
        var from = new Option<string?>("--from") { Description = CliHelp.Of("数据的第一天（默认 2024-01-01）。", "First day of the data (default 2024-01-01).") };
        var to = new Option<string?>("--to") { Description = CliHelp.Of("数据的最后一天（默认 2026-11-25）。", "Last day of the data (default 2026-11-25).") };
        var gameUtility = new Option<string?>("--game-utility") { Description = CliHelp.Of("注入造假（用于校准造假检验）：该供电企业把一部分超时限的办理时长改为恰好到限。", "Inject gaming (forensics calibration): this utility sets a share of its over-limit durations to the limit day.") };
        var gameShare = new Option<double?>("--game-share") { Description = CliHelp.Of("--game-utility 超时限办理时长中改为恰好到限的比例，0—1（与 --game-utility 同用时默认 0.3）。", "The share 0–1 of --game-utility's over-limit durations set to the limit day (default 0.3 with --game-utility).") };
        cmd.Options.Add(gameUtility);
        cmd.Options.Add(gameShare);
        cmd.Options.Add(apps);
        cmd.Options.Add(outages);
        cmd.Options.Add(seed);
        cmd.Options.Add(output);
        cmd.Options.Add(xlsx);
        cmd.Options.Add(chinese);
        cmd.Options.Add(from);
        cmd.Options.Add(to);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var n = p.GetValue(apps);
            var m = p.GetValue(outages);
            if (n < 0 || m < 0) throw new UsageException(CliMessages.GenerateNegative.Text());
            if (n > GeneratorOptions.MaxApplications || m > GeneratorOptions.MaxOutages)
                throw new UsageException(CliMessages.GenerateTooMany.With(GeneratorOptions.MaxApplications.ToString("N0", CultureInfo.InvariantCulture),
                    GeneratorOptions.MaxOutages.ToString("N0", CultureInfo.InvariantCulture)));
            var options = new GeneratorOptions
            {
                Applications = n,
                Outages = m,
                Format = p.GetValue(xlsx) ? OutputFormat.Xlsx : OutputFormat.Csv,
                Language = p.GetValue(chinese) ? HeaderLanguage.Chinese : null,
                Calendar = ctx.Calendar,
                Registries = ctx.Registries,
                Policy = ctx.Policy,
            };
            if (p.GetValue(gameUtility) is { } gu)
                options = options with { GameUtility = ctx.Utility(gu).Code, GameShare = p.GetValue(gameShare) ?? 0.3 };
            else if (p.GetValue(gameShare) is not null)
                throw new UsageException(CliMessages.GameShareNeedsUtility.Text());
            if (p.GetValue(seed) is { } s) options = options with { Seed = s };
            if (CliArgs.Date(p.GetValue(from), "--from") is { } f) options = options with { Start = f };
            if (CliArgs.Date(p.GetValue(to), "--to") is { } t) options = options with { End = t };
            try { options.Validate(); }
            catch (ArgumentException e) { throw new UsageException(e.Message, e); }
            var dir = CliArgs.OutDir(p.GetValue(output)!, "--out");
            var result = new DataGenerator(options).Generate(dir);
            foreach (var file in result.Files)
                ctx.Out.WriteLine(ctx.Say(CliMessages.GeneratedFile.With(file.Path, file.Kind.ToString().ToLowerInvariant(), file.Rows.ToString(CultureInfo.InvariantCulture))));
            ctx.Err.WriteLine("analytics: " + ctx.Say(CliMessages.GeneratedIn.With(result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
