using Analytics.Reports.Wording;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics;

namespace Analytics.Reports.Pdf.Content;

/// <summary>Lookups over the engine's target rows, and how a row's limit and figure print.</summary>
internal static class TargetRows
{
    /// <summary>Every target except 目标5 (reported by area in the reliability part), of one dimension.</summary>
    public static IEnumerable<TargetResult> Of(MetricsResult r, GroupDimension dimension) =>
        r.Targets.Where(t => t.Kind != TargetKind.Saidi && t.Group.Dimension == dimension);

    /// <summary>The row of target <paramref name="id"/> for <paramref name="group"/>, or null.</summary>
    public static TargetResult? Find(MetricsResult r, string id, TargetGroup group) =>
        r.Targets.FirstOrDefault(t => t.Group == group && string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Compliant and total application-target pairs over the rows in force (综合达标率, <see cref="WordingTable.PooledRateRule"/>).
    /// </summary>
    public static (int Compliant, int Total) Pooled(IEnumerable<TargetResult> rows)
    {
        int c = 0, n = 0;
        foreach (var t in rows)
        {
            if (!t.InForce || t.Kind == TargetKind.Saidi) continue;
            c += t.Compliant;
            n += t.Total;
        }
        return (c, n);
    }

    /// <summary>综合达标率; null when nothing was counted.</summary>
    public static double? PooledRate(IEnumerable<TargetResult> rows)
    {
        var (c, n) = Pooled(rows);
        return n == 0 ? null : (double)c / n;
    }

    /// <summary>The day target (目标2) of a category: the one whose categories hold it.</summary>
    public static TargetDefinition? DayTarget(Policy policy, Category category) =>
        policy.Targets.FirstOrDefault(t => t.Kind is TargetKind.UtilityDays or TargetKind.WholeProcessDays && t.Categories.Contains(category));

    /// <summary>The stage target (目标3 / 任务6) of a category.</summary>
    public static TargetDefinition? StageTarget(Policy policy, Category category) =>
        policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Stages && t.Categories.Contains(category));

    /// <summary>The limit as a reader expects it: ≤5个工作日, ≤2个环节, 0元 …</summary>
    public static string LimitText(TargetResult t) => t.Kind switch
    {
        TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays =>
            t.Limit is { } l ? $"≤{Formats.Number(l)}个工作日" : Formats.None,
        TargetKind.Stages => t.Limit is { } s ? $"≤{Formats.Number(s)}个环节" : "不设设计审查、中间检查",
        TargetKind.ZeroInvestment => "用户零投资",
        TargetKind.ZeroCost => "零收费、零投资",
        TargetKind.Materials => "仅规定资料",
        TargetKind.ConnectionVoltage => "低压接入",
        TargetKind.Saidi => t.Limit is { } h ? $"≤{Formats.Number(h)}小时或同比压缩8%" : Formats.None,
        _ => Formats.None,
    };

    /// <summary>Day targets: mean / longest, "3.2 / 9" (working days); T5: the SAIDI; otherwise —.</summary>
    public static string ActualText(TargetResult t)
    {
        if (t.Kind == TargetKind.Saidi) return t.Value is { } v ? Formats.Hours(v) + "小时" : Formats.None;
        if (!t.IsDayTarget || t.MeanDays is null) return Formats.None;
        return string.Create(CultureInfo.InvariantCulture, $"{Formats.Days(t.MeanDays)} / {t.MaxDays}");
    }

    /// <summary>达标 / 未达标 / 本期无适用工单 / 未生效, and its tone.</summary>
    public static (string Text, Tone Tone) Verdict(TargetResult t)
    {
        if (!t.InForce) return (WordingTable.NotInForce, Tone.Muted);
        if (t.Total == 0) return (WordingTable.NothingToCount, Tone.Muted);
        return t.Met ? (WordingTable.Met, Tone.Good) : (WordingTable.NotMet, Tone.Bad);
    }
}
