using Analytics.Domain.Calendar;

namespace Analytics.Generator.Tests;

public sealed class GeneratorOptionsTests
{
    [Fact]
    public void The_defaults_span_2024_to_the_Wednesday_before_the_last_Thursday()
    {
        var o = new GeneratorOptions();
        Assert.Equal(new DateOnly(2024, 1, 1), o.Start);
        Assert.Equal(new DateOnly(2026, 11, 25), o.End);
        Assert.Equal(DayOfWeek.Thursday, o.End.AddDays(1).DayOfWeek);
        Assert.Equal(HeaderLanguage.English, o.EffectiveLanguage);
        Assert.Equal(HeaderLanguage.Chinese, (o with { Format = OutputFormat.Xlsx }).EffectiveLanguage);
        o.Validate();
    }

    [Fact]
    public void A_year_without_a_calendar_schedule_is_refused_naming_the_year()
    {
        var o = new GeneratorOptions { End = new DateOnly(2027, 3, 31) };
        var e = Assert.Throws<CalendarException>(o.Validate);
        Assert.Equal(2027, e.MissingYear);
    }

    [Theory]
    [InlineData(-1, 10, 7)]
    [InlineData(10, -1, 7)]
    [InlineData(10, 10, 0)]
    [InlineData(10, 10, 91)]
    public void Counts_and_the_lag_must_be_in_range(int applications, int outages, int lag)
    {
        var o = new GeneratorOptions { Applications = applications, Outages = outages, RevisionLagDays = lag };
        Assert.Throws<ArgumentException>(o.Validate);
    }

    [Fact]
    public void A_period_shorter_than_the_lag_plus_four_weeks_is_refused()
    {
        var o = new GeneratorOptions { Start = new DateOnly(2026, 11, 1), End = new DateOnly(2026, 11, 25) };
        var e = Assert.Throws<ArgumentException>(o.Validate);
        Assert.Contains("35 days", e.Message, StringComparison.Ordinal);
    }
}
