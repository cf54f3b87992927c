using System.Globalization;
using Analytics.Domain.Output;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Oversight;
using Analytics.Oversight.SpotChecks;
using Analytics.Reports.Common;
using ClosedXML.Excel;
using static Analytics.Oversight.SpotChecks.SpotCheckForm;

namespace Analytics.Reports.Oversight;

/// <summary>
/// The field team's workbook of a draw (抽查工作簿): sheet 抽查清单, one row per drawn application with what the record says
/// (受理时间, the recorded stage visits, 装表接电时间, fees, investment, materials) and cells for the answers (核查结果,
/// 不一致项目, 客户所述, 备注); sheet 公开信息 with the published rule and the strata; sheet 填写说明. Filed back with
/// <c>analytics spotcheck file</c> (<see cref="SpotCheckFiling"/>).
/// </summary>
public static class SpotCheckWorkbook
{
    public static void Write(string path, SpotCheckDrawRecord draw, IReadOnlyList<SpotCheckStratum> strata, MetricsResult result, Registries registries,
        ModelRiskScores? modelRisk = null, SpotCheckPlan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(registries);
        var byKey = result.Applications.ToDictionary(a => (a.Utility, a.ApplicationId));
        var reasons = strata.SelectMany(s => s.Reasons).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(ListSheet);
        for (var c = 0; c < Headers.Length; c++) Put(ws.Cell(1, c + 1), Headers[c]);
        ws.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var item in draw.Items)
        {
            var f = byKey[(item.Utility, item.ApplicationId)];
            var a = f.Application;
            Text(row, 1, draw.DrawId);
            Text(row, 2, registries.County(item.County).Name);
            Text(row, 3, registries.Utility(item.Utility).Name);
            Text(row, 4, item.ApplicationId);
            Text(row, 5, item.RiskDraw ? "风险加抽：" + Reasons(reasons[item.Utility + "/" + item.ApplicationId], modelRisk?.Of(item.Utility, item.ApplicationId)) : "随机抽取");
            Text(row, 6, item.Inspectors);
            Text(row, 7, Time(a.AcceptedAt));
            Text(row, 8, Visits(a));
            Text(row, 9, Time(a.ConnectedAt));
            Text(row, 10, Money(a.FeeYuan));
            Text(row, 11, Money(a.CustomerInvestmentYuan));
            Text(row, 12, a.Materials?.ToString() ?? "（未填）");
            Text(row, KeyColumn, item.Utility + "/" + item.ApplicationId);
            for (var c = ResultColumn; c <= 16; c++) ws.Cell(row, c).Style.Fill.BackgroundColor = XLColor.LightYellow;
            row++;
        }
        ws.Column(KeyColumn).Hide();
        // Fixed widths: ClosedXML's AdjustToContents needs GDI+, absent on the servers.
        double[] widths = [16, 12, 18, 18, 30, 14, 17, 40, 17, 10, 12, 30, 14, 14, 20, 20];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c];

        var pub = wb.AddWorksheet(PublicSheet);
        pub.Cell(1, 1).Value = "批次"; Put(pub.Cell(1, 2), draw.DrawId);
        pub.Cell(2, 1).Value = "随机数种子"; pub.Cell(2, 2).Value = draw.Seed;
        pub.Cell(3, 1).Value = "抽查方法"; Put(pub.Cell(3, 2), draw.Method);
        pub.Cell(4, 1).Value = "模型风险"; Put(pub.Cell(4, 2), SpotCheckMethod.ModelText(strata, modelRisk, plan ?? new SpotCheckPlan()));
        string[] strataHeaders = ["县（市、区）", "供电企业", "名录工单数", "随机抽取", "风险加抽", "检查人员", "模型高风险工单"];
        for (var c = 0; c < strataHeaders.Length; c++) Put(pub.Cell(5, c + 1), strataHeaders[c]);
        var r = 6;
        foreach (var s in strata)
        {
            Put(pub.Cell(r, 1), registries.County(s.County).Name);
            Put(pub.Cell(r, 2), registries.Utility(s.Utility).Name);
            pub.Cell(r, 3).Value = s.Population;
            pub.Cell(r, 4).Value = s.BaseSize;
            pub.Cell(r, 5).Value = s.RiskExtra;
            Put(pub.Cell(r, 6), string.Join("、", s.Inspectors.Select(i => i.Name)));
            pub.Cell(r, 7).Value = s.ModelRisky;
            r++;
        }

        var help = wb.AddWorksheet("填写说明");
        help.Cell(1, 1).Value = "每件工单向客户核实后，在“核查结果”填“一致”或“不一致”；不一致时在“不一致项目”填下列之一，并在“客户所述”填客户所述的值；"
            + "一件工单有多项不一致时，复制该行逐项填写。未核查的行留空。";
        help.Cell(2, 1).Value = "不一致项目可填：" + string.Join("、", Items.Keys);
        OutputFile.Write(path, s => wb.SaveAs(s));

        void Text(int rr, int c, string? v) => Put(ws.Cell(rr, c), v);
    }

    /// <summary>Text as a text cell, formula-like text with the quote prefix, as the ledgers write it (<see cref="WorksheetLayout.Text"/>).</summary>
    private static void Put(IXLCell cell, string? text) => WorksheetLayout.Text(cell, text);

    /// <summary>Why a risk draw was made, in Chinese: <c>问题记录、临界时长、模型超期概率72%</c>.</summary>
    public static string Reasons(IReadOnlyList<string> codes, double? modelProbability)
    {
        ArgumentNullException.ThrowIfNull(codes);
        return string.Join("、", codes.Select(c => c switch
        {
            SpotCheckDraw.Finding => "问题记录",
            SpotCheckDraw.NearLimit => "临界时长",
            SpotCheckDraw.ModelRisk => "模型超期概率" + (modelProbability is { } p ? ModelRiskScores.Percent(p) : ""),
            _ => c,
        }));
    }

    private static string? Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Money(decimal? v) => v is { } d ? d.ToString("0.##", CultureInfo.InvariantCulture) : "（未填）";

    /// <summary>The recorded stage visits, e.g. <c>方案答复 2026-03-02；竣工检验 2026-03-09</c>.</summary>
    internal static string Visits(Domain.Application a)
    {
        var parts = new List<string>();
        Add("方案答复", a.PlanRepliedAt);
        Add("设计审查", a.DesignReviewStart ?? a.DesignReviewEnd);
        Add("中间检查", a.MidCheckStart ?? a.MidCheckEnd);
        Add("外线施工", a.ExternalWorksStart ?? a.ExternalWorksEnd);
        Add("竣工检验", a.CompletionCheckStart ?? a.CompletionCheckEnd);
        return parts.Count == 0 ? "（无上门环节记录）" : string.Join("；", parts);

        void Add(string label, DateTime? t)
        {
            if (t is { } v) parts.Add(label + " " + v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
