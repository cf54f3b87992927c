using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

public class IntegrityCheckerTests
{
    private static IReadOnlyList<Finding> Check(IReadOnlyList<Application> apps, IReadOnlyList<ApplicationRevision>? revisions = null) =>
        IntegrityChecker.Check(apps, revisions ?? [], Plan, Cal);

    public static TheoryData<string, Application, bool> OrderCases => new()
    {
        { "in order", App() with { PlanRepliedAt = T("2022-03-07 15:00"), CompletionCheckEnd = T("2022-03-09 10:00") }, false },
        { "plan before acceptance", App() with { PlanRepliedAt = T("2022-03-07 08:00") }, true },
        { "design review before the plan", App() with { PlanRepliedAt = T("2022-03-08 15:00"), DesignReviewStart = T("2022-03-08 09:00") }, true },
        { "mid check before the design review ended", App() with { DesignReviewEnd = T("2022-03-08 15:00"), MidCheckStart = T("2022-03-08 09:00") }, true },
        { "completion check before the customer's works ended", App() with { CustomerWorksEnd = T("2022-03-09 12:00"), CompletionCheckStart = T("2022-03-09 10:00") }, true },
        { "connected before the external works ended", App() with { ExternalWorksEnd = T("2022-03-10 10:00") }, true },
        { "connected before the approval", App() with { ApprovalGrantedAt = T("2022-03-10 10:00") }, true },
        { "design review before acceptance, no plan in between", App() with { DesignReviewStart = T("2022-03-06 10:00"), DesignReviewEnd = T("2022-03-07 10:00") }, true },
        { "an end before its start", App() with { CustomerWorksStart = T("2022-03-08 10:00"), CustomerWorksEnd = T("2022-03-08 09:00") }, true },
        { "mid check during customer works is fine", App() with { CustomerWorksStart = T("2022-03-07 10:00"), MidCheckStart = T("2022-03-08 09:00"), CustomerWorksEnd = T("2022-03-09 09:00") }, false },
        { "equal times are in order", App() with { PlanRepliedAt = T("2022-03-07 09:00") }, false },
    };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public void Out_of_order_flags_a_stage_earlier_than_one_that_must_precede_it(string why, Application a, bool flagged)
    {
        var found = Check([a]).Where(f => f.Rule == FindingRule.OutOfOrder).ToArray();
        Assert.True(flagged == (found.Length == 1), why);
        if (flagged)
        {
            Assert.Equal("out_of_order", found[0].Code);
            Assert.Equal("任务4", found[0].Clause);
            Assert.Null(found[0].TargetTitle);
            Assert.NotEmpty(Assert.IsType<OutOfOrderEvidence>(found[0].Evidence).Breaches);
        }
    }

    [Theory]
    [InlineData("2022-03-07 18:00", false)]   // same day
    [InlineData("2022-03-08 18:00", false)]   // 1 working day
    [InlineData("2022-03-09 08:00", true)]    // 2 working days
    [InlineData("2022-03-04 09:00", false)]   // before acceptance: not late
    public void Entered_late_flags_records_created_more_than_one_working_day_after_acceptance(string created, bool flagged)
    {
        var a = App(accepted: "2022-03-07 09:00", connected: "2022-03-15 09:00") with { RecordCreatedAt = T(created) };
        var found = Check([a]).Where(f => f.Rule == FindingRule.EnteredLate).ToArray();
        Assert.Equal(flagged ? 1 : 0, found.Length);
        if (flagged) Assert.Equal(D("2022-03-09"), found[0].On);
    }

    [Fact]
    public void Entered_late_counts_working_days_so_a_weekend_does_not_count()
    {
        var a = App(accepted: "2022-03-04 16:00", connected: "2022-03-15 09:00") with { RecordCreatedAt = T("2022-03-07 10:00") };
        Assert.DoesNotContain(Check([a]), f => f.Rule == FindingRule.EnteredLate);
    }

    [Fact]
    public void Back_filled_flags_a_record_created_after_the_connection()
    {
        var a = App() with { RecordCreatedAt = T("2022-03-09 17:00") };
        var f = Assert.Single(Check([a]), x => x.Rule == FindingRule.BackFilled);
        Assert.Equal("back_filled", f.Code);
        var e = Assert.IsType<CreatedAfterConnectionEvidence>(f.Evidence);
        Assert.Equal(T("2022-03-09 16:00"), e.ConnectedAt);
        Assert.Equal(T("2022-03-09 17:00"), e.CreatedAt);
    }

    [Fact]
    public void Back_filled_flags_a_stage_first_reported_with_a_time_before_the_previous_filings_as_of()
    {
        var first = App(connected: null) with { PlanRepliedAt = null };
        var second = first with { PlanRepliedAt = T("2022-03-08 10:00") };   // known before the first filing's as-of (10 Mar)
        var revisions = new[]
        {
            new ApplicationRevision(first, 1, 11, T("2022-03-10 12:00")),
            new ApplicationRevision(second, 2, 12, T("2022-03-17 12:00")),
        };
        var f = Assert.Single(Check([second], revisions), x => x.Rule == FindingRule.BackFilled);
        Assert.Equal(D("2022-03-17"), f.On);
        Assert.Contains(Assert.IsType<BackFilledEvidence>(f.Evidence).Times, t => t.Time == ApplicationFields.PlanRepliedAt && t.At == T("2022-03-08 10:00"));

        var honest = first with { PlanRepliedAt = T("2022-03-14 10:00") };   // after the first filing: reported in time
        var ok = new[] { revisions[0], new ApplicationRevision(honest, 2, 12, T("2022-03-17 12:00")) };
        Assert.DoesNotContain(Check([honest], ok), x => x.Rule == FindingRule.BackFilled);
    }

    [Fact]
    public void Rewritten_flags_a_later_filing_that_changes_a_reported_stage_time()
    {
        var first = App(connected: null) with { PlanRepliedAt = T("2022-03-10 10:00") };
        var second = first with { PlanRepliedAt = T("2022-03-08 10:00"), ExternalWorksStart = T("2022-03-11 10:00") };
        var revisions = new[]
        {
            new ApplicationRevision(second, 2, 12, T("2022-03-17 12:00")),   // out of order on purpose: the checker sorts
            new ApplicationRevision(first, 1, 11, T("2022-03-10 12:00")),
        };
        var f = Assert.Single(Check([second], revisions), x => x.Rule == FindingRule.Rewritten);
        Assert.Equal("rewritten", f.Code);
        var e = Assert.IsType<RewrittenEvidence>(f.Evidence);
        Assert.Equal([new TimeChange(ApplicationFields.PlanRepliedAt, T("2022-03-10 10:00"), T("2022-03-08 10:00"))], e.Changes);
        Assert.Equal(11, e.Before.FilingId);
        Assert.Equal(12, e.After.FilingId);
        Assert.Equal(D("2022-03-17"), f.On);
    }

    [Fact]
    public void Adding_a_new_stage_time_is_not_a_rewrite()
    {
        var first = App(connected: null);
        var second = first with { PlanRepliedAt = T("2022-03-15 10:00") };
        var revisions = new[]
        {
            new ApplicationRevision(first, 1, 11, T("2022-03-10 12:00")),
            new ApplicationRevision(second, 2, 12, T("2022-03-17 12:00")),
        };
        Assert.Empty(Check([second], revisions));
    }

    [Theory]
    [InlineData("2022-03-20 09:00", "K1", null, true)]
    [InlineData("2022-03-31 09:00", "K1", null, true)]    // 30 days after
    [InlineData("2022-04-01 09:00", "K1", null, false)]   // 31 days
    [InlineData("2022-03-20 09:00", "K2", null, false)]   // another customer
    [InlineData("2022-03-20 09:00", null, "W1", true)]    // names the withdrawn one
    [InlineData("2022-02-20 09:00", "K1", null, false)]   // before the withdrawal
    public void Rewalked_flags_a_new_application_soon_after_a_withdrawal(string accepted, string? key, string? previous, bool flagged)
    {
        var withdrawn = App("W1", "2022-02-21 09:00", null) with
        {
            Status = ApplicationStatus.Withdrawn,
            WithdrawnAt = T("2022-03-01 10:00"),
            CustomerKey = "K1",
        };
        var again = App("N1", accepted, null) with { CustomerKey = key, PreviousApplicationId = previous };
        var found = Check([withdrawn, again]).Where(f => f.Rule == FindingRule.Rewalked).ToArray();
        Assert.Equal(flagged ? 1 : 0, found.Length);
        if (flagged)
        {
            Assert.Equal("N1", found[0].ApplicationId);
            Assert.Equal("W1", Assert.IsType<RewalkedEvidence>(found[0].Evidence).WithdrawnApplicationId);
            Assert.Equal("rewalked", found[0].Code);
        }
    }

    [Fact]
    public void The_engine_keeps_findings_dated_in_the_period_and_codes_every_application()
    {
        var late = App("L1", "2022-12-28 09:00", "2023-01-10 09:00") with { RecordCreatedAt = T("2023-01-03 09:00") };
        var r = Run([late, App("A1")]);
        Assert.Empty(r.Findings);                              // dated 3 Jan 2023: next period
        Assert.Single(r.AllIntegrityFindings);
        // At the end of 2022 L1 was still in progress (metrics.md §8): its T2a breach belongs to 2023.
        Assert.Equal(["entered_late"], r.FindingCodes(r.Applications[0]));
        Assert.Empty(r.FindingCodes(r.Applications[1]));
        var next = Run([late, App("A1")], "2023-01-01", "2023-12-31");
        Assert.Equal(["entered_late", "T2a"], next.FindingCodes(next.Applications[0]));   // rules first, then breached targets
        Assert.Contains(next.Findings, f => f.Rule == FindingRule.EnteredLate);
        Assert.Contains(next.FindingsAndBreaches, f => f.IsTargetBreach && f.ApplicationId == "L1" && f.Code == "T2a");   // 8 working days
    }
}
