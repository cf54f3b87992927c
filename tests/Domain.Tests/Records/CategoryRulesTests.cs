namespace Analytics.Domain.Tests.Records;

public class CategoryRulesTests
{
    [Theory]
    [InlineData(CustomerType.Residential, Voltage.Lv, 1, false, Category.Residential)]
    [InlineData(CustomerType.Residential, Voltage.Lv, 1, true, Category.Residential)]
    [InlineData(CustomerType.NonResidential, Voltage.Lv, 1, true, Category.LvThreeZero)]
    [InlineData(CustomerType.NonResidential, Voltage.Lv, 1, false, Category.LvOther)]
    [InlineData(CustomerType.NonResidential, Voltage.Kv10, 1, false, Category.HvSingle)]
    [InlineData(CustomerType.NonResidential, Voltage.Kv10, 2, false, Category.HvDual)]
    [InlineData(CustomerType.NonResidential, Voltage.Kv35, 1, false, Category.HvSingle)]
    [InlineData(CustomerType.NonResidential, Voltage.Kv110, 2, true, Category.HvDual)]
    public void Category_is_derived_from_type_voltage_sources_and_three_zero(CustomerType type, Voltage v, int sources, bool threeZero, Category expected) =>
        Assert.Equal(expected, CategoryRules.Derive(type, v, sources, threeZero));

    [Fact]
    public void Stages_are_the_ones_with_any_time_recorded()
    {
        var a = new Application
        {
            ApplicationId = "A1", Utility = "sgcc-linfen", County = "yaodu", Area = Area.Urban,
            CustomerType = CustomerType.NonResidential, Voltage = Voltage.Lv, CapacityKw = 50, ThreeZero = false,
            Channel = Channel.Online, Status = ApplicationStatus.Connected,
            AcceptedAt = new DateTime(2022, 3, 1, 9, 0, 0),
            ExternalWorksEnd = new DateTime(2022, 3, 3, 9, 0, 0),
            ConnectedAt = new DateTime(2022, 3, 4, 9, 0, 0),
        };
        Assert.Equal(Category.LvOther, a.Category);
        Assert.Equal(StageSet.Of(Stage.Accept, Stage.ExternalWorks, Stage.Connect), a.Stages);
        Assert.Equal("accept;external_works;connect", a.Stages.ToString());
        Assert.True(a.Stages.IsSubsetOf(StageSet.Of(Stage.Accept, Stage.ExternalWorks, Stage.Connect)));
        Assert.False(a.Stages.IsSubsetOf(StageSet.Of(Stage.Accept, Stage.Connect)));
    }

    [Theory]
    [InlineData("2022H1", 2022, 1)]
    [InlineData("2024h2", 2024, 2)]
    [InlineData("2022年上半年", 2022, 1)]
    [InlineData("2023年下半年", 2023, 2)]
    public void Half_years_parse_in_both_forms(string text, int year, int half)
    {
        Assert.True(HalfYear.TryParse(text, out var h));
        Assert.Equal(new HalfYear(year, half), h);
    }

    [Theory]
    [InlineData("2022H3")]
    [InlineData("2022")]
    [InlineData("上半年")]
    public void Bad_half_years_are_refused(string text) => Assert.False(HalfYear.TryParse(text, out _));

    [Theory]
    [InlineData("低压非居民（三零）", Category.LvThreeZero)]
    [InlineData("低压非居民(三零)", Category.LvThreeZero)]
    [InlineData(" LV_Other ", Category.LvOther)]
    public void Codes_accept_labels_with_either_bracket_width(string text, Category expected)
    {
        Assert.True(Codes.TryParse<Category>(text, out var c));
        Assert.Equal(expected, c);
    }

    [Theory]
    [InlineData("380V", Voltage.Lv)]
    [InlineData("0.4kV", Voltage.Lv)]
    [InlineData("220v", Voltage.Lv)]
    [InlineData("10KV", Voltage.Kv10)]
    public void Voltage_forms_of_the_template_parse(string text, Voltage expected)
    {
        Assert.True(Codes.TryParse<Voltage>(text, out var v));
        Assert.Equal(expected, v);
    }
}
