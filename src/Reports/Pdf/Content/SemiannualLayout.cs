using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// Lays out a utility's semiannual report (四、2: 实施进度、工作成效、存在问题、解决措施) as a document: the cover,
/// the four sections, and the appendix of applications with problems.
/// </summary>
internal static class SemiannualLayout
{
    public static ReportDocument Compose(ReportInputs inputs, RegistryEntry utility, HalfYear half, DateTime asOf, ReportOptions options)
    {
        var m = HalfYearMetrics.Compute(inputs, half, asOf, utility.Code);
        var r = m.Current;
        // 数据截至 (metrics.md §8): the as-of, never after the data's data_through.
        var cutOff = r.DataThrough is { } dt && dt < asOf ? dt : asOf;
        var period = MetricsPeriod.Half(half);
        var apps = inputs.Records.Where(county: null, utility.Code).Applications;
        var outagesInHalf = r.Indicators.OutageCount;
        var problems = ProblemRanking.Rank(r, inputs.Registries, m.YearToDate);
        string? Note(NoteSection s) => NoteText.Find(inputs.Notes, utility.Code, half, s);
        var n = new Numbering();
        var plan = inputs.Policy.PlanId;
        var bureau = string.IsNullOrEmpty(inputs.Registries.BureauName) ? PdfWording.ReportingTo : inputs.Registries.BureauName;
        var v = r.Indicators.Volumes;
        var hasApplications = v.Accepted + v.Connected + v.InProgress + v.Withdrawn > 0;

        var body = new List<Block>
        {
            new ParagraphBlock($"根据{plan}《{inputs.Policy.Title}》“每半年将总体推进情况报送市能源局，包括但不限于实施进度、工作成效、存在问题、解决措施”的要求，"
                + $"现将{utility.Name}{half.ChineseLabel}“获得电力”工作情况报告如下。本报告的统计数据取自报送{bureau}的用电报装、停电事件和供电用户数据，数据截至{Formats.ChineseDate(cutOff)}。"),
        };
        if (!hasApplications)
            body.Add(new ParagraphBlock(PdfWording.NoApplications + "，以下各项目标均无应考核工单。") { Tone = Tone.Warn });

        // 一、实施进度
        body.Add(new HeadingBlock(PdfWording.Progress));
        var cityRows = TargetRows.Of(r, GroupDimension.City).Where(t => t.InForce).ToList();
        var counted = cityRows.Where(t => t.Total > 0).ToList();
        var pooled = TargetRows.PooledRate(cityRows);
        var pooledBefore = TargetRows.PooledRate(TargetRows.Of(m.Previous, GroupDimension.City));
        body.Add(new StatTilesBlock(
        [
            // "1/15" told nothing: count the targets at 95 % or more, and say how many are wholly met (UnitRanking.GoodRate).
            new($"达标率≥{UnitRanking.GoodRate * 100:0}%的目标", $"{counted.Count(t => t.Rate >= UnitRanking.GoodRate)}/{counted.Count}",
                counted.Count == 0 ? Tone.Muted : counted.All(t => t.Rate >= UnitRanking.GoodRate) ? Tone.Good : counted.Count(t => t.Rate >= UnitRanking.GoodRate) * 2 <= counted.Count ? Tone.Bad : Tone.Normal)
                { Note = $"其中全部达标{counted.Count(t => t.Met)}项" },
            new("综合达标率", Formats.Percent(pooled), Formats.ChangeTone(pooled, pooledBefore, true)) { Note = "上期 " + Formats.Percent(pooledBefore) },
            new("受理工单（件）", Formats.Count(v.Accepted)) { Note = "上期 " + Formats.Count(m.Previous.Indicators.Volumes.Accepted) },
            new("接电工单（件）", Formats.Count(v.Connected)) { Note = "上期 " + Formats.Count(m.Previous.Indicators.Volumes.Connected) },
        ]));
        body.Add(new HeadingBlock("（一）在用目标完成情况", 2));
        body.Add(TargetTables.Targets(m, n));
        body.Add(new HeadingBlock("（二）分用户类别", 2));
        body.Add(TargetTables.Categories(m, n));
        body.Add(new HeadingBlock("（三）分县（市、区）", 2));
        body.Add(TargetTables.Groups(m, GroupDimension.County, inputs.Registries, n));
        body.Add(new HeadingBlock("（四）企业报送情况", 2));
        body.Add(NoteText.Block(Note(NoteSection.Progress), utility.Name, NoteSection.Progress));
        foreach (var remark in NoteText.Mismatches(Note(NoteSection.Progress), v))
            body.Add(new ParagraphBlock("注：" + remark) { Tone = Tone.Warn, Small = true, Indent = false });

        // 二、工作成效
        body.Add(new HeadingBlock(PdfWording.Results));
        body.Add(new HeadingBlock("（一）主要指标对比", 2));
        body.Add(ComparisonTable.Build(m, n));
        body.Add(new HeadingBlock("（二）办电时间", 2));
        body.Add(DaysChart(m, n));
        body.Add(new HeadingBlock("（三）业务量与线上办理", 2));
        var months = MonthlyFigures.Of(apps, inputs.Policy, half);
        if (months.Sum(x => x.Accepted) == 0)
            body.Add(new ParagraphBlock(PdfWording.NoApplications + "。") { Tone = Tone.Muted });
        else
            body.Add(new ChartBlock(ReportCharts.MonthlyVolumes(months), 200, n.Figure("月度受理量与线上办理率")));
        body.Add(new HeadingBlock("（四）供电可靠性（目标5）", 2));
        body.AddRange(ReliabilitySection.Build(m, outagesInHalf, n));
        body.Add(new HeadingBlock("（五）企业报送情况", 2));
        body.Add(NoteText.Block(Note(NoteSection.Results), utility.Name, NoteSection.Results));
        foreach (var remark in NoteText.Mismatches(Note(NoteSection.Results), v))
            body.Add(new ParagraphBlock("注：" + remark) { Tone = Tone.Warn, Small = true, Indent = false });

        // 三、存在问题
        body.Add(new HeadingBlock(PdfWording.Problems));
        body.Add(new HeadingBlock("（一）数据反映的问题", 2));
        body.AddRange(ProblemSection.Build(problems, n));
        body.Add(new HeadingBlock("（二）企业报送的问题", 2));
        body.Add(NoteText.Block(Note(NoteSection.Problems), utility.Name, NoteSection.Problems));

        // 四、解决措施
        body.Add(new HeadingBlock(PdfWording.Measures));
        var measures = Note(NoteSection.Measures);
        body.Add(measures is null
            ? new ParagraphBlock($"{PdfWording.NotProvided}：{utility.Name}未报送本期“解决措施”文字材料。请按{plan}四、2的要求补报。") { Tone = Tone.Bad }
            : new NoteBlock($"{utility.Name}报送的文字材料（解决措施）", measures));

        // GB/T 9704: the 发文机关署名 and 成文日期 close the 正文, before the 附件.
        var official = options.Theme.IsOfficial;
        if (official) body.Add(new SignOffBlock(utility.Name, DateOnly.FromDateTime(asOf)));

        // 附件
        body.Add(new PageBreakBlock());
        body.Add(new HeadingBlock(PdfWording.Appendix));
        body.AddRange(AppendixTable.Build(r, inputs.Registries, options.AppendixLimit, n));

        var document = new ReportDocument
        {
            Title = $"{utility.Name}“获得电力”工作半年报告（{half.ChineseLabel}）",
            Author = utility.Name,
            Subject = $"{plan} 四、2 半年报告",
            Keywords = $"获得电力, 半年报, {half}",
            CreatedAt = asOf,
            Body = body,
        };
        if (official)
        {
            // A report to the bureau is a 上行文: the utility's red 版头 with its 文号 and a 签发人, the bureau as 主送机关,
            // and the 版记 (the utility as 印发机关) at the foot of the last page. The cover of the plain theme is not used.
            return document with
            {
                Head = new OfficialHead(utility.Name + "文件", DocNumbers.OfUtility(options.UtilityDocNumber, asOf.Year),
                    $"关于{half.ChineseLabel}“获得电力”\n工作情况的报告")
                {
                    Addressees = bureau + "：",
                    Signer = "",
                },
                Imprint = new OfficialImprint(utility.Name, DateOnly.FromDateTime(asOf)),
            };
        }
        return document with
        {
            HeaderLeft = $"{utility.Name} · {half.ChineseLabel}“获得电力”工作报告",
            HeaderRight = plan,
            FooterLeft = $"数据截至{Formats.ChineseDate(cutOff)}",
            Cover = new CoverPage
            {
                TopLine = $"依据{plan} 四、2 报送",
                Title = $"{utility.Name}\n“获得电力”工作半年报告",
                Subtitle = half.ChineseLabel,
                Fields =
                [
                    new("报送单位", utility.Name),
                    new("报送对象", bureau),
                    new("报告期", $"{half.ChineseLabel}（{Formats.Date(half.First)} 至 {Formats.Date(half.Last)}）"),
                    new("数据截至", Formats.ChineseDate(cutOff)),
                    new("依据文件", $"{plan}《{inputs.Policy.Title}》"),
                ],
                SignatureLines = [PdfWording.SignatureHead, PdfWording.SignatureFiler, PdfWording.SignaturePhone, PdfWording.SignatureDate],
                SealLabel = PdfWording.SealUtility,
                BottomLine = Formats.ChineseDate(asOf),
            },
        };
    }

    /// <summary>The chart of mean days by category, or a sentence when none of the three halves connected anything.</summary>
    internal static Block DaysChart(HalfYearMetrics m, Numbering n)
    {
        var any = new[] { m.Current, m.Previous, m.LastYear }.Any(r =>
            r.Targets.Any(t => t.IsDayTarget && t.Group.Dimension == GroupDimension.Category && t.MeanDays is not null));
        return any
            ? new ChartBlock(ReportCharts.DaysByCategory(m), 220, n.Figure("各类用户平均办电时间与时限（工作日）"))
            : new ParagraphBlock("本期、上期及去年同期均无接电工单，无办电时间数据。") { Tone = Tone.Muted };
    }
}
