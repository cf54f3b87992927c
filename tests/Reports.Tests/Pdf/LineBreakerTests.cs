using Analytics.Reports.Pdf.Layout;

namespace Analytics.Reports.Tests.Pdf;

public class LineBreakerTests
{
    // Every character one unit wide, so widths are character counts.
    private static List<string> Wrap(string text, float width) => LineBreaker.Wrap(text, width, _ => 1f).Select(l => l.Text).ToList();

    [Theory]
    [InlineData("供电企业办理时间", 3, new[] { "供电企", "业办理", "时间" })]
    [InlineData("abc def ghi", 7, new[] { "abc def", "ghi" })]
    [InlineData("abcdefghij", 4, new[] { "abcd", "efgh", "ij" })]
    [InlineData("用电2024年", 4, new[] { "用电", "2024", "年" })]
    public void Chinese_wraps_per_character_and_latin_per_word(string text, float width, string[] expected) =>
        Assert.Equal(expected, Wrap(text, width));

    [Theory]
    [InlineData("办电时间，低于目标", 4, "，")]
    [InlineData("已接电。共计五件", 3, "。")]
    [InlineData("受理（线上）办理", 3, "）")]
    public void Closing_punctuation_never_starts_a_line(string text, float width, string punctuation)
    {
        var lines = Wrap(text, width);
        Assert.All(lines, l => Assert.False(l.StartsWith(punctuation, StringComparison.Ordinal), $"line \"{l}\" starts with {punctuation}"));
        Assert.Equal(text, string.Concat(lines));
    }

    [Fact]
    public void Opening_punctuation_never_ends_a_line()
    {
        var lines = Wrap("受理日期（工作日）", 3);
        Assert.All(lines, l => Assert.False(l.EndsWith('（'), $"line \"{l}\" ends with （"));
    }

    [Fact]
    public void A_line_break_starts_a_new_paragraph_with_its_own_indent()
    {
        var lines = LineBreaker.Wrap("第一段\n第二段", 10, _ => 1f, firstLineIndent: 2);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(l.FirstOfParagraph));
    }

    [Fact]
    public void The_first_line_indent_takes_room_from_the_first_line_only()
    {
        var lines = LineBreaker.Wrap("一二三四五六七八", 4, _ => 1f, firstLineIndent: 2);
        Assert.Equal(["一二", "三四五六", "七八"], lines.Select(l => l.Text));
    }
}
