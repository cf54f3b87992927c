using System.CommandLine;
using System.Globalization;
using Analytics.Generator;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics generate --applications N --outages M [--seed S] --out DIR</c>: synthetic data in the template format.</summary>
public static class GenerateCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("generate", "Writes synthetic Linfen-like data in the template format (applications, a revised applications filing, outages, customers, notes), for demos and benchmarks.");
        var apps = new Option<int>("--applications") { Description = "Number of applications.", Required = true };
        var outages = new Option<int>("--outages") { Description = "Number of outages (each may have several restoration steps).", Required = true };
        var seed = new Option<int?>("--seed") { Description = "Seed; the same seed gives byte-identical files (default 189)." };
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var xlsx = new Option<bool>("--xlsx") { Description = "Write XLSX with Chinese headers and labels instead of CSV." };
        var chinese = new Option<bool>("--chinese-headers") { Description = "Chinese headers in CSV too." };
        var from = new Option<string?>("--from") { Description = "First day of the data (default 2024-01-01)." };
        var to = new Option<string?>("--to") { Description = "Last day of the data (default 2026-11-25)." };
        var gameUtility = new Option<string?>("--game-utility") { Description = "Inject gaming (forensics calibration): this utility sets a share of its over-limit durations to the limit day." };
        var gameShare = new Option<double?>("--game-share") { Description = "The share 0–1 of --game-utility's over-limit durations set to the limit day (default 0.3 with --game-utility)." };
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
