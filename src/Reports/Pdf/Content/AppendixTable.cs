using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using Analytics.Reports.Common;
using Analytics.Reports.Pdf.Model;
using Analytics.Reports.Wording;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// The appendix: every application of the period with a target breach or an integrity finding, one row each, with
/// the customer only as masked (<see cref="Application.CustomerMask"/>, e.g. 张*, passed through
/// <see cref="PersonalDataMask.Safe"/> so that a mask that is not one is masked again) — never clear personal data. Rows are ordered by the most serious problem, then the number of problems; beyond
/// <c>limit</c> rows the list is cut and says so (the <c>findings</c> command exports the whole list).
/// </summary>
internal static class AppendixTable
{
    /// <summary>What the appendix prints of a listed application besides its problems.</summary>
    internal readonly record struct Facts(DateTime AcceptedAt, Category Category, string? CustomerMask)
    {
        public static Facts Of(ApplicationFigures f) => new(f.AcceptedAt, f.Category, f.Application.CustomerMask);
    }

    /// <param name="r">The half's answer (its breaches and findings).</param>
    /// <param name="registries">The county names.</param>
    /// <param name="limit">The most rows printed.</param>
    /// <param name="n">The document's numbering.</param>
    /// <param name="facts">What to print of each application listed; null: from <paramref name="r"/>'s rows.</param>
    public static IEnumerable<Block> Build(MetricsResult r, Registries registries, int limit, Numbering n,
        IReadOnlyDictionary<(string Utility, string ApplicationId), Facts>? facts = null)
    {
        var byApp = facts ?? r.Applications.ToDictionary(a => (a.Utility, a.ApplicationId), Facts.Of);
        var kinds = r.Policy.Targets.ToDictionary(t => t.Id, t => t.Kind, StringComparer.Ordinal);
        int Severity(Finding f) => f.Rule is { } rule ? ProblemSeverity.Of(rule)
            : f.TargetId is not null && kinds.TryGetValue(f.TargetId, out var kind) ? ProblemSeverity.Of(kind) : 1;
        var groups = r.Breaches.Concat(r.Findings)
            .GroupBy(f => (f.Utility, f.ApplicationId))
            .Select(g => (Key: g.Key, Items: g.ToList(), Severity: g.Max(Severity)))
            .OrderByDescending(g => g.Severity).ThenByDescending(g => g.Items.Count)
            .ThenBy(g => g.Items[0].County, StringComparer.Ordinal).ThenBy(g => g.Key.ApplicationId, StringComparer.Ordinal)
            .ToList();
        var shown = groups.Take(limit).ToList();
        var total = Formats.Count(groups.Count);
        yield return new ParagraphBlock(groups.Count == 0 ? "本期无目标未达标或数据真实性问题的工单。"
            : groups.Count <= limit ? $"本期存在目标未达标或数据真实性问题的工单共{total}件，逐件列示如下。用户信息已脱敏。"
            : $"本期存在目标未达标或数据真实性问题的工单共{total}件，按问题严重程度列示前{Formats.Count(limit)}件；完整清单可通过 analytics findings 命令导出。用户信息已脱敏。");
        var rows = new List<TableRow>();
        var i = 0;
        foreach (var g in shown)
        {
            i++;
            Facts? a = byApp.TryGetValue(g.Key, out var found) ? found : null;
            var codes = string.Join("、", g.Items.Select(x => x.TargetId ?? WordingTable.FindingLabel(x)).Distinct(StringComparer.Ordinal));
            var evidence = string.Join("；", g.Items.Select(x => $"{(x.TargetId is null ? WordingTable.FindingLabel(x) : x.TargetId)}：{EvidenceText.Of(x)}"));
            rows.Add(new TableRow(
            [
                i.ToString(CultureInfo.InvariantCulture),
                a is null ? g.Key.ApplicationId : $"{g.Key.ApplicationId}\n{Formats.Date(a.Value.AcceptedAt)}",
                ProblemRanking.CountyName(registries, g.Items[0].County),
                a is null ? Formats.None : Codes.Label(a.Value.Category),
                PersonalDataMask.Safe(a?.CustomerMask) is { Length: > 0 } mask ? mask : Formats.None,
                new TableCell(codes, g.Severity >= 3 ? Tone.Bad : Tone.Normal),
                evidence,
            ]));
        }
        yield return new TableBlock(
            [
                new TableColumn("序号", 0.45f, TextAlign.Right), new TableColumn("工单号\n受理日期", 2.0f), new TableColumn("县（市、区）", 0.95f),
                new TableColumn("用户类别", 1.05f), new TableColumn("用户", 0.7f, TextAlign.Center),
                new TableColumn("问题", 1.0f), new TableColumn("说明", 3.85f),
            ], rows)
        {
            Caption = n.Table("不达标及数据异常工单清单"),
            EmptyText = "本期无不达标或数据异常工单",
        };
    }
}
