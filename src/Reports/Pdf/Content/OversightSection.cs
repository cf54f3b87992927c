using Analytics.Reports.Wording;
using System.Globalization;
using Analytics.Domain.Registry;
using Analytics.Reports.Common;
using Analytics.Reports.Oversight;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// 存在问题 (四) 监督检查发现的问题 of the circular (四、3: 检查、抽查…以查促改，并将结果予以通报): the half's 双随机 spot checks
/// (totals and the strata where a discrepancy was found, with rate and upper bound), the forensics tests flagged, and the
/// rectification ledger's status with the overdue items. Every figure comes from <see cref="OversightInputs"/> as given.
/// </summary>
internal static class OversightSection
{
    /// <summary>The most forensics flags and overdue items listed; the rest are counted in the sentence.</summary>
    private const int MaxRows = 15;

    public static IEnumerable<Block> Build(OversightInputs o, Registries reg, Numbering n)
    {
        var ic = CultureInfo.InvariantCulture;
        var s = o.SpotChecks;
        var discrepant = o.Strata.Where(x => x.Discrepant > 0).ToList();
        yield return new ParagraphBlock(s.Checked == 0
            ? "1. 双随机抽查。本期无归档的现场核查结果。"
            : $"1. 双随机抽查。本期归档现场核查结果的抽查批次{Formats.Count(s.Draws)}个、{Formats.Count(s.Strata)}层（县（市、区）× 供电企业），"
              + $"核查工单{Formats.Count(s.Checked)}件，与客户所述不一致{Formats.Count(s.Discrepant)}件"
              + (discrepant.Count == 0 ? "，各层均未发现不一致。" : $"，涉及{Formats.Count(discrepant.Count)}层，见下表；不一致项已列入相关县（市、区）工作台账问题清单。"));
        if (discrepant.Count > 0)
            yield return new TableBlock(
                [
                    new TableColumn("县（市、区）", 1.2f), new TableColumn("供电企业", 1.6f), new TableColumn("抽查批次", 1.6f),
                    new TableColumn("已核查\n（件）", 0.8f, TextAlign.Right), new TableColumn("不一致\n（件）", 0.8f, TextAlign.Right),
                    new TableColumn("不一致率", 0.9f, TextAlign.Right), new TableColumn("置信上限", 0.9f, TextAlign.Right),
                ],
                discrepant.Select(x => new TableRow(
                [
                    ProblemRanking.CountyName(reg, x.County), ProblemRanking.UtilityName(reg, x.Utility), x.DrawId,
                    Formats.Count(x.Checked), new TableCell(Formats.Count(x.Discrepant), Tone.Bad),
                    Formats.Percent(x.Rate), Formats.Percent(x.UpperBound),
                ])).ToList())
            {
                Caption = n.Table("现场核查发现不一致的层"),
                Footnote = string.Create(ic, $"注：置信上限为单侧{(discrepant[0].Confidence * 100):0}% Clopper–Pearson 上限，即该层记录不一致的比例在此置信度下不超过此值。"),
            };

        var flags = o.Flags;
        var period = o.ForensicsPeriod is { } p ? $"{Formats.Date(p.From)}至{Formats.Date(p.To)}" : "本期";
        yield return new ParagraphBlock(o.ForensicsTestCount == 0
            ? "2. 数据造假风险检验。本期未进行检验。"
            : string.Create(ic, $"2. 数据造假风险检验。对{period}的记录进行时限日堆积、非工作时间操作、整日时长、报送前突击录入、暂停压线等{Formats.Count(o.ForensicsTestCount)}项统计检验（总体误报率α = {o.ForensicsAlpha:0.###}，Holm 校正），")
              + (flags.Count == 0 ? "未发现提示。" : $"提示{Formats.Count(flags.Count)}项，相关单位应逐件核查并说明情况（任务4）{(flags.Count > MaxRows ? $"；下表列出校正 p 值最小的{MaxRows}项" : "")}。"));
        if (flags.Count > 0)
            yield return new TableBlock(
                [
                    new TableColumn("检验", 1.3f), new TableColumn("目标", 0.6f, TextAlign.Center), new TableColumn("供电企业", 1.4f),
                    new TableColumn("县（市、区）", 1.1f), new TableColumn("校正p值", 0.9f, TextAlign.Right), new TableColumn("依据", 4.0f),
                ],
                flags.OrderBy(f => f.PAdjusted).Take(MaxRows).Select(f => new TableRow(
                [
                    WordingTable.Oversight(f.Test) ?? f.Test, f.Target ?? Formats.None,
                    f.Utility is { } u ? ProblemRanking.UtilityName(reg, u) : "全部", f.County is { } c ? ProblemRanking.CountyName(reg, c) : "全部",
                    f.PAdjusted.ToString("0.##E+0", ic), f.Evidence,
                ])).ToList())
            {
                Caption = n.Table("数据造假风险检验提示"),
                Footnote = "注：提示表示统计上异常，不等于认定造假；须经核查确认。",
            };

        var r = o.RectificationCounts;
        var overdue = o.Rectifications.Where(x => x.Overdue).ToList();
        var on = o.JudgedOn is { } d ? Formats.ChineseDate(d.ToDateTime(TimeOnly.MinValue)) : "本期末";
        yield return new ParagraphBlock(o.Rectifications.Count == 0
            ? "3. 整改落实。整改台账暂无事项。"
            : $"3. 整改落实。截至{on}，整改台账共{Formats.Count(o.Rectifications.Count)}项：待整改{Formats.Count(r.Open)}项、整改中{Formats.Count(r.InProgress)}项、"
              + $"经回头看销号{Formats.Count(r.Closed)}项；"
              + (r.Overdue == 0 ? "无逾期事项。" : $"超过完成时限仍未销号{Formats.Count(r.Overdue)}项{(overdue.Count > MaxRows ? $"（下表列出最早到期的{MaxRows}项）" : "")}，责任单位须限期完成并报告。"));
        if (overdue.Count > 0)
            yield return new TableBlock(
                [
                    new TableColumn("编号", 0.5f, TextAlign.Right), new TableColumn("责任单位", 1.6f), new TableColumn("问题", 3.6f),
                    new TableColumn("完成时限", 1.0f, TextAlign.Center), new TableColumn("状态", 0.8f, TextAlign.Center),
                ],
                overdue.OrderBy(x => x.Item.Deadline).ThenBy(x => x.Item.Id).Take(MaxRows).Select(x => new TableRow(
                [
                    x.Item.Id.ToString(ic), x.Item.ResponsibleUnit, x.Item.Problem, Formats.Date(x.Item.Deadline),
                    new TableCell(WordingTable.RectificationStatus(x.Item.Status), Tone.Bad),
                ])).ToList())
            {
                Caption = n.Table("逾期未销号的整改事项"),
            };
    }
}
