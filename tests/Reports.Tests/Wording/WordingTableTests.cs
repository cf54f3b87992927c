using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight;
using Analytics.Oversight.Forensics;
using Analytics.Reports.Wording;
using Analytics.Risk;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Wording;

/// <summary>
/// The one wording table (issue 17 item 3): every code that reaches a people-facing output reads in Chinese, and codes
/// in people-facing workbooks read in Chinese with the code beside them (issue 15 item 4).
/// </summary>
public partial class WordingTableTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    private static void AssertChinese(string label, string what) =>
        Assert.True(Chinese().IsMatch(label), $"{what} has no Chinese label: \"{label}\"");

    private static IEnumerable<T> Named<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0);

    [Fact]
    public void Every_rule_status_and_method_Metrics_Risk_and_Oversight_give_has_a_distinct_chinese_label()
    {
        AssertAllLabelled(Named<FindingRule>(), WordingTable.Rule);
        AssertAllLabelled(Named<ReliabilityStatus>(), WordingTable.Status);
        AssertAllLabelled(Named<RiskMethod>(), WordingTable.RiskMethod);
        AssertAllLabelled(Named<RectificationStatus>(), WordingTable.RectificationStatus);
        string[] oversight =
        [
            OversightFindings.FieldDiscrepancy, OversightFindings.RectificationOverdue, "spotcheck_rate",
            ForensicsTests.Bunching, ForensicsTests.NonWorkingDay, ForensicsTests.OffHours, ForensicsTests.IdenticalDurations,
            ForensicsTests.DeadlineBurst, ForensicsTests.PauseToLimit,
        ];
        AssertAllLabelled(oversight, c => WordingTable.Oversight(c) ?? "");
        Assert.Equal(oversight.Order(StringComparer.Ordinal), WordingTable.OversightCodes.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The application data's labels (<c>Codes.Label</c>, next to their codes and input aliases in Domain): each differs from
    /// its machine code and from the others; all Chinese but the ones people write as figures (10kV, 95598).
    /// </summary>
    [Fact]
    public void Every_code_of_the_application_data_enums_has_a_label_for_people()
    {
        AssertAllLabelled(Codes.All<Voltage>(), Codes.Label, chinese: false);
        AssertAllLabelled(Codes.All<Channel>(), Codes.Label, chinese: false);
        foreach (var v in Codes.All<Voltage>()) Assert.NotEqual(Codes.Of(v), Codes.Label(v));
        foreach (var c in Codes.All<Channel>()) Assert.NotEqual(Codes.Of(c), Codes.Label(c));
        Assert.Equal("低压", Codes.Label(Voltage.Lv));
        Assert.Equal("线上", Codes.Label(Channel.Online));
        AssertAllLabelled(Codes.All<Area>(), Codes.Label);
        AssertAllLabelled(Codes.All<CustomerType>(), Codes.Label);
        AssertAllLabelled(Codes.All<ApplicationStatus>(), Codes.Label);
        AssertAllLabelled(Codes.All<ApprovalMode>(), Codes.Label);
        AssertAllLabelled(Codes.All<Category>(), Codes.Label);
        AssertAllLabelled(Codes.All<Stage>(), Codes.Label);
        AssertAllLabelled(Codes.All<OutageKind>(), Codes.Label);
        AssertAllLabelled(Codes.All<OutageCause>(), Codes.Label);
        AssertAllLabelled(Codes.All<NoteSection>(), Codes.Label);
        AssertAllLabelled(Codes.All<Category>(), WordingTable.ShortLabel);
        foreach (var m in Codes.All<Materials>().Where(m => m != Materials.None)) AssertChinese(Codes.Label(m), $"{typeof(Materials).Name}.{m}");
    }

    [Fact]
    public void A_finding_reads_by_its_rule_its_target_title_or_its_oversight_code()
    {
        var r = Run([App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 8)) with { RecordCreatedAt = T("2022-03-20 17:00") }]);
        var breach = Assert.Single(r.Breaches, f => f.Code == "T2a");
        Assert.Equal(Policy.Default.Targets.Single(t => t.Id == "T2a").Title, WordingTable.FindingLabel(breach));
        var backFilled = Assert.Single(r.Findings, f => f.Rule == FindingRule.BackFilled);
        Assert.Equal("后补流程", WordingTable.FindingLabel(backFilled));
        foreach (var f in r.FindingsAndBreaches.Concat(r.DataGaps)) AssertChinese(WordingTable.FindingLabel(f), f.Code);
        var overdue = backFilled with { Rule = null, Code = OversightFindings.RectificationOverdue };
        Assert.Equal("整改逾期", WordingTable.FindingLabel(overdue));
        Assert.Equal("x_unknown", WordingTable.FindingLabel(overdue with { Code = "x_unknown" }));
    }

    [Theory]
    [InlineData("rewritten", "改写（rewritten）")]
    [InlineData("back_filled", "后补流程（back_filled）")]
    [InlineData("out_of_order", "时序异常（out_of_order）")]
    [InlineData("data_gap", "数据缺项（data_gap）")]
    [InlineData("notice", "停电通知（notice）")]
    [InlineData("field_discrepancy", "现场核查不一致（field_discrepancy）")]
    public void Integrity_and_ledger_codes_read_in_chinese_with_the_code_beside(string code, string expected) =>
        Assert.Equal(expected, WordingTable.FindingCode(code));

    [Fact]
    public void A_target_reads_with_its_title_and_an_unknown_code_stays_as_it_is()
    {
        var policy = Policy.Default;
        var t7 = policy.Targets.First(t => t.Id.StartsWith("T7", StringComparison.Ordinal));
        Assert.Equal($"{t7.Id} {t7.Title}", WordingTable.FindingCode(t7.Id, policy));
        Assert.Equal("X9", WordingTable.FindingCode("X9", policy));
    }

    private static void AssertAllLabelled<T>(IEnumerable<T> values, Func<T, string> label, bool chinese = true)
    {
        var list = values.ToList();
        Assert.NotEmpty(list);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in list)
        {
            var l = label(v);
            if (chinese) AssertChinese(l, $"{typeof(T).Name}.{v}");
            Assert.False(string.IsNullOrWhiteSpace(l), $"{typeof(T).Name}.{v}: no label");
            Assert.True(labels.Add(l), $"{typeof(T).Name}.{v}: label \"{l}\" given twice");
        }
    }
}
