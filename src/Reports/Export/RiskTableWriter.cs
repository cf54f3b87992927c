using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Output;
using Analytics.Domain.Registry;
using Analytics.Reports.Wording;
using Analytics.Risk;

namespace Analytics.Reports.Export;

/// <summary>
/// Writes an assessment as a plain-text table for people (<c>analytics risk --format table</c>), in
/// Chinese: a heading with the model's holdout figures, then one line per application at risk, most
/// urgent first. County and utility names come from the registry, categories from <see cref="Codes.Label{T}"/>;
/// the texts from the data (application id, unknown codes) with its control characters escaped (<see cref="TerminalText"/>).
/// </summary>
public static class RiskTableWriter
{
    public static void Write(TextWriter writer, RiskAssessment assessment, double? threshold = null, Registries? registries = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(assessment);
        var reg = registries ?? Registries.Default;
        var inv = CultureInfo.InvariantCulture;
        var m = assessment.Model;
        var e = m.Evaluation;
        var t = threshold ?? m.Options.AtRiskThreshold;
        var atRisk = assessment.AtRisk(t);

        writer.WriteLine(string.Create(inv, $"在途工单超时预警（截至 {Formats.Date(assessment.AsOf)}）：在途 {assessment.Applications.Count} 件，超时概率≥{Formats.PercentWhole(t)} 的 {atRisk.Count} 件"));
        writer.WriteLine(string.Create(inv,
            $"模型：以 {m.TrainedOn.Count} 件已接电工单训练（受理 {Formats.Date(m.TrainedOn.From)} 至 {Formats.Date(m.TrainedOn.To)}）；时间外推检验 平均绝对误差 {Fig(e.Model.MaeDays)} 个工作日（基线 {Fig(e.Baseline.MaeDays)}），AUC {Fig(e.Model.Auc)}（基线 {Fig(e.Baseline.Auc)}）"));
        var used = e.Categories.Where(c => m.UsesModelFor(c.Category)).Select(c => Codes.Label(c.Category)).ToList();
        writer.WriteLine(used.Count == 0 ? "各类别均未优于基线，采用基线（类别中位数）。" : $"采用模型的类别：{string.Join("、", used)}；其余采用基线（类别中位数）。");
        writer.WriteLine();
        writer.WriteLine("工单编号\t供电企业\t县（市、区）\t用户类别\t目标\t已计(工作日)\t时限\t到期日\t剩余\t预测\t超时概率\t依据");
        foreach (var r in atRisk)
        {
            var county = reg.TryCounty(r.County, out var c) ? c.ShortName : TerminalText.Escape(r.County);
            var utility = reg.TryUtility(r.Utility, out var u) ? u.ShortName : TerminalText.Escape(r.Utility);
            writer.WriteLine(string.Create(inv,
                $"{TerminalText.Escape(r.ApplicationId)}\t{utility}\t{county}\t{Codes.Label(r.Category)}\t{r.TargetId}\t{Formats.Exact(r.CountedDays)}\t{Formats.Exact(r.LimitDays)}\t{Formats.Date(r.DueDate)}\t{Formats.Exact(r.DaysLeft)}\t{Formats.Number(r.PredictedDays, "F1")}\t{Formats.PercentWhole(r.MissProbability)}\t{WordingTable.RiskMethod(r.Method)}"));
        }
    }

    /// <summary>A holdout figure with two decimals; — when it was not measured (NaN).</summary>
    private static string Fig(double x) => Formats.Number(double.IsNaN(x) ? null : x, "F2");
}
