using System.Globalization;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics;

namespace Analytics.Reports.Wording;

/// <summary>
/// The Chinese sentence of a finding's evidence, composed from its typed facts (<see cref="FindingEvidence"/>): the one
/// wording every output prints (findings CSV/JSON, ledgers, PDFs, web pages, terminal).
/// </summary>
/// <remarks>
/// Integrity evidence (任务4) names times as <c>2022-03-09 16:00</c> (stage order: the export form
/// <c>2022-03-09T16:00:00</c>); target evidence as an official writes it, <c>2024年1月11日 13:06</c>, numbers without
/// spaces around them (issue 15).
/// </remarks>
public static class EvidenceText
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>The evidence of <paramref name="finding"/> in words.</summary>
    public static string Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Of(finding.Evidence);
    }

    /// <summary><paramref name="evidence"/> in words.</summary>
    public static string Of(FindingEvidence evidence) => evidence switch
    {
        OutOfOrderEvidence e => OutOfOrder(e),
        EnteredLateEvidence e => string.Create(Ic,
            $"工单创建时间 {Formats.DateTime(e.CreatedAt)} 晚于申请受理时间 {Formats.DateTime(e.AcceptedAt)} {e.LateDays} 个工作日（限 {e.LimitDays} 个工作日）"),
        CreatedAfterConnectionEvidence e => $"工单创建时间 {Formats.DateTime(e.CreatedAt)} 晚于装表接电时间 {Formats.DateTime(e.ConnectedAt)}",
        RewrittenEvidence e => string.Create(Ic,
            $"{Changes(e.Changes)}（第{e.Before.Revision}版 报送#{e.Before.FilingId} 截至 {Formats.DateTime(e.Before.AsOf)} → 第{e.After.Revision}版 报送#{e.After.FilingId} 截至 {Formats.DateTime(e.After.AsOf)}）"),
        BackFilledEvidence e => string.Create(Ic,
            $"{Reported(e.Times)} 首次出现在第{e.After.Revision}版 报送#{e.After.FilingId}（截至 {Formats.DateTime(e.After.AsOf)}），早于上一版 报送#{e.Before.FilingId} 的截至时间 {Formats.DateTime(e.Before.AsOf)}"),
        RewalkedEvidence e => string.Create(Ic,
            $"原工单 {e.Utility}/{e.WithdrawnApplicationId} 于 {Formats.DateTime(e.WithdrawnAt)} 撤销，{e.Days} 天后（限 {e.WindowDays} 天内）{(e.Named ? "本工单注明其为原工单" : "同一客户")}重新申请，受理时间 {Formats.DateTime(e.AcceptedAt)}"),
        DataGapEvidence e => $"{e.TargetId}（{e.TargetTitle}）：未填报{WordingTable.BlankField(e.Kind, e.FeeBlank, e.InvestmentBlank)}，无法判定是否达标，不计入违规",
        DaysOverLimitEvidence e => DaysOverLimit(e),
        StagesEvidence e => e.Cancelled.Bits != 0
            ? $"仍保留已取消的{Stages(e.Cancelled)}环节（实际办理环节：{Stages(e.Had)}）"
            : string.Create(Ic, $"办电环节{e.StageCount}个（{Stages(e.Had)}），多出{Stages(e.Extra)}；规定环节为{Stages(e.Allowed)}"),
        InvestmentEvidence e => e.InvestmentYuan is { } inv
            ? string.Create(Ic, $"用户投资{inv}元，不符合小微企业“零投资”要求（容量{e.CapacityKw}千瓦，{Codes.Label(e.Area)}）")
            : string.Create(Ic, $"未填报用户投资，无法证明“零投资”（小微企业，容量{e.CapacityKw}千瓦，{Codes.Label(e.Area)}）"),
        ChargesEvidence e => $"向用户收费{Yuan(e.FeeYuan)}、用户投资{Yuan(e.InvestmentYuan)}，不符合“零收费、零投资”要求（{Codes.Label(e.Category)}）",
        MaterialsEvidence e =>
            $"要求用户提供{(e.Extra == Materials.Other ? "规定以外的其他资料" : $"规定以外的资料（{MaterialLabels(e.Extra)}）")}；{WordingTable.VoltageSide(e.Voltage)}用户只需提供{MaterialLabels(e.Allowed)}",
        ConnectionVoltageEvidence e => string.Create(Ic,
            $"非居民三零用户容量{e.CapacityKw}千瓦，在低压接入范围（{e.LimitKw}千瓦及以下）内，却以{Codes.Label(e.Voltage)}接入，应低压接入"),
        TargetTitleEvidence e => e.Title,
        FieldDiscrepancyEvidence e => $"抽查批次 {e.DrawId}：{e.Field} 系统记录为“{e.RecordedValue}”，客户所述为“{e.CustomerValue}”",
        OverdueRectificationEvidence e => string.Create(Ic,
            $"整改事项 {e.ItemId}（{e.Problem}）责任单位 {e.ResponsibleUnit}，完成时限 {Formats.Date(e.Deadline)}，至 {Formats.Date(e.AsOf)} 仍未销号（{WordingTable.RectificationStatus(e.Status)}）"),
        _ => throw new ArgumentOutOfRangeException(nameof(evidence), evidence?.GetType().Name, "No wording for this evidence."),
    };

    private static string DaysOverLimit(DaysOverLimitEvidence e) => e.Kind switch
    {
        TargetKind.ApprovalDays => string.Create(Ic,
            $"行政审批用时{e.Days}个工作日，超过规定时限{e.Limit}个工作日（{T(e.ApprovalSubmittedAt)}申请，{T(e.ApprovalGrantedAt)}办结）"),
        TargetKind.UtilityDays => string.Create(Ic,
            $"供电企业办理用时{e.Days}个工作日，超过规定时限{e.Limit}个工作日（{T(e.AcceptedAt)}受理，{T(e.ConnectedAt)}接电；已扣除客户工程{Span(e.CustomerWorksStart, e.CustomerWorksEnd)}、行政审批{Span(e.ApprovalSubmittedAt, e.ApprovalGrantedAt)}及客户原因暂停{e.PausedDays}个工作日）"),
        _ => string.Create(Ic,
            $"全过程办电用时{e.Days}个工作日，超过规定时限{e.Limit}个工作日（{T(e.AcceptedAt)}受理，{T(e.ConnectedAt)}接电；已扣除客户原因暂停{e.PausedDays}个工作日）"),
    };

    private static string OutOfOrder(OutOfOrderEvidence e)
    {
        var sb = new StringBuilder();
        foreach (var b in e.Breaches)
        {
            if (sb.Length > 0) sb.Append('；');
            sb.Append(WordingTable.Label(b.Later)).Append(' ').Append(Formats.IsoDateTime(b.LaterAt))
              .Append(" 早于 ").Append(WordingTable.Label(b.Earlier)).Append(' ').Append(Formats.IsoDateTime(b.EarlierAt));
        }
        return sb.ToString();
    }

    private static string Changes(IReadOnlyList<TimeChange> changes) =>
        string.Join('；', changes.Select(c =>
            $"{WordingTable.Label(c.Time)} {Formats.DateTime(c.Was)} → {(c.Now is { } n ? Formats.DateTime(n) : WordingTable.Removed)}"));

    private static string Reported(IReadOnlyList<ReportedTime> times) =>
        string.Join('；', times.Select(t => $"{WordingTable.Label(t.Time)} {Formats.DateTime(t.At)}"));

    /// <summary>A time as a reader writes it: 2024年1月11日 13:06; 未填报 when blank.</summary>
    private static string T(DateTime? t) => t is { } v ? Formats.ChineseDateTime(v) : WordingTable.NotFiled;

    private static string Span(DateTime? s, DateTime? e) => s is null && e is null ? WordingTable.NoSpan : $"{T(s)}至{T(e)}";

    private static string Yuan(decimal? y) => y is { } v ? v.ToString(Ic) + "元" : WordingTable.NotFiled;

    private static string Stages(StageSet s) => string.Join("、", s.Stages.Select(Codes.Label));

    private static string MaterialLabels(Materials m) =>
        string.Join("、", Codes.All<Materials>().Where(x => x != Materials.None && (m & x) == x).Select(Codes.Label));
}
