using Analytics.Domain;
using Analytics.Domain.Calendar;

namespace Analytics.Risk.Tests;

[Collection("planted")]
public class RiskAssessorTests(PlantedSignalFixture planted)
{
    private static readonly DateTime AsOf = new(2024, 6, 13, 23, 59, 59);

    private static Application HvSingle(string id, DateTime accepted) => new()
    {
        ApplicationId = id,
        Utility = "sgcc-linfen",
        County = "hongtong",
        Area = Area.Town,
        CustomerType = CustomerType.NonResidential,
        Voltage = Voltage.Kv10,
        CapacityKw = 800,
        ThreeZero = false,
        Channel = Channel.Online,
        Status = ApplicationStatus.InProgress,
        AcceptedAt = accepted,
    };

    [Fact]
    public void Only_applications_in_progress_at_the_as_of_instant_are_assessed()
    {
        var apps = new[]
        {
            HvSingle("in-progress", AsOf.AddDays(-10)),
            HvSingle("accepted-later", AsOf.AddDays(1)),
            HvSingle("connected-before", AsOf.AddDays(-20)) with { Status = ApplicationStatus.Connected, ConnectedAt = AsOf.AddDays(-2) },
            HvSingle("connected-after", AsOf.AddDays(-20)) with { Status = ApplicationStatus.Connected, ConnectedAt = AsOf.AddDays(3) },
            HvSingle("withdrawn", AsOf.AddDays(-20)) with { Status = ApplicationStatus.Withdrawn, WithdrawnAt = AsOf.AddDays(-1) },
            HvSingle("before-goal-2", new DateTime(2021, 11, 1, 9, 0, 0)),
        };

        var assessment = new RiskAssessor(planted.Model).Assess(apps, AsOf);

        Assert.Equal(["connected-after", "in-progress"], assessment.Applications.Select(a => a.ApplicationId).Order(StringComparer.Ordinal));
        Assert.Equal(1, assessment.NotAssessed); // T2b was not in force on 2021-11-01
    }

    [Fact]
    public void An_application_due_after_the_last_scheduled_year_is_not_assessed_rather_than_failing_the_run()
    {
        var asOf = new DateTime(2026, 12, 30, 23, 59, 59);
        var apps = new[] { HvSingle("due-in-2027", new DateTime(2026, 12, 28, 9, 0, 0)), HvSingle("due-in-2026", new DateTime(2026, 11, 2, 9, 0, 0)) };

        var assessment = new RiskAssessor(planted.Model).Assess(apps, asOf);

        Assert.Equal("due-in-2026", Assert.Single(assessment.Applications).ApplicationId);
        Assert.Equal(1, assessment.NotAssessed);
    }

    [Fact]
    public void Days_left_and_the_due_date_follow_the_limit_and_the_days_counted()
    {
        var accepted = new DateTime(2024, 6, 3, 9, 0, 0); // Monday
        var assessment = new RiskAssessor(planted.Model).Assess([HvSingle("H1", accepted)], AsOf);
        var r = Assert.Single(assessment.Applications);

        var calendar = WorkingDayCalendar.Default;
        var counted = calendar.WorkingDaysBetween(accepted, AsOf); // nothing excluded yet
        Assert.Equal("T2b", r.TargetId);
        Assert.Equal(15m, r.LimitDays);
        Assert.Equal(counted, r.CountedDays);
        Assert.Equal(counted, r.ElapsedDays);
        Assert.Equal(15 - counted, r.DaysLeft);
        Assert.Equal(calendar.AddWorkingDays(DateOnly.FromDateTime(accepted), 15), r.DueDate);
        Assert.Equal(r.Figures.DueDate, r.DueDate);
        Assert.True(r.PredictedDays >= r.CountedDays);
        Assert.InRange(r.MissProbability, 0, 1);
    }

    [Fact]
    public void The_list_is_most_urgent_first_and_feeds_the_ledger_by_utility_and_application_id()
    {
        var assessment = new RiskAssessor(planted.Model).Assess(planted.Data.InProgress, planted.Data.AsOf);
        var list = assessment.Applications;

        Assert.True(list.Count > 20);
        for (var i = 1; i < list.Count; i++)
        {
            Assert.True(list[i - 1].MissProbability >= list[i].MissProbability);
            if (list[i - 1].MissProbability == list[i].MissProbability)
                Assert.True(list[i - 1].DaysLeft <= list[i].DaysLeft);
        }
        var map = assessment.Probabilities();
        Assert.Equal(list.Count, map.Count);
        Assert.All(list, r => Assert.Equal(r.MissProbability, map[(r.Utility, r.ApplicationId)]));
        Assert.All(assessment.AtRisk(0.5), r => Assert.True(r.MissProbability >= 0.5));
        Assert.Contains(list, r => r.MissProbability < 0.5);
    }

    [Fact]
    public void An_application_already_past_its_limit_is_certain_to_miss_it()
    {
        var accepted = new DateTime(2024, 4, 1, 9, 0, 0);
        var r = Assert.Single(new RiskAssessor(planted.Model).Assess([HvSingle("late", accepted)], AsOf).Applications);
        Assert.True(r.DaysLeft < 0);
        Assert.Equal(1.0, r.MissProbability);
        Assert.True(r.DueDate < DateOnly.FromDateTime(AsOf));
    }
}
