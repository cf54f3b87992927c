using Analytics.Domain.Calendar;

namespace Analytics.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.Default;

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Working_days_in_a_year_match_the_official_schedule(int year, int expected)
    {
        // FROM < d <= TO from Jan 1 leaves Jan 1 out; Jan 1 is a holiday in every year here.
        Assert.False(Cal.IsWorkingDay(new DateOnly(year, 1, 1)));
        Assert.Equal(expected, Cal.WorkingDaysBetween(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2021-09-30", 5, "2021-10-13")]
    [InlineData("2022-01-28", 5, "2022-02-09")]
    [InlineData("2024-02-08", 10, "2024-02-28")]
    [InlineData("2025-09-26", 15, "2025-10-23")]
    [InlineData("2026-02-13", 4, "2026-02-26")]
    [InlineData("2022-06-02", 1, "2022-06-06")] // Dragon Boat Friday off
    [InlineData("2021-12-31", 1, "2022-01-04")] // across New Year
    public void Adding_working_days_follows_the_schedule(string from, int n, string expected)
    {
        var got = Cal.AddWorkingDays(D(from), n);
        Assert.Equal(D(expected), got);
        Assert.Equal(n, Cal.WorkingDaysBetween(D(from), got));
        Assert.Equal(n - 1, Cal.WorkingDaysBetween(D(from), got.AddDays(-1)));
    }

    [Theory]
    [InlineData("2020-01-19", true)]  // Sunday make-up day
    [InlineData("2020-01-31", false)] // extended Spring Festival 2020
    [InlineData("2020-02-01", false)] // make-up day cancelled by the extension
    [InlineData("2020-02-03", true)]
    [InlineData("2024-02-09", true)]  // New Year's Eve 2024 was not an official holiday
    [InlineData("2026-02-28", true)]  // Saturday make-up day
    [InlineData("2026-02-23", false)] // Monday inside the 2026 Spring Festival
    [InlineData("2023-10-07", true)]
    [InlineData("2025-05-05", false)]
    public void Make_up_days_and_holidays_are_as_announced(string date, bool working) =>
        Assert.Equal(working, Cal.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2022-11-25T17:00:00", "2022-11-28T09:00:00", 1)] // Friday → Monday
    [InlineData("2022-11-26T10:00:00", "2022-11-28T09:00:00", 1)] // Saturday → Monday
    [InlineData("2022-11-28T08:00:00", "2022-11-28T18:00:00", 0)] // same day
    [InlineData("2021-09-30T09:00:00", "2021-10-08T09:00:00", 1)] // a holiday week
    public void Intervals_count_working_days_after_the_start_date(string s, string e, int expected) =>
        Assert.Equal(expected, Cal.WorkingDaysBetween(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(e, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Overlapping_exclusions_are_not_subtracted_twice()
    {
        var s = new DateTime(2022, 11, 7, 9, 0, 0);  // Monday
        var e = new DateTime(2022, 11, 25, 9, 0, 0); // Friday, 14 working days later
        Assert.Equal(14, Cal.WorkingDaysBetween(s, e));
        // (Nov 8, Nov 11] = 9,10,11 and (Nov 10, Nov 15] = 11,14,15: union = 9,10,11,14,15 = 5 days.
        (DateTime, DateTime)[] excl = [(new(2022, 11, 8), new(2022, 11, 11)), (new(2022, 11, 10), new(2022, 11, 15))];
        Assert.Equal(9, Cal.WorkingDaysExcluding(s, e, excl));
        // An exclusion reaching outside the interval is clipped.
        (DateTime, DateTime)[] outside = [(new(2022, 11, 1), new(2022, 11, 8))];
        Assert.Equal(13, Cal.WorkingDaysExcluding(s, e, outside));
    }

    [Fact]
    public void Counting_agrees_with_a_day_by_day_walk_over_every_year()
    {
        var from = new DateOnly(2020, 1, 1);
        var count = 0;
        for (var d = from.AddDays(1); d <= new DateOnly(2026, 12, 31); d = d.AddDays(1))
        {
            if (Cal.IsWorkingDay(d)) count++;
            if (d.Day is 1 or 15 or 28) Assert.Equal(count, Cal.WorkingDaysBetween(from, d));
        }
        Assert.Equal(249 + 250 + 249 + 249 + 251 + 248 + 248, count);
    }

    [Fact]
    public void A_year_without_a_schedule_is_an_error_naming_the_year()
    {
        var e = Assert.Throws<CalendarException>(() => Cal.WorkingDaysBetween(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 10)));
        Assert.Equal(2027, e.MissingYear);
        Assert.Contains("2027", e.Message, StringComparison.Ordinal);
        Assert.Throws<CalendarException>(() => Cal.AddWorkingDays(new DateOnly(2026, 12, 30), 5));
        Assert.Throws<CalendarException>(() => Cal.IsWorkingDay(new DateOnly(2019, 12, 31)));
    }

    [Fact]
    public void A_year_can_be_added_from_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"years":{"2027":{"holidays":["2027-01-01","2027-02-06..2027-02-14"],"workdays":["2027-02-20"]}}}""");
            var cal = Cal.WithFile(path);
            Assert.Equal(7, cal.WorkingDaysBetween(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 10)));
            Assert.True(cal.IsWorkingDay(new DateOnly(2027, 2, 20)));
            Assert.False(cal.IsWorkingDay(new DateOnly(2027, 2, 8)));
            Assert.Equal(new DateOnly(2027, 1, 4), cal.AddWorkingDays(new DateOnly(2026, 12, 31), 1));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("""{"years":{"2027":{"holidays":["2027-02-30"]}}}""", "“2027-02-30”不是 yyyy-MM-dd 格式的日期", "\"2027-02-30\" is not a date")]
    [InlineData("""{"years":{"2027":{"holidays":["2028-01-01"]}}}""", "2028-01-01 不在 2027 年内", "lies outside 2027")]
    [InlineData("""{"years":{"20x7":{}}}""", "years.20x7：应为四位数的年份", "years.20x7: expected a four-digit year")]
    [InlineData("""not json""", "不是有效的 JSON 日历文件", "not a valid JSON calendar file")]
    public void A_malformed_calendar_file_is_a_clear_error(string json, string expected, string english)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);
            var e = Assert.Throws<CalendarException>(() => Cal.WithFile(path));
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.Contains(english, e.Text.English, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
