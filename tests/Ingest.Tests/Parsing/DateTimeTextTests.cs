using Analytics.Ingest.Parsing;

namespace Analytics.Ingest.Tests.Parsing;

public class DateTimeTextTests
{
    [Theory]
    [InlineData("2021-09-22 10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021-09-22 10:30:15", 2021, 9, 22, 10, 30, 15)]
    [InlineData("2021/9/22 10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021/09/22 8:05:00", 2021, 9, 22, 8, 5, 0)]
    [InlineData("2021.9.22 10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021-09-22T10:30:00", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021-09-22T10:30:00.000", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021年9月22日 10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021年09月22日10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021年9月22日 10时30分", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021年9月22日", 2021, 9, 22, 0, 0, 0)]
    [InlineData("2021-09-22", 2021, 9, 22, 0, 0, 0)]
    [InlineData("2021/9/22", 2021, 9, 22, 0, 0, 0)]
    [InlineData("2021-09-22 10:30：00", 2021, 9, 22, 10, 30, 0)]
    [InlineData("2021-09-22  10:30", 2021, 9, 22, 10, 30, 0)]
    [InlineData("44461.4375", 2021, 9, 22, 10, 30, 0)]
    [InlineData("44461", 2021, 9, 22, 0, 0, 0)]
    public void Every_accepted_form_gives_the_same_China_local_instant(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Equal(DateTimeParse.Ok, DateTimeText.TryParse(text, out var value, out _));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Theory]
    [InlineData("2021-09-22T02:30:00Z", 10, 30)]
    [InlineData("2021-09-22T10:30:00+08:00", 10, 30)]
    [InlineData("2021-09-22T03:30:00+01:00", 10, 30)]
    [InlineData("2021-09-22 04:30+0200", 10, 30)]
    [InlineData("2021-09-21T21:30:00-05:00", 10, 30)]
    public void An_explicit_offset_is_converted_to_China_time(string text, int hour, int minute)
    {
        Assert.Equal(DateTimeParse.Ok, DateTimeText.TryParse(text, out var value, out _));
        Assert.Equal(new DateTime(2021, 9, 22, hour, minute, 0), value);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("2021-02-29 10:00")]
    [InlineData("2021-13-01")]
    [InlineData("2021-04-31")]
    [InlineData("2021-09-22 24:00")]
    [InlineData("2021-09-22 10:61")]
    [InlineData("1899-12-31")]
    [InlineData("2021年2月30日")]
    public void An_impossible_date_is_told_apart_from_garbage(string text)
    {
        Assert.Equal(DateTimeParse.Impossible, DateTimeText.TryParse(text, out _, out var reason));
        Assert.NotNull(reason);
        Assert.StartsWith("reason.", reason.Id, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(reason.ToString()));
    }

    [Fact]
    public void A_leap_day_of_a_leap_year_is_a_date()
    {
        Assert.Equal(DateTimeParse.Ok, DateTimeText.TryParse("2020-02-29 10:00", out var v, out _));
        Assert.Equal(new DateTime(2020, 2, 29, 10, 0, 0), v);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("9/22/2021")]
    [InlineData("2021-09")]
    [InlineData("2021-09-22 10")]
    [InlineData("2021-09/22")]
    [InlineData("2021-09-22 10:30 PM")]
    [InlineData("20210922")]
    [InlineData("12")]
    [InlineData("2021-09-22x")]
    public void Anything_else_is_not_a_date_time(string text) =>
        Assert.Equal(DateTimeParse.Invalid, DateTimeText.TryParse(text, out _, out _));

    [Fact]
    public void An_Excel_serial_is_rounded_to_the_second()
    {
        // 10:30 as a binary fraction is a hair below 10:30:00.
        Assert.True(DateTimeText.TryFromSerial(44461.4374999999, out var v));
        Assert.Equal(new DateTime(2021, 9, 22, 10, 30, 0), v);
    }
}
