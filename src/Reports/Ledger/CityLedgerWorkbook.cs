using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Reports.Common;
using Analytics.Reports.Common.Xlsx;
using static Analytics.Reports.Common.XlsxLayout;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Lays out the city's weekly roll-up (<see cref="CityLedger"/>) as an XLSX workbook: 各县汇总 (one row per
/// county and the city, headline figures and each target's year-to-date rate), 报送情况 (which counties filed,
/// which are missing), 问题清单 (every county's issues with a county column), 工作进展 (what the filed ledgers
/// say on the plan's tasks) and 指标说明 (what each target column means).
/// </summary>
public static class CityLedgerWorkbook
{
    public const string CountiesSheet = "各县汇总";
    public const string FilingsSheet = "报送情况";
    public const string IssuesSheet = "问题清单";
    public const string ProgressSheet = "工作进展";
    public const string RectificationSheet = "整改逾期";
    public const string LegendSheet = "指标说明";

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(CityLedger ledger, Stream output)
    {
        var wb = Build(ledger);
        wb.SaveAs(output);
    }

    /// <summary>Writes the workbook to the file <paramref name="path"/>.</summary>
    public static void Save(CityLedger ledger, string path)
    {
        var wb = Build(ledger);
        Analytics.Domain.Output.OutputFile.Write(path, s => wb.SaveAs(s));
    }

    /// <summary>The workbook in memory (the light model <see cref="XlsxWorkbook"/>; write it with <see cref="XlsxWorkbook.SaveAs"/>).</summary>
    public static XlsxWorkbook Build(CityLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var wb = new XlsxWorkbook();
        wb.Properties.Title = $"{ledger.CityName}“获得电力”工作台账汇总";
        wb.Properties.Subject = $"{Formats.Date(ledger.Week.Thursday)}";
        wb.Properties.Author = ledger.BureauName;
        wb.Properties.Created = ledger.Week.AsOf;
        wb.Properties.Modified = ledger.Week.AsOf;
        Counties(wb.AddWorksheet(CountiesSheet), ledger);
        Filings(wb.AddWorksheet(FilingsSheet), ledger);
        Issues(wb.AddWorksheet(IssuesSheet), ledger);
        Rectifications(wb.AddWorksheet(RectificationSheet), ledger);
        Progress(wb.AddWorksheet(ProgressSheet), ledger);
        Legend(wb.AddWorksheet(LegendSheet), ledger);
        return wb;
    }

    private static string TitleOf(CityLedger l, string what) =>
        $"{l.CityName}“获得电力”工作台账汇总 · {what}（{Formats.Date(l.Week.Thursday)}）";

    private static string Period(CityLedger l) =>
        $"本周：{l.Week.PeriodLabel}　年累计：{Formats.Date(l.Week.YearStart)}至{Formats.Date(l.Week.LastDay)}　"
        + $"数据截至{Formats.ChineseDate(l.CutOff)}　依据：{l.PlanId}";

    private static void Counties(XlsxSheet ws, CityLedger l)
    {
        var cols = new List<SheetColumn>
        {
            new("县（市、区）", 10), new("台账报送", 8), new("本周受理", 8, Formats.ExcelInteger),
            new("本周接电", 8, Formats.ExcelInteger), new("年累计受理", 9, Formats.ExcelInteger),
            new("年累计接电", 9, Formats.ExcelInteger), new("在途", 7, Formats.ExcelInteger),
            new("超期在途", 7, Formats.ExcelInteger),
        };
        cols.AddRange(l.TargetColumns.Select(t => new SheetColumn($"{t.TargetId}达标率", 8, Formats.ExcelPercent)));
        cols.Add(new("本周问题数", 8, Formats.ExcelInteger));
        cols.Add(new("年累计户均停电时间(h)", 10, Formats.ExcelDecimal2));
        cols.Add(new("目标5", 8));

        var missing = l.Counties.Where(c => c.Filed == false).Select(c => c.Name).ToList();
        Title(ws, TitleOf(l, "各县汇总"),
            Period(l) + $"　达标率为年累计（各目标含义见“{LegendSheet}”）；"
            + (missing.Count == 0 ? "各县均已报送。" : $"未报送{missing.Count}个：{string.Join("、", missing)}。"),
            cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        foreach (var c in l.Counties.Append(l.Total))
        {
            r++;
            var filed = c.Filed switch { true => "已报送", false => "未报送", null => "" };
            Row(ws, r, c.Name, filed, c.WeekVolumes.Accepted, c.WeekVolumes.Connected, c.YearVolumes.Accepted,
                c.YearVolumes.Connected, c.WeekVolumes.InProgress, c.WeekVolumes.Overdue);
            if (c.Filed == false) ws.Cell(r, 2).Style.Fill.BackgroundColor = BadFill;
            if (c.WeekVolumes.Overdue > 0) ws.Cell(r, 8).Style.Fill.BackgroundColor = WarnFill;
            var col = 9;
            foreach (var t in l.TargetColumns)
            {
                var cell = ws.Cell(r, col++);
                if (c.YearTargets.TryGetValue(t.TargetId, out var f))
                {
                    if (!f.InForce) Text(cell, "未生效");
                    else if (f.Rate is { } rate) Value(cell, rate);
                    else Text(cell, "无业务");
                    if (f.Met == false) cell.Style.Fill.BackgroundColor = BadFill;
                }
            }
            Value(ws.Cell(r, col++), c.Issues);
            Value(ws.Cell(r, col++), c.SaidiYtdH);
            var met = ws.Cell(r, col);
            Text(met, c.SaidiYtdH is null ? WordingTable.NoData : WordingTable.MetOrNot(c.SaidiMet));
            if (c.SaidiMet is { } m) met.Style.Fill.BackgroundColor = m ? GoodFill : BadFill;
        }
        Table(ws, HeaderRow, r, cols);
        Block(ws, HeaderRow, r, cols);
        ws.Range(r, 1, r, cols.Count).Style.Font.Bold = true;
        ws.Range(HeaderRow + 1, 9, r, 8 + l.TargetColumns.Count).Style.Alignment.Horizontal = XlsxHorizontal.Right;
        Finish(ws, HeaderRow);
    }

    private static void Filings(XlsxSheet ws, CityLedger l)
    {
        IReadOnlyList<SheetColumn> cols =
        [
            new("县（市、区）", 12), new("本周台账", 16), new("首次报送时间", 16, Formats.ExcelDateTime), new("最近报送日", 12, Formats.ExcelDate),
            new("本周报送任务数", 12, Formats.ExcelInteger),
            new(LedgerWorkbookNames.SignFiledBy, 8), new(LedgerWorkbookNames.SignReviewedBy, 8),
            new(LedgerWorkbookNames.SignDate, 12, Formats.ExcelDate),
        ];
        var missing = l.Counties.Count(c => c.Filed == false);
        Title(ws, TitleOf(l, "报送情况"),
            $"按四、1要求，各县（市、区）能源局每周四前报送工作台账（以周四24时为限，按首次报送时间计）。应报{l.Counties.Count}个，已报{l.Counties.Count - missing}个"
            + $"（其中逾期{l.Counties.Count(c => c.FilingState?.Timeliness == LedgerTimeliness.Late)}个，黄色），未报{missing}个（红色）。",
            cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        // The counties not filed first, each group in the registry's order (the order every other sheet uses),
        // never by the code points of the names.
        foreach (var c in l.Counties.Select((c, i) => (c, i)).OrderBy(x => x.c.Filed == true).ThenBy(x => x.i).Select(x => x.c))
        {
            r++;
            var tasks = l.Progress.Count(p => p.County == c.Name);
            // Names as stored: masked at ingest (张*), and masked again here should a store hold anything else.
            Row(ws, r, c.Name, c.Filed == true ? c.FilingState?.Label ?? "已报送" : "未报送", c.FilingState?.FiledAt, c.LastFiled, tasks,
                PersonalDataMask.Safe(c.Signature?.FiledBy), PersonalDataMask.Safe(c.Signature?.ReviewedBy), c.Signature?.FiledOn);
            if (c.Filed == false) Fill(ws, r, 1, cols.Count, BadFill);
            else if (c.FilingState?.Timeliness == LedgerTimeliness.Late) ws.Cell(r, 2).Style.Fill.BackgroundColor = WarnFill;
        }
        Table(ws, HeaderRow, r, cols);
        Block(ws, HeaderRow, r, cols);
        Finish(ws, HeaderRow);
    }

    private static void Issues(XlsxSheet ws, CityLedger l)
    {
        IReadOnlyList<SheetColumn> cols =
        [
            new("县（市、区）", 10), new("类型", 12), new("规则编号", 10), new("规则", 36), new("条款", 8), new("供电企业", 14),
            new("工单/停电编号", 18), new("日期", 11, Formats.ExcelDate), new("证据", 70),
        ];
        Title(ws, TitleOf(l, "问题清单"), $"{l.Week.PeriodLabel}各县（市、区）目标未达标、数据真实性、停电通知及监督检查问题，共{l.Issues.Count}条。", cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        foreach (var (county, i) in l.Issues)
        {
            r++;
            Row(ws, r, county, i.Kind, WordingTable.FindingCode(i.RuleId), i.Rule, i.Clause, i.Utility, i.Subject, i.When, i.Evidence);
        }
        Table(ws, HeaderRow, r, cols);
        if (r > HeaderRow)
        {
            ws.Range(HeaderRow + 1, 4, r, 4).Style.Alignment.WrapText = true;
            ws.Range(HeaderRow + 1, 9, r, 9).Style.Alignment.WrapText = true;
        }
        Finish(ws, HeaderRow);
    }

    private static void Rectifications(XlsxSheet ws, CityLedger l)
    {
        IReadOnlyList<SheetColumn> cols =
        [
            new("县（市、区）", 10), new("责任单位", 18), new("编号", 6, Formats.ExcelInteger), new("问题", 40), new("供电企业", 12),
            new("工单编号", 16), new("完成时限", 11, Formats.ExcelDate), new("整改措施", 36), new("状态", 8),
            new("回头看", 11, Formats.ExcelDate), new("回头看结果", 30),
        ];
        var byUnit = l.OverdueByUnit.Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(c.County.Length == 0 ? "市直" : c.County)}·{c.ResponsibleUnit}{c.Count}项"));
        Title(ws, TitleOf(l, "整改逾期"),
            l.OverdueRectifications.Count == 0
                ? $"截至{Formats.ChineseDate(l.Week.LastDay)}，整改台账无逾期未销号事项。"
                : $"截至{Formats.ChineseDate(l.Week.LastDay)}，整改台账中超过完成时限仍未销号的事项共{l.OverdueRectifications.Count}项（四、3：以查促改）：{string.Join("；", byUnit)}。",
            cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        foreach (var i in l.OverdueRectifications)
        {
            r++;
            Row(ws, r, i.County, i.ResponsibleUnit, i.Id, i.Problem, i.Utility, i.Subject, i.Deadline, i.Measures, i.Status, i.FollowUpOn, i.FollowUpResult);
            ws.Cell(r, 7).Style.Fill.BackgroundColor = BadFill;
        }
        Table(ws, HeaderRow, r, cols);
        if (r > HeaderRow)
        {
            ws.Range(HeaderRow + 1, 4, r, 4).Style.Alignment.WrapText = true;
            ws.Range(HeaderRow + 1, 8, r, 8).Style.Alignment.WrapText = true;
            ws.Range(HeaderRow + 1, 11, r, 11).Style.Alignment.WrapText = true;
        }
        Finish(ws, HeaderRow);
    }

    private static void Progress(XlsxSheet ws, CityLedger l)
    {
        IReadOnlyList<SheetColumn> cols =
        [
            new("县（市、区）", 10), new("任务", 8), new("任务名称", 26), new("进展情况", 60), new("状态", 8), new("存在问题", 40),
        ];
        Title(ws, TitleOf(l, "工作进展"), $"各县（市、区）{Formats.Date(l.Week.Thursday)}报送的工作进展，共{l.Progress.Count}条。", cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        foreach (var p in l.Progress)
        {
            r++;
            Row(ws, r, p.County, p.Task, p.Title, p.Text, p.Status, p.Problems);
        }
        Table(ws, HeaderRow, r, cols);
        if (r > HeaderRow) ws.Range(HeaderRow + 1, 3, r, 6).Style.Alignment.WrapText = true;
        Finish(ws, HeaderRow);
    }

    private static void Legend(XlsxSheet ws, CityLedger l)
    {
        IReadOnlyList<SheetColumn> cols = [new("编号", 8), new("条款", 8), new("指标", 60), new("限值", 20)];
        Title(ws, TitleOf(l, "指标说明"), $"目标均出自{l.PlanId}；达标率 = 合规件数 / 统计件数。", cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        foreach (var t in l.TargetColumns)
        {
            r++;
            Row(ws, r, t.TargetId, t.Clause, t.Title, t.Limit);
        }
        Block(ws, HeaderRow, r, cols);
        Finish(ws, HeaderRow);
    }
}
