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
    [InlineData("110105194912310021", "reason.id_check_character", "校验码")]
    [InlineData("11010519491231002", "reason.id_length", "此号码为 17 位")]
    [InlineData("110105491231002", "reason.id_fifteen_digits", "15 位")]
    [InlineData("1101051949123100AX", "reason.id_digits", "前 17 位应为数字")]
    public void A_bad_number_says_why(string text, string id, string chinese)
    {
        Assert.False(ChineseIdNumber.IsValid(ChineseIdNumber.Normalize(text), Today, out var reason));
        Assert.Equal(id, reason!.Id);
        Assert.Contains(chinese, reason.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14100218990101123")] // born before 1900
    [InlineData("14100219900230123")] // 30 February
    [InlineData("14100220300101123")] // born in the future
    public void A_number_with_an_impossible_birth_date_is_invalid(string first17)
    {
        Assert.False(ChineseIdNumber.IsValid(TestFiles.IdNumber(first17), Today, out var reason));
        Assert.Equal("reason.id_birth_date", reason!.Id);
        Assert.Contains("出生日期", reason.ToString(), StringComparison.Ordinal);
    }
}
