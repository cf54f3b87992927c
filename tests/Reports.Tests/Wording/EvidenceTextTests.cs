using System.Runtime.CompilerServices;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Wording;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Wording;

/// <summary>The evidence Metrics gives as facts, worded once (<see cref="EvidenceText"/>).</summary>
public class EvidenceTextTests
{
    [Fact]
    public void Target_evidence_reads_as_an_official_writes_it_with_chinese_dates()
    {
        var r = Run([App() with { Voltage = Voltage.Lv, Materials = Materials.IdCard | Materials.Other }]);
        var b = EvidenceText.Of(Assert.Single(r.Breaches, f => f.Code == "T6"));
        Assert.StartsWith("要求用户提供规定以外的其他资料；低压用户只需提供", b, StringComparison.Ordinal);
        Assert.DoesNotContain("要求了", b, StringComparison.Ordinal);
        var late = Run([App("A2", "2022-03-07 09:00", After("2022-03-07 09:00", 8))]);
        var t2 = EvidenceText.Of(Assert.Single(late.Breaches, f => f.Code == "T2a"));
        Assert.Contains("用时8个工作日，超过规定时限5个工作日", t2, StringComparison.Ordinal);
        Assert.Contains("2022年3月7日 09:00受理", t2, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", t2);
    }

    [Fact]
    public void A_data_gap_names_the_target_and_the_blank_fields()
    {
        var r = Run([Residential() with { FeeYuan = null, CustomerInvestmentYuan = null }]);
        var gap = EvidenceText.Of(Assert.Single(r.DataGaps, g => g.Evidence is DataGapEvidence { TargetId: "T4c" }));
        Assert.StartsWith("T4c（", gap, StringComparison.Ordinal);
        Assert.Contains("未填报收费金额、用户投资，无法判定是否达标，不计入违规", gap, StringComparison.Ordinal);
    }

    [Fact]
    public void Integrity_evidence_names_the_times_and_filings_involved()
    {
        var rewritten = new RewrittenEvidence(
            [new TimeChange(ApplicationFields.PlanRepliedAt, T("2022-03-10 10:00"), T("2022-03-08 10:00")), new TimeChange(ApplicationFields.ConnectedAt, T("2022-03-20 10:00"), null)],
            new FilingPoint(1, 11, T("2022-03-10 12:00")), new FilingPoint(2, 12, T("2022-03-17 12:00")));
        Assert.Equal("供电方案答复时间 2022-03-10 10:00 → 2022-03-08 10:00；装表接电时间 2022-03-20 10:00 → 空（第1版 报送#11 截至 2022-03-10 12:00 → 第2版 报送#12 截至 2022-03-17 12:00）",
            EvidenceText.Of(rewritten));
        Assert.Equal("工单创建时间 2022-03-09 17:00 晚于装表接电时间 2022-03-09 16:00",
            EvidenceText.Of(new CreatedAfterConnectionEvidence(T("2022-03-09 17:00"), T("2022-03-09 16:00"))));
        Assert.Equal("设计审查开始时间 2022-03-06T10:00:00 早于 申请受理时间 2022-03-07T09:00:00",
            EvidenceText.Of(new OutOfOrderEvidence([new StageOrderBreach(ApplicationFields.DesignReviewStart, T("2022-03-06 10:00"), ApplicationFields.AcceptedAt, T("2022-03-07 09:00"))])));
        Assert.Equal("原工单 sgcc/W1 于 2022-03-01 10:00 撤销，19 天后（限 30 天内）同一客户重新申请，受理时间 2022-03-20 09:00",
            EvidenceText.Of(new RewalkedEvidence("sgcc", "W1", T("2022-03-01 10:00"), 19, 30, false, T("2022-03-20 09:00"))));
    }

    [Fact]
    public void Oversight_evidence_reads_as_the_oversight_wrote_it()
    {
        Assert.Equal("抽查批次 2026-07：connected_at 系统记录为“2026-07-01 10:00”，客户所述为“2026-07-03”",
            EvidenceText.Of(new FieldDiscrepancyEvidence("2026-07", "connected_at", "2026-07-01 10:00", "2026-07-03")));
        var overdue = new OverdueRectificationEvidence(7, "装表接电时间与客户所述不符", "国网临汾供电公司",
            new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 30), Analytics.Domain.Storage.RectificationStatus.InProgress);
        Assert.Equal("整改事项 7（装表接电时间与客户所述不符）责任单位 国网临汾供电公司，完成时限 2026-08-31，至 2026-09-30 仍未销号（整改中）",
            EvidenceText.Of(overdue));
        Assert.EndsWith("仍未销号（待整改）", EvidenceText.Of(overdue with { Status = Analytics.Domain.Storage.RectificationStatus.Open }), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_process_time_has_its_template_header()
    {
        var processTimes = ApplicationFields.Instants.Where(f => f != ApplicationFields.RecordCreatedAt && f != ApplicationFields.WithdrawnAt).ToList();
        Assert.Equal(15, processTimes.Count);
        foreach (var t in processTimes)
        {
            Assert.EndsWith("时间", WordingTable.Label(t), StringComparison.Ordinal);
            Assert.StartsWith(t.Header.Replace("时间", "", StringComparison.Ordinal), WordingTable.Label(t), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_kind_of_evidence_Metrics_gives_has_a_wording()
    {
        var kinds = typeof(FindingEvidence).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(FindingEvidence).IsAssignableFrom(t)).ToList();
        Assert.True(kinds.Count >= 14, $"only {kinds.Count} kinds of evidence found");
        foreach (var kind in kinds)
        {
            // An empty instance: a wording that exists may trip over its nulls, but only a missing one says so.
            var empty = (FindingEvidence)RuntimeHelpers.GetUninitializedObject(kind);
            var error = Record.Exception(() => EvidenceText.Of(empty));
            Assert.False(error is ArgumentOutOfRangeException { ParamName: "evidence" }, $"{kind.Name} has no wording");
        }
    }
}
