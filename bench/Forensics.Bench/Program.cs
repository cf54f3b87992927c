using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Domain.Calendar;
using Analytics.Generator;
using Analytics.Metrics;
using Analytics.Oversight.Forensics;
using Policy = Analytics.Domain.Policy.Policy;

// Calibration of `analytics forensics` on the generator (docs/oversight.md):
//   dotnet run -c Release --project bench/Forensics.Bench -- [SEEDS=100] [APPLICATIONS=20000] [SHARES=0,0.1,0.2,0.3,0.5,0.8] [UTILITY=sgcc-linfen]
// For each share s and seed 1..SEEDS it generates APPLICATIONS applications (2024-01-01 – 2026-11-25) in which UTILITY
// "corrects" a share s of its over-limit durations to the limit day (s = 0: no gaming), computes the engine's answer for
// the whole span and runs the forensics at α = 0.01. Share 0: the false-alarm rate = runs with any flag / SEEDS.
// Share > 0: the detection rate = runs with a bunching flag on UTILITY / SEEDS. Prints a Markdown table.
var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
var shares = args.Length > 2 ? args[2].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [0, 0.1, 0.2, 0.3, 0.5, 0.8];
var utility = args.Length > 3 ? args[3] : "sgcc-linfen";
var clock = Stopwatch.StartNew();
var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"| injected share | runs | runs with any flag | runs flagging {utility} bunching | flags on other units | gamed applications (mean) | rate |");
table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
foreach (var share in shares)
{
    int any = 0, detected = 0, otherFlags = 0;
    long gamed = 0;
    for (var seed = 1; seed <= seeds; seed++)
    {
        var options = new GeneratorOptions { Applications = n, Outages = 0, Seed = seed, GameUtility = share > 0 ? utility : null, GameShare = share };
        var truth = new GroundTruth();
        var apps = new DataGenerator(options).Applications(truth).ToList();
        gamed += truth.Gamed;
        var result = MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps, Policy = Policy.Default, Calendar = WorkingDayCalendar.Default,
            Period = new MetricsPeriod(options.Start, options.End), AsOf = options.RevisedFilingAsOf,
        });
        var f = GamingForensics.Run(result, WorkingDayCalendar.Default);
        var flagged = f.Flagged.ToList();
        if (flagged.Count > 0) any++;
        if (flagged.Any(x => x.Test == ForensicsTests.Bunching && x.Utility == utility)) detected++;
        otherFlags += flagged.Count(x => x.Utility != utility || x.Test != ForensicsTests.Bunching);
        foreach (var x in flagged.Where(x => share == 0 || x.Utility != utility))
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"share {share} seed {seed}: {x.Test} {x.Target} {x.Utility}{x.County} adj {x.PAdjusted:E2} {x.Evidence}"));
    }
    var rate = share == 0 ? (double)any / seeds : (double)detected / seeds;
    table.AppendLine(CultureInfo.InvariantCulture, $"| {share:0.00} | {seeds} | {any} | {detected} | {otherFlags} | {(double)gamed / seeds:0.0} | {rate:0.00} |");
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"share {share}: done at {clock.Elapsed.TotalSeconds:0} s"));
}
Console.WriteLine(table.ToString());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seeds} seeds × {shares.Length} shares, {n:N0} applications a run, α = 0.01 (Holm): {clock.Elapsed.TotalSeconds:0} s"));
