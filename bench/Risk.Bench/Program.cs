using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Generator;
using Analytics.Reports.Export;
using Analytics.Risk;
using Analytics.Risk.Bench;
using Analytics.Risk.Tests.Support;

// Rerunnable benchmark of the early warning: synthesizes N applications in memory (accepted over
// three years; tests/Risk.Tests/Support/SyntheticApplications.cs), cuts them at an as-of instant into
// finished and in-progress ones, trains and evaluates the risk model on the finished ones and
// assesses the in-progress ones, printing the timings and the evaluation figures.
// With --generated DIR it instead runs the project's generator (src/Generator, `analytics generate`)
// into DIR (unless DIR/applications.csv exists) and reads its first applications filing.
//   dotnet run -c Release --project bench/Risk.Bench -- [--applications N] [--seed S] [--threads T] [--json FILE]
//     [--no-refit] [--trees N] [--leaves N] [--max-moments N] [--linear-label]
var n = 1_000_000;
var seed = 7;
int? threads = null;
string? json = null;
var refit = true;
var trees = 50;
var leaves = 31;
var maxMoments = 300_000;
var log = true;
string? generated = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--applications": n = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--json": json = args[++i]; break;
        case "--no-refit": refit = false; break;
        case "--trees": trees = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--leaves": leaves = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--max-moments": maxMoments = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--linear-label": log = false; break;
        case "--generated": generated = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var inv = CultureInfo.InvariantCulture;
var sw = Stopwatch.StartNew();
List<Application> finished, inProgress;
DateTime asOf;
if (generated is null)
{
    asOf = new DateOnly(2024, 12, 31).ToDateTime(TimeOnly.MaxValue);
    var full = new SyntheticApplications { Seed = seed, From = new DateOnly(2022, 1, 1), To = new DateOnly(2024, 12, 31) }.Generate(n);
    var known = full.Select(a => SyntheticApplications.AsKnownAt(a, asOf)!).ToList();
    finished = known.Where(a => a.Status == ApplicationStatus.Connected).ToList();
    inProgress = known.Where(a => a.Status == ApplicationStatus.InProgress).ToList();
    Console.WriteLine(string.Create(inv, $"synthesized {n:N0} applications ({finished.Count:N0} connected, {inProgress.Count:N0} in progress) in {sw.Elapsed.TotalSeconds:F1} s"));
}
else
{
    var generatorOptions = new GeneratorOptions { Applications = n, Outages = 10, Seed = seed };
    var csv = Path.Combine(generated, "applications.csv");
    if (!File.Exists(csv))
    {
        new DataGenerator(generatorOptions).Generate(generated);
        Console.WriteLine(string.Create(inv, $"generated {n:N0} applications into {generated} in {sw.Elapsed.TotalSeconds:F1} s"));
        sw.Restart();
    }
    asOf = generatorOptions.FirstFilingAsOf;
    var all = ApplicationsCsv.Read(csv).ToList();
    finished = all.Where(a => a.Status == ApplicationStatus.Connected).ToList();
    inProgress = all.Where(a => a.Status == ApplicationStatus.InProgress).ToList();
    Console.WriteLine(string.Create(inv, $"read {all.Count:N0} applications ({finished.Count:N0} connected, {inProgress.Count:N0} in progress) from {csv} in {sw.Elapsed.TotalSeconds:F1} s"));
}
GC.Collect();

var options = new RiskModelOptions
{
    Seed = seed,
    NumberOfThreads = threads,
    RefitOnAll = refit,
    NumberOfTrees = trees,
    NumberOfLeaves = leaves,
    MaximumMoments = maxMoments,
    LogLabel = log,
    Progress = m => Console.WriteLine("  " + m),
};
sw.Restart();
var model = RiskModel.Train(finished, options);
var trainSeconds = sw.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(inv, $"TRAIN {finished.Count:N0} connected applications: {trainSeconds:F1} s (stride {model.MomentStrideDays} d, {model.TrainingMoments:N0} moments in the final fit, {model.LeftOut:N0} left out)"));

sw.Restart();
var assessment = new RiskAssessor(model).Assess(inProgress, asOf);
Console.WriteLine(string.Create(inv, $"ASSESS {assessment.Applications.Count:N0} in-progress applications: {sw.Elapsed.TotalSeconds:F1} s; at risk (p ≥ 0.5): {assessment.AtRisk().Count:N0}"));

var e = model.Evaluation;
Console.WriteLine(string.Create(inv, $"holdout: trained on {e.Training.Count:N0} ({e.Training.From:yyyy-MM-dd}..{e.Training.To:yyyy-MM-dd}), tested on {e.Holdout.Count:N0} ({e.Holdout.From:yyyy-MM-dd}..{e.Holdout.To:yyyy-MM-dd}), {e.Baseline.Moments:N0} moments"));
Console.WriteLine("predictor  MAE(d)  AUC     precision  recall  (limit moments / misses)");
void Row(string name, PredictorFigures f) =>
    Console.WriteLine(string.Create(inv, $"{name,-10} {f.MaeDays,6:F3}  {f.Auc,6:F4}  {f.Precision,9:F4}  {f.Recall,6:F4}  ({f.LimitMoments:N0} / {f.Misses:N0})"));
Row("model", e.Model);
Row("baseline", e.Baseline);
Row("selected", e.Selected);
foreach (var c in e.Categories)
    Console.WriteLine(string.Create(inv,
        $"  {Codes.Of(c.Category),-14} model MAE {c.Model.MaeDays,7:F3} AUC {c.Model.Auc,6:F4} | baseline MAE {c.Baseline.MaeDays,7:F3} AUC {c.Baseline.Auc,6:F4} | moments {c.Baseline.Moments,8:N0} → {(c.ModelUsed ? "model" : "baseline")}"));
if (json is not null)
{
    using var f = File.Create(json);
    RiskJsonWriter.Write(f, assessment);
    Console.WriteLine($"wrote {json}");
}
return 0;
