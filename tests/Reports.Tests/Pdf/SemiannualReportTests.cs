using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Content;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>One synthetic city (without the 霍州煤电 pilot's data) and the reports made from it, shared by the tests.</summary>
public sealed class SemiannualFixture
{
    public SemiannualFixture()
    {
        Inputs = SyntheticCity.Create(6000, seed: 11, "hzmd-pilot");
        Sgcc = SemiannualReport.Render(Inputs, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("半年报_sgcc.pdf", Sgcc);
        SgccPages = Squeeze(PdfText.Pages(Sgcc));
        Puxian = Squeeze(PdfText.Pages(SemiannualReport.Render(Inputs, "地电蒲县", SyntheticCity.Half, SyntheticCity.AsOf)));
        Empty = SemiannualReport.Render(Inputs, "hzmd-pilot", SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("半年报_empty.pdf", Empty);
        EmptyPages = Squeeze(PdfText.Pages(Empty));
    }

    internal ReportInputs Inputs { get; }
    public byte[] Sgcc { get; }
    /// <summary>Page texts without spaces (the extractor puts spaces where the layout leaves gaps).</summary>
    public IReadOnlyList<string> SgccPages { get; }
    public IReadOnlyList<string> Puxian { get; }
    public byte[] Empty { get; }
    public IReadOnlyList<string> EmptyPages { get; }

    private static List<string> Squeeze(IReadOnlyList<string> pages) => pages.Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
}

public class SemiannualReportTests(SemiannualFixture f) : IClassFixture<SemiannualFixture>
{
    [Fact]
    public void The_report_has_the_four_sections_of_the_plan_in_order_then_the_appendix()
    {
        var all = string.Concat(f.SgccPages);
        var at = new[] { "一、实施进度", "二、工作成效", "三、存在问题", "四、解决措施", "附件：" }.Select(h => all.IndexOf(h, StringComparison.Ordinal)).ToArray();
        Assert.All(at, i => Assert.True(i >= 0));
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void The_first_page_has_the_utilitys_head_the_period_the_bureau_and_the_plan()
    {
        var first = f.SgccPages[0];
        Assert.StartsWith("国网临汾供电公司文件", first, StringComparison.Ordinal);
        Assert.Contains("〔2025〕", first);
        Assert.Contains("签发人：", first);
        Assert.Contains("关于2024年下半年“获得电力”工作情况的报告", first);
        Assert.Contains("临汾市能源局：", first);
        Assert.Contains("临能源电力发〔2021〕189号", first);
        Assert.Contains("数据截至2025年1月10日", first);
    }

    [Fact]
    public void The_plain_theme_keeps_a_cover_that_names_the_utility_the_period_and_the_plan_and_has_room_to_sign_and_seal()
    {
        var cover = PdfText.Pages(SemiannualReport.Render(f.Inputs, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf,
            new ReportOptions { Theme = Theme.Default }))[0].Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("国网临汾供电公司", cover);
        Assert.Contains("2024年下半年", cover);
        Assert.Contains("临能源电力发〔2021〕189号", cover);
        Assert.Contains("数据截至：2025年1月10日", cover);
        Assert.Contains("单位负责人（签字）", cover);
        Assert.Contains("报送单位（盖章）", cover);
    }

    [Fact]
    public void The_utilitys_own_text_is_quoted_under_problems_and_measures()
    {
        var all = string.Concat(f.SgccPages);
        var problems = all.IndexOf("三、存在问题", StringComparison.Ordinal);
        var measures = all.IndexOf("四、解决措施", StringComparison.Ordinal);
        Assert.InRange(all.IndexOf("审批协调周期较长", StringComparison.Ordinal), problems, measures);
        Assert.True(all.IndexOf("与县级行政审批部门建立并联审批绿色通道", StringComparison.Ordinal) > measures);
    }

    [Fact]
    public void A_utility_that_filed_no_measures_is_told_so_plainly()
    {
        var all = string.Concat(f.Puxian);
        var measures = all.IndexOf("四、解决措施", StringComparison.Ordinal);
        Assert.True(measures > 0);
        Assert.Contains("未提供", all[measures..]);
        Assert.Contains("农村地区线路老旧", all);
    }

    [Fact]
    public void Every_body_page_carries_its_number_as_GBT_9704_writes_it()
    {
        // The official theme has no cover: the 版头 page is page 1.
        var total = f.SgccPages.Count;
        Assert.True(total > 5);
        for (var i = 1; i <= total; i++)
            Assert.EndsWith($"—{i}—", f.SgccPages[i - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_target_in_force_is_listed_with_its_clause()
    {
        var all = string.Concat(f.SgccPages);
        foreach (var t in f.Inputs.Policy.Targets.Where(t => t.IsInForce(SyntheticCity.Half.Last)))
            Assert.Contains(t.Id, all);
        Assert.Contains("目标2", all);
        Assert.Contains("任务6", all);
    }

    [Fact]
    public void The_appendix_table_repeats_its_header_on_each_page_it_spans()
    {
        var appendix = f.SgccPages.SkipWhile(p => !p.Contains("附件：", StringComparison.Ordinal)).ToList();
        Assert.True(appendix.Count >= 2, "the appendix should run over several pages");
        Assert.All(appendix, p => Assert.Contains("工单号", p));
        Assert.All(appendix.Skip(1), p => Assert.Contains("不达标及数据异常工单清单（续）", p));
    }

    [Fact]
    public void A_utility_with_no_applications_and_no_outages_still_renders_and_says_so()
    {
        var all = string.Concat(f.EmptyPages);
        Assert.Contains("霍州煤电集团有限责任公司增量配电业务试点", all);
        Assert.Contains("本期无用电报装工单记录", all);
        // No outage data is said so, never credited as SAIDI 0.00, −100 % and 达标.
        Assert.Contains("未报送停电数据", all);
        Assert.DoesNotContain("-100.0%", all, StringComparison.Ordinal);
        Assert.DoesNotContain("−100.0%", all, StringComparison.Ordinal);
        Assert.Contains("四、解决措施", all);
        Assert.Contains("—1—", all);
    }

    [Fact]
    public void No_personal_data_is_printed_only_masked_names()
    {
        var all = string.Concat(f.SgccPages);
        Assert.Matches("[张王李赵刘陈杨黄周吴]\\*", all);
        var keys = f.Inputs.Applications.Where(a => a.CustomerKey is not null).Select(a => a.CustomerKey!).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(keys, k => all.Contains(k, StringComparison.OrdinalIgnoreCase));
        var words = PdfText.Words(f.Sgcc);
        Assert.DoesNotMatch("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", words);        // mobile numbers
        Assert.DoesNotMatch("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])", words);      // ID card numbers
    }

    [Fact]
    public void A_mask_that_is_not_one_is_masked_again_before_it_is_printed()
    {
        // A utility's data that slipped a clear name and a phone number into the mask column.
        var leaky = f.Inputs with
        {
            Records = f.Inputs.Records with
            {
                Applications = f.Inputs.Applications.Select(a => a.Utility == "sgcc-linfen" && a.CustomerMask is not null
                    ? a with { CustomerMask = (a.ApplicationId[^1] - '0') % 2 == 0 ? "张三丰" : "13812345678" } : a).ToList(),
            },
        };
        var pdf = SemiannualReport.Render(leaky, "sgcc-linfen", SyntheticCity.Half, SyntheticCity.AsOf);
        PdfText.Keep("leaky.pdf", pdf);
        var words = PdfText.Words(pdf);
        Assert.DoesNotContain("张三丰", words, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", words, StringComparison.Ordinal);
        Assert.Contains("张*", words, StringComparison.Ordinal); // one star: a mask never shows the length of a name
    }

    [Fact]
    public void File_names_say_what_and_whose_and_when()
    {
        Assert.Equal("半年报_国网临汾供电公司_2024H2.pdf",
            SemiannualReport.FileName(SemiannualReport.Utility(f.Inputs.Registries, "sgcc-linfen"), new HalfYear(2024, 2)));
    }

    [Fact]
    public void Write_puts_the_named_file_into_a_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "analytics-pdf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = SemiannualReport.Write(f.Inputs, "霍州煤电", SyntheticCity.Half, SyntheticCity.AsOf, dir + Path.DirectorySeparatorChar);
            Assert.Equal("半年报_霍州煤电集团有限责任公司增量配电业务试点_2024H2.pdf", Path.GetFileName(path));
            Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(path)[..4]);
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_utility_is_refused_with_the_known_ones_listed()
    {
        var e = Assert.Throws<ArgumentException>(() => SemiannualReport.Compose(f.Inputs, "nobody", SyntheticCity.Half, SyntheticCity.AsOf));
        Assert.Contains("sgcc-linfen", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_ranked_by_count_times_severity()
    {
        var m = HalfYearMetrics.Compute(f.Inputs, SyntheticCity.Half, SyntheticCity.AsOf, "sgcc-linfen");
        var problems = ProblemRanking.Rank(m.Current, f.Inputs.Registries, m.YearToDate);
        Assert.True(problems.Count >= 3);
        Assert.All(problems, p => Assert.Equal(p.Count * p.Severity, p.Weight));
        Assert.Equal(problems.Select(p => p.Weight).OrderDescending(), problems.Select(p => p.Weight));
        // The breaches counted are the engine's, one per application and target.
        var t2d = problems.Single(p => p.Code == "T2d");
        Assert.Equal(m.Current.Breaches.Count(b => b.TargetId == "T2d"), t2d.Count);
    }

    [Fact]
    public void Monthly_volumes_add_up_to_the_half()
    {
        var m = HalfYearMetrics.Compute(f.Inputs, SyntheticCity.Half, SyntheticCity.AsOf, "sgcc-linfen");
        var apps = f.Inputs.Applications.Where(a => a.Utility == "sgcc-linfen").ToList();
        var months = MonthlyFigures.Of(apps, SyntheticCity.Half);
        Assert.Equal(6, months.Count);
        Assert.Equal(m.Current.Indicators.AcceptedCount, months.Sum(x => x.Accepted));
    }
}
