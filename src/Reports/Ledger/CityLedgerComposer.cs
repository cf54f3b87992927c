using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Builds the <see cref="CityLedger"/> from the county ledgers of the week (so every county line says exactly
/// what that county's own workbook says) and one engine run over the whole city for the 全市 line.
/// </summary>
internal static class CityLedgerComposer
{
    public static CityLedger Compose(LedgerInputs inputs, LedgerWeek week, IReadOnlyList<CountyLedger> counties,
        Dictionary<string, LedgerSlice> slices, LedgerSlice city)
    {
        var columns = inputs.Policy.Targets
            .Where(t => t.Kind != TargetKind.Saidi)
            .Select(t => new CityTargetColumn(t.Id, t.Clause, t.Title,
                counties.Count > 0 ? counties[0].Targets.First(l => l.TargetId == t.Id).Limit : ""))
            .ToList();

        var lines = new List<CityCountyLine>();
        var issues = new List<CityIssueLine>();
        var progress = new List<CityProgressLine>();
        foreach (var c in counties)
        {
            var notes = slices.TryGetValue(c.County.Code, out var s) ? s.Notes : [];
            var week_ = notes.Where(n => n.Thursday == week.Thursday).ToList();
            var signature = week_.Where(LedgerSignature.IsSignature).Select(LedgerSignature.FromNote).FirstOrDefault(x => x is not null);
            var filed = week_.Where(n => !LedgerSignature.IsSignature(n)).ToList();
            var total = c.Saidi.FirstOrDefault(x => x.Area == "合计");
            var areaVerdicts = c.Saidi.Where(x => x.Area != "合计" && x.SaidiH is not null).Select(x => x.Met).ToList();
            lines.Add(new CityCountyLine
            {
                Name = c.County.Name,
                Code = c.County.Code,
                Filed = week_.Count > 0,
                FilingState = week_.Count > 0 && inputs.Records.LedgerFilings.FirstOrDefault(f => f.County == c.County.Code && f.Thursday == week.Thursday) is { } filing
                    ? LedgerFilingState.Of(week.Thursday, filing, filing.FirstFiledAt)
                    : null,
                Signature = signature,
                LastFiled = notes.Where(n => n.Thursday <= week.Thursday).Select(n => (DateOnly?)n.Thursday).Max(),
                WeekVolumes = c.WeekVolumes,
                YearVolumes = c.YearVolumes,
                YearTargets = c.Targets.Where(t => t.Week is not null)
                    .GroupBy(t => t.TargetId).ToDictionary(g => g.Key, g => g.First().YearToDate, StringComparer.Ordinal),
                Issues = c.Issues.Count,
                SaidiYtdH = total?.SaidiH,
                SaidiMet = total?.Met ?? (areaVerdicts.Count > 0 && areaVerdicts.All(v => v is not null) ? areaVerdicts.All(v => v == true) : null),
            });
            issues.AddRange(c.Issues.Select(i => new CityIssueLine(c.County.Name, i)));
            foreach (var n in filed.OrderBy(n => TaskOrder(inputs.Policy, n.Task)).ThenBy(n => RectificationTask.TryParse(n.Task, out var id) ? id : 0)
                         .ThenBy(n => n.Task, StringComparer.Ordinal))
            {
                var (text, problems) = LedgerNoteText.Split(n.Text);
                progress.Add(new CityProgressLine(c.County.Name, n.Task, Title(inputs, n.Task), text, n.Status ?? "", problems));
            }
        }

        var composer = new CountyLedgerComposer(inputs, week);
        foreach (var (county, issue) in composer.ForensicsIssues())
            issues.Add(new CityIssueLine(county is { } cc && inputs.Registries.TryCounty(cc, out var entry) ? entry.Name : "全市", issue));
        var totalLine = TotalLine(composer, week, columns, city, lines);

        var overdue = Overdue(inputs);
        return new CityLedger
        {
            CityName = inputs.Registries.CityName,
            BureauName = inputs.Registries.BureauName,
            Week = week,
            CutOff = inputs.CutOffFor(week),
            PlanId = inputs.Policy.PlanId,
            TargetColumns = columns,
            Counties = lines,
            Total = totalLine,
            Issues = issues,
            Progress = progress,
            OverdueRectifications = overdue,
            OverdueByUnit = [.. overdue.GroupBy(o => (o.County, o.ResponsibleUnit))
                .Select(g => new CityOverdueCount(g.Key.County, g.Key.ResponsibleUnit, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => CountyOrder(inputs, c.County)).ThenBy(c => c.ResponsibleUnit, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// What the roll-up reads of a county's ledger (its county, targets, volumes, issues and SAIDI lines): the ledger without
    /// its lists of applications, outages, approvals and progress, which the roll-up does not show.
    /// </summary>
    public static CountyLedger Kept(CountyLedger ledger) =>
        ledger with { InProgress = [], Connected = [], Outages = [], Approvals = [], Progress = [] };

    /// <summary>The 全市 line: the week's and the year's figures of the whole city, and the counties' issues and overdue applications summed.</summary>
    private static CityCountyLine TotalLine(CountyLedgerComposer composer, LedgerWeek week, List<CityTargetColumn> columns, LedgerSlice city,
        List<CityCountyLine> lines)
    {
        var (wk, yr) = composer.ComputeCity(city);
        var whole = yr.Reliability.FirstOrDefault(r => r.Year == week.Year && r.County is null && r.Utility is null && r.Area is null);
        var yearTargets = new Dictionary<string, LedgerTargetFigure>(StringComparer.Ordinal);
        foreach (var col in columns)
            if (yr.CityTarget(col.TargetId) is { } t)
                yearTargets[col.TargetId] = new LedgerTargetFigure
                {
                    Total = t.Total,
                    Compliant = t.Compliant,
                    Rate = t.Rate is { } r ? Math.Round((decimal)r, 4) : null,
                    Met = !t.InForce || t.Total == 0 ? null : t.Met,
                    Figure = t.MeanDays is { } m ? Math.Round((decimal)m, 2) : null,
                    InForce = t.InForce,
                };
        // 超期在途 of the city: the counties' (every stored application's county is a registry county, ingest refuses
        // others), the same from the records and from the store's counts, which list no application.
        var overdue = lines.Sum(l => l.YearVolumes.Overdue);
        return new CityCountyLine
        {
            Name = "全市",
            WeekVolumes = LedgerVolumes.Of(wk) with { Overdue = overdue },
            YearVolumes = LedgerVolumes.Of(yr) with { Overdue = overdue },
            YearTargets = yearTargets,
            Issues = lines.Sum(l => l.Issues),
            SaidiYtdH = whole is null ? null : Math.Round(whole.SaidiH, 4),
            SaidiMet = whole?.Met,
        };
    }

    /// <summary>The overdue rectification items as given (<see cref="Oversight.OversightInputs.Rectifications"/>), in registry county order.</summary>
    private static List<CityRectificationLine> Overdue(LedgerInputs inputs)
    {
        var reg = inputs.Registries;
        return [.. inputs.Oversight.Rectifications.Where(r => r.Overdue).Select(r => r.Item)
            .Select(i => new CityRectificationLine(
                i.County is { } c && reg.TryCounty(c, out var ce) ? ce.Name : i.County ?? "",
                i.Id, i.ResponsibleUnit, i.Problem,
                i.Utility is { } u && reg.TryUtility(u, out var ue) ? ue.ShortName : i.Utility ?? "",
                i.ApplicationId ?? "", i.Deadline, i.Measures, WordingTable.RectificationStatus(i.Status), i.FollowUpOn, i.FollowUpResult ?? ""))
            .OrderBy(l => CountyOrder(inputs, l.County)).ThenBy(l => l.ResponsibleUnit, StringComparer.Ordinal).ThenBy(l => l.Deadline).ThenBy(l => l.Id)];
    }

    /// <summary>A county name's place in the registry; no county (市直) last.</summary>
    private static int CountyOrder(LedgerInputs inputs, string name)
    {
        var counties = inputs.Registries.Counties;
        for (var i = 0; i < counties.Count; i++)
            if (string.Equals(counties[i].Name, name, StringComparison.Ordinal)) return i;
        return int.MaxValue;
    }

    /// <summary>Plan tasks in the plan's order, then rectification items (整改N), then the counties' other work.</summary>
    private static int TaskOrder(Policy policy, string task)
    {
        for (var i = 0; i < policy.Tasks.Count; i++)
            if (string.Equals(policy.Tasks[i].Id, task, StringComparison.Ordinal)) return i;
        return RectificationTask.TryParse(task, out _) ? int.MaxValue - 1 : int.MaxValue;
    }

    /// <summary>A plan task's title, a rectification item's problem (when the item is known), else nothing.</summary>
    private static string Title(LedgerInputs inputs, string task)
    {
        if (inputs.Policy.Task(task) is { } t) return t.Title;
        if (!RectificationTask.TryParse(task, out var id)) return "";
        return inputs.Oversight.Rectifications.FirstOrDefault(r => r.Item.Id == id)?.Item.Problem ?? "";
    }
}
