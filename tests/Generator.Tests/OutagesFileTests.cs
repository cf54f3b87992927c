using Analytics.Domain;
using Analytics.Domain.Calendar;
using Xunit.Abstractions;

namespace Analytics.Generator.Tests;

/// <summary>The generated outages and customers served follow templates.md §4–§5 and give the designed SAIDI.</summary>
[Collection(GeneratedSetDefinition.Name)]
public sealed class OutagesFileTests
{
    private readonly GeneratedSetFixture _set;
    private readonly ITestOutputHelper _output;

    public OutagesFileTests(GeneratedSetFixture set, ITestOutputHelper output)
    {
        _set = set;
        _output = output;
    }

    [Fact]
    public void Rows_of_one_outage_agree_and_every_step_restores_customers_after_the_start()
    {
        var t = _set.OutageTable;
        Assert.Equal(TemplateDescriptions.Outages.Select(c => c.Name), t.Headers);
        foreach (var g in t.Rows.GroupBy(r => (t.Get(r, "utility"), t.Get(r, "outage_id"))))
        {
            foreach (var col in new[] { "county", "area", "kind", "start_at" })
                Assert.Single(g.Select(r => t.Get(r, col)).Distinct());
            foreach (var r in g)
            {
                Assert.True(t.Date(r, "end_at") > t.Date(r, "start_at"));
                Assert.True(t.Number(r, "customers") > 0);
                Assert.True(Codes.TryParse<OutageKind>(t.Get(r, "kind"), out _));
                var cause = t.Get(r, "cause");
                Assert.True(cause.Length == 0 || Codes.TryParse<OutageCause>(cause, out _));
                Assert.True(t.Date(r, "end_at") <= _set.Options.RevisedFilingAsOf);
            }
        }
        Assert.Equal(GeneratedSetFixture.OutageCount, t.Rows.Select(r => t.Get(r, "outage_id")).Distinct().Count());
    }

    [Fact]
    public void There_are_multi_step_outages_short_ones_and_outages_across_New_Year()
    {
        var t = _set.OutageTable;
        var groups = t.Rows.GroupBy(r => t.Get(r, "outage_id")).ToList();
        Assert.InRange(groups.Count(g => g.Count() > 1) / (double)groups.Count, 0.05, 0.3);
        Assert.Contains(groups, g => g.Count() == 3);
        Assert.Contains(t.Rows, r => (t.Date(r, "end_at") - t.Date(r, "start_at"))!.Value.TotalMinutes <= 3);
        var across = groups.Count(g => t.Date(g.First(), "start_at")!.Value.Year != g.Max(r => t.Date(r, "end_at"))!.Value.Year);
        Assert.True(across >= 2, $"{across} outages across New Year");
        Assert.Equal(_set.Truth.OutagesAcrossNewYear, across);
    }

    [Fact]
    public void Planned_outages_are_on_working_days_and_mostly_notified_a_week_ahead()
    {
        var t = _set.OutageTable;
        var cal = WorkingDayCalendar.Default;
        var planned = t.Rows.Where(r => t.Get(r, "kind") == "planned").GroupBy(r => t.Get(r, "outage_id")).Select(g => g.First()).ToList();
        Assert.InRange(planned.Count / (double)GeneratedSetFixture.OutageCount, 0.45, 0.65);
        Assert.All(planned, r => Assert.True(cal.IsWorkingDay(DateOnly.FromDateTime(t.Date(r, "start_at")!.Value))));
        var onTime = planned.Count(r => t.Date(r, "notified_at") is { } n && (t.Date(r, "start_at")!.Value - n).TotalDays >= 7);
        var expected = LinfenProfile.PlannedNotified * LinfenProfile.PlannedNotifiedOnTime;
        Assert.InRange(onTime / (double)planned.Count, expected - 0.06, expected + 0.06);
        var faults = t.Rows.Where(r => t.Get(r, "kind") == "fault").ToList();
        Assert.All(faults.Where(r => t.Date(r, "notified_at") is not null), r => Assert.True(t.Date(r, "notified_at") > t.Date(r, "start_at")));
    }

    [Fact]
    public void Every_group_with_outages_has_customers_served_in_every_year()
    {
        var o = _set.OutageTable;
        var c = _set.Customers;
        Assert.Equal(TemplateDescriptions.Customers.Select(x => x.Name), c.Headers);
        var served = c.Rows.Select(r => (c.Get(r, "period")[..4], c.Get(r, "utility"), c.Get(r, "county"), c.Get(r, "area"))).ToHashSet();
        foreach (var r in o.Rows)
        {
            var year = o.Date(r, "start_at")!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains((year, o.Get(r, "utility"), o.Get(r, "county"), o.Get(r, "area")), served);
        }
        Assert.Contains(c.Rows, r => c.Get(r, "period").Length == 7);
        Assert.Contains(c.Rows, r => c.Get(r, "period").Length == 4);
        Assert.All(c.Rows, r => Assert.True(c.Number(r, "customers") > 0));
    }

    [Fact]
    public void SAIDI_per_area_class_lands_on_the_design_and_declines()
    {
        var saidi = Reliability.Saidi(_set.OutageTable, _set.Customers);
        foreach (var ((area, year), hours) in saidi)
        {
            var design = (double)LinfenProfile.DesignSaidiHours(area, year) * Reliability.Covered(year);
            _output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{area} {year}: SAIDI {hours:0.00} h (designed {design:0.00} h)"));
            Assert.True(Math.Abs(hours - design) <= 0.12 * design, $"{area} {year}: SAIDI {hours:0.00} h, designed {design:0.00} h");
        }
        Assert.True(saidi[(Area.Rural, 2024)] > 15, "rural misses 15 h in 2024");
        Assert.True(saidi[(Area.Rural, 2025)] < saidi[(Area.Rural, 2024)]);
        Assert.True(saidi[(Area.Town, 2025)] > 9 && saidi[(Area.Town, 2025)] > saidi[(Area.Town, 2024)], "town fails in 2025");
        Assert.True(saidi[(Area.Central, 2024)] <= 2);
    }

}
