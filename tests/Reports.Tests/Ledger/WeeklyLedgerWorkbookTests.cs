using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Ledger;
using ClosedXML.Excel;
using static Analytics.Reports.Tests.Ledger.LedgerTestData;

namespace Analytics.Reports.Tests.Ledger;

public class WeeklyLedgerWorkbookTests
{
    private static readonly string[] SheetNames = ["汇总", "在途工单", "本周接电", "问题清单", "停电事件", "审批事项", "工作进展"];

    private static List<Application> TwoCounties() =>
    [
        // yaodu: connected in the week, one late (5 working days > 4), one in progress and overdue, one on time.
        Residential("YD-OK", "yaodu", At(11, 20), At(11, 24)),
        Residential("YD-LATE", "yaodu", At(11, 16), At(11, 23)),
        Residential("YD-OPEN-OLD", "yaodu", At(11, 10), null),
        Residential("YD-OPEN-NEW", "yaodu", At(11, 24), null),
        LvOther("YD-LV", "yaodu", At(11, 18), At(11, 25, 15)),
        Residential("YD-MARCH", "yaodu", At(3, 2), At(3, 4)),
        // houma: its own records, which must never show in yaodu's workbook.
        Residential("HM-1", "houma", At(11, 20), At(11, 24)),
        Residential("HM-OPEN", "houma", At(11, 9), null),
    ];

    [Fact]
    public void The_county_workbook_has_the_ledger_sheets_in_Chinese_with_their_headers()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(TwoCounties()), "yaodu", Week);
        using var wb = Roundtrip(ledger);

        Assert.Equal(SheetNames, wb.Worksheets.Where(w => w.Visibility == XLWorksheetVisibility.Visible).Select(w => w.Name));
        Assert.Contains("尧都区", wb.Worksheet("汇总").Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-11-26", wb.Worksheet("汇总").Cell(1, 1).GetString(), StringComparison.Ordinal);
        Assert.Contains("2026-11-19至2026-11-25", wb.Worksheet("汇总").Cell(2, 1).GetString(), StringComparison.Ordinal);
        string[] inProgress = ["工单编号", "用户类别", "受理时间", "已用工作日", "时限(工作日)", "到期日", "剩余工作日", "是否超期", "风险"];
        var header = Enumerable.Range(1, 17).Select(c => wb.Worksheet("在途工单").Cell(3, c).GetString()).ToList();
        Assert.All(inProgress, h => Assert.Contains(h, header));
        string[] progress = ["序号", "任务", "任务名称", "进展情况", "状态", "存在问题"];
        Assert.Equal(progress, Enumerable.Range(1, 6).Select(c => wb.Worksheet("工作进展").Cell(3, c).GetString()));
    }

    [Fact]
    public void Every_sheet_freezes_its_header_filters_and_prints_A4_landscape_with_the_title_repeated()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(TwoCounties()), "yaodu", Week);
        using var wb = Roundtrip(ledger);

        foreach (var name in SheetNames)
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(3, ws.SheetView.SplitRow);
            Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
            Assert.Equal(XLPageOrientation.Landscape, ws.PageSetup.PageOrientation);
            Assert.Equal(1, ws.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(3, ws.PageSetup.LastRowToRepeatAtTop);
            Assert.True(ws.Column(1).Width > 0);
        }
        Assert.True(wb.Worksheet("在途工单").AutoFilter.IsEnabled);
        Assert.True(wb.Worksheet("汇总").AutoFilter.IsEnabled);
    }

    [Fact]
    public void The_summary_shows_what_the_metrics_engine_computes_for_the_county()
    {
        var inputs = Inputs(TwoCounties());
        var ledger = WeeklyLedgers.ComposeCounty(inputs, "yaodu", Week);
        using var wb = Roundtrip(ledger);
        var engine = MetricsEngine.Compute(new MetricsInput
        {
            Applications = inputs.Applications,
            CustomersServed = inputs.CustomersServed,
            Policy = inputs.Policy,
            Calendar = inputs.Calendar,
            Period = new MetricsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 25)),
            AsOf = Week.AsOf,
            County = "yaodu",
        });
        var t2d = engine.Targets.Single(t => t.Id == "T2d" && t.Group.Dimension == GroupDimension.County && t.Group.County == "yaodu");

        var row = Rows(wb.Worksheet("汇总")).Single(r => r["编号"].GetString() == "T2d");

        Assert.Equal(t2d.Total, row["年累计总数"].GetValue<int>());
        Assert.Equal(t2d.Compliant, row["年累计合规"].GetValue<int>());
        Assert.Equal(t2d.Rate!.Value, row["年累计达标率"].GetValue<double>(), 4);
        Assert.Equal(t2d.Met ? "达标" : "未达标", row["年累计结果"].GetString());
        Assert.True(t2d.Total > t2d.Compliant); // the late one is in, so the row is a real test
    }

    [Fact]
    public void A_connection_shows_the_engines_figures_for_that_application()
    {
        var inputs = Inputs(TwoCounties());
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(inputs, "yaodu", Week));
        var app = inputs.Applications.Single(a => a.ApplicationId == "YD-LV");
        var f = MetricsEngine.Figures(app, inputs.Policy, inputs.Calendar, Week.AsOf);

        var row = Rows(wb.Worksheet("本周接电")).Single(r => r["工单编号"].GetString() == "YD-LV");

        Assert.Equal(f.WholeProcessDays, row["全过程工作日"].GetValue<int>());
        Assert.Equal(f.UtilityDays, row["供电企业办理工作日"].GetValue<int>());
        Assert.Equal(f.StageCount, row["环节数"].GetValue<int>());
        Assert.Equal("低压非居民（非三零）", row["用户类别"].GetString());
    }

    [Fact]
    public void A_county_workbook_holds_no_record_of_another_county()
    {
        var inputs = Inputs(TwoCounties());
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(inputs, "yaodu", Week));
        var text = AllText(wb).ToList();

        Assert.Contains(text, t => t.Contains("YD-", StringComparison.Ordinal));
        foreach (var other in inputs.Applications.Where(a => a.County != "yaodu"))
            Assert.DoesNotContain(text, t => t.Contains(other.ApplicationId, StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => t.Contains("侯马", StringComparison.Ordinal));
    }

    [Fact]
    public void Connections_are_in_the_week_from_Thursday_0000_to_Wednesday_2359_and_a_later_one_is_still_in_progress()
    {
        Application[] apps =
        [
            Residential("WED-2359", "yaodu", At(11, 24), new DateTime(2026, 11, 25, 23, 59, 0)),
            Residential("THU-DUE-0000", "yaodu", At(11, 24), new DateTime(2026, 11, 26, 0, 0, 0)),
            Residential("THU-PREV-0000", "yaodu", At(11, 17), new DateTime(2026, 11, 19, 0, 0, 0)),
            Residential("WED-PREV-2359", "yaodu", At(11, 16), new DateTime(2026, 11, 18, 23, 59, 0)),
        ];
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week));

        var connected = Rows(wb.Worksheet("本周接电")).Select(r => r["工单编号"].GetString()).ToList();
        var open = Rows(wb.Worksheet("在途工单")).Select(r => r["工单编号"].GetString()).ToList();

        Assert.Equal(["THU-PREV-0000", "WED-2359"], connected.Order(StringComparer.Ordinal));
        // Connected on the due Thursday: at Wednesday 24:00 it was still in progress.
        Assert.Equal(["THU-DUE-0000"], open);
    }

    [Fact]
    public void In_progress_applications_are_listed_most_urgent_first_with_the_overdue_flagged()
    {
        Application[] apps =
        [
            Residential("NEW", "yaodu", At(11, 25), null),
            Residential("OLD", "yaodu", At(11, 2), null),
            Residential("MID", "yaodu", At(11, 20), null),
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week);
        using var wb = Roundtrip(ledger);

        var rows = Rows(wb.Worksheet("在途工单"));

        Assert.Equal(["OLD", "MID", "NEW"], rows.Select(r => r["工单编号"].GetString()));
        var left = rows.Select(r => r["剩余工作日"].GetValue<int>()).ToList();
        Assert.Equal(left.Order(), left);
        Assert.Equal("是", rows[0]["是否超期"].GetString());
        Assert.Equal("否", rows[2]["是否超期"].GetString());
        Assert.True(rows[0]["是否超期"].Style.Fill.BackgroundColor != XLColor.NoColor);
        Assert.Equal(1, ledger.WeekVolumes.Overdue);
    }

    [Fact]
    public void The_risk_column_shows_a_probability_when_given_and_stays_empty_otherwise()
    {
        Application[] apps = [Residential("A", "yaodu", At(11, 24), null), Residential("B", "yaodu", At(11, 24), null)];
        var risk = new Dictionary<(string, string), double> { [("sgcc-linfen", "A")] = 0.83 };
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week, risk));

        var rows = Rows(wb.Worksheet("在途工单")).ToDictionary(r => r["工单编号"].GetString());

        Assert.Equal(0.83, rows["A"]["风险"].GetValue<double>(), 6);
        Assert.True(rows["B"]["风险"].IsEmpty());
    }

    [Fact]
    public void Customers_appear_only_masked_even_when_a_clear_name_slipped_into_the_mask()
    {
        Application[] apps =
        [
            Residential("MASKED", "yaodu", At(11, 20), At(11, 24), mask: "张*"),
            Residential("CLEAR", "yaodu", At(11, 20), At(11, 24), mask: "李四光"),
            Residential("PHONE", "yaodu", At(11, 20), null, mask: "13912345678"),
        ];
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week));
        var text = AllText(wb).ToList();

        Assert.Contains("张*", text);
        Assert.Contains("李*", text); // one star: a mask never shows the length of a name
        Assert.DoesNotContain("李**", text);
        Assert.DoesNotContain(text, t => t.Contains("李四光", StringComparison.Ordinal));
        Assert.DoesNotContain(text, t => Regex.IsMatch(t, @"\d{11}"));
        Assert.DoesNotContain(text, t => t.StartsWith("k-", StringComparison.Ordinal)); // the customer key is never printed
    }

    [Fact]
    public void An_unknown_county_is_refused_listing_the_valid_ones()
    {
        var e = Assert.Throws<LedgerCountyException>(() => WeeklyLedgers.ComposeCounty(Inputs([]), "atlantis", Week));

        Assert.Equal("atlantis", e.Given);
        Assert.Contains("yaodu (尧都区)", e.Accepted, StringComparison.Ordinal);
        Assert.Contains("fenxi (汾西县)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_county_is_found_by_its_Chinese_name_too()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(TwoCounties()), "尧都区", Week);

        Assert.Equal("yaodu", ledger.County.Code);
    }

    [Fact]
    public void The_outage_sheet_lists_the_weeks_outages_and_SAIDI_year_to_date_by_area_against_its_limit()
    {
        OutageStep[] outages =
        [
            Outage("O-WEEK", "yaodu", Area.Rural, At(11, 21, 10), 2, 500),
            Outage("O-MAY", "yaodu", Area.Rural, At(5, 3, 10), 10, 1000),
            Outage("O-PLAN", "yaodu", Area.Urban, At(11, 24, 8), 1, 100, OutageKind.Planned, notified: At(11, 22)),
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([], outages), "yaodu", Week);
        using var wb = Roundtrip(ledger);
        var ws = wb.Worksheet("停电事件");

        Assert.Equal(["O-WEEK", "O-PLAN"], Rows(ws).Select(r => r["停电编号"].GetString()));
        var rural = ledger.Saidi.Single(s => s.Area == "农村");
        Assert.Equal(15m, rural.LimitH);
        Assert.Equal((500m * 2 + 1000m * 10) / 10_000m, rural.SaidiH);
        var t5 = Rows(wb.Worksheet("汇总")).Single(r => r["编号"].GetString() == "T5" && r["范围"].GetString() == "农村");
        Assert.Equal((double)rural.SaidiH!.Value, t5["年累计数值"].GetValue<double>(), 4);
        // A year in progress is judged against the limit pro rata (metrics.md §8): 1.1 h by late November is on track.
        Assert.Equal("进度正常", t5["年累计结果"].GetString());
        // The planned outage was announced 2 days ahead, not 7: an issue under 任务10.
        Assert.Contains(ledger.Issues, i => i.Subject == "O-PLAN" && i.Clause == "任务10");
    }

    [Fact]
    public void Approvals_closed_in_the_week_and_still_open_are_listed_against_their_limit()
    {
        Application[] apps =
        [
            LvOther("AP-CLOSED", "yaodu", At(11, 10), null) with { ApprovalSubmittedAt = At(11, 12), ApprovalGrantedAt = At(11, 24) },
            LvOther("AP-OPEN", "yaodu", At(11, 10), null) with { ApprovalSubmittedAt = At(11, 23) },
            LvOther("AP-OLD", "yaodu", At(10, 10), null) with { ApprovalSubmittedAt = At(10, 12), ApprovalGrantedAt = At(10, 14) },
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week);

        var closed = ledger.Approvals.Single(a => a.ApplicationId == "AP-CLOSED");
        var open = ledger.Approvals.Single(a => a.ApplicationId == "AP-OPEN");
        Assert.DoesNotContain(ledger.Approvals, a => a.ApplicationId == "AP-OLD");
        Assert.False(closed.Open);
        Assert.Equal(5, closed.LimitDays);
        Assert.Equal(8, closed.Days); // 11-13 … 11-24: 8 working days
        Assert.True(closed.Overdue);
        Assert.True(open.Open);
        Assert.Equal(2, open.Days); // 11-24, 11-25
    }

    [Fact]
    public void Approvals_of_applications_connected_in_the_week_are_listed_and_of_ones_connected_before_it_are_not()
    {
        Application[] apps =
        [
            LvOther("AP-CONNECTED", "yaodu", At(11, 10), At(11, 25, 15)) with { ApprovalSubmittedAt = At(11, 12), ApprovalGrantedAt = At(11, 20) },
            // Anomalies of connected applications: an approval never granted, one granted after the connection. The store's
            // year answer does not list applications settled before the week, so neither path lists them (issue 12).
            LvOther("AP-STALE", "yaodu", At(11, 2), At(11, 16)) with { ApprovalSubmittedAt = At(11, 3) },
            LvOther("AP-AFTER", "yaodu", At(11, 2), At(11, 16)) with { ApprovalSubmittedAt = At(11, 3), ApprovalGrantedAt = At(11, 20) },
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week);

        var connected = Assert.Single(ledger.Approvals);
        Assert.Equal("AP-CONNECTED", connected.ApplicationId);
        Assert.False(connected.Open);
        Assert.Equal(At(11, 20), connected.GrantedAt);
        Assert.Equal(6, connected.Days); // 11-13 … 11-20: 6 working days
    }

    [Fact]
    public void Breaches_and_integrity_findings_of_the_week_are_on_the_issue_list_with_clause_and_evidence()
    {
        Application[] apps =
        [
            Residential("LATE", "yaodu", At(11, 16), At(11, 23)),
            Residential("ENTERED-LATE", "yaodu", At(11, 16), At(11, 23)) with { RecordCreatedAt = At(11, 20) },
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs(apps), "yaodu", Week);
        using var wb = Roundtrip(ledger);

        var rows = Rows(wb.Worksheet("问题清单"));
        var late = rows.Single(r => r["工单/停电编号"].GetString() == "LATE" && r["规则编号"].GetString() == "T2d");
        Assert.Equal("目标2", late["条款"].GetString());
        Assert.Contains("4", late["证据"].GetString(), StringComparison.Ordinal);
        var entered = rows.Single(r => r["工单/停电编号"].GetString() == "ENTERED-LATE" && r["规则"].GetString() == "体外循环");
        Assert.Equal("数据真实性", entered["类型"].GetString());
        Assert.Equal("任务4", entered["条款"].GetString());
    }

    [Fact]
    public void The_progress_sheet_lists_the_countys_tasks_from_the_policy_and_is_prefilled_with_the_previous_weeks_notes()
    {
        LedgerNote[] notes =
        [
            new() { County = "yaodu", Thursday = new DateOnly(2026, 11, 19), Task = "任务1", Text = "已入驻政务平台\n存在问题：接口未通", Status = "推进中" },
            new() { County = "yaodu", Thursday = new DateOnly(2026, 11, 12), Task = "任务2", Text = "更早的一周", Status = "推进中" },
            new() { County = "houma", Thursday = new DateOnly(2026, 11, 19), Task = "任务2", Text = "侯马的进展" },
        ];
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([], notes: notes), "yaodu", Week);
        using var wb = Roundtrip(ledger);
        var rows = Rows(wb.Worksheet("工作进展"));

        // 三、主要任务: 任务1、2、3、10 name 各县（市、区）能源局; the rest are the utilities' (policy "responsible").
        Assert.Equal(["任务1", "任务2", "任务3", "任务10"], rows.Take(4).Select(r => r["任务"].GetString()));
        Assert.Equal("", rows[4]["任务"].GetString());
        Assert.Equal("办电业务入驻政务服务平台", rows[0]["任务名称"].GetString());
        Assert.Equal("已入驻政务平台", rows[0]["进展情况"].GetString());
        Assert.Equal("接口未通", rows[0]["存在问题"].GetString());
        Assert.Equal("推进中", rows[0]["状态"].GetString());
        Assert.Equal("", rows[1]["进展情况"].GetString()); // only the latest filed week pre-fills
        Assert.Equal(new DateOnly(2026, 11, 19), ledger.ProgressPrefilledFrom);
    }

    [Fact]
    public void The_progress_sheet_ends_with_a_signature_block_to_fill_in()
    {
        using var wb = Roundtrip(WeeklyLedgers.ComposeCounty(Inputs([]), "yaodu", Week));
        var ws = wb.Worksheet("工作进展");

        // Four county tasks (rows 4–7), five free rows (8–12), a blank row, then one row per signature label.
        var labels = Enumerable.Range(14, 4).Select(r => ws.Cell(r, LedgerWorkbookNames.SignatureLabelColumn).GetString()).ToList();
        Assert.Equal(LedgerWorkbookNames.SignatureLabels, labels);
        Assert.Equal(["填报人", "审核人", "联系电话", "报送日期"], labels);
        Assert.Equal("", ws.Cell(13, 1).GetString());
        Assert.All(Enumerable.Range(14, 4), r => Assert.True(ws.Cell(r, LedgerWorkbookNames.SignatureValueColumn).IsEmpty()));
        Assert.Equal("@", ws.Cell(16, 3).Style.NumberFormat.Format);
        Assert.Equal("yyyy-mm-dd", ws.Cell(17, 3).Style.NumberFormat.Format);
        Assert.True(ws.Cell(17, 3).HasDataValidation);
        Assert.Contains("签字栏", ws.Cell(2, 1).GetString(), StringComparison.Ordinal);
    }
}
