using System.Globalization;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Model;
using ScottPlot;

namespace Analytics.Reports.Tests.Pdf;

/// <summary>Documents that exercise every block of the PDF model.</summary>
internal static class SampleDocuments
{
    public static readonly DateTime AsOf = new(2025, 1, 10, 9, 0, 0);

    public static ReportDocument Everything(int tableRows = 80) => new()
    {
        Title = "测试报告：国网临汾供电公司 2024年下半年",
        Author = "国网临汾供电公司",
        CreatedAt = AsOf,
        HeaderLeft = "国网临汾供电公司 · 2024年下半年“获得电力”工作进展报告",
        HeaderRight = "临能源电力发〔2021〕189号",
        FooterLeft = "数据截至 2025-01-10",
        Cover = new CoverPage
        {
            TopLine = "临能源电力发〔2021〕189号",
            Title = "国网临汾供电公司“获得电力”工作半年报告",
            Subtitle = "2024年下半年",
            Fields =
            [
                new("报送单位", "国网临汾供电公司"),
                new("报送对象", "临汾市能源局"),
                new("报告期", "2024年下半年（2024-07-01 至 2024-12-31）"),
                new("数据截至", "2025-01-10"),
            ],
            SignatureLines = ["单位负责人（签字）", "填报人（签字）", "联系电话", "报送日期"],
            SealLabel = "报送单位（盖章）",
            BottomLine = "国网临汾供电公司",
        },
        Body =
        [
            new HeadingBlock("一、实施进度"),
            new ParagraphBlock("本期受理用电报装 12,345 件，已接电 11,020 件。The quick brown fox jumps over the lazy dog, and a_very_long_identifier_without_spaces_that_must_be_cut_somewhere_because_it_is_wider_than_the_text_column wraps too. 居民用户全过程办电时间平均 2.1 个工作日，低于目标（≤ 4 个工作日）。"),
            new StatTilesBlock([new("目标达标", "11/15", Tone.Bad) { Note = "上期 12/15" }, new("线上办理率", "87.5%", Tone.Good), new("平均办电时间", "3.2 天"), new("停电时户数", "1,234")]),
            new HeadingBlock("（一）按类别", 2),
            new TableBlock(
                [new TableColumn("序号", 0.5f, TextAlign.Right), new TableColumn("县（市、区）", 1.2f), new TableColumn("工单号", 1.6f), new TableColumn("用户", 0.8f), new TableColumn("类别", 1.5f), new TableColumn("办理时间（工作日）", 1.1f, TextAlign.Right), new TableColumn("限值", 0.6f, TextAlign.Right), new TableColumn("说明", 2f)],
                Enumerable.Range(1, tableRows).Select(i => new TableRow(
                [
                    i.ToString(CultureInfo.InvariantCulture), "尧都区", $"SQ2024{i:000000}", "张*", "低压非居民（非三零）",
                    new TableCell((5 + i % 7).ToString(CultureInfo.InvariantCulture), i % 7 > 0 ? Tone.Bad : Tone.Normal), "5",
                    i % 5 == 0 ? "外部工程实施环节超期，用户受电工程与配套电网工程未同步推进，导致装表接电延后。" : "",
                ])).ToList())
            {
                Caption = "表1 超期工单明细",
                Footnote = "注：办理时间为供电企业办理时间，扣除用户工程与政府审批时间。",
            },
            new HeadingBlock("二、工作成效"),
            new ChartBlock(SampleChart(), 230, "图1 各类用户办电时间与限值（工作日）"),
            new HeadingBlock("三、存在问题"),
            new ListBlock(["外部工程实施环节超期 35 件，集中在尧都区、洪洞县。", "体外循环（录入滞后）12 件。"]),
            new NoteBlock("供电企业报送的文字材料（存在问题）", "部分县域配网改造工程审批周期长。\n第二段：涉及占路挖掘许可的项目协调难度较大，需要多部门配合。"),
            new HeadingBlock("四、解决措施"),
            new ParagraphBlock("未提供。") { Tone = Tone.Muted },
            new TableBlock([new TableColumn("项目"), new TableColumn("数值")], []) { Caption = "表2 空表", EmptyText = "本期无停电事件记录" },
        ],
    };

    public static Plot SampleChart()
    {
        var plot = new Plot();
        string[] labels = ["居民", "低压三零", "低压非三零", "高压单电源", "高压双电源"];
        double[] days = [2.1, 12.5, 4.2, 13.9, 27.0];
        double[] limits = [4, 15, 5, 15, 25];
        var bars = plot.Add.Bars(days);
        for (var i = 0; i < bars.Bars.Count; i++)
        {
            bars.Bars[i].FillColor = days[i] > limits[i] ? Colors.FireBrick : Colors.SteelBlue;
            bars.Bars[i].Label = days[i].ToString("0.0", CultureInfo.InvariantCulture);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        for (var i = 0; i < limits.Length; i++)
        {
            var l = plot.Add.Line(i - 0.45, limits[i], i + 0.45, limits[i]);
            l.LineColor = Colors.Black;
            l.LinePattern = LinePattern.Dashed;
        }
        plot.Title("各类用户平均办电时间（工作日）");
        plot.YLabel("工作日");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
