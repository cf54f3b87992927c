using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest.Messages;
using Analytics.Metrics;
using Analytics.Oversight.Rectification;
using Analytics.Oversight.SpotChecks;
using Analytics.Reports.Ledger;
using Analytics.Reports.Oversight;

namespace Analytics.Cli.Commands;

/// <summary>
/// The demo's oversight (issue 16), in the demo's own store, so that its documents show the sections the bureau's would:
/// a spot check of the half's first quarter (seed 189, the stored model's risk included), field results filed back —
/// two per stratum within the half (the circular's 监督检查), one per stratum in the ledger week (the county ledgers'
/// 问题清单), some a discrepancy of the connection time — and rectification items opened from the first
/// discrepancies: one through a failed 回头看 and still open past its deadline (整改逾期 on the roll-up, the circular's
/// overdue list, its county's 整改N row), one closed after its follow-up. The dates are the synthetic data's, not the clock's.
/// </summary>
internal static class DemoOversight
{
    public const int Seed = 189;
    private const string Bureau = "临汾市能源局（演示）";

    private static readonly Inspector[] Register =
    [
        new("赵明", "city-bureau"), new("周平", "city-bureau"), new("吴刚", "city-bureau"), new("郑洁", "yaodu"), new("王磊", "hongtong"),
    ];

    /// <summary>Draws, files and opens the items; returns the step's line.</summary>
    public static MessageText Run(CliContext ctx, IAnalyticsStore store, RecordSnapshot data, HalfYear half, LedgerWeek week, string reportsDir)
    {
        var oversight = (IOversightStore)store;
        var inv = CultureInfo.InvariantCulture;
        var halfPeriod = MetricsPeriod.Half(half);
        var from = halfPeriod.From;
        var to = from.AddMonths(3).AddDays(-1);
        var asOf = data.DataThrough ?? week.AsOf;
        var result = MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, new MetricsPeriod(from, to), asOf));
        var modelRisk = SpotCheckModelRisk.Score(ctx, store, data, result);
        var plan = new SpotCheckPlan();
        var strata = SpotCheckDraw.Draw(result, Register, Seed, plan, modelRisk);
        if (strata.Count == 0) return CliMessages.NothingToDraw.Text();
        var record = SpotCheckMethod.Record(strata, plan, Seed, from, to, to.AddDays(1).ToDateTime(new TimeOnly(9, 0)), ctx.Registries, modelRisk);
        Directory.CreateDirectory(reportsDir);
        SpotCheckWorkbook.Write(Path.Combine(reportsDir, $"抽查_{record.DrawId}.xlsx"), record, strata, result, ctx.Registries, modelRisk, plan);
        oversight.SaveDraw(record);

        // Field results: two items a stratum filed within the half, one in the ledger week.
        var inHalf = to.AddDays(50).ToDateTime(new TimeOnly(16, 0));
        var inWeek = week.FirstDay.AddDays(1).ToDateTime(new TimeOnly(16, 0));
        var figures = result.Applications.ToDictionary(a => (a.Utility, a.ApplicationId));
        var results = new List<SpotCheckResult>();
        foreach (var (group, g) in record.Items.GroupBy(i => (i.County, i.Utility)).Select((group, g) => (group, g)))
            foreach (var (item, k) in group.Take(3).Select((item, k) => (item, k)))
            {
                var at = k < 2 ? inHalf : inWeek;
                var connected = figures[(item.Utility, item.ApplicationId)].Application.ConnectedAt!.Value;
                // A discrepancy in every third stratum filed within the half, and in the next one's item filed in the week.
                var discrepant = (g % 3 == 0 && k == 0) || (g % 3 == 1 && k == 2);
                results.Add(new SpotCheckResult
                {
                    DrawId = record.DrawId, Utility = item.Utility, ApplicationId = item.ApplicationId, County = item.County, FiledAt = at,
                    Verified = !discrepant, Field = discrepant ? "connected_at" : null,
                    RecordedValue = discrepant ? connected.ToString("yyyy-MM-dd HH:mm", inv) : null,
                    CustomerValue = discrepant ? connected.AddDays(2).ToString("yyyy-MM-dd", inv) : null,
                });
            }
        oversight.SaveResults(results);

        // Rectification: the first two discrepancies filed within the half become items.
        var opened = 0;
        foreach (var (d, k) in results.Where(r => !r.Verified && r.FiledAt == inHalf).Take(2).Select((d, k) => (d, k)))
        {
            var created = inHalf.AddDays(1).Date.AddHours(10);
            var item = RectificationLedger.Open(oversight, new RectificationItem
            {
                Problem = $"现场核查：工单 {d.ApplicationId} 装表接电时间与客户所述不符（系统 {d.RecordedValue}，客户 {d.CustomerValue}）",
                Source = "field_discrepancy", County = d.County, Utility = d.Utility, ApplicationId = d.ApplicationId,
                ResponsibleUnit = ctx.Registries.Utility(d.Utility).Name, Deadline = DateOnly.FromDateTime(created).AddDays(20),
                Measures = "核实装表接电时间，更正系统记录并说明原因", Status = RectificationStatus.Open, CreatedAt = created,
            }, Bureau);
            opened++;
            RectificationLedger.Progress(oversight, item.Id, Bureau, created.AddDays(5), followUpOn: item.Deadline.AddDays(3));
            if (k == 0)
                RectificationLedger.FollowUp(oversight, item.Id, item.Deadline.AddDays(3), problemGone: false, "系统记录尚未更正",
                    item.Deadline.AddDays(3).ToDateTime(new TimeOnly(15, 0)), Bureau);
            else
                RectificationLedger.FollowUp(oversight, item.Id, item.Deadline.AddDays(-2), problemGone: true, "记录已更正，原因已说明",
                    item.Deadline.AddDays(-2).ToDateTime(new TimeOnly(15, 0)), Bureau);
        }
        return CliMessages.DemoDrawn.With(record.DrawId, record.Items.Count, strata.Sum(s => s.RiskExtra), strata.Sum(s => s.ModelRisky),
            modelRisk.Available ? Localized.Same("") : CliMessages.NoStoredModel,
            CliMessages.DemoFiled.With(results.Count, results.Count(r => !r.Verified), opened));
    }
}
