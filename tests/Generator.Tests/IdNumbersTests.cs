namespace Analytics.Generator.Tests;

public sealed class IdNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]   // the standard's worked example
    [InlineData("11010519491231002x", true)]   // a lower-case x counts
    [InlineData("110105194912310021", false)]  // wrong check character
    [InlineData("11010519491231002", false)]   // 17 characters
    [InlineData("1101051949123100AX", false)]  // letters in the body
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Numbers_are_valid_only_with_the_right_check_character(string? id, bool valid) =>
        Assert.Equal(valid, IdNumbers.IsValid(id));

    [Fact]
    public void The_check_character_follows_the_weighted_sum_mod_11()
    {
        // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2 → 'X'
        Assert.Equal('X', IdNumbers.CheckCharacter("11010519491231002"));
        Assert.Throws<ArgumentException>(() => IdNumbers.CheckCharacter("1101051949123100"));
    }

    [Fact]
    public void The_birth_date_is_read_from_a_valid_number()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumbers.BirthDate("11010519491231002X"));
        Assert.Null(IdNumbers.BirthDate("110105194912310021"));
    }
}
