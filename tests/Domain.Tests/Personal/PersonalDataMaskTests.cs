namespace Analytics.Domain.Tests.Personal;

/// <summary>The one mask of personal data (templates.md §3), used by Ingest to store and by Reports to print.</summary>
public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧*")]
    [InlineData("张", "张*")]
    [InlineData("  李四光 ", "李*")]
    [InlineData("𠀀明", "𠀀*")]          // a character outside the BMP stays whole
    [InlineData("e\u0301mile", "e\u0301*")] // a letter with its combining mark stays whole
    [InlineData("", "")]
    public void Names_are_masked_to_their_first_character_and_one_star(string name, string mask) =>
        Assert.Equal(mask, PersonalDataMask.Name(name));

    [Fact]
    public void Id_numbers_and_phones_keep_only_their_ends()
    {
        Assert.Equal("1101**********002X", PersonalDataMask.IdNumber("11010519491231002X"));
        Assert.Equal("138****1111", PersonalDataMask.Phone("13800001111"));
        Assert.Equal("*****", PersonalDataMask.Phone("12345"));
        Assert.Equal("********", PersonalDataMask.IdNumber("12345678"));
    }

    [Theory]
    [InlineData("张*", "张*")]            // a stored mask is printed as it is
    [InlineData("张三丰", "张*")]          // a clear name is masked again
    [InlineData("张**", "张*")]            // a length-revealing mask is masked to the one shape
    [InlineData("13812345678", "1*")]     // a phone in clear
    [InlineData("1381234****", "1*")]     // digits with stars are not a name mask
    [InlineData("11010519491231002X", "1*")]
    [InlineData("*", "**")]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    public void Safe_prints_only_the_shape_Name_produces(string? mask, string printed) =>
        Assert.Equal(printed, PersonalDataMask.Safe(mask));

    [Fact]
    public void Safe_of_a_stored_mask_is_the_identity()
    {
        foreach (var name in new[] { "张三", "欧阳娜娜", "𠀀明", "Zhang San" })
        {
            var mask = PersonalDataMask.Name(name);
            Assert.Equal(mask, PersonalDataMask.Safe(mask));
        }
    }
}
