using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

public class IndicatorCalculatorTests
{
    private static readonly MetricsPeriod Year2022 = MetricsPeriod.Year(2022);

    [Fact]
    public void Online_and_e_contract_shares_count_applications_accepted_in_the_period()
    {
        var apps = new[]
        {
            App("A1") with { Channel = Channel.Online, EContract = true },
            App("A2") with { Channel = Channel.Counter, EContract = false },
            App("A3") with { Channel = Channel.Online, EContract = null },          // not evidenced: not an e-contract
            HvSingle("H1") with { Channel = Channel.Counter, EContract = true },    // not lv
            App("OLD", "2021-05-06 09:00", "2021-05-10 09:00") with { Channel = Channel.Online },
        };
        var i = IndicatorCalculator.Compute(apps, [], Plan, Year2022);
        Assert.Equal(4, i.AcceptedCount);
        Assert.Equal(0.5, i.OnlineShare);
        Assert.Equal(3, i.LvAcceptedCount);
        Assert.Equal(1.0 / 3, i.EContractShareLv);
    }

    [Fact]
    public void Approval_mode_shares_cover_applications_with_a_mode()
    {
        var apps = new[]
        {
            App("A1") with { ApprovalMode = ApprovalMode.Standard },
            App("A2") with { ApprovalMode = ApprovalMode.NotifyCommit },
            App("A3") with { ApprovalMode = ApprovalMode.NotifyCommit },
            App("A4") with { ApprovalMode = ApprovalMode.Exempt },
            App("A5"),
        };
        var shares = IndicatorCalculator.Compute(apps, [], Plan, Year2022).ApprovalModeShares;
        Assert.Equal(0.25, shares[ApprovalMode.Standard]);
        Assert.Equal(0.5, shares[ApprovalMode.NotifyCommit]);
        Assert.Equal(0.0, shares[ApprovalMode.Filing]);
        Assert.Equal(0.25, shares[ApprovalMode.Exempt]);
    }

    [Fact]
    public void Shares_without_a_denominator_are_null()
    {
        var i = IndicatorCalculator.Compute([], [], Plan, Year2022);
        Assert.Null(i.OnlineShare);
        Assert.Null(i.EContractShareLv);
        Assert.Null(i.OutageNoticeShare);
        Assert.Null(i.PlannedNoticeOnTimeShare);
        Assert.Empty(i.ApprovalModeShares);
    }

    [Theory]
    [InlineData("2022-05-03 08:00", true)]    // 7 calendar days before 10 May
    [InlineData("2022-05-04 08:00", false)]   // 6 days
    [InlineData(null, false)]                 // never notified
    public void Planned_outages_are_notified_on_time_at_least_seven_calendar_days_ahead(string? notified, bool onTime)
    {
        var outages = new[]
        {
            Outage("P", "2022-05-10 08:00", "2022-05-10 12:00", 100, kind: OutageKind.Planned) with { NotifiedAt = Tn(notified) },
            Outage("F", "2022-05-11 08:00", "2022-05-11 09:00", 100) with { NotifiedAt = T("2022-05-11 08:10") },
        };
        var i = IndicatorCalculator.Compute([], outages, Plan, Year2022);
        Assert.Equal(2, i.OutageCount);
        Assert.Equal(1, i.PlannedOutageCount);
        Assert.Equal(onTime ? 1.0 : 0.0, i.PlannedNoticeOnTimeShare);
        Assert.Equal(notified is null ? 0.5 : 1.0, i.OutageNoticeShare);
    }

    [Fact]
    public void Restoration_steps_of_one_outage_count_once()
    {
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 09:00", 100),
            Outage("O1", "2022-05-10 08:00", "2022-05-10 10:00", 100) with { Step = 2, NotifiedAt = T("2022-05-10 08:05") },
        };
        var i = IndicatorCalculator.Compute([], outages, Plan, Year2022);
        Assert.Equal(1, i.OutageCount);
        Assert.Equal(1.0, i.OutageNoticeShare);
    }

    [Fact]
    public void Volumes_count_accepted_connected_in_progress_and_withdrawn_by_group()
    {
        var apps = new[]
        {
            App("A1"),                                                            // accepted and connected
            App("A2", "2021-12-20 09:00", "2022-01-10 09:00"),                   // connected only
            App("A3", connected: null),                                           // accepted, in progress
            App("A4", "2021-11-01 09:00", null) with { County = "houma" },        // in progress from before
            App("A5", connected: null) with { Status = ApplicationStatus.Withdrawn, WithdrawnAt = T("2022-03-20 09:00"), County = "houma" },
            Residential("R1"),
        };
        var i = IndicatorCalculator.Compute(apps, [], Plan, Year2022);
        Assert.Equal(new Volumes(4, 3, 2, 1), i.Volumes);
        Assert.Equal(new Volumes(3, 3, 1, 0), i.VolumesByCounty["yaodu"]);
        Assert.Equal(new Volumes(1, 0, 1, 1), i.VolumesByCounty["houma"]);
        Assert.Equal(new Volumes(1, 1, 0, 0), i.VolumesByCategory[Category.Residential]);
        Assert.Equal(new Volumes(4, 3, 2, 1), i.VolumesByUtility["sgcc-linfen"]);
    }
}
