using Analytics.Domain;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Metrics.Tests;

/// <summary>The one rule by which the command line and the web turn a requested period into a period and a scope.</summary>
public sealed class PeriodRequestTests
{
    private static readonly DateTime AsOf = T("2022-11-25 23:59");

    // Accepted 2022-03-07, connected 2022-03-09; accepted 2022-05-02, connected 2022-05-10.
    private static readonly RecordSnapshot Data = new() { Applications = [App("A1"), App("A2", "2022-05-02 09:00", "2022-05-10 10:00")] };

    [Fact]
    public void Neither_end_is_the_as_of_year_for_figures_and_the_data_span_to_the_as_of_for_lists()
    {
        Assert.Equal(new MetricsPeriod(D("2022-01-01"), D("2022-12-31")), new PeriodRequest(null, null).Resolve(Data, AsOf));
        Assert.Null(new PeriodRequest(null, null, AllData: true).Fixed(AsOf));
        // The span runs from the first acceptance to the as-of day (later than the last connection).
        Assert.Equal(new MetricsPeriod(D("2022-03-07"), D("2022-11-25")), new PeriodRequest(null, null, AllData: true).Resolve(Data, AsOf));
    }

    [Fact]
    public void One_end_runs_to_the_other_end_of_the_data_and_scopes_from_the_given_end()
    {
        var fromOnly = new PeriodRequest(D("2022-04-01"), null);
        Assert.Null(fromOnly.Fixed(AsOf));
        Assert.Equal(new MetricsPeriod(D("2022-04-01"), D("2022-11-25")), fromOnly.Resolve(Data, AsOf));
        var scope = fromOnly.Scope(AsOf, "yaodu", null);
        Assert.Equal((D("2022-04-01"), DateOnly.MaxValue, "yaodu"), (scope.From, scope.To, scope.County));
        var toOnly = new PeriodRequest(null, D("2022-04-30"));
        Assert.Equal(new MetricsPeriod(D("2022-03-07"), D("2022-04-30")), toOnly.Resolve(Data, AsOf));
    }

    [Fact]
    public void Both_ends_are_fixed_and_scope_exactly_the_period()
    {
        var both = new PeriodRequest(D("2022-02-01"), D("2022-02-28"));
        Assert.Equal(new MetricsPeriod(D("2022-02-01"), D("2022-02-28")), both.Fixed(AsOf));
        var scope = both.Scope(AsOf, null, "sgcc");
        Assert.Equal((D("2022-02-01"), D("2022-02-28"), "sgcc"), (scope.From, scope.To, scope.Utility));
    }

    [Fact]
    public void A_reversed_period_given_or_reached_through_the_data_is_one_typed_error()
    {
        var given = Assert.Throws<ReversedPeriodException>(() => new PeriodRequest(D("2022-05-01"), D("2022-04-01")).Fixed(AsOf));
        Assert.Equal((D("2022-05-01"), D("2022-04-01")), (given.From, given.To));
        // --from after the data's last day (the as-of day 2022-11-25): the end taken from the data is before it.
        var reached = Assert.Throws<ReversedPeriodException>(() => new PeriodRequest(D("2023-01-01"), null).Resolve(Data, AsOf));
        Assert.Equal(D("2022-11-25"), reached.To);
    }
}
