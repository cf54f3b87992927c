using System.Text;
using Analytics.Domain.Registry;

namespace Analytics.Domain.Tests.Registry;

public class RegistriesTests
{
    [Fact]
    public void The_shipped_registry_has_17_counties_and_5_utilities()
    {
        Assert.Equal(17, Registries.Default.Counties.Count);
        Assert.Equal(5, Registries.Default.Utilities.Count);
        Assert.Equal("临汾市能源局", Registries.Default.BureauName);
    }

    [Theory]
    [InlineData("yaodu", "yaodu")]
    [InlineData("尧都区", "yaodu")]
    [InlineData(" YAODU ", "yaodu")]
    [InlineData("隰县", "xixian")]
    [InlineData("古县", "guxian")]
    public void Counties_are_found_by_code_or_name(string text, string code)
    {
        Assert.True(Registries.Default.TryCounty(text, out var c));
        Assert.Equal(code, c.Code);
    }

    [Theory]
    [InlineData("国网临汾", "sgcc-linfen")]
    [InlineData("国网临汾供电公司", "sgcc-linfen")]
    [InlineData("蒲县分公司", "sxdl-puxian")]
    [InlineData("山西省地方电力有限公司乡宁分公司", "sxdl-xiangning")]
    [InlineData("hzmd-pilot", "hzmd-pilot")]
    public void Utilities_accept_short_forms(string text, string code)
    {
        Assert.True(Registries.Default.TryUtility(text, out var u));
        Assert.Equal(code, u.Code);
    }

    [Fact]
    public void Unknown_names_are_not_guessed()
    {
        Assert.False(Registries.Default.TryCounty("太原市", out _));
        Assert.False(Registries.Default.TryUtility("", out _));
        Assert.Contains("yaodu (尧都区)", Registries.Default.AcceptedCounties, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_city_loads_its_own_registry()
    {
        var json = """{"city":{"name":"运城市"},"counties":[{"code":"yanhu","name":"盐湖区"}],"utilities":[{"code":"sgcc-yuncheng","name":"国网运城供电公司"}]}""";
        using var s = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var r = Registries.Load(s, "yuncheng.json");
        Assert.True(r.TryCounty("盐湖区", out var c));
        Assert.Equal("yanhu", c.Code);
        Assert.False(r.TryCounty("尧都区", out _));
    }

    [Fact]
    public void A_registry_entry_without_a_code_is_named_in_the_error()
    {
        using var s = new MemoryStream(Encoding.UTF8.GetBytes("""{"counties":[{"name":"盐湖区"}],"utilities":[]}"""));
        var e = Assert.Throws<InvalidDataException>(() => Registries.Load(s, "bad.json"));
        Assert.Contains("counties[1]", e.Message, StringComparison.Ordinal);
    }
}
