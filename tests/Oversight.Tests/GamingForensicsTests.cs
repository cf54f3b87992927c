using System.Text.Json;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Generator;
using Analytics.Metrics;
using Analytics.Oversight.Forensics;
using Policy = Analytics.Domain.Policy.Policy;
using Analytics.Reports.Oversight;

namespace Analytics.Oversight.Tests;

/// <summary>The CI slice of the calibration (the 100-seed measurement is bench/Forensics.Bench, docs/oversight.md).</summary>
public class GamingForensicsTests
{
    private static (ForensicsResult Forensics, MetricsResult Metrics, GroundTruth Truth, List<Application> Apps) Run(int seed, double share)
    {
        var options = new GeneratorOptions
        {
            Applications = 20_000, Outages = 0, Seed = seed,
            GameUtility = share > 0 ? "sgcc-linfen" : null, GameShare = share,
        };
        var truth = new GroundTruth();
        var apps = new DataGenerator(options).Applications(truth).ToList();
        var metrics = MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps, Policy = Policy.Default, Calendar = WorkingDayCalendar.Default,
            Period = new MetricsPeriod(options.Start, options.End), AsOf = options.RevisedFilingAsOf,
        });
        return (GamingForensics.Run(metrics, WorkingDayCalendar.Default), metrics, truth, apps);
    }

    [Fact]
    public void Clean_data_of_one_seed_raise_no_flag()
    {
        var (f, _, truth, _) = Run(seed: 7, share: 0);
        Assert.Equal(0, truth.Gamed);
        Assert.True(f.TestCount > 40, $"only {f.TestCount} tests ran");
        Assert.Empty(f.Flagged);
    }

    [Fact]
    public void Heavily_gamed_data_flag_the_gaming_utility_with_the_applications_behind_it()
    {
        var (f, metrics, truth, _) = Run(seed: 7, share: 1.0);
        Assert.True(truth.Gamed > 100, $"only {truth.Gamed} gamed");
        var flag = Assert.Single(f.Flagged, x => x.Test == ForensicsTests.Bunching && x.Utility == "sgcc-linfen" && x.Target == "T2d");
        Assert.True(flag.PAdjusted <= 0.01);
        Assert.Null(flag.County);
        // No utility other than the one that games is flagged for bunching.
        Assert.DoesNotContain(f.Flagged, x => x.Utility is { } u && u != "sgcc-linfen");
        // The applications behind the flag are the gaming utility's residential connections at exactly the 4-day limit.
        var byId = metrics.Applications.ToDictionary(a => a.Utility + "/" + a.ApplicationId);
        Assert.NotEmpty(flag.Applications);
        Assert.All(flag.Applications, id =>
        {
            var a = byId[id];
            Assert.Equal("sgcc-linfen", a.Utility);
            Assert.Equal(Category.Residential, a.Category);
            Assert.Equal(4, a.WholeProcessDays);
        });
    }

    [Fact]
    public void Gaming_corrects_the_drawn_share_of_the_utilitys_breaches_to_the_limit_day()
    {
        var clean = Run(seed: 11, share: 0);
        var gamed = Run(seed: 11, share: 0.5);
        Assert.InRange((double)gamed.Truth.Gamed / gamed.Truth.GamePopulation, 0.4, 0.6);
        static double BreachShare(MetricsResult m, string utility) =>
            (double)m.Breaches.Count(b => b.Utility == utility && b.TargetId == "T2d")
            / m.Applications.Count(a => a.Utility == utility && a.Category == Category.Residential && a.WholeProcessDays is not null);
        // The gaming utility's T2d breaches fall by about half; another utility's stay where they were.
        Assert.True(BreachShare(gamed.Metrics, "sgcc-linfen") < 0.7 * BreachShare(clean.Metrics, "sgcc-linfen"));
        Assert.InRange(BreachShare(gamed.Metrics, "sxdl-xiangning") / BreachShare(clean.Metrics, "sxdl-xiangning"), 0.6, 1.6);
    }

    [Fact]
    public void Json_has_the_fields_of_the_contract()
    {
        var (f, _, _, _) = Run(seed: 7, share: 1.0);
        using var ms = new MemoryStream();
        ForensicsJsonWriter.Write(f, ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(f.TestCount, doc.RootElement.GetArrayLength());
        foreach (var o in doc.RootElement.EnumerateArray())
            foreach (var name in new[] { "test", "target", "utility", "county", "flag", "p_value", "evidence" })
                Assert.True(o.TryGetProperty(name, out _), name);
        var flagged = doc.RootElement.EnumerateArray().Where(o => o.GetProperty("flag").GetBoolean()).ToList();
        Assert.Contains(flagged, o => o.GetProperty("test").GetString() == "bunching" && o.GetProperty("utility").GetString() == "sgcc-linfen");
        Assert.Contains(doc.RootElement.EnumerateArray(), o => o.GetProperty("county").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void Forensics_over_the_rows_streamed_one_at_a_time_are_those_over_the_engines_answer()
    {
        // Half the gaming: flags and unflagged tests both, ids capped at the limit (MaxApplications) on the flagged ones.
        var (f, metrics, _, apps) = Run(seed: 7, share: 0.5);
        var rows = MetricsEngine.Rows(apps, Policy.Default, WorkingDayCalendar.Default, metrics.Period, metrics.AsOf, metrics.DataThrough);
        var streamed = GamingForensics.Run(rows, Policy.Default, metrics.Period, WorkingDayCalendar.Default);
        Assert.NotEmpty(f.Flagged);
        Assert.Contains(f.Flags, x => !x.Flag);
        Assert.Equal(Describe(f), Describe(streamed));

        static List<string> Describe(ForensicsResult r) => [.. r.Flags.Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{x.Test}|{x.Target}|{x.Utility}|{x.County}|{x.PValue:R}|{x.PAdjusted:R}|{x.Flag}|{x.Evidence}|{string.Join(",", x.Applications)}"))];
    }
}
