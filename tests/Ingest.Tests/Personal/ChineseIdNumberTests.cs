using Analytics.Ingest.Personal;

namespace Analytics.Ingest.Tests.Personal;

public class ChineseIdNumberTests
{
    private static readonly DateOnly Today = new(2022, 3, 1);

    [Theory]
    [InlineData("11010519491231002X")] // the standard's own example
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    public void A_number_with_the_right_check_character_is_valid(string text) =>
        Assert.True(ChineseIdNumber.IsValid(ChineseIdNumber.Normalize(text), Today, out _));

    [Fact]
    public void Generated_numbers_pass() =>
        Assert.True(ChineseIdNumber.IsValid(TestFiles.IdNumber("14100219900101123"), Today, out _));

    [Theory]
    [InlineData("110105194912310021", "check")]
    [InlineData("11010519491231002", "18")]
    [InlineData("110105491231002", "15-digit")]
    [InlineData("1101051949123100AX", "digits")]
    public void A_bad_number_says_why(string text, string reasonPart)
    {
        Assert.False(ChineseIdNumber.IsValid(ChineseIdNumber.Normalize(text), Today, out var reason));
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14100218990101123")] // born before 1900
    [InlineData("14100219900230123")] // 30 February
    [InlineData("14100220300101123")] // born in the future
    public void A_number_with_an_impossible_birth_date_is_invalid(string first17)
    {
        Assert.False(ChineseIdNumber.IsValid(TestFiles.IdNumber(first17), Today, out var reason));
        Assert.Contains("birth", reason, StringComparison.Ordinal);
    }
}
