using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

/// <summary>Each target of metrics.md §4 evaluated through <see cref="MetricsEngine.Compute"/>.</summary>
public class TargetEvaluationTests
{
    [Theory]
    // voltage, approval days (Mon 7 Mar + n working days), target, total T1a, compliant T1a, total T1b, compliant T1b
    [InlineData(Voltage.Lv, 5, 1, 1, 0, 0)]
    [InlineData(Voltage.Lv, 6, 1, 0, 0, 0)]
    [InlineData(Voltage.Kv10, 10, 0, 0, 1, 1)]
    [InlineData(Voltage.Kv10, 11, 0, 0, 1, 0)]
    [InlineData(Voltage.Kv35, 30, 0, 0, 0, 0)]   // 35kV and above: in no T1 target
    public void T1_judges_approval_days_of_the_access_works_by_voltage(Voltage voltage, int days, int totalA, int okA, int totalB, int okB)
    {
        var a = App() with
        {
            Voltage = voltage,
            ApprovalSubmittedAt = T("2022-03-07 10:00"),
            ApprovalGrantedAt = T(After("2022-03-07 10:00", days)),
        };
        var r = Run([a]);
        Assert.Equal((totalA, okA), (r.City("T1a").Total, r.City("T1a").Compliant));
        Assert.Equal((totalB, okB), (r.City("T1b").Total, r.City("T1b").Compliant));
    }

    [Fact]
    public void T1_selects_applications_by_the_day_the_approval_was_granted()
    {
        var a = App(accepted: "2022-06-20 09:00", connected: "2022-07-20 09:00") with
        {
            ApprovalSubmittedAt = T("2022-06-21 10:00"),
            ApprovalGrantedAt = T("2022-06-29 10:00"),
        };
        Assert.Equal(1, Run([a], "2022-01-01", "2022-06-30").City("T1a").Total);
        Assert.Equal(0, Run([a], "2022-07-01", "2022-12-31").City("T1a").Total);
    }

    [Fact]
    public void Day_targets_report_mean_nearest_rank_p90_and_max()
    {
        var apps = Enumerable.Range(1, 10)
            .Select(k => App($"A{k}", "2022-03-07 09:00", After("2022-03-07 09:00", k)))
            .ToArray();
        var t = Run(apps).City("T2a");
        Assert.Equal(10, t.Total);
        Assert.Equal(5, t.Compliant);
        Assert.Equal(0.5, t.Rate);
        Assert.Equal(5m, t.Limit);
        Assert.False(t.Met);
        Assert.True(t.InForce);
        Assert.Equal(5.5, t.MeanDays);
        Assert.Equal(9, t.P90Days);   // rank ⌈0.9 × 10⌉ = 9
        Assert.Equal(10, t.MaxDays);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 9)]
    [InlineData(11, 10)]   // rank ⌈9.9⌉ = 10
    [InlineData(20, 18)]
    public void P90_is_the_nearest_rank(int n, int expected)
    {
        var apps = Enumerable.Range(1, n)
            .Select(k => App($"A{k}", "2022-03-07 09:00", After("2022-03-07 09:00", k)))
            .ToArray();
        Assert.Equal(expected, Run(apps).City("T2a").P90Days);
    }

    [Theory]
    // category builder, working days accepted → connected, target, compliant
    [InlineData("hv_single", 15, "T2b", true)]
    [InlineData("hv_single", 16, "T2b", false)]
    [InlineData("hv_dual", 25, "T2c", true)]
    [InlineData("hv_dual", 26, "T2c", false)]
    [InlineData("residential", 4, "T2d", true)]
    [InlineData("residential", 5, "T2d", false)]
    [InlineData("lv_three_zero", 20, "T2e", true)]
    [InlineData("lv_three_zero", 21, "T2e", false)]
    [InlineData("lv_other", 5, "T2a", true)]
    [InlineData("lv_other", 6, "T2a", false)]
    public void T2_limits_each_category_by_its_own_days(string category, int days, string target, bool compliant)
    {
        var connected = After("2022-03-07 09:00", days);
        var a = category switch
        {
            "hv_single" => HvSingle(connected: connected),
            "hv_dual" => HvSingle(connected: connected) with { PowerSources = 2 },
            "residential" => Residential(connected: connected),
            "lv_three_zero" => App(connected: connected) with { ThreeZero = true },
            _ => App(connected: connected),
        };
        var r = Run([a]);
        var t = r.City(target);
        Assert.Equal(1, t.Total);
        Assert.Equal(compliant ? 1 : 0, t.Compliant);
        // No other day target counts it.
        foreach (var other in new[] { "T2a", "T2b", "T2c", "T2d", "T2e" }.Where(x => x != target))
            Assert.Equal(0, r.City(other).Total);
    }

    [Theory]
    [InlineData("2022-12-30 09:00", 18, true)]    // limit 20 for those accepted in 2022
    [InlineData("2023-01-03 09:00", 18, false)]   // limit 15 from 2023
    [InlineData("2023-01-03 09:00", 15, true)]
    public void T2e_judges_each_application_by_the_limit_of_its_accepted_date(string accepted, int days, bool compliant)
    {
        var a = App(accepted: accepted, connected: After(accepted, days)) with { ThreeZero = true, CapacityKw = 30m };
        var t = Run([a], "2023-01-01", "2023-12-31").City("T2e");
        Assert.Equal(1, t.Total);
        Assert.Equal(compliant ? 1 : 0, t.Compliant);
    }

    [Fact]
    public void In_progress_and_withdrawn_applications_are_not_in_the_day_targets()
    {
        var apps = new[]
        {
            App("A1", connected: null),
            App("A2", connected: null) with { Status = ApplicationStatus.Withdrawn, WithdrawnAt = T("2022-03-10 10:00") },
            App("A3"),
        };
        Assert.Equal(1, Run(apps).City("T2a").Total);
    }

    [Fact]
    public void A_target_not_yet_in_force_counts_nothing_and_is_not_met()
    {
        var t = Run([App(accepted: "2021-03-01 09:00", connected: "2021-03-30 09:00")], "2021-01-01", "2021-12-31").City("T2a");
        Assert.False(t.InForce);
        Assert.Equal(0, t.Total);
        Assert.Null(t.Rate);
        Assert.False(t.Met);
    }

    [Fact]
    public void A_target_in_force_with_nothing_to_count_is_met_with_no_rate()
    {
        var t = Run([App()]).City("T2c");
        Assert.True(t.InForce);
        Assert.Equal(0, t.Total);
        Assert.Null(t.Rate);
        Assert.Null(t.MeanDays);
        Assert.True(t.Met);
    }

    [Fact]
    public void Applications_accepted_before_a_target_came_into_force_are_not_counted()
    {
        // Accepted 2021, connected 2022: T2a applies to applications accepted from 2022-01-01.
        var t = Run([App(accepted: "2021-12-20 09:00", connected: "2022-01-20 09:00")]).City("T2a");
        Assert.Equal(0, t.Total);
    }

    public static TheoryData<string, Application, bool?> StageCases => new()
    {
        { "T3a", Residential(), true },
        { "T3a", Residential() with { PlanRepliedAt = T("2022-03-08 09:00") }, false },
        { "T3a", App() with { ThreeZero = true }, true },
        { "T3b", App() with { ExternalWorksStart = T("2022-03-08 09:00") }, true },
        { "T3b", App() with { PlanRepliedAt = T("2022-03-08 09:00") }, false },
        { "T3c", HvSingle() with { PlanRepliedAt = T("2022-03-08 09:00"), CompletionCheckEnd = T("2022-03-18 09:00") }, true },
        { "T3c", HvSingle() with { DesignReviewEnd = T("2022-03-09 09:00") }, false },
        { "T3c", HvSingle() with { MidCheckStart = T("2022-03-11 09:00"), PowerSources = 2 }, false },
        { "T3c", HvSingle() with { DesignReviewEnd = T("2022-03-09 09:00"), ImportantUser = true }, null },  // exempt
        { "T3a", Residential(connected: null), null },   // stages are judged at connection
    };

    [Theory]
    [MemberData(nameof(StageCases))]
    public void T3_keeps_the_stages_within_the_plan(string target, Application a, bool? compliant)
    {
        var t = Run([a]).City(target);
        Assert.Equal(compliant is null ? 0 : 1, t.Total);
        Assert.Equal(compliant == true ? 1 : 0, t.Compliant);
    }

    public static TheoryData<string, Application, bool?> ZeroInvestmentCases => new()
    {
        { "T4a", App() with { SmallMicro = true, CapacityKw = 160m }, true },
        { "T4a", App() with { SmallMicro = true, CapacityKw = 160m, CustomerInvestmentYuan = 5000m }, false },
        // A blank investment is a data gap (metrics.md §8): neither counted nor compliant; see the test below.
        { "T4a", App() with { SmallMicro = true, CapacityKw = 161m }, null },
        { "T4a", App() with { SmallMicro = false, CapacityKw = 100m }, null },
        { "T4a", App() with { SmallMicro = true, CapacityKw = 100m, Area = Area.Rural }, true },
        { "T4a", App() with { SmallMicro = true, CapacityKw = 120m, Area = Area.Rural }, null },                // rural ceiling 100 kW
        { "T4a", App() with { SmallMicro = true, CapacityKw = 150m, Area = Area.Town }, true },                 // town counts as urban
        { "T4a", App(connected: null) with { SmallMicro = true }, null },
        { "T4a", Residential() with { SmallMicro = true }, null },
    };

    [Theory]
    [MemberData(nameof(ZeroInvestmentCases))]
    public void T4a_asks_zero_investment_of_small_and_micro_enterprises_under_the_area_ceiling(string target, Application a, bool? compliant)
    {
        var t = Run([a]).City(target);
        Assert.Equal(compliant is null ? 0 : 1, t.Total);
        Assert.Equal(compliant == true ? 1 : 0, t.Compliant);
    }

    [Fact]
    public void Town_follows_the_rural_ceiling_when_the_policy_says_town_is_not_urban()
    {
        var a = App() with { SmallMicro = true, CapacityKw = 150m, Area = Area.Town };
        var policy = Plan with { Parameters = Plan.Parameters with { TownCountsAsUrban = false } };
        Assert.Equal(0, Run([a], policy: policy).City("T4a").Total);
        Assert.Equal(1, Run([a]).City("T4a").Total);
    }

    [Fact]
    public void T4b_raises_the_ceiling_to_160_kW_everywhere_from_2023()
    {
        var a = App(accepted: "2023-03-06 09:00", connected: "2023-03-08 09:00") with { SmallMicro = true, CapacityKw = 150m, Area = Area.Rural, CustomerInvestmentYuan = 100m };
        var r = Run([a], "2023-01-01", "2023-12-31");
        Assert.Equal(0, r.City("T4a").Total);
        Assert.Equal(1, r.City("T4b").Total);
        Assert.Equal(0, r.City("T4b").Compliant);
        var early = a with { AcceptedAt = T("2022-12-20 09:00") };
        Assert.Equal(0, Run([early], "2023-01-01", "2023-12-31").City("T4b").Total);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(100, 0, false)]
    [InlineData(0, 800, false)]
    [InlineData(100, null, false)]   // a charge given and above zero is a breach whatever the other field says
    public void T4c_asks_no_fee_and_no_investment_of_residential_and_three_zero_customers(int? fee, int? investment, bool compliant)
    {
        var a = Residential() with { FeeYuan = fee, CustomerInvestmentYuan = investment };
        var t = Run([a]).City("T4c");
        Assert.Equal(1, t.Total);
        Assert.Equal(compliant ? 1 : 0, t.Compliant);
        Assert.Equal(0, t.DataGaps);
    }

    [Theory]
    [InlineData("T4c", null, 0)]
    [InlineData("T4c", 0, null)]
    [InlineData("T4c", null, null)]
    [InlineData("T4a", 0, null)]
    public void A_blank_fee_or_investment_is_a_data_gap_not_a_breach(string target, int? fee, int? investment)
    {
        var a = target == "T4c"
            ? Residential() with { FeeYuan = fee, CustomerInvestmentYuan = investment }
            : App() with { SmallMicro = true, CapacityKw = 160m, FeeYuan = fee, CustomerInvestmentYuan = investment };
        var r = Run([a]);
        var t = r.City(target);
        Assert.Equal(0, t.Total);
        Assert.Equal(0, t.Compliant);
        Assert.Equal(1, t.DataGaps);
        Assert.Null(t.Rate);
        Assert.DoesNotContain(r.Breaches, b => b.TargetId == target);
        var gap = Assert.Single(r.DataGaps, g => g.Evidence is DataGapEvidence e && e.TargetId == target);
        Assert.Equal("data_gap", gap.Code);
        Assert.Equal(FindingRule.DataGap, gap.Rule);
        Assert.False(gap.IsTargetBreach);
        var evidence = Assert.IsType<DataGapEvidence>(gap.Evidence);
        Assert.Equal(fee is null, evidence.FeeBlank);
        Assert.Equal(investment is null, evidence.InvestmentBlank);
        Assert.Contains(gap, r.FindingsAndBreaches);
    }

    [Fact]
    public void The_rate_is_compliant_over_judged_applications_with_the_gaps_beside_it()
    {
        // Two compliant, one breach, two blanks: 2 / 3, with 2 gaps reported (metrics.md §8).
        var apps = new[]
        {
            Residential("R1"), Residential("R2"), Residential("R3") with { FeeYuan = 50m },
            Residential("R4") with { FeeYuan = null }, Residential("R5") with { CustomerInvestmentYuan = null },
        };
        var t = Run(apps).City("T4c");
        Assert.Equal(3, t.Total);
        Assert.Equal(2, t.Compliant);
        Assert.Equal(2, t.DataGaps);
        Assert.Equal(2.0 / 3.0, t.Rate!.Value, 12);
    }

    [Fact]
    public void Blank_materials_are_a_data_gap_for_T6()
    {
        var r = Run([App() with { Materials = null }]);
        var t = r.City("T6");
        Assert.Equal(0, t.Total);
        Assert.Equal(1, t.DataGaps);
    }

    [Theory]
    [InlineData(Voltage.Lv, Materials.IdCard | Materials.PropertyCert, true)]
    [InlineData(Voltage.Lv, Materials.IdCard, true)]
    [InlineData(Voltage.Lv, Materials.IdCard | Materials.BusinessLicense, false)]
    [InlineData(Voltage.Lv, Materials.IdCard | Materials.ProjectApproval, false)]
    [InlineData(Voltage.Kv10, Materials.IdCard | Materials.PropertyCert | Materials.ProjectApproval, true)]
    [InlineData(Voltage.Kv10, Materials.IdCard | Materials.CommitmentLetter, false)]
    [InlineData(Voltage.Kv10, Materials.Other, false)]
    public void T6_allows_only_the_listed_materials(Voltage voltage, Materials materials, bool compliant)
    {
        var t = Run([App() with { Voltage = voltage, Materials = materials }]).City("T6");
        Assert.Equal(1, t.Total);
        Assert.Equal(compliant ? 1 : 0, t.Compliant);
    }

    [Fact]
    public void Breach_evidence_carries_the_facts_behind_it_not_words()
    {
        var r = Run([App() with { Voltage = Voltage.Lv, Materials = Materials.IdCard | Materials.Other }]);
        var b = Assert.Single(r.Breaches, f => f.Code == "T6");
        var m = Assert.IsType<MaterialsEvidence>(b.Evidence);
        Assert.Equal(Materials.Other, m.Extra);
        Assert.Equal(Voltage.Lv, m.Voltage);
        var late = Run([App("A2", "2022-03-07 09:00", After("2022-03-07 09:00", 8))]);
        var t2 = Assert.Single(late.Breaches, f => f.Code == "T2a");
        var d = Assert.IsType<DaysOverLimitEvidence>(t2.Evidence);
        Assert.Equal(T("2022-03-07 09:00"), d.AcceptedAt);
        Assert.Equal(8m, d.Days);
        Assert.Equal(5m, d.Limit);
    }

    [Fact]
    public void T6_counts_connected_applications_whose_materials_are_given_selected_by_connection()
    {
        Assert.Equal(0, Run([App() with { Materials = null }]).City("T6").Total);
        // metrics.md §8: timeliness targets (T6 among them) count applications connected in the period.
        var withdrawn = App(connected: null) with { Status = ApplicationStatus.Withdrawn, WithdrawnAt = T("2022-03-09 10:00"), Materials = Materials.Other };
        Assert.Equal(0, Run([withdrawn]).City("T6").Total);
        var acrossNewYear = App("NY", "2021-12-28 09:00", "2022-01-05 09:00") with { Materials = Materials.Other };
        Assert.Equal(1, Run([acrossNewYear]).City("T6").Total);
        Assert.Equal(0, Run([acrossNewYear], "2021-01-01", "2021-12-31", "2022-02-01").City("T6").Total);
    }

    [Theory]
    [InlineData(true, 100, Voltage.Lv, true)]
    [InlineData(true, 100, Voltage.Kv10, false)]
    [InlineData(true, 160, Voltage.Kv10, false)]
    [InlineData(true, 200, Voltage.Kv10, null)]
    [InlineData(false, 100, Voltage.Kv10, null)]
    public void T7_connects_small_three_zero_customers_at_low_voltage(bool threeZero, int capacity, Voltage voltage, bool? compliant)
    {
        var t = Run([App() with { ThreeZero = threeZero, CapacityKw = capacity, Voltage = voltage }]).City("T7");
        Assert.Equal(compliant is null ? 0 : 1, t.Total);
        Assert.Equal(compliant == true ? 1 : 0, t.Compliant);
    }

    [Fact]
    public void Targets_are_grouped_by_county_utility_area_and_category()
    {
        var apps = new[]
        {
            App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 3)),
            App("A2", "2022-03-07 09:00", After("2022-03-07 09:00", 8)) with { County = "houma", Area = Area.Rural },
            App("A3", "2022-03-07 09:00", After("2022-03-07 09:00", 9)) with { County = "houma", Utility = "sxdl-puxian" },
        };
        var r = Run(apps);
        TargetResult Row(GroupDimension d, Func<TargetGroup, bool> pick) =>
            r.Targets.Single(t => t.Id == "T2a" && t.Group.Dimension == d && pick(t.Group));
        Assert.Equal((3, 1), (r.City("T2a").Total, r.City("T2a").Compliant));
        Assert.Equal((1, 1), (Row(GroupDimension.County, g => g.County == "yaodu").Total, Row(GroupDimension.County, g => g.County == "yaodu").Compliant));
        Assert.Equal((2, 0), (Row(GroupDimension.County, g => g.County == "houma").Total, Row(GroupDimension.County, g => g.County == "houma").Compliant));
        Assert.Equal(1, Row(GroupDimension.Utility, g => g.Utility == "sxdl-puxian").Total);
        Assert.Equal(2, Row(GroupDimension.Utility, g => g.Utility == "sgcc-linfen").Total);
        Assert.Equal(1, Row(GroupDimension.Area, g => g.Area == Area.Rural).Total);
        Assert.Equal(3, Row(GroupDimension.Category, g => g.Category == Category.LvOther).Total);
        Assert.Equal(8.5, Row(GroupDimension.County, g => g.County == "houma").MeanDays);
    }

    [Fact]
    public void Breaches_list_the_non_compliant_applications_with_evidence()
    {
        var apps = new[]
        {
            App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 3)),
            App("A2", "2022-03-07 09:00", After("2022-03-07 09:00", 8)),
        };
        var r = Run(apps);
        var b = Assert.Single(r.Breaches, f => f.Code == "T2a");
        Assert.Equal("A2", b.ApplicationId);
        Assert.Equal("目标2", b.Clause);
        Assert.True(b.IsTargetBreach);
        Assert.Equal(8m, b.Value);
        Assert.Equal(5m, b.Limit);
        Assert.Equal(new DaysOverLimitEvidence(Analytics.Domain.Policy.TargetKind.UtilityDays, 8m, 5m) { AcceptedAt = T("2022-03-07 09:00"), ConnectedAt = T(After("2022-03-07 09:00", 8)) }, b.Evidence);
        Assert.Equal(["T2a"], r.Applications.Single(f => f.ApplicationId == "A2").BreachedTargets);
        Assert.Empty(r.Applications.Single(f => f.ApplicationId == "A1").BreachedTargets);
    }

    [Fact]
    public void The_county_filter_keeps_one_county()
    {
        var apps = new[] { App("A1"), App("A2") with { County = "houma" } };
        var r = MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps,
            Policy = Plan,
            Calendar = Cal,
            Period = MetricsPeriod.Year(2022),
            AsOf = T("2023-01-05"),
            County = "houma",
        });
        Assert.Equal("A2", Assert.Single(r.Applications).ApplicationId);
        Assert.Equal(1, r.City("T2a").Total);
    }

    [Fact]
    public void An_application_in_a_year_without_calendar_is_an_error_not_a_crash()
    {
        var r = Run([App("OLD", "2019-12-02 09:00", "2020-01-10 09:00"), App("A1")], "2019-01-01", "2022-12-31");
        var e = Assert.Single(r.Errors);
        Assert.Equal(MetricsErrorKind.CalendarMissingYear, e.Kind);
        Assert.Equal("OLD", e.ApplicationId);
        Assert.Null(r.Applications[0].WholeProcessDays);
        Assert.Equal(2, r.Applications[1].WholeProcessDays);
    }
}
