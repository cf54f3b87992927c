using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Content;

namespace Analytics.Reports.Tests.Pdf;

public sealed class CircularFixture
{
    public CircularFixture()
    {
        Inputs = SyntheticCity.Create(5000, seed: 5);
        var bytes = CityCircular.Render(Inputs, SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("通报.pdf", bytes);
        Pages = PdfText.Pages(bytes).Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
    }

    internal ReportInputs Inputs { get; }
    public IReadOnlyList<string> Pages { get; }
}

public class CityCircularTests(CircularFixture f) : IClassFixture<CircularFixture>
{
    [Fact]
    public void The_circular_has_the_sections_the_ranking_and_the_requirements_in_order()
    {
        var all = string.Concat(f.Pages);
        var at = new[] { "一、实施进度", "二、工作成效", "三、排名情况", "四、存在问题", "五、工作要求" }.Select(h => all.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void Every_utility_and_every_county_is_ranked_or_listed_and_the_rule_is_stated()
    {
        var all = string.Concat(f.Pages);
        foreach (var u in f.Inputs.Registries.Utilities) Assert.Contains(u.Name, all);
        foreach (var c in f.Inputs.Registries.Counties) Assert.Contains(c.Name, all);
        Assert.Contains("排名方法：每项在用目标", all);
        Assert.Contains("样本不足", all);
    }

    [Fact]
    public void Units_are_ranked_by_pooled_compliance_and_ties_share_a_rank()
    {
        var m = HalfYearMetrics.Compute(f.Inputs, SyntheticCity.Half, SyntheticCity.AsOf, null);
        var ranking = UnitRanking.Rank(m.Current, GroupDimension.County, f.Inputs.Registries.Counties.Select(c => c.Code));
        var ranked = ranking.Where(r => r.Rank is not null).ToList();
        Assert.Equal(17, ranking.Count);
        Assert.Equal(1, ranked[0].Rank);
        for (var i = 1; i < ranked.Count; i++)
        {
            Assert.True(UnitRanking.Key(ranked[i - 1]) >= UnitRanking.Key(ranked[i]));
            Assert.True(ranked[i].Rank >= ranked[i - 1].Rank);
        }
        Assert.All(ranked, r => Assert.True(r.Accepted >= UnitRanking.MinimumApplications));
    }

    [Fact]
    public void Dates_read_in_chinese_with_one_cut_off_style()
    {
        var all = string.Concat(f.Pages);
        Assert.Contains("数据截至2025年1月10日", all);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", all);
        Assert.DoesNotContain("统计截至", all, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_is_named_for_the_city_and_the_half() =>
        Assert.Equal("通报_临汾市_2024H2.pdf", CityCircular.FileName("临汾市", new HalfYear(2024, 2)));

    [Fact]
    public void Utilities_that_filed_no_measures_are_named_in_the_requirements()
    {
        var all = string.Concat(f.Pages);
        var requirements = all[all.IndexOf("五、工作要求", StringComparison.Ordinal)..];
        Assert.Contains("山西省地方电力有限公司蒲县分公司", requirements);
        Assert.DoesNotContain("国网临汾供电公司未报送", requirements, StringComparison.Ordinal);
    }
}
