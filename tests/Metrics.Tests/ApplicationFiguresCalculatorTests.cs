using Analytics.Domain;
using Analytics.Domain.Policy;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

public class ApplicationFiguresCalculatorTests
{
    private static ApplicationFigures Figures(Application a, string asOf = "2023-01-05") =>
        MetricsEngine.Figures(a, Plan, Cal, T(asOf));

    [Theory]
    [InlineData("2022-03-07 09:00", "2022-03-07 17:00", 0, 0)]   // same day
    [InlineData("2022-03-04 16:00", "2022-03-07 09:00", 0, 1)]   // Friday → Monday
    [InlineData("2022-03-05 10:00", "2022-03-07 09:00", 0, 1)]   // Saturday → Monday
    [InlineData("2021-09-30 09:00", "2021-10-08 09:00", 0, 1)]   // National Day week: only 8 Oct works
    [InlineData("2021-09-30 09:00", "2021-10-11 09:00", 0, 3)]   // … then Sat 9 Oct (调休) and Mon 11 Oct
    [InlineData("2022-03-07 09:00", "2022-03-21 09:00", 0, 10)]
    [InlineData("2022-03-07 09:00", "2022-03-21 09:00", 4, 6)]   // paused days come off
    [InlineData("2022-03-07 09:00", "2022-03-09 09:00", 5, 0)]   // never below zero
    public void Whole_process_days_count_working_days_after_acceptance_less_pauses(string accepted, string connected, int paused, int expected)
    {
        var f = Figures(Residential(accepted: accepted, connected: connected) with { PausedDays = paused });
        Assert.Equal(expected, f.WholeProcessDays);
    }

    [Theory]
    // Accepted Mon 7 Mar, connected Mon 21 Mar 2022: 10 working days.
    [InlineData(null, null, null, null, 0, 10)]
    [InlineData("2022-03-09 10:00", "2022-03-11 10:00", null, null, 0, 8)]       // customer works take 10, 11 Mar
    [InlineData(null, null, "2022-03-10 10:00", "2022-03-15 10:00", 0, 7)]       // approval takes 11, 14, 15 Mar
    [InlineData("2022-03-09 10:00", "2022-03-11 10:00", "2022-03-10 10:00", "2022-03-15 10:00", 0, 6)] // overlap counted once
    [InlineData("2022-03-09 10:00", "2022-03-15 10:00", "2022-03-10 10:00", "2022-03-11 10:00", 0, 6)] // one inside the other
    [InlineData("2022-03-09 10:00", "2022-03-11 10:00", "2022-03-10 10:00", "2022-03-15 10:00", 2, 4)] // then pauses
    [InlineData("2022-03-09 10:00", null, null, null, 0, 10)]                    // works without an end exclude nothing
    public void Utility_days_skip_the_customers_own_works_and_the_approval(string? worksStart, string? worksEnd,
        string? approvalSubmitted, string? approvalGranted, int paused, int expected)
    {
        var a = App(accepted: "2022-03-07 09:00", connected: "2022-03-21 09:00") with
        {
            CustomerWorksStart = Tn(worksStart),
            CustomerWorksEnd = Tn(worksEnd),
            ApprovalSubmittedAt = Tn(approvalSubmitted),
            ApprovalGrantedAt = Tn(approvalGranted),
            PausedDays = paused,
        };
        var f = Figures(a);
        Assert.Equal(expected, f.UtilityDays);
        Assert.Equal(Math.Max(0, 10 - paused), f.WholeProcessDays);
    }

    [Theory]
    [InlineData("2022-03-04 10:00", "2022-03-07 10:00", 1)]
    [InlineData("2022-03-07 10:00", "2022-03-14 10:00", 5)]
    [InlineData("2022-03-07 10:00", null, null)]
    [InlineData(null, "2022-03-14 10:00", null)]
    public void Approval_days_need_both_ends(string? submitted, string? granted, int? expected)
    {
        var f = Figures(App() with { ApprovalSubmittedAt = Tn(submitted), ApprovalGrantedAt = Tn(granted) });
        Assert.Equal(expected, f.ApprovalDays);
    }

    [Fact]
    public void Figures_that_do_not_apply_are_null()
    {
        var inProgress = Figures(App(connected: null), asOf: "2022-03-10 12:00");
        Assert.Null(inProgress.WholeProcessDays);
        Assert.Null(inProgress.UtilityDays);
        Assert.Null(inProgress.ApprovalDays);
        var withdrawn = Figures(App(connected: null) with { Status = ApplicationStatus.Withdrawn, WithdrawnAt = T("2022-03-08 10:00") });
        Assert.Null(withdrawn.WholeProcessDays);
        Assert.Null(withdrawn.ElapsedDays);
        var connected = Figures(App());
        Assert.Null(connected.ElapsedDays);
        Assert.Null(connected.DueDate);
        Assert.Null(connected.Overdue);
    }

    [Fact]
    public void Stages_are_those_with_any_time_recorded()
    {
        var f = Figures(App() with { PlanRepliedAt = T("2022-03-07 15:00"), DesignReviewEnd = T("2022-03-08 10:00") });
        Assert.Equal(4, f.StageCount);
        Assert.Equal("accept;plan;design_review;connect", f.Stages.ToString());
    }

    [Theory]
    // lv_other under T2a (utility days ≤ 5), accepted Mon 7 Mar 2022.
    [InlineData("2022-03-14 17:00", null, null, 5, 5, "2022-03-14", 0, false)]
    [InlineData("2022-03-15 17:00", null, null, 6, 6, "2022-03-14", -1, true)]
    [InlineData("2022-03-15 17:00", "2022-03-10 10:00", null, 6, 3, "2022-03-17", 2, false)]            // works open since 10 Mar
    [InlineData("2022-03-15 17:00", "2022-03-10 10:00", "2022-03-11 10:00", 6, 5, "2022-03-15", 0, false)] // works 10–11 Mar
    public void In_progress_applications_are_measured_against_their_limit_at_the_as_of_instant(string asOf, string? worksStart,
        string? worksEnd, int elapsed, int counted, string due, int left, bool overdue)
    {
        var a = App(connected: null) with { CustomerWorksStart = Tn(worksStart), CustomerWorksEnd = Tn(worksEnd) };
        var f = Figures(a, asOf);
        Assert.Equal(elapsed, f.ElapsedDays);
        Assert.Equal(counted, f.CountedDays);
        Assert.Equal("T2a", f.LimitTargetId);
        Assert.Equal(TargetKind.UtilityDays, f.LimitKind);
        Assert.Equal(5m, f.LimitDays);
        Assert.Equal(D(due), f.DueDate);
        Assert.Equal(left, f.WorkingDaysLeft);
        Assert.Equal(overdue, f.Overdue);
    }

    [Fact]
    public void Paused_days_push_the_due_date()
    {
        var a = Residential(connected: null) with { PausedDays = 2 };
        var f = Figures(a, "2022-03-10 12:00");
        Assert.Equal("T2d", f.LimitTargetId);
        Assert.Equal(TargetKind.WholeProcessDays, f.LimitKind);
        Assert.Equal(4m, f.LimitDays);
        Assert.Equal(1, f.ElapsedDays);                                   // 8, 9, 10 Mar less 2 paused
        Assert.Equal(Cal.AddWorkingDays(D("2022-03-07"), 6), f.DueDate);
        Assert.Equal(3, f.WorkingDaysLeft);
    }

    [Theory]
    [InlineData("2022-12-30 09:00", 20)]   // T2e: ≤ 20 for applications accepted in 2022
    [InlineData("2023-01-03 09:00", 15)]   // ≤ 15 from 2023
    public void The_limit_is_the_one_in_force_on_the_accepted_date(string accepted, int limit)
    {
        var a = App(accepted: accepted, connected: null) with { ThreeZero = true };
        var f = Figures(a, "2023-01-20");
        Assert.Equal(Category.LvThreeZero, f.Category);
        Assert.Equal("T2e", f.LimitTargetId);
        Assert.Equal(limit, f.LimitDays);
    }

    [Fact]
    public void No_limit_applies_before_the_target_is_in_force()
    {
        var f = Figures(App(accepted: "2021-06-01 09:00", connected: null), "2021-06-10");
        Assert.Equal(7, f.ElapsedDays);                                   // 2–4, 7–10 Jun
        Assert.Null(f.LimitTargetId);
        Assert.Null(f.DueDate);
        Assert.Null(f.Overdue);
    }

    [Fact]
    public void A_year_without_calendar_is_an_error_naming_it()
    {
        var e = Assert.Throws<Analytics.Domain.Calendar.CalendarException>(() => Figures(App(accepted: "2019-12-02 09:00", connected: "2019-12-10 09:00")));
        Assert.Equal(2019, e.MissingYear);
    }
}
