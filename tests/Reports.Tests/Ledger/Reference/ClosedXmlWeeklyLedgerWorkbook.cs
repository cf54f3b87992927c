using Analytics.Reports.Wording;
using Analytics.Domain;
using Analytics.Reports.Common;
using Analytics.Reports.Ledger;
using ClosedXML.Excel;
using static Analytics.Reports.Common.WorksheetLayout;

namespace Analytics.Reports.Tests.Ledger.Reference;

// The reference for LedgerWorkbookComparisonTests: the ClosedXML ledger writer as it was before issue 12 moved the
// ledgers to the light XLSX writer (src/Reports/Common/Xlsx). A change to a ledger's layout is made here too, or the
// comparison is replaced by explicit expectations.
/// <summary>
/// Lays out a county's weekly ledger (工作台账, 四、1) as an XLSX workbook, in Chinese: 汇总, 在途工单,
/// 本周接电, 问题清单, 停电事件, 审批事项 and 工作进展 (the sheet the county fills and files back,
/// read back by LedgerReader), plus a very hidden 台账信息 sheet naming county and Thursday.
/// </summary>
internal static class ClosedXmlWeeklyLedgerWorkbook
{
    private static readonly IReadOnlyList<SheetColumn> SummaryColumns =
    [
        new("编号", 6), new("条款", 8), new("指标", 44), new("范围", 18), new("限值", 16),
        new("本周总数", 9, Formats.ExcelInteger), new("本周合规", 9, Formats.ExcelInteger),
        new("本周达标率", 10, Formats.ExcelPercent), new("本周数值", 9, Formats.ExcelDecimal2), new("本周结果", 9),
        new("年累计总数", 10, Formats.ExcelInteger), new("年累计合规", 10, Formats.ExcelInteger),
        new("年累计达标率", 11, Formats.ExcelPercent), new("年累计数值", 10, Formats.ExcelDecimal2), new("年累计结果", 10),
    ];

    private static readonly IReadOnlyList<SheetColumn> VolumeColumns =
    [
        new("统计项", 6), new("", 8), new("", 44), new("本周", 18, Formats.ExcelInteger), new("年累计", 16, Formats.ExcelInteger),
    ];

    private static readonly IReadOnlyList<SheetColumn> InProgressColumns =
    [
        new("工单编号", 18), new("供电企业", 14), new("用户类别", 18), new("供电区域", 8), new("电压等级", 8),
        new("报装容量(kW)", 10, Formats.ExcelDecimal2), new("户名", 8), new("受理时间", 16, Formats.ExcelDateTime),
        new("当前环节", 12), new("已用工作日", 9, Formats.ExcelInteger), new("计入时限工作日", 9, Formats.ExcelInteger),
        new("适用目标", 8),
        new("时限(工作日)", 9, Formats.ExcelInteger), new("到期日", 11, Formats.ExcelDate),
        new("剩余工作日", 9, Formats.ExcelInteger), new("是否超期", 8), new("风险", 8, Formats.ExcelPercent),
    ];

    private static readonly IReadOnlyList<SheetColumn> ConnectedColumns =
    [
        new("工单编号", 18), new("供电企业", 14), new("用户类别", 18), new("供电区域", 8), new("电压等级", 8),
        new("报装容量(kW)", 10, Formats.ExcelDecimal2), new("户名", 8), new("申请渠道", 8),
        new("受理时间", 16, Formats.ExcelDateTime), new("接电时间", 16, Formats.ExcelDateTime),
        new("全过程工作日", 9, Formats.ExcelInteger), new("供电企业办理工作日", 10, Formats.ExcelInteger),
        new("审批工作日", 9, Formats.ExcelInteger), new("环节数", 7, Formats.ExcelInteger), new("环节", 30),
        new("时限(工作日)", 9, Formats.ExcelInteger), new("收费(元)", 10, Formats.ExcelYuan),
        new("用户投资(元)", 11, Formats.ExcelYuan), new("未达标目标", 14),
    ];

    private static readonly IReadOnlyList<SheetColumn> IssueColumns =
    [
        new("类型", 12), new("规则编号", 10), new("规则", 36), new("条款", 8), new("供电企业", 14),
        new("工单/停电编号", 18), new("日期", 11, Formats.ExcelDate), new("证据", 70),
    ];

    private static readonly IReadOnlyList<SheetColumn> OutageColumns =
    [
        new("停电编号", 16), new("供电企业", 14), new("供电区域", 8), new("停电性质", 8), new("原因分类", 12),
        new("线路/台区", 16), new("停电开始", 16, Formats.ExcelDateTime), new("恢复送电", 16, Formats.ExcelDateTime),
        new("停电用户数", 10, Formats.ExcelInteger), new("停电时户数", 11, Formats.ExcelDecimal2),
        new("短时停电", 8), new("通知时间", 16, Formats.ExcelDateTime), new("提前通知达标", 10),
    ];

    private static readonly IReadOnlyList<SheetColumn> SaidiColumns =
    [
        new("供电区域", 16), new("用户数", 14, Formats.ExcelInteger), new("年累计停电时户数", 8, Formats.ExcelDecimal2),
        new("年累计户均停电时间(h)", 8, Formats.ExcelDecimal2), new("目标(h)", 12, Formats.ExcelDecimal2),
        new("结果", 16), new("说明", 16),
    ];

    private static readonly IReadOnlyList<SheetColumn> ApprovalColumns =
    [
        new("工单编号", 18), new("供电企业", 14), new("用户类别", 18), new("电压等级", 8), new("审批方式", 10),
        new("申请时间", 16, Formats.ExcelDateTime), new("办结时间", 16, Formats.ExcelDateTime), new("状态", 8),
        new("审批工作日", 9, Formats.ExcelInteger), new("时限(工作日)", 9, Formats.ExcelInteger), new("是否超时", 8),
    ];

    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    public static void Write(CountyLedger ledger, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var wb = Build(ledger);
        wb.SaveAs(output);
    }

    /// <summary>Writes the workbook to the file <paramref name="path"/> (replacing it).</summary>
    public static void Save(CountyLedger ledger, string path)
    {
        using var wb = Build(ledger);
        Analytics.Domain.Output.OutputFile.Write(path, s => wb.SaveAs(s));
    }

    /// <summary>The workbook in memory; the caller disposes it.</summary>
    public static XLWorkbook Build(CountyLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var wb = new XLWorkbook();
        wb.Properties.Title = $"{ledger.County.Name}“获得电力”工作台账";
        wb.Properties.Subject = $"{Formats.Date(ledger.Week.Thursday)}报送";
        wb.Properties.Author = ledger.County.Name;
        // Deterministic: the workbook's own dates are the as-of, never the clock.
        wb.Properties.Created = ledger.Week.AsOf;
        wb.Properties.Modified = ledger.Week.AsOf;

        Summary(wb.Worksheets.Add(LedgerLayout.SummarySheet), ledger);
        InProgress(wb.Worksheets.Add(LedgerLayout.InProgressSheet), ledger);
        Connected(wb.Worksheets.Add(LedgerLayout.ConnectedSheet), ledger);
        Issues(wb.Worksheets.Add(LedgerLayout.IssuesSheet), ledger);
        Outages(wb.Worksheets.Add(LedgerLayout.OutagesSheet), ledger);
        Approvals(wb.Worksheets.Add(LedgerLayout.ApprovalsSheet), ledger);
        Progress(wb.Worksheets.Add(LedgerLayout.ProgressSheet), ledger);
        Meta(wb.Worksheets.Add(LedgerLayout.MetaSheet), ledger);
        wb.Worksheet(1).SetTabActive();
        return wb;
    }

    private static string TitleOf(CountyLedger l, string what) =>
        $"{l.County.Name}“获得电力”工作台账 · {what}（{Formats.Date(l.Week.Thursday)}报送）";

    private static string Period(CountyLedger l) =>
        $"本周：{l.Week.PeriodLabel}　年累计：{Formats.Date(l.Week.YearStart)}至{Formats.Date(l.Week.LastDay)}　"
        + $"数据截至{Formats.ChineseDate(l.CutOff)}　依据：{l.PlanId}";

    private static void Summary(IXLWorksheet ws, CountyLedger l)
    {
        Title(ws, TitleOf(l, "汇总"), Period(l) + "　数值：时限类为平均工作日，停电类为年累计户均停电小时", SummaryColumns);
        Header(ws, HeaderRow, SummaryColumns);
        var r = HeaderRow;
        foreach (var t in l.Targets)
        {
            r++;
            Row(ws, r, t.TargetId, t.Clause, t.Title, t.Scope, t.Limit);
            Figure(ws, r, 6, t.Week);
            Figure(ws, r, 11, t.YearToDate);
        }
        Table(ws, HeaderRow, r, SummaryColumns);
        Block(ws, HeaderRow, r, SummaryColumns);
        ws.Range(HeaderRow + 1, 3, Math.Max(HeaderRow + 1, r), 3).Style.Alignment.WrapText = true;

        // Volumes under the targets: a small table of its own.
        r += 2;
        var vh = r;
        Row(ws, vh, "业务量", null, null, "本周", "年累计");
        ws.Range(vh, 1, vh, 3).Merge();
        var head = ws.Range(vh, 1, vh, 5);
        head.Style.Font.Bold = true;
        head.Style.Fill.BackgroundColor = HeaderFill;
        head.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        (string, int, int)[] rows =
        [
            ("受理", l.WeekVolumes.Accepted, l.YearVolumes.Accepted),
            ("接电", l.WeekVolumes.Connected, l.YearVolumes.Connected),
            ("撤销", l.WeekVolumes.Withdrawn, l.YearVolumes.Withdrawn),
            ("在途（截至周三）", l.WeekVolumes.InProgress, l.YearVolumes.InProgress),
            ("其中超期", l.WeekVolumes.Overdue, l.YearVolumes.Overdue),
        ];
        foreach (var (label, week, year) in rows)
        {
            r++;
            Row(ws, r, label, null, null, week, year);
            ws.Range(r, 1, r, 3).Merge();
        }
        var block = ws.Range(vh, 1, r, 5);
        block.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        block.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        ws.Range(vh + 1, 4, r, 5).Style.NumberFormat.Format = Formats.ExcelInteger;
        if (l.WeekVolumes.Overdue > 0) Fill(ws, r, 1, 5, BadFill);
        Finish(ws, HeaderRow);
    }

    private static void Figure(IXLWorksheet ws, int row, int col, LedgerTargetFigure? f)
    {
        if (f is null)
        {
            Text(ws.Cell(row, col + 4), WordingTable.NotApplicable);
            return;
        }
        if (!f.InForce)
        {
            Text(ws.Cell(row, col + 4), "未生效");
            return;
        }
        if (f.Total > 0)
        {
            Value(ws.Cell(row, col), f.Total);
            Value(ws.Cell(row, col + 1), f.Compliant);
        }
        Value(ws.Cell(row, col + 2), f.Rate);
        Value(ws.Cell(row, col + 3), f.Figure);
        Text(ws.Cell(row, col + 4), f.Total == 0 && f.Met is null && f.Figure is null ? "无业务" : f.Verdict ?? WordingTable.MetOrNot(f.Met));
        var fill = f.Met switch { true => GoodFill, false => BadFill, null => null };
        if (fill is not null)
        {
            ws.Cell(row, col + 4).Style.Fill.BackgroundColor = fill;
            if (f.Met == false) ws.Cell(row, col + 2).Style.Fill.BackgroundColor = fill;
        }
    }

    private static void InProgress(IXLWorksheet ws, CountyLedger l)
    {
        var overdue = l.InProgress.Count(x => x.Overdue);
        Title(ws, TitleOf(l, "在途工单"),
            $"截至{Formats.ChineseDate(l.Week.LastDay)}在途{l.InProgress.Count}件，其中超期{overdue}件；按剩余工作日由少到多排列（红色：已超期；黄色：剩余2个工作日及以内）。计入时限工作日：供电企业办理时间类目标不计客户工程和行政审批时间。风险：预测超期概率，未评估时为空。",
            InProgressColumns);
        Header(ws, HeaderRow, InProgressColumns);
        var r = HeaderRow;
        foreach (var a in l.InProgress)
        {
            r++;
            Row(ws, r, a.ApplicationId, a.Utility, a.Category, a.Area, a.Voltage, a.CapacityKw, a.Customer, a.AcceptedAt,
                a.CurrentStage, a.ElapsedDays, a.CountedDays, a.TargetId ?? WordingTable.NotApplicable, a.LimitDays, a.DueDate, a.DaysLeft,
                a.Overdue, a.Risk);
            if (a.Overdue) Fill(ws, r, 1, InProgressColumns.Count, BadFill);
            else if (a.DaysLeft is <= 2) Fill(ws, r, 1, InProgressColumns.Count, WarnFill);
        }
        Table(ws, HeaderRow, r, InProgressColumns);
        Finish(ws, HeaderRow);
    }

    private static void Connected(IXLWorksheet ws, CountyLedger l)
    {
        var breached = l.Connected.Count(x => x.Breaches.Length > 0);
        Title(ws, TitleOf(l, "本周接电"),
            $"{l.Week.PeriodLabel}接电{l.Connected.Count}件，其中有目标未达标{breached}件（红色）。用时按国务院节假日安排的工作日计算。",
            ConnectedColumns);
        Header(ws, HeaderRow, ConnectedColumns);
        var r = HeaderRow;
        foreach (var a in l.Connected)
        {
            r++;
            Row(ws, r, a.ApplicationId, a.Utility, a.Category, a.Area, a.Voltage, a.CapacityKw, a.Customer, a.Channel,
                a.AcceptedAt, a.ConnectedAt, a.WholeProcessDays, a.UtilityDays, a.ApprovalDays, a.StageCount, a.Stages,
                a.LimitDays, a.FeeYuan, a.CustomerInvestmentYuan, a.Breaches);
            if (a.Breaches.Length > 0) Fill(ws, r, 1, ConnectedColumns.Count, BadFill);
        }
        Table(ws, HeaderRow, r, ConnectedColumns);
        Finish(ws, HeaderRow);
    }

    private static void Issues(IXLWorksheet ws, CountyLedger l)
    {
        Title(ws, TitleOf(l, "问题清单"),
            $"{l.Week.PeriodLabel}的目标未达标、数据真实性问题（任务4：如实记录，禁止体外循环、后补流程或重走流程）、计划停电未按时通知（任务10）及市能源局监督检查（四、3：现场核查不一致与各层不一致率、整改逾期；造假风险统计检验按全市比较，见全市汇总），共{l.Issues.Count}条。",
            IssueColumns);
        Header(ws, HeaderRow, IssueColumns);
        var r = HeaderRow;
        foreach (var i in l.Issues)
        {
            r++;
            Row(ws, r, i.Kind, WordingTable.FindingCode(i.RuleId), i.Rule, i.Clause, i.Utility, i.Subject, i.When, i.Evidence);
        }
        Table(ws, HeaderRow, r, IssueColumns);
        if (r > HeaderRow)
        {
            ws.Range(HeaderRow + 1, 3, r, 3).Style.Alignment.WrapText = true;
            ws.Range(HeaderRow + 1, 8, r, 8).Style.Alignment.WrapText = true;
        }
        Finish(ws, HeaderRow);
    }

    private static void Outages(IXLWorksheet ws, CountyLedger l)
    {
        Title(ws, TitleOf(l, "停电事件"),
            $"{l.Week.PeriodLabel}的停电事件{l.Outages.Count}起（同一停电编号的分步恢复合并为一行）；下方为年累计户均停电时间（目标5：中心区、市区、城镇、农村分别不超过2、5、9、15小时，或同比压缩8%以上）。",
            OutageColumns);
        Header(ws, HeaderRow, OutageColumns);
        var r = HeaderRow;
        foreach (var o in l.Outages)
        {
            r++;
            Row(ws, r, o.OutageId, o.Utility, o.Area, o.Kind, o.Cause, o.Feeder, o.StartAt, o.EndAt, o.Customers,
                o.CustomerHours, o.IsShort, o.NotifiedAt,
                o.NoticeOnTime is { } ok ? WordingTable.YesNo(ok) : WordingTable.NotApplicable);
            if (o.NoticeOnTime == false) ws.Cell(r, 13).Style.Fill.BackgroundColor = BadFill;
        }
        Table(ws, HeaderRow, r, OutageColumns);

        r += 2;
        var sh = r;
        Header(ws, sh, SaidiColumns);
        foreach (var s in l.Saidi)
        {
            r++;
            Row(ws, r, s.Area, s.Customers, s.CustomerHours, s.SaidiH, s.LimitH, s.Verdict ?? WordingTable.MetOrNot(s.Met), s.Note);
            if (s.Met is { } met) ws.Cell(r, 6).Style.Fill.BackgroundColor = met ? GoodFill : BadFill;
        }
        Block(ws, sh, r, SaidiColumns);
        Finish(ws, HeaderRow);
    }

    private static void Approvals(IXLWorksheet ws, CountyLedger l)
    {
        var open = l.Approvals.Count(a => a.Open);
        Title(ws, TitleOf(l, "审批事项"),
            $"电力接入工程行政审批（目标1：低压不超过5个工作日、10kV不超过10个工作日）：本周办结{l.Approvals.Count - open}件，截至周三办理中{open}件；办理中的按已用工作日计。",
            ApprovalColumns);
        Header(ws, HeaderRow, ApprovalColumns);
        var r = HeaderRow;
        foreach (var a in l.Approvals)
        {
            r++;
            Row(ws, r, a.ApplicationId, a.Utility, a.Category, a.Voltage, a.Mode, a.SubmittedAt, a.GrantedAt,
                a.Open ? "办理中" : "已办结", a.Days, a.LimitDays, a.Overdue);
            if (a.Overdue) Fill(ws, r, 1, ApprovalColumns.Count, BadFill);
        }
        Table(ws, HeaderRow, r, ApprovalColumns);
        Finish(ws, HeaderRow);
    }

    private static void Progress(IXLWorksheet ws, CountyLedger l)
    {
        var cols = LedgerLayout.ProgressColumns;
        var prefilled = l.ProgressPrefilledFrom is { } from
            ? $"已预填{Formats.Date(from)}报送的内容，请按本周情况修改。"
            : "";
        Title(ws, LedgerLayout.ProgressTitle(l.County.Name, l.Week.Thursday),
            $"请在黄色区域填写本周各项任务进展（{l.Week.PeriodLabel}），状态可选{string.Join("、", LedgerLayout.Statuses)}；"
            + $"其他工作可在下方空行的“任务名称”列填写。{prefilled}填好后在签字栏写明{string.Join("、", LedgerWorkbookNames.SignatureLabels)}，原样报送市能源局。",
            cols);
        Header(ws, HeaderRow, cols);
        var r = HeaderRow;
        var n = 0;
        foreach (var p in l.Progress)
        {
            r++;
            n++;
            Row(ws, r, n, p.Task, p.Title, p.Text, p.Status, p.Problems);
        }
        for (var i = 0; i < LedgerLayout.FreeRows; i++)
        {
            r++;
            n++;
            Row(ws, r, n);
        }
        Block(ws, HeaderRow, r, cols);
        var input = ws.Range(HeaderRow + 1, 4, r, 6);
        input.Style.Fill.BackgroundColor = InputFill;
        input.Style.Alignment.WrapText = true;
        // Free rows: the title is typed by the county.
        ws.Range(r - LedgerLayout.FreeRows + 1, 3, r, 3).Style.Fill.BackgroundColor = InputFill;
        ws.Range(HeaderRow + 1, 3, r, 3).Style.Alignment.WrapText = true;
        for (var row = HeaderRow + 1; row <= r; row++) ws.Row(row).Height = 48;
        var dv = ws.Range(HeaderRow + 1, 5, r, 5).SetDataValidation();
        dv.List("\"" + string.Join(",", LedgerLayout.Statuses) + "\"", true);
        dv.ErrorStyle = XLErrorStyle.Information; // suggested words, not a closed list
        dv.IgnoreBlanks = true;
        Signature(ws, r + 2);
        Finish(ws, HeaderRow);
    }

    /// <summary>
    /// The signature block (签字栏) under the progress table, one row per <see cref="LedgerWorkbookNames.SignatureLabels"/>:
    /// the label in columns A–B (merged), the county's entry in column C. Read back by Ingest's LedgerTemplate.
    /// </summary>
    private static void Signature(IXLWorksheet ws, int first)
    {
        var labelAt = LedgerWorkbookNames.SignatureLabelColumn;
        var valueAt = LedgerWorkbookNames.SignatureValueColumn;
        var row = first;
        foreach (var label in LedgerWorkbookNames.SignatureLabels)
        {
            Text(ws.Cell(row, labelAt), label);
            ws.Range(row, labelAt, row, valueAt - 1).Merge();
            var value = ws.Cell(row, valueAt);
            value.Style.Fill.BackgroundColor = InputFill;
            if (label == LedgerWorkbookNames.SignPhone)
            {
                // Text, so that a landline's leading 0 and an 11-digit mobile stay as typed.
                value.Style.NumberFormat.Format = "@";
            }
            else if (label == LedgerWorkbookNames.SignDate)
            {
                value.Style.NumberFormat.Format = Formats.ExcelDate;
                var dv = value.AsRange().SetDataValidation();
                dv.Date.Between(new DateTime(2000, 1, 1), new DateTime(2099, 12, 31));
                dv.ErrorStyle = XLErrorStyle.Stop;
                dv.ErrorTitle = LedgerWorkbookNames.SignDate;
                dv.ErrorMessage = "请填写日期，如 2026-11-26。";
            }
            row++;
        }
        var labels = ws.Range(first, labelAt, row - 1, valueAt - 1);
        labels.Style.Font.Bold = true;
        labels.Style.Fill.BackgroundColor = HeaderFill;
        labels.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        var block = ws.Range(first, labelAt, row - 1, valueAt);
        block.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        block.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    private static void Meta(IXLWorksheet ws, CountyLedger l)
    {
        Row(ws, 1, LedgerLayout.KeyKind, LedgerLayout.MetaKind);
        Row(ws, 2, LedgerLayout.KeyCountyCode, l.County.Code);
        Row(ws, 3, LedgerLayout.KeyCountyName, l.County.Name);
        Row(ws, 4, LedgerLayout.KeyThursday, Formats.Date(l.Week.Thursday));
        Row(ws, 5, LedgerLayout.KeyVersion, LedgerLayout.MetaVersion);
        ws.Visibility = XLWorksheetVisibility.VeryHidden;
    }
}
