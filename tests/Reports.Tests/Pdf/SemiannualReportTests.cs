using Analytics.Reports.Pdf;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>One synthetic city and the reports made from it, shared by the tests of this class.</summary>
public sealed class SemiannualFixture
{
    public SemiannualFixture()
    {
        Inputs = SyntheticCity.Create(6000, seed: 11, "hzmd-pilot");
        Sgcc = SemiannualReport.Render(Inputs, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("semiannual-sgcc.pdf", Sgcc);
        SgccPages = PdfText.Pages(Sgcc);
        Empty = SemiannualReport.Render(Inputs, "hzmd-pilot", SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("semiannual-empty.pdf", Empty);
        EmptyPages = PdfText.Pages(Empty);
    }

    internal ReportInputs Inputs { get; }
    public byte[] Sgcc { get; }
    public IReadOnlyList<string> SgccPages { get; }
    public byte[] Empty { get; }
    public IReadOnlyList<string> EmptyPages { get; }
}

public class SemiannualReportTests(SemiannualFixture f) : IClassFixture<SemiannualFixture>
{
    [Fact]
    public void The_report_has_the_four_sections_of_the_plan_in_order()
    {
        var all = string.Concat(f.SgccPages);
        var at = new[] { "一、实施进度", "二、工作成效", "三、存在问题", "四、解决措施", "附件" }.Select(h => all.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
    }
}
