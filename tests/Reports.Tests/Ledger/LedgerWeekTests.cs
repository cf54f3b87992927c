using Analytics.Reports.Ledger;

namespace Analytics.Reports.Tests.Ledger;

public class LedgerWeekTests
{
    [Theory]
    // instant, in the week due 2026-11-26?
    [InlineData("2026-11-25 23:59:59", true)]   // Wednesday before the due date, last minute
    [InlineData("2026-11-26 00:00:00", false)]  // Thursday 00:00 of the due date: next ledger
    [InlineData("2026-11-19 00:00:00", true)]   // Thursday 00:00 a week earlier: first instant
    [InlineData("2026-11-18 23:59:59", false)]  // the Wednesday before that: previous ledger
    [InlineData("2026-11-22 12:00:00", true)]   // a Sunday inside
    public void The_week_due_on_a_Thursday_runs_from_the_Thursday_before_to_Wednesday_midnight(string instant, bool inside)
    {
        var week = LedgerWeek.For(new DateOnly(2026, 11, 26));
        var t = DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(inside, week.Contains(t));
    }

    [Fact]
    public void The_as_of_is_the_last_instant_of_the_Wednesday_and_the_year_to_date_starts_on_1_January()
    {
        var week = LedgerWeek.For(new DateOnly(2026, 11, 26));

        Assert.Equal(new DateOnly(2026, 11, 19), week.FirstDay);
        Assert.Equal(new DateOnly(2026, 11, 25), week.LastDay);
        Assert.Equal(new DateOnly(2026, 11, 25), DateOnly.FromDateTime(week.AsOf));
        Assert.True(week.AsOf < week.End);
        Assert.Equal(new DateOnly(2026, 1, 1), week.YearStart);
    }

    [Fact]
    public void The_first_ledger_of_a_year_reports_the_last_week_of_the_year_before()
    {
        var week = LedgerWeek.For(new DateOnly(2026, 1, 1));

        Assert.Equal(new DateOnly(2025, 12, 25), week.FirstDay);
        Assert.Equal(2025, week.Year);
        Assert.Equal(new DateOnly(2025, 1, 1), week.YearStart);
    }

    [Theory]
    // date, nearest Thursday before, nearest Thursday after
    [InlineData("2026-11-25", "2026-11-19", "2026-11-26")] // Wednesday
    [InlineData("2026-11-27", "2026-11-26", "2026-12-03")] // Friday
    [InlineData("2026-11-23", "2026-11-19", "2026-11-26")] // Monday
    [InlineData("2027-01-01", "2026-12-31", "2027-01-07")] // across New Year
    public void A_date_that_is_not_a_Thursday_is_refused_naming_the_nearest_Thursdays(string date, string before, string after)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        var e = Assert.Throws<LedgerDateException>(() => LedgerWeek.For(d));

        Assert.Equal(d, e.Date);
        Assert.Equal(DateOnly.Parse(before, System.Globalization.CultureInfo.InvariantCulture), e.ThursdayBefore);
        Assert.Equal(DateOnly.Parse(after, System.Globalization.CultureInfo.InvariantCulture), e.ThursdayAfter);
        Assert.Contains(before, e.Message, StringComparison.Ordinal);
        Assert.Contains(after, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-26")]
    [InlineData("2026/11/26")]
    [InlineData("2026年11月26日")]
    public void The_command_line_date_is_parsed_in_the_usual_forms(string text)
    {
        Assert.Equal(new DateOnly(2026, 11, 26), LedgerWeek.Parse(text).Thursday);
    }

    [Fact]
    public void Text_that_is_not_a_date_is_refused_with_an_example()
    {
        var e = Assert.Throws<LedgerDateException>(() => LedgerWeek.Parse("next thursday"));

        Assert.Equal("next thursday", e.Text);
        Assert.Null(e.Date);
        Assert.Contains("yyyy-MM-dd", e.Message, StringComparison.Ordinal);
    }
}
