using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

/// <summary>metrics.md §8, bullet by bullet, with expected values worked out by hand in the comments.</summary>
public sealed class PeriodRuleTests
{
    private static MetricsResult Ask(IReadOnlyList<Application> apps, string from, string to, string asOf, string? dataThrough = null,
        IReadOnlyList<OutageStep>? outages = null, IReadOnlyList<CustomersServed>? customers = null) =>
        MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps,
            Outages = outages ?? [],
            CustomersServed = customers ?? [],
            Policy = Plan,
            Calendar = Cal,
            Period = new MetricsPeriod(D(from), D(to)),
            AsOf = T(asOf),
            DataThrough = dataThrough is null ? null : T(dataThrough),
        });

    private static ReliabilityEntry Rural(MetricsResult r, int? year = null) =>
        r.Reliability.Single(e => e.County is null && e.Utility is null && e.Area == Area.Rural && e.Year == (year ?? e.Year) && (year is not null || e.Year is not null));

    [Fact]
    public void In_progress_at_the_end_of_the_period_is_judged_by_the_records_times_not_todays_status()
    {
        // Accepted Mon 2022-06-20, connected 2022-07-05: in progress at the end of June, connected in July.
        var a = App("P1", "2022-06-20 09:00", "2022-07-05 10:00");
        var june = Ask([a], "2022-06-01", "2022-06-30", "2022-08-01");
        Assert.Equal(1, june.Indicators.Volumes.InProgress);
        Assert.Equal(0, june.Indicators.Volumes.Connected);
        Assert.Equal(0, june.City("T2a").Total);
        // Elapsed days run to the end of June: 21–24 and 27–30 June = 8 working days.
        var f = Assert.Single(june.Applications);
        Assert.Equal(ApplicationStatus.InProgress, f.Status);
        Assert.Equal(8, f.ElapsedDays);
        var july = Ask([a], "2022-07-01", "2022-07-31", "2022-08-01");
        Assert.Equal(0, july.Indicators.Volumes.InProgress);
        Assert.Equal(1, july.Indicators.Volumes.Connected);
        Assert.Equal(1, july.City("T2a").Total);
    }

    [Fact]
    public void Elapsed_days_stop_at_the_as_of_when_it_comes_before_the_end_of_the_period()
    {
        // As known at Sat 2022-06-25: 21–24 June = 4 working days.
        var a = App("P1", "2022-06-20 09:00", connected: null);
        var r = Ask([a], "2022-06-01", "2022-06-30", "2022-06-25 12:00");
        Assert.Equal(4, Assert.Single(r.Applications).ElapsedDays);
        Assert.Equal(1, r.Indicators.Volumes.InProgress);
    }

    [Fact]
    public void Applications_accepted_after_the_period_are_not_in_it()
    {
        var r = Ask([App("LATE", "2022-07-04 09:00", "2022-07-06 09:00")], "2022-06-01", "2022-06-30", "2022-08-01");
        Assert.Empty(r.Applications);
        Assert.Equal(new Volumes(0, 0, 0, 0), r.Indicators.Volumes);
    }

    [Fact]
    public void Reliability_counts_the_interruption_time_inside_the_period_split_at_its_bounds()
    {
        // 100 customers out 2022-06-30 22:00 → 07-01 02:00; 1,000 served: 200 customer-hours, 100 in each month.
        OutageStep[] o = [Outage("X", "2022-06-30 22:00", "2022-07-01 02:00", 100)];
        CustomersServed[] c = [Served(2022, 1000)];
        var june = Rural(Ask([], "2022-06-01", "2022-06-30", "2022-12-31", outages: o, customers: c));
        Assert.Equal(0.2m, june.SaidiH);
        Assert.Equal(0.1m, june.Saifi);              // the interruption began in June
        Assert.Equal(D("2022-06-01"), june.From);
        Assert.Equal(D("2022-06-30"), june.To);
        var july = Rural(Ask([], "2022-07-01", "2022-07-31", "2022-12-31", outages: o, customers: c));
        Assert.Equal(0.2m, july.SaidiH);
        Assert.Equal(0m, july.Saifi);
        Assert.Null(july.Status);                    // a month is not a 目标5 question
    }

    [Fact]
    public void A_period_across_new_year_has_a_part_per_year_and_a_whole_with_day_weighted_customers()
    {
        // 100 customers 2021-12-31 23:00 → 2022-01-01 01:00; served 1,000 in 2021 and 2,000 in 2022.
        OutageStep[] o = [Outage("NY", "2021-12-31 23:00", "2022-01-01 01:00", 100)];
        CustomersServed[] c = [Served(2021, 1000), Served(2022, 2000)];
        var r = Ask([], "2021-12-01", "2022-01-31", "2022-12-31", outages: o, customers: c);
        Assert.Equal(0.1m, Rural(r, 2021).SaidiH);   // 100 h / 1,000
        Assert.Equal(0.05m, Rural(r, 2022).SaidiH);  // 100 h / 2,000
        var whole = r.Reliability.Single(e => e.Year is null && e.County is null && e.Utility is null && e.Area == Area.Rural);
        Assert.Equal(1500m, whole.Customers);        // (1,000 × 31 + 2,000 × 31) / 62
        Assert.Equal(200m, whole.CustomerHours);
        Assert.Equal(D("2021-12-01"), whole.From);
        Assert.Equal(D("2022-01-31"), whole.To);
    }

    [Fact]
    public void Year_on_year_compares_the_same_dates_a_year_earlier()
    {
        // March 2022: 500 customers × 2 h; March 2021: 500 × 4 h; April 2021 (not the same dates): 500 × 10 h. 1,000 served.
        OutageStep[] o =
        [
            Outage("A", "2022-03-10 08:00", "2022-03-10 10:00", 500),
            Outage("B", "2021-03-10 08:00", "2021-03-10 12:00", 500),
            Outage("C", "2021-04-10 08:00", "2021-04-10 18:00", 500),
        ];
        CustomersServed[] c = [Served(2021, 1000), Served(2022, 1000)];
        var e = Rural(Ask([], "2022-03-01", "2022-03-31", "2022-12-31", outages: o, customers: c));
        Assert.Equal(1.0m, e.SaidiH);
        Assert.Equal(2.0m, e.PreviousSaidiH);
        Assert.Equal(-0.5m, e.YoyChange);
    }

    [Fact]
    public void The_29th_of_February_is_compared_with_the_28th()
    {
        // 2024-02-01 … 02-29 against 2023-02-01 … 02-28: the 28 Feb 2023 outage counts. 1,000 served.
        OutageStep[] o =
        [
            Outage("L", "2024-02-29 10:00", "2024-02-29 11:00", 100),
            Outage("P", "2023-02-28 10:00", "2023-02-28 12:00", 100),
            Outage("Q", "2023-03-01 10:00", "2023-03-01 20:00", 100),
        ];
        CustomersServed[] c = [Served(2023, 1000), Served(2024, 1000)];
        var e = Rural(Ask([], "2024-02-01", "2024-02-29", "2024-12-31", outages: o, customers: c));
        Assert.Equal(0.1m, e.SaidiH);
        Assert.Equal(0.2m, e.PreviousSaidiH);
        Assert.Equal(-0.5m, e.YoyChange);
    }

    [Fact]
    public void A_partial_period_is_compared_with_the_same_partial_dates()
    {
        // Data through 2022-03-15: March 2022 is 1–15 March, compared with 1–15 March 2021 (the 20 March 2021 outage is out).
        OutageStep[] o =
        [
            Outage("A", "2022-03-10 08:00", "2022-03-10 10:00", 500),
            Outage("B", "2021-03-10 08:00", "2021-03-10 12:00", 500),
            Outage("C", "2021-03-20 08:00", "2021-03-20 18:00", 500),
        ];
        CustomersServed[] c = [Served(2021, 1000), Served(2022, 1000)];
        var r = Ask([], "2022-03-01", "2022-03-31", "2022-03-15 18:00", dataThrough: "2022-03-15 18:00", outages: o, customers: c);
        Assert.False(r.Complete);
        Assert.Equal(D("2022-03-15"), r.DataThroughDate);
        var e = Rural(r);
        Assert.Equal(D("2022-03-15"), e.To);
        Assert.Equal(2.0m, e.PreviousSaidiH);
        Assert.Equal(-0.5m, e.YoyChange);
    }

    [Fact]
    public void The_preceding_period_is_of_the_same_kind_and_length()
    {
        Assert.Equal(new MetricsPeriod(D("2025-07-01"), D("2025-12-31")), MetricsPeriod.Half(new HalfYear(2026, 1)).Preceding());
        Assert.Equal(MetricsPeriod.Year(2025), MetricsPeriod.Year(2026).Preceding());
        Assert.Equal(new MetricsPeriod(D("2026-02-01"), D("2026-02-28")), new MetricsPeriod(D("2026-03-01"), D("2026-03-31")).Preceding());
        Assert.Equal(new MetricsPeriod(D("2026-11-12"), D("2026-11-18")), new MetricsPeriod(D("2026-11-19"), D("2026-11-25")).Preceding());
        Assert.Equal(new MetricsPeriod(D("2025-02-28"), D("2025-03-31")), new MetricsPeriod(D("2026-02-28"), D("2026-03-31")).SameDatesYearEarlier());
        Assert.Equal(new MetricsPeriod(D("2023-02-01"), D("2023-02-28")), new MetricsPeriod(D("2024-02-01"), D("2024-02-29")).SameDatesYearEarlier());
    }

    // 目标5, rural (limit 15 h), 1,000 customers served every year. Data through 2022-06-30: 181 days = 4,344 of 8,760 hours,
    // so the limit pro rata is 15 × 4344 / 8760 = 7.438… h.
    private static MetricsResult YearToDate(params OutageStep[] outages) =>
        Ask([], "2022-01-01", "2022-12-31", "2022-06-30 20:00", dataThrough: "2022-06-30 20:00", outages: outages,
            customers: [Served(2021, 1000), Served(2022, 1000)]);

    private static OutageStep Hours(string id, string day, int hours) =>
        Outage(id, day + " 00:00", T(day).AddHours(hours).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), 1000);

    [Fact]
    public void A_year_in_progress_within_its_share_of_the_limit_is_on_track()
    {
        var e = Rural(YearToDate(Hours("A", "2022-03-01", 7)));
        Assert.Equal(7m, e.SaidiH);
        Assert.Equal(ReliabilityStatus.OnTrack, e.Status);
        Assert.Null(e.Met);
        Assert.Equal("on_track", ReliabilityStatuses.Code(e.Status!.Value));
    }

    [Fact]
    public void A_year_in_progress_over_its_share_but_under_the_limit_is_at_risk()
    {
        Assert.Equal(ReliabilityStatus.AtRisk, Rural(YearToDate(Hours("A", "2022-03-01", 10))).Status);
    }

    [Fact]
    public void A_year_in_progress_over_the_limit_and_over_0_92_of_last_year_is_breached()
    {
        // 16 h > 15 h and 16 h > 0.92 × 17 h = 15.64 h (2021, outage in November: not the same dates).
        var e = Rural(YearToDate(Hours("A", "2022-03-01", 16), Hours("B", "2021-11-01", 17)));
        Assert.Equal(17m, e.PreviousYearSaidiH);
        Assert.Equal(ReliabilityStatus.Breached, e.Status);
    }

    [Fact]
    public void A_year_in_progress_over_the_limit_but_well_below_last_years_same_dates_is_on_track()
    {
        // 16 h > 15 h, but ≤ 0.92 × 20 h = 18.4 h of the same dates in 2021 (March): the reduction branch can still hold.
        var e = Rural(YearToDate(Hours("A", "2022-03-01", 16), Hours("B", "2021-03-01", 20)));
        Assert.Equal(20m, e.PreviousSaidiH);
        Assert.Equal(ReliabilityStatus.OnTrack, e.Status);
    }

    [Fact]
    public void A_complete_year_is_met_or_not_met_in_decimal_arithmetic()
    {
        // 17.00 h → 15.64 h is exactly 8 % and passes; 15.65 h does not.
        CustomersServed[] c = [Served(2021, 100), Served(2022, 100)];
        OutageStep[] Year(int minutes2022) =>
        [
            Outage("Y1", "2021-05-01 00:00", "2021-05-01 17:00", 100),
            Outage("Y2", "2022-05-01 00:00", T("2022-05-01").AddMinutes(minutes2022).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), 100),
        ];
        var met = Rural(Ask([], "2022-01-01", "2022-12-31", "2023-01-10", "2023-01-10", Year(938), c), 2022);   // 15 h 38 min = 15.6333 h
        Assert.Equal(ReliabilityStatus.NotMet, Rural(Ask([], "2022-01-01", "2022-12-31", "2023-01-10", "2023-01-10", Year(939 + 1), c), 2022).Status);
        Assert.Equal(ReliabilityStatus.Met, met.Status);
        Assert.True(met.Met);
        Assert.True(met.MetByReduction);
        Assert.False(met.MetByLimit);
    }

    [Fact]
    public void A_period_starting_after_the_data_has_no_data_and_says_so()
    {
        var r = Ask([App("A", "2022-06-01 09:00", "2022-06-03 09:00")], "2022-07-01", "2022-07-31", "2022-06-30 18:00",
            dataThrough: "2022-06-30 18:00", outages: [Outage("O", "2022-06-10 08:00", "2022-06-10 09:00", 10)], customers: [Served(2022, 100)]);
        Assert.True(r.NoData);
        Assert.False(r.Complete);
        Assert.Empty(r.Applications);
        Assert.Empty(r.Reliability);
        Assert.All(r.Targets, t => Assert.Equal(0, t.Total));
    }

    [Fact]
    public void A_period_ending_by_the_data_is_complete()
    {
        var r = Ask([], "2022-06-01", "2022-06-30", "2022-06-30 18:00", dataThrough: "2022-06-30 18:00");
        Assert.True(r.Complete);
        Assert.False(r.NoData);
        Assert.Equal(D("2022-06-30"), r.DataThroughDate);
    }

    [Fact]
    public void End_of_day_is_the_last_instant_of_the_day()
    {
        Assert.Equal(new DateTime(2026, 11, 25, 23, 59, 59).AddTicks(9_999_999), DayBounds.EndOfDay(D("2026-11-25")));
        Assert.Equal(DateTime.MaxValue, DayBounds.EndOfDay(DateOnly.MaxValue));
    }
}
