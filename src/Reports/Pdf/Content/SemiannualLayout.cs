using Analytics.Reports.Wording;
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
    /// <summary>What every section of the report reads: the inputs, the utility, the half's answers, the numbering.</summary>
    private sealed record Semiannual(ReportInputs Inputs, RegistryEntry Utility, HalfYear Half, DateTime AsOf, HalfYearMetrics M, Numbering N)
    {
        public MetricsResult R => M.Current;
        public string Plan => Inputs.Policy.PlanId;
        // 数据截至 (metrics.md §8): the as-of, never after the data's data_through.
        public DateTime CutOff => R.DataThrough is { } dt && dt < AsOf ? dt : AsOf;
        public string Bureau => string.IsNullOrEmpty(Inputs.Registries.BureauName) ? WordingTable.ReportingTo : Inputs.Registries.BureauName;
        public string? Note(NoteSection s) => NoteText.Find(Inputs.Notes, Utility.Code, Half, s);
    }

    public static ReportDocument Compose(ReportInputs inputs, RegistryEntry utility, HalfYear half, DateTime asOf, ReportOptions options)
    {
        var c = new Semiannual(inputs, utility, half, asOf, HalfYearMetrics.Compute(inputs, half, asOf, utility.Code), new Numbering());
        var body = new List<Block>();
        body.AddRange(Opening(c));
        body.AddRange(Progress(c));
        body.AddRange(Results(c));
        body.AddRange(Problems(c));
        body.AddRange(Measures(c));
        // GB/T 9704: the 发文机关署名 and 成文日期 close the 正文, before the 附件.
        if (options.Theme.IsOfficial) body.Add(new SignOffBlock(utility.Name, DateOnly.FromDateTime(asOf)));
        body.AddRange(Appendix(c, options));
        return Document(c, body, options);
    }

    private static IEnumerable<Block> Opening(Semiannual c)
    {
        var v = c.R.Indicators.Volumes;
        yield return new ParagraphBlock($"根据{c.Plan}《{c.Inputs.Policy.Title}》“每半年将总体推进情况报送市能源局，包括但不限于实施进度、工作成效、存在问题、解决措施”的要求，"
            + $"现将{c.Utility.Name}{c.Half.ChineseLabel}“获得电力”工作情况报告如下。本报告的统计数据取自报送{c.Bureau}的用电报装、停电事件和供电用户数据，数据截至{Formats.ChineseDate(c.CutOff)}。");
        if (v.Accepted + v.Connected + v.InProgress + v.Withdrawn == 0)
            yield return new ParagraphBlock(WordingTable.NoApplications + "，以下各项目标均无应考核工单。") { Tone = Tone.Warn };
    }

    /// <summary>一、实施进度: the tiles, the targets, by category and by county, and what the utility filed.</summary>
    private static IEnumerable<Block> Progress(Semiannual c)
    {
        yield return new HeadingBlock(WordingTable.Progress);
        yield return ProgressTiles.Build(c.M);
        yield return new HeadingBlock("（一）在用目标完成情况", 2);
        yield return TargetTables.Targets(c.M, c.N);
        yield return new HeadingBlock("（二）分用户类别", 2);
        yield return TargetTables.Categories(c.M, c.N);
        yield return new HeadingBlock("（三）分县（市、区）", 2);
        yield return TargetTables.Groups(c.M, GroupDimension.County, c.Inputs.Registries, c.N);
        yield return new HeadingBlock("（四）企业报送情况", 2);
        foreach (var b in Filed(c, NoteSection.Progress)) yield return b;
    }

    /// <summary>二、工作成效: the comparison, the days, the monthly volumes, reliability, and what the utility filed.</summary>
    private static IEnumerable<Block> Results(Semiannual c)
    {
        yield return new HeadingBlock(WordingTable.Results);
        yield return new HeadingBlock("（一）主要指标对比", 2);
        yield return ComparisonTable.Build(c.M, c.N);
        yield return new HeadingBlock("（二）办电时间", 2);
        yield return DaysChart(c.M, c.N);
        yield return new HeadingBlock("（三）业务量与线上办理", 2);
        yield return c.M.AcceptedInMonths == 0
            ? new ParagraphBlock(WordingTable.NoApplications + "。") { Tone = Tone.Muted }
            : new ChartBlock(ReportCharts.MonthlyVolumes(c.M.Months), 200, c.N.Figure("月度受理量与线上办理率"));
        yield return new HeadingBlock("（四）供电可靠性（目标5）", 2);
        foreach (var b in ReliabilitySection.Build(c.M, c.R.Indicators.OutageCount, c.N)) yield return b;
        yield return new HeadingBlock("（五）企业报送情况", 2);
        foreach (var b in Filed(c, NoteSection.Results)) yield return b;
    }

    /// <summary>The utility's own text for a section, then a remark wherever its figures disagree with the data.</summary>
    private static IEnumerable<Block> Filed(Semiannual c, NoteSection section)
    {
        yield return NoteText.Block(c.Note(section), c.Utility.Name, section);
        foreach (var remark in NoteText.Mismatches(c.Note(section), c.R.Indicators.Volumes))
            yield return new ParagraphBlock("注：" + remark) { Tone = Tone.Warn, Small = true, Indent = false };
    }

    /// <summary>三、存在问题: what the data show, ranked, and what the utility filed.</summary>
    private static IEnumerable<Block> Problems(Semiannual c)
    {
        yield return new HeadingBlock(WordingTable.Problems);
        yield return new HeadingBlock("（一）数据反映的问题", 2);
        foreach (var b in ProblemSection.Build(ProblemRanking.Rank(c.R, c.Inputs.Registries, c.M.YearToDate), c.N)) yield return b;
        yield return new HeadingBlock("（二）企业报送的问题", 2);
        yield return NoteText.Block(c.Note(NoteSection.Problems), c.Utility.Name, NoteSection.Problems);
    }

    /// <summary>四、解决措施: the utility's text, or a request to file it.</summary>
    private static IEnumerable<Block> Measures(Semiannual c)
    {
        yield return new HeadingBlock(WordingTable.Measures);
        var measures = c.Note(NoteSection.Measures);
        yield return measures is null
            ? new ParagraphBlock($"{WordingTable.NotProvided}：{c.Utility.Name}未报送本期“解决措施”文字材料。请按{c.Plan}四、2的要求补报。") { Tone = Tone.Bad }
            : new NoteBlock($"{c.Utility.Name}报送的文字材料（解决措施）", measures);
    }

    /// <summary>附件: the applications with problems, on a page of their own.</summary>
    private static IEnumerable<Block> Appendix(Semiannual c, ReportOptions options)
    {
        yield return new PageBreakBlock();
        yield return new HeadingBlock(WordingTable.Appendix);
        foreach (var b in AppendixTable.Build(c.R, c.Inputs.Registries, options.AppendixLimit, c.N, c.Inputs.Appendix?.Invoke(c.Utility.Code)))
            yield return b;
    }

    /// <summary>The document around the body: the utility's 版头 and 版记 when official, else running heads and the cover.</summary>
    private static ReportDocument Document(Semiannual c, List<Block> body, ReportOptions options)
    {
        var (utility, half, asOf, plan) = (c.Utility, c.Half, c.AsOf, c.Plan);
        var document = new ReportDocument
        {
            Title = $"{utility.Name}“获得电力”工作半年报告（{half.ChineseLabel}）",
            Author = utility.Name,
            Subject = $"{plan} 四、2 半年报告",
            Keywords = $"获得电力, 半年报, {half}",
            CreatedAt = asOf,
            Body = body,
        };
        if (options.Theme.IsOfficial)
        {
            // A report to the bureau is a 上行文: the utility's red 版头 with its 文号 and a 签发人, the bureau as 主送机关,
            // and the 版记 (the utility as 印发机关) at the foot of the last page. The cover of the plain theme is not used.
            return document with
            {
                Head = new OfficialHead(utility.Name + "文件", DocNumbers.OfUtility(options.UtilityDocNumber, asOf.Year),
                    $"关于{half.ChineseLabel}“获得电力”\n工作情况的报告")
                {
                    Addressees = c.Bureau + "：",
                    Signer = "",
                },
                Imprint = new OfficialImprint(utility.Name, DateOnly.FromDateTime(asOf)),
            };
        }
        return document with
        {
            HeaderLeft = $"{utility.Name} · {half.ChineseLabel}“获得电力”工作报告",
            HeaderRight = plan,
            FooterLeft = $"数据截至{Formats.ChineseDate(c.CutOff)}",
            Cover = new CoverPage
            {
                TopLine = $"依据{plan} 四、2 报送",
                Title = $"{utility.Name}\n“获得电力”工作半年报告",
                Subtitle = half.ChineseLabel,
                Fields =
                [
                    new("报送单位", utility.Name),
                    new("报送对象", c.Bureau),
                    new("报告期", $"{half.ChineseLabel}（{Formats.Date(half.First)} 至 {Formats.Date(half.Last)}）"),
                    new("数据截至", Formats.ChineseDate(c.CutOff)),
                    new("依据文件", $"{plan}《{c.Inputs.Policy.Title}》"),
                ],
                SignatureLines = [WordingTable.SignatureHead, WordingTable.SignatureFiler, WordingTable.SignaturePhone, WordingTable.SignatureDate],
                SealLabel = WordingTable.SealUtility,
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
