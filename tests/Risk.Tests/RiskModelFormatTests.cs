using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Risk.Tests.Support;

namespace Analytics.Risk.Tests;

/// <summary>The saved form of a trained model (<see cref="RiskModel.Save"/>, <see cref="RiskModel.Load"/>) and its fingerprint.</summary>
[Collection("planted")]
public class RiskModelFormatTests(PlantedSignalFixture planted)
{
    [Fact]
    public void A_loaded_model_gives_exactly_the_trained_ones_probabilities_on_the_same_in_progress_applications()
    {
        var trained = planted.Model;
        var loaded = RiskModel.Load(trained.Save(), Policy.Default, WorkingDayCalendar.Default);

        Assert.NotNull(loaded);
        Assert.True(loaded.Loaded);
        Assert.False(trained.Loaded);
        Assert.True(trained.Used); // the FastTree model itself answers for some categories, not only the medians
        var before = new RiskAssessor(trained).Assess(planted.Data.InProgress, planted.Data.AsOf).Applications;
        var after = new RiskAssessor(loaded).Assess(planted.Data.InProgress, planted.Data.AsOf).Applications;
        Assert.True(before.Count(r => r.Method == RiskMethod.Model) >= 50);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].ApplicationId, after[i].ApplicationId);
            Assert.Equal(before[i].Method, after[i].Method);
            // Bit for bit, not within a tolerance.
            Assert.Equal(BitConverter.DoubleToInt64Bits(before[i].PredictedDays), BitConverter.DoubleToInt64Bits(after[i].PredictedDays));
            Assert.Equal(BitConverter.DoubleToInt64Bits(before[i].MissProbability), BitConverter.DoubleToInt64Bits(after[i].MissProbability));
        }
    }

    [Fact]
    public void A_loaded_model_keeps_its_holdout_figures_training_window_and_options()
    {
        var trained = planted.Model;
        var loaded = RiskModel.Load(trained.Save(), Policy.Default, WorkingDayCalendar.Default)!;

        var (e, l) = (trained.Evaluation, loaded.Evaluation);
        Assert.Equal(e.Training, l.Training);
        Assert.Equal(e.Holdout, l.Holdout);
        Assert.Equal(e.Cut, l.Cut);
        Assert.Equal(e.Model, l.Model);
        Assert.Equal(e.Baseline, l.Baseline);
        Assert.Equal(e.Selected, l.Selected);
        Assert.Equal(e.Categories, l.Categories);
        Assert.Equal(trained.TrainedOn, loaded.TrainedOn);
        Assert.Equal(trained.MomentStrideDays, loaded.MomentStrideDays);
        Assert.Equal(trained.LeftOut, loaded.LeftOut);
        Assert.Equal(trained.TrainingMoments, loaded.TrainingMoments);
        Assert.Equal(trained.Used, loaded.Used);
        foreach (var c in Codes.All<Category>()) Assert.Equal(trained.UsesModelFor(c), loaded.UsesModelFor(c));
        Assert.Equal(trained.Options with { Progress = null }, loaded.Options);
    }

    [Fact]
    public void A_model_without_a_fitted_regressor_round_trips_too()
    {
        var data = Dataset.From(new SyntheticApplications { Seed = 9, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 12, 31) }, 60);
        var trained = RiskModel.Train(data.Finished, Dataset.QuickOptions);
        var loaded = RiskModel.Load(trained.Save(), Policy.Default, WorkingDayCalendar.Default);

        Assert.NotNull(loaded);
        Assert.False(loaded.Used);
        Assert.Equal(
            new RiskAssessor(trained).Assess(data.InProgress, data.AsOf).Probabilities(),
            new RiskAssessor(loaded).Assess(data.InProgress, data.AsOf).Probabilities());
    }

    [Fact]
    public void Another_format_version_or_a_damaged_record_is_not_a_model_and_loads_as_null()
    {
        var saved = planted.Model.Save();
        var otherVersion = (byte[])saved.Clone();
        BitConverter.GetBytes(RiskModel.FormatVersion + 1).CopyTo(otherVersion, 4);
        var cut = saved[..(saved.Length / 2)];
        var longer = saved.Concat(new byte[] { 1 }).ToArray();

        Assert.Null(RiskModel.Load(otherVersion, Policy.Default, WorkingDayCalendar.Default));
        Assert.Null(RiskModel.Load(cut, Policy.Default, WorkingDayCalendar.Default));
        Assert.Null(RiskModel.Load(longer, Policy.Default, WorkingDayCalendar.Default));
        Assert.Null(RiskModel.Load("not a model at all"u8.ToArray(), Policy.Default, WorkingDayCalendar.Default));
        Assert.Null(RiskModel.Load([], Policy.Default, WorkingDayCalendar.Default));
    }

    // ---- the fingerprint

    private static readonly DateTime Known = new(2024, 6, 30, 23, 59, 59);

    private static Filing Filing(long id, string sha, FilingKind kind = FilingKind.Applications) => new()
    {
        Id = id, Kind = kind, FileName = $"f{id}.csv", Sha256 = sha, AsOf = new DateTime(2024, 6, 30), LoadedAt = new DateTime(2024, 7, 1),
    };

    private static RecordSnapshot Snapshot(params Filing[] filings) => new() { Filings = filings };

    private static RiskModelOptions Options(DateTime? knownAt = null) => new() { KnownAt = knownAt ?? Known };

    [Fact]
    public void The_same_filings_policy_calendar_and_as_of_give_the_same_fingerprint()
    {
        var a = RiskModelFingerprint.Of(Snapshot(Filing(1, "aa"), Filing(2, "bb")), Options());
        var b = RiskModelFingerprint.Of(Snapshot(Filing(2, "bb"), Filing(1, "aa")), Options());
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
        // Filings of other kinds do not teach the model anything: they leave the fingerprint as it is.
        Assert.Equal(a, RiskModelFingerprint.Of(Snapshot(Filing(1, "aa"), Filing(2, "bb"), Filing(3, "cc", FilingKind.Outages)), Options()));
    }

    [Fact]
    public void A_new_or_revised_applications_filing_changes_the_fingerprint()
    {
        var before = RiskModelFingerprint.Of(Snapshot(Filing(1, "aa")), Options());
        Assert.NotEqual(before, RiskModelFingerprint.Of(Snapshot(Filing(1, "aa"), Filing(2, "bb")), Options()));
        Assert.NotEqual(before, RiskModelFingerprint.Of(Snapshot(Filing(1, "ab")), Options()));
        Assert.NotEqual(before, RiskModelFingerprint.Of(Snapshot(Filing(5, "aa")), Options()));
    }

    [Fact]
    public void Another_as_of_policy_calendar_scope_or_option_changes_the_fingerprint()
    {
        var data = Snapshot(Filing(1, "aa"));
        var before = RiskModelFingerprint.Of(data, Options());

        Assert.NotEqual(before, RiskModelFingerprint.Of(data, Options(Known.AddDays(-7))));

        // The same plan id with one limit changed is another policy.
        var t2a = Policy.Default.Targets.First(t => t.Kind is TargetKind.UtilityDays or TargetKind.WholeProcessDays);
        var edited = Policy.Default with
        {
            Targets = [.. Policy.Default.Targets.Select(t => t.Id == t2a.Id ? t with { InForce = [.. t.InForce.Select(s => s with { Limit = s.Limit + 1 })] } : t)],
        };
        Assert.Equal(Policy.Default.PlanId, edited.PlanId);
        Assert.NotEqual(before, RiskModelFingerprint.Of(data, Options() with { Policy = edited }));

        var calendar = WorkingDayCalendar.FromSchedules(WorkingDayCalendar.Default.Schedules.Values.Select(s =>
            s.Year == 2024 ? s with { Holidays = new HashSet<DateOnly>(s.Holidays) { new(2024, 3, 5) } } : s));
        Assert.NotEqual(before, RiskModelFingerprint.Of(data, Options() with { Calendar = calendar }));

        Assert.NotEqual(before, RiskModelFingerprint.Of(data.Where("yaodu", null), Options()));
        Assert.NotEqual(before, RiskModelFingerprint.Of(data, Options() with { NumberOfTrees = 51 }));
        Assert.NotEqual(before, RiskModelFingerprint.Of(data, Options() with { Seed = 1 }));
    }
}
