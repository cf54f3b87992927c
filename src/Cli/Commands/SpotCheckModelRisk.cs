using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight.SpotChecks;
using Analytics.Risk;

namespace Analytics.Cli.Commands;

/// <summary>
/// The model-risk criterion of <c>spotcheck draw</c> (issue 16 item 1): the early-warning model stored for the store's
/// current data — the one <c>risk</c> (without <c>--as-of</c>), <c>demo</c> or a ledger for a week after the data trains
/// and keeps under the fingerprint of the data, policy, calendar and as-of (<see cref="RiskModelFingerprint"/>) — scores
/// each connected application of the draw's register as it stood at the end of its accepted day: the first moment the
/// model's training replays (a finished application is replayed at the ends of days from its accepted day on, with only
/// the stage times recorded by then). The draw never trains a model (seconds to minutes): without a stored one it says
/// so and draws on the other criteria.
/// </summary>
internal static class SpotCheckModelRisk
{
    public static ModelRiskScores Score(CliContext ctx, IAnalyticsStore store, RecordSnapshot data, MetricsResult result)
    {
        if (store is not IRiskModelStore models) return ModelRiskScores.None("此存储不保存超期预警模型，本次未按模型风险加抽");
        if (data.DataThrough is not { } asOf) return ModelRiskScores.None("存储中没有数据，本次未按模型风险加抽");
        var fingerprint = RiskModelFingerprint.Of(data, new RiskModelOptions { Policy = ctx.Policy, Calendar = ctx.Calendar, KnownAt = asOf });
        if (models.FindRiskModel(fingerprint) is not { } stored)
            return ModelRiskScores.None("存储中没有按当前数据训练的超期预警模型（可先运行 analytics risk 训练并保存），本次未按模型风险加抽");
        if (RiskModel.Load(stored.Model, ctx.Policy, ctx.Calendar) is not { } model)
            return ModelRiskScores.None("存储中的超期预警模型为旧格式（运行 analytics risk 重新训练），本次未按模型风险加抽");

        var register = result.Applications
            .Where(a => a.ConnectedAt is { } c && a.Status == ApplicationStatus.Connected && result.Period.Contains(DateOnly.FromDateTime(c)))
            .Select(a => a.Application);
        var assessor = new RiskAssessor(model);
        var probabilities = new Dictionary<(string, string), double>();
        foreach (var day in register.GroupBy(a => DateOnly.FromDateTime(a.AcceptedAt)).OrderBy(g => g.Key))
        {
            var moment = DayBounds.EndOfDay(day.Key);
            // As it stood then: later stage times removed, the connection (after the moment) undone; one connected on its
            // accepted day was never in progress at a moment the training replays, and is not scored.
            var then = day.Select(a => RecordSnapshot.Rewind(a, moment.AddTicks(1))).Where(a => a is { Status: ApplicationStatus.InProgress }).Select(a => a!).ToList();
            if (then.Count == 0) continue;
            foreach (var r in assessor.Assess(then, moment).Applications) probabilities[(r.Utility, r.ApplicationId)] = r.MissProbability;
        }
        return new ModelRiskScores
        {
            Probabilities = probabilities,
            Available = true,
            Fingerprint = fingerprint,
            TrainedAt = stored.TrainedAt,
            Statement = string.Create(CultureInfo.InvariantCulture,
                $"存储中按当前数据训练的超期预警模型（指纹 {fingerprint[..12]}，训练于 {stored.TrainedAt:yyyy-MM-dd HH:mm}）按每件工单受理当日末的情况评估超期概率"),
        };
    }
}
