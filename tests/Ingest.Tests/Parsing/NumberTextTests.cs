using Analytics.Ingest.Parsing;

namespace Analytics.Ingest.Tests.Parsing;

public class NumberTextTests
{
    [Theory]
    [InlineData("250", NumberUnit.Kilowatt, "250")]
    [InlineData("250.5", NumberUnit.Kilowatt, "250.5")]
    [InlineData("250kW", NumberUnit.Kilowatt, "250")]
    [InlineData("250 kw", NumberUnit.Kilowatt, "250")]
    [InlineData("630kVA", NumberUnit.Kilowatt, "630")]
    [InlineData("1,250 KVA", NumberUnit.Kilowatt, "1250")]
    [InlineData("1,234,567.25", NumberUnit.None, "1234567.25")]
    [InlineData("1200元", NumberUnit.Yuan, "1200")]
    [InlineData("1,200.50 元", NumberUnit.Yuan, "1200.50")]
    [InlineData("+12", NumberUnit.None, "12")]
    [InlineData(".5", NumberUnit.None, "0.5")]
    [InlineData("0", NumberUnit.None, "0")]
    [InlineData("-0", NumberUnit.None, "0")]
    [InlineData("120户", NumberUnit.Households, "120")]
    [InlineData("12345678901234567890.5", NumberUnit.None, "12345678901234567890.5")]
    public void Accepted_number_forms(string text, NumberUnit unit, string expected)
    {
        Assert.Equal(NumberParse.Ok, NumberText.TryParse(text, unit, out var v));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-1,200.5")]
    [InlineData("－3")]
    public void A_negative_number_is_told_apart(string text) =>
        Assert.Equal(NumberParse.Negative, NumberText.TryParse(text, NumberUnit.None, out _));

    [Theory]
    [InlineData("abc", NumberUnit.None)]
    [InlineData("1,5", NumberUnit.None)]
    [InlineData("12,34", NumberUnit.None)]
    [InlineData("1234,567", NumberUnit.None)]
    [InlineData("1,2345", NumberUnit.None)]
    [InlineData("1.2.3", NumberUnit.None)]
    [InlineData("1e3", NumberUnit.None)]
    [InlineData("250元", NumberUnit.Kilowatt)]
    [InlineData("250kW", NumberUnit.Yuan)]
    [InlineData("12 34", NumberUnit.None)]
    [InlineData(".", NumberUnit.None)]
    [InlineData("kW", NumberUnit.Kilowatt)]
    public void Malformed_numbers_and_foreign_units_are_refused(string text, NumberUnit unit) =>
        Assert.Equal(NumberParse.Invalid, NumberText.TryParse(text, unit, out _));
}
