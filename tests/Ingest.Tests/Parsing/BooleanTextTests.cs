using Analytics.Ingest.Parsing;

namespace Analytics.Ingest.Tests.Parsing;

public class BooleanTextTests
{
    [Theory]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("是", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("N", false)]
    [InlineData("n", false)]
    [InlineData("否", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    public void Every_boolean_form(string text, bool expected)
    {
        Assert.True(BooleanText.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("maybe")]
    [InlineData("对")]
    [InlineData("")]
    public void Other_words_are_not_booleans(string text) => Assert.False(BooleanText.TryParse(text, out _));

    [Theory]
    [InlineData("", true)]
    [InlineData("-", true)]
    [InlineData("无", true)]
    [InlineData("N/A", true)]
    [InlineData("n/a", true)]
    [InlineData("0", false)]
    [InlineData("无效", false)]
    public void Empty_markers(string text, bool empty) => Assert.Equal(empty, CellText.IsEmptyMarker(text));
}
