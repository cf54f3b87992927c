using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Risk.Tests.Support;

namespace Analytics.Risk.Tests;

public class TargetClockTests
{
    private static readonly TargetClock Clock = new(Policy.Default, WorkingDayCalendar.Default);

    private static Application App(Category category, string accepted, string connected) => new()
    {
        ApplicationId = "A1",
        Utility = "sgcc-linfen",
        County = "yaodu",
        Area = Area.Urban,
        CustomerType = category == Category.Residential ? CustomerType.Residential : CustomerType.NonResidential,
        Voltage = category is Category.HvSingle or Category.HvDual ? Voltage.Kv10 : Voltage.Lv,
        PowerSources = category == Category.HvDual ? 2 : 1,
        CapacityKw = 50,
        ThreeZero = category == Category.LvThreeZero,
        Channel = Channel.Online,
        Status = ApplicationStatus.Connected,
        AcceptedAt = DateTime.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture),
        ConnectedAt = DateTime.Parse(connected, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData(Category.Residential, TargetKind.WholeProcessDays, "T2d")]
    [InlineData(Category.LvThreeZero, TargetKind.WholeProcessDays, "T2e")]
    [InlineData(Category.LvOther, TargetKind.UtilityDays, "T2a")]
    [InlineData(Category.HvSingle, TargetKind.UtilityDays, "T2b")]
    [InlineData(Category.HvDual, TargetKind.UtilityDays, "T2c")]
    public void Each_category_runs_against_its_day_target_of_goal_2(Category category, TargetKind kind, string id)
    {
        var target = Clock.TargetOf(category);
        Assert.NotNull(target);
        Assert.Equal(id, target.Id);
        Assert.Equal(kind, target.Kind);
    }

    [Theory]
    [InlineData("2021-06-01", null)]
    [InlineData("2022-06-01", 20)]
    [InlineData("2023-02-01", 15)]
    public void The_limit_is_the_one_in_force_on_the_accepted_date(string accepted, int? limit)
    {
        var a = App(Category.LvThreeZero, accepted, accepted);
        Assert.Equal(limit, (int?)Clock.LimitOf(a));
    }

    [Fact]
    public void Whole_process_days_are_working_days_less_paused_days()
    {
        // Mon 2024-03-04 → Thu 2024-03-07 = 3 working days, 1 paused.
        var a = App(Category.Residential, "2024-03-04T09:00", "2024-03-07T15:00") with { PausedDays = 1 };
        Assert.Equal(2, Clock.FinalDays(a, TargetKind.WholeProcessDays));
    }

    [Fact]
    public void Utility_days_skip_the_customers_own_works_and_the_approval_counted_once()
    {
        // (03-04, 03-18] = 10 working days; customer works (03-05, 03-14] = 7; approval (03-12, 03-15] adds 03-15 only.
        var a = App(Category.LvOther, "2024-03-04T09:00", "2024-03-18T15:00") with
        {
            CustomerWorksStart = new DateTime(2024, 3, 5, 10, 0, 0),
            CustomerWorksEnd = new DateTime(2024, 3, 14, 10, 0, 0),
            ApprovalSubmittedAt = new DateTime(2024, 3, 12, 10, 0, 0),
            ApprovalGrantedAt = new DateTime(2024, 3, 15, 10, 0, 0),
        };
        Assert.Equal(2, Clock.FinalDays(a, TargetKind.UtilityDays));
    }

    [Fact]
    public void Counted_days_at_a_moment_treat_customer_works_still_running_as_excluded_up_to_it()
    {
        var a = App(Category.LvOther, "2024-03-04T09:00", "2024-03-18T15:00") with
        {
            CustomerWorksStart = new DateTime(2024, 3, 5, 10, 0, 0),
            CustomerWorksEnd = new DateTime(2024, 3, 14, 10, 0, 0),
        };
        var moment = new DateTime(2024, 3, 8, 23, 59, 59);
        // Only 03-05 counts before the customer works began; they still run at the moment.
        Assert.Equal(1, Clock.CountedDays(a, TargetKind.UtilityDays, moment));
        Assert.Equal(4, Clock.ElapsedDays(a, moment));
    }

    [Fact]
    public void Days_counted_at_a_replayed_moment_equal_the_metrics_engines_in_progress_figure()
    {
        var apps = new SyntheticApplications { Seed = 21, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 6, 30) }.Generate(400);
        var rng = new Random(4);
        var compared = 0;
        foreach (var full in apps)
        {
            var days = DateOnly.FromDateTime(full.ConnectedAt!.Value).DayNumber - DateOnly.FromDateTime(full.AcceptedAt).DayNumber;
            if (days <= 0) continue;
            var moment = DateOnly.FromDateTime(full.AcceptedAt).AddDays(rng.Next(0, days)).ToDateTime(TimeOnly.MaxValue);
            var then = SyntheticApplications.AsKnownAt(full, moment)! with { PausedDays = rng.Next(0, 3) };
            var engine = new ApplicationFiguresCalculator(Policy.Default, WorkingDayCalendar.Default, moment).Compute(then);
            var kind = Clock.TargetOf(then.Category)!.Kind;

            Assert.Equal(engine.CountedDays, Math.Max(0, Clock.CountedDays(then, kind, moment) - then.PausedDays));
            Assert.Equal(engine.ElapsedDays, Math.Max(0, Clock.ElapsedDays(then, moment) - then.PausedDays));
            compared++;
        }
        Assert.True(compared > 300);
    }

    [Fact]
    public void Final_days_are_the_metrics_engines_figures()
    {
        foreach (var a in new SyntheticApplications { Seed = 22, From = new DateOnly(2023, 1, 1), To = new DateOnly(2023, 3, 31) }.Generate(200))
        {
            var engine = new ApplicationFiguresCalculator(Policy.Default, WorkingDayCalendar.Default, a.ConnectedAt!.Value).Compute(a);
            var kind = Clock.TargetOf(a.Category)!.Kind;
            Assert.Equal(kind == TargetKind.UtilityDays ? engine.UtilityDays : engine.WholeProcessDays, Clock.FinalDays(a, kind));
        }
    }
}
