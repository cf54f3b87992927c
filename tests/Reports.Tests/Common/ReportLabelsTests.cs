using Analytics.Domain.Policy;
using Analytics.Reports.Common;

namespace Analytics.Reports.Tests.Common;

/// <summary>Codes in people-facing workbooks read in Chinese (issue 15 item 4).</summary>
public class ReportLabelsTests
{
    [Theory]
    [InlineData("rewritten", "改写（rewritten）")]
    [InlineData("back_filled", "后补流程（back_filled）")]
    [InlineData("out_of_order", "时序异常（out_of_order）")]
    [InlineData("data_gap", "数据缺项（data_gap）")]
    [InlineData("notice", "停电通知（notice）")]
    public void Integrity_and_ledger_codes_read_in_chinese_with_the_code_beside(string code, string expected) =>
        Assert.Equal(expected, ReportLabels.FindingCode(code));

    [Fact]
    public void A_target_reads_with_its_title_and_an_unknown_code_stays_as_it_is()
    {
        var policy = Policy.Default;
        var t7 = policy.Targets.First(t => t.Id.StartsWith("T7", StringComparison.Ordinal));
        Assert.Equal($"{t7.Id} {t7.Title}", ReportLabels.FindingCode(t7.Id, policy));
        Assert.Equal("X9", ReportLabels.FindingCode("X9", policy));
    }
}
