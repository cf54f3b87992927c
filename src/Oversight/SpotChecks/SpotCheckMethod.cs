using System.Globalization;
using System.Text;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;

namespace Analytics.Oversight.SpotChecks;

/// <summary>The draw as stored and published (公开): the rule in words and one item per drawn application.</summary>
public static class SpotCheckMethod
{
    /// <summary>The stored record of a draw: id <c>yyyy-MM-dd-SEED</c> (drawing date and seed), the method text, the items.</summary>
    public static SpotCheckDrawRecord Record(IReadOnlyList<SpotCheckStratum> strata, SpotCheckPlan plan, int seed, DateOnly from, DateOnly to,
        DateTime drawnAt, Registries registries, ModelRiskScores? modelRisk = null)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(plan);
        var items = new List<SpotCheckDrawItem>();
        foreach (var s in strata)
        {
            var inspectors = string.Join("、", s.Inspectors.Select(i => i.Name));
            for (var i = 0; i < s.Applications.Count; i++)
            {
                var id = s.Applications[i];
                items.Add(new SpotCheckDrawItem(s.County, s.Utility, id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..], i >= s.BaseSize, inspectors));
            }
        }
        return new SpotCheckDrawRecord
        {
            DrawId = string.Create(CultureInfo.InvariantCulture, $"{drawnAt:yyyy-MM-dd}-{seed}"),
            Seed = seed,
            From = from,
            To = to,
            DrawnAt = drawnAt,
            Method = Text(strata, plan, seed, from, to, registries, modelRisk),
            Items = items,
        };
    }

    /// <summary>The publishable text: population, strata, sizes, oversampling, recusal, seed (no customer data).</summary>
    public static string Text(IReadOnlyList<SpotCheckStratum> strata, SpotCheckPlan plan, int seed, DateOnly from, DateOnly to, Registries registries,
        ModelRiskScores? modelRisk = null)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(registries);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture,
            $"双随机抽查：检查对象名录为 {from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 期间装表接电的全部工单，按县（市、区）× 供电企业分为 {strata.Count} 层；");
        b.Append(CultureInfo.InvariantCulture,
            $"每层按属性抽样规则 n = ⌈ln(1−{plan.Confidence:0.##})/ln(1−{plan.TolerableRate:0.##})⌉ = {plan.AttributeSampleSize()} 件简单随机抽取（不足则全查）；");
        b.Append(CultureInfo.InvariantCulture,
            $"另对有问题记录、时长恰在限时或低于限时 1 日以内、或超期预警模型风险高（受理当日末的超期概率居名录前 {ModelRiskScores.Percent(plan.ModelRiskTopShare)}：不低于第 {(1 - plan.ModelRiskTopShare) * 100:0} 百分位且高于中位数）的工单按其 {plan.RiskShare:P0}（至少 1 件）风险加抽；");
        b.Append("模型风险：").Append(ModelText(strata, modelRisk, plan)).Append('；');
        b.Append("每层从检查人员名录中随机抽取 2 名，本单位（同一供电企业或县）人员回避；");
        b.Append(CultureInfo.InvariantCulture, $"随机数种子 {seed}，同一种子可复现全部抽取结果。");
        b.Append(CultureInfo.InvariantCulture, $"合计抽取 {strata.Sum(s => s.Applications.Count)} 件（随机 {strata.Sum(s => s.BaseSize)} 件，风险加抽 {strata.Sum(s => s.RiskExtra)} 件）。");
        return b.ToString();
    }

    /// <summary>Which model scored the register and how many reached the threshold, or why no model was used.</summary>
    public static string ModelText(IReadOnlyList<SpotCheckStratum> strata, ModelRiskScores? modelRisk, SpotCheckPlan plan)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(plan);
        if (modelRisk is not { Available: true })
            return modelRisk?.Statement ?? "未提供超期预警模型，本次未按模型风险加抽";
        if (modelRisk.Cut(plan.ModelRiskTopShare) is not { } cut)
            return modelRisk.Statement + "，名录中没有可评分的工单，本次未按模型风险加抽";
        return string.Create(CultureInfo.InvariantCulture,
            $"{modelRisk.Statement}，为名录中 {modelRisk.Probabilities.Count} 件工单评分，第 {(1 - plan.ModelRiskTopShare) * 100:0} 百分位 {ModelRiskScores.Percent1(cut.Threshold)}、中位数 {ModelRiskScores.Percent1(cut.Median)}，{strata.Sum(s => s.ModelRisky)} 件为模型高风险");
    }
}
