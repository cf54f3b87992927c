using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

public class ReliabilityCalculatorTests
{
    private static ReliabilityResult Compute(IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers, params int[] years) =>
        ReliabilityCalculator.Compute(outages, customers, Plan, years);

    private static ReliabilityEntry Entry(ReliabilityResult r, int year, string? county = null, string? utility = null, Area? area = null) =>
        r.Entries.Single(e => e.Year == year && e.County == county && e.Utility == utility && e.Area == area);

    [Fact]
    public void Step_restoration_counts_each_rows_own_customers_up_to_its_own_end()
    {
        // 400 customers out at 08:00; 300 back at 08:30, the last 100 at 11:00; 2,000 served.
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 08:30", 300),
            Outage("O1", "2022-05-10 08:00", "2022-05-10 11:00", 100) with { Step = 2 },
        };
        var e = Entry(Compute(outages, [Served(2022, 2000)], 2022), 2022);
        Assert.Equal(450m, e.CustomerHours);
        Assert.Equal(13.5m, e.SaidiH * 60m);   // minutes
        Assert.Equal(0.2m, e.Saifi);
        Assert.Equal(400, e.CustomersInterrupted);
        Assert.Equal(1.125m, e.CaidiH);
    }

    [Fact]
    public void Groups_pool_customer_hours_and_customers_never_averaging_ratios()
    {
        // 1,000 customers at 2 h and 3,000 at 10 h: 32,000 / 4,000 = 8 h (not (2 + 10) / 2 = 6 h).
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 10:00", 1000, county: "yaodu"),
            Outage("O2", "2022-05-10 08:00", "2022-05-10 18:00", 3000, county: "houma"),
        };
        var customers = new[] { Served(2022, 1000, county: "yaodu"), Served(2022, 3000, county: "houma") };
        var r = Compute(outages, customers, 2022);
        Assert.Equal(2m, Entry(r, 2022, "yaodu").SaidiH);
        Assert.Equal(10m, Entry(r, 2022, "houma").SaidiH);
        Assert.Equal(8m, Entry(r, 2022).SaidiH);
        Assert.Equal(4000m, Entry(r, 2022).Customers);
    }

    [Fact]
    public void The_answer_does_not_depend_on_the_order_the_outage_steps_come_in()
    {
        // Means of three snapshots (x / 3) do not add exactly in decimal: summed in another order, the city's customers
        // differed in the last digits (68939524.4999… against .5000… at 1M applications) before the cells were ordered.
        var counties = Enumerable.Range(0, 17).Select(i => "c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var customers = new List<CustomersServed>();
        var outages = new List<OutageStep>();
        for (var i = 0; i < counties.Length; i++)
            foreach (var area in new[] { Area.Central, Area.Urban, Area.Town, Area.Rural })
            {
                for (var m = 1; m <= 3; m++)
                    customers.Add(Served(2022, 1_234_567 + 98_765 * i + 7 * m * m + 11 * (int)area, area, counties[i], month: 4 * m));
                outages.Add(Outage($"O{i}{area}", "2022-05-10 08:00", "2022-05-10 09:20", 10 + i, area, counties[i]));
            }
        var forward = Compute(outages, customers, 2022);
        outages.Reverse();
        var backward = Compute(outages, customers, 2022);
        Assert.Equal(forward.Entries, backward.Entries);
        Assert.Equal(forward.Entries.Select(e => e.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            backward.Entries.Select(e => e.Customers.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Customers_served_are_the_mean_of_the_years_snapshots()
    {
        var customers = new[] { Served(2022, 900, month: 6), Served(2022, 1100, month: 12) };
        var outages = new[] { Outage("O1", "2022-05-10 08:00", "2022-05-10 09:00", 1000) };
        var e = Entry(Compute(outages, customers, 2022), 2022);
        Assert.Equal(1000m, e.Customers);
        Assert.Equal(1m, e.SaidiH);
    }

    [Theory]
    // SAIDI of Y−1, duration of Y's outage (100 customers, 100 served), met?
    [InlineData("17:00:00", "15:38:24", true)]    // 17.00 h → 15.64 h: exactly 8 % lower
    [InlineData("17:00:00", "15:39:00", false)]   // 15.65 h: neither ≤ 15 h nor 8 % lower
    [InlineData("17:00:00", "15:00:00", true)]    // ≤ 15 h (rural limit)
    [InlineData("15:30:00", "15:00:00", true)]
    public void T5_is_met_under_the_area_limit_or_eight_percent_below_last_year_in_decimal(string previous, string current, bool met)
    {
        var prevEnd = T("2022-05-10 00:00") + TimeSpan.Parse(previous, System.Globalization.CultureInfo.InvariantCulture);
        var curEnd = T("2023-05-10 00:00") + TimeSpan.Parse(current, System.Globalization.CultureInfo.InvariantCulture);
        var outages = new[]
        {
            Outage("O22", "2022-05-10 00:00", "2022-05-10 00:00", 100) with { EndAt = prevEnd },
            Outage("O23", "2023-05-10 00:00", "2023-05-10 00:00", 100) with { EndAt = curEnd },
        };
        var r = Compute(outages, [Served(2022, 100), Served(2023, 100)], 2023);
        var e = Entry(r, 2023, area: Area.Rural);
        Assert.Equal(15m, e.TargetH);
        Assert.True(e.InForce);
        Assert.Equal(met, e.Met);
        Assert.Equal(e.SaidiH <= 15m, e.MetByLimit);
        Assert.NotNull(e.PreviousSaidiH);
        Assert.Equal((e.SaidiH - e.PreviousSaidiH!.Value) / e.PreviousSaidiH.Value, e.YoyChange);
    }

    [Fact]
    public void Exactly_eight_percent_is_decided_in_decimal()
    {
        var outages = new[]
        {
            Outage("O22", "2022-05-10 00:00", "2022-05-10 17:00", 100),
            Outage("O23", "2023-05-10 00:00", "2023-05-10 15:38:24", 100),
        };
        var e = Entry(Compute(outages, [Served(2022, 100), Served(2023, 100)], 2023), 2023, area: Area.Rural);
        Assert.Equal(17.00m, e.PreviousSaidiH);
        Assert.Equal(15.64m, e.SaidiH);
        Assert.True(e.MetByReduction);
        Assert.False(e.MetByLimit);
        Assert.Equal(-0.08m, e.YoyChange);
    }

    [Theory]
    [InlineData(2024, 8784)]
    [InlineData(2023, 8760)]
    public void Asai_divides_by_the_hours_of_the_year_leap_years_included(int year, int hours)
    {
        // SAIDI of 8.784 h: ASAI 0.999 in a leap year, 1 − 8.784/8760 otherwise.
        var start = new DateTime(year, 3, 1, 0, 0, 0);
        var outages = new[] { Outage("O1", "2022-01-01", "2022-01-01", 1000) with { StartAt = start, EndAt = start.AddHours(8.784) } };
        var e = Entry(Compute(outages, [Served(year, 1000)], year), year);
        Assert.Equal(8.784m, e.SaidiH);
        Assert.Equal(1m - 8.784m / hours, e.Asai);
        if (hours == 8784) Assert.Equal(0.999m, e.Asai);
    }

    [Fact]
    public void An_outage_across_New_Year_is_split_between_the_years()
    {
        var outages = new[] { Outage("O1", "2022-12-31 22:00", "2023-01-01 03:00", 10) };
        var r = Compute(outages, [Served(2022, 10), Served(2023, 10)], 2022, 2023);
        Assert.Equal(2m, Entry(r, 2022).SaidiH);
        Assert.Equal(3m, Entry(r, 2023).SaidiH);
        Assert.Equal(1m, Entry(r, 2022).Saifi);   // an interruption counts in the year it began
        Assert.Equal(0m, Entry(r, 2023).Saifi);
        Assert.Null(Entry(r, 2023).CaidiH);       // no interruption began in 2023
    }

    [Theory]
    [InlineData("08:03:00", true)]
    [InlineData("08:03:01", false)]
    public void Short_interruptions_are_left_out_and_counted_apart(string end, bool isShort)
    {
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 " + end, 50),
            Outage("O2", "2022-05-11 08:00", "2022-05-11 09:00", 100),
        };
        var e = Entry(Compute(outages, [Served(2022, 100)], 2022), 2022);
        Assert.Equal(isShort ? 1 : 0, e.ShortInterruptions);
        Assert.Equal(isShort ? 50 : 0, e.ShortInterruptionCustomers);
        Assert.Equal(isShort ? 100 : 150, e.CustomersInterrupted);
        Assert.Equal(isShort, e.SaidiH == 1m);
    }

    [Fact]
    public void Planned_fault_external_and_supply_shortage_split_the_customer_hours()
    {
        var outages = new[]
        {
            Outage("P", "2022-05-10 08:00", "2022-05-10 12:00", 100, kind: OutageKind.Planned),
            Outage("F", "2022-06-10 08:00", "2022-06-10 10:00", 100, kind: OutageKind.Fault, cause: OutageCause.External),
            Outage("S", "2022-07-10 08:00", "2022-07-10 09:00", 100, kind: OutageKind.Fault, cause: OutageCause.SupplyShortage),
        };
        var e = Entry(Compute(outages, [Served(2022, 100)], 2022), 2022);
        Assert.Equal(7m, e.SaidiH);
        Assert.Equal(4m, e.SaidiPlannedH);
        Assert.Equal(3m, e.SaidiFaultH);
        Assert.Equal(5m, e.SaidiExclExternalH);
        Assert.Equal(6m, e.SaidiExclSupplyShortageH);
        Assert.Equal(3m, e.Saifi);
    }

    [Fact]
    public void Every_combination_with_customers_served_has_an_entry()
    {
        var customers = new[]
        {
            Served(2022, 100, Area.Rural, "yaodu", "sgcc-linfen"),
            Served(2022, 100, Area.Urban, "yaodu", "sgcc-linfen"),
            Served(2022, 100, Area.Rural, "houma", "sxdl-puxian"),
        };
        var r = Compute([], customers, 2022);
        // Each cell gives its 8 combinations; shared ones (city, all utilities, …) appear once.
        var keys = r.Entries.Select(e => (e.County, e.Utility, e.Area)).ToHashSet();
        Assert.Equal(r.Entries.Count, keys.Count);
        Assert.Contains((null, null, null), keys);
        Assert.Contains(("yaodu", null, (Area?)null), keys);
        Assert.Contains(("yaodu", "sgcc-linfen", (Area?)Area.Urban), keys);
        Assert.Contains((null, "sxdl-puxian", (Area?)Area.Rural), keys);
        Assert.Contains((null, null, (Area?)Area.Rural), keys);
        Assert.Equal(300m, Entry(r, 2022).Customers);
        Assert.Equal(200m, Entry(r, 2022, area: Area.Rural).Customers);
        Assert.All(r.Entries, e => Assert.Equal(0m, e.SaidiH));
    }

    [Fact]
    public void A_group_with_outages_but_no_customers_served_is_an_error_for_that_group_only()
    {
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 10:00", 100, county: "yaodu"),
            Outage("O2", "2022-05-10 08:00", "2022-05-10 10:00", 100, county: "houma"),
        };
        var r = Compute(outages, [Served(2022, 100, county: "yaodu")], 2022);
        Assert.Equal(2m, Entry(r, 2022, "yaodu").SaidiH);
        Assert.DoesNotContain(r.Entries, e => e.County == "houma");
        Assert.DoesNotContain(r.Entries, e => e.County is null && e.Utility is null && e.Area is null);   // the city lacks houma
        var houma = r.Errors.Where(e => e.County == "houma").ToArray();
        Assert.NotEmpty(houma);
        Assert.All(houma, e => Assert.Equal(MetricsErrorKind.NoCustomersServed, e.Kind));
        Assert.Contains(r.Errors, e => e.County is null && e.Utility is null && e.Area is null && e.Year == 2022);
    }

    [Fact]
    public void Year_on_year_change_needs_the_previous_year()
    {
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 18:00", 100),
            Outage("O2", "2023-05-10 08:00", "2023-05-10 16:00", 100),
        };
        var r = Compute(outages, [Served(2022, 100), Served(2023, 100)], 2022, 2023);
        Assert.Null(Entry(r, 2022).YoyChange);
        Assert.Equal(-0.2m, Entry(r, 2023).YoyChange);
    }

    [Fact]
    public void A_group_of_several_area_classes_has_no_single_target_and_is_met_when_every_class_is()
    {
        var outages = new[]
        {
            Outage("O1", "2022-05-10 08:00", "2022-05-10 09:00", 100, area: Area.Central),   // 1 h ≤ 2 h
            Outage("O2", "2022-05-10 08:00", "2022-05-10 18:00", 100, area: Area.Rural),     // 10 h ≤ 15 h
            Outage("O3", "2022-05-10 08:00", "2022-05-10 15:00", 100, area: Area.Urban),     // 7 h > 5 h
        };
        var twoAreas = Compute(outages[..2], [Served(2022, 100, Area.Central), Served(2022, 100, Area.Rural)], 2022);
        Assert.Null(Entry(twoAreas, 2022).TargetH);
        Assert.True(Entry(twoAreas, 2022).Met);
        var three = Compute(outages, [Served(2022, 100, Area.Central), Served(2022, 100, Area.Rural), Served(2022, 100, Area.Urban)], 2022);
        Assert.False(Entry(three, 2022, area: Area.Urban).Met);
        Assert.False(Entry(three, 2022).Met);
    }

    [Fact]
    public void T5_is_not_in_force_before_2022()
    {
        var e = Entry(Compute([], [Served(2021, 100)], 2021), 2021, area: Area.Rural);
        Assert.False(e.InForce);
        Assert.Null(e.TargetH);
        Assert.Null(e.Met);
    }

    [Fact]
    public void T5_rows_appear_among_the_targets_by_area_class()
    {
        var outages = new[] { Outage("O1", "2022-05-10 08:00", "2022-05-10 18:00", 100) };
        var r = Run([], outages: outages, customers: [Served(2022, 100)]);
        var t5 = r.Targets.Single(t => t.Id == "T5" && t.Group.Dimension == GroupDimension.Area);
        Assert.Equal(Area.Rural, t5.Group.Area);
        Assert.Equal(2022, t5.Year);
        Assert.Equal(15m, t5.Limit);
        Assert.Equal(10m, t5.Value);
        Assert.True(t5.Met);
        Assert.Contains(r.Targets, t => t.Id == "T5" && t.Group.Dimension == GroupDimension.County && t.Group.County == "yaodu");
    }
}
