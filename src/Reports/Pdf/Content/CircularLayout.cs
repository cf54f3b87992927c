using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>
/// Lays out the city's circular (通报, 四、3: 市、县能源局…开展监督检查工作，以查促改，并将结果予以通报): the same
/// sections as a utility's report at city level, the ranking of utilities and counties on the targets, each one's
/// problems, and what the bureau requires next.
/// </summary>
internal static class CircularLayout
{
    public static ReportDocument Compose(ReportInputs inputs, HalfYear half, DateTime asOf, ReportOptions options)
    {
        var reg = inputs.Registries;
        var m = HalfYearMetrics.Compute(inputs, half, asOf, utility: null);
        var r = m.Current;
        // 数据截至 (metrics.md §8): the as-of, never after the data's data_through.
        var cutOff = r.DataThrough is { } dt && dt < asOf ? dt : asOf;
        var period = MetricsPeriod.Half(half);
        var plan = inputs.Policy.PlanId;
        var city = string.IsNullOrEmpty(reg.CityName) ? "全市" : reg.CityName;
        var bureau = string.IsNullOrEmpty(reg.BureauName) ? PdfWording.ReportingTo : reg.BureauName;
        var n = new Numbering();
        var v = r.Indicators.Volumes;
        var outagesInHalf = r.Indicators.OutageCount;
        var utilityCodes = reg.Utilities.Select(u => u.Code).ToList();
        var countyCodes = reg.Counties.Select(c => c.Code).ToList();

        var official = options.Theme.IsOfficial;
        const string addressees = "各县（市、区）能源局，各供电企业：";
        var body = new List<Block>();
        if (!official) body.Add(new ParagraphBlock(addressees) { Indent = false });
        body.AddRange(
        [
            new ParagraphBlock($"根据{plan}《{inputs.Policy.Title}》“市、县能源局通过检查、抽查、约谈等方式，开展监督检查工作，以查促改，并将结果予以通报”的要求，"
                + $"{bureau}对{half.ChineseLabel}全市{reg.Utilities.Count}家供电企业、{reg.Counties.Count}个县（市、区）“获得电力”工作情况进行了统计分析，现将有关情况通报如下。"
                + $"本通报数据取自各供电企业报送的用电报装、停电事件和供电用户数据，数据截至{Formats.ChineseDate(cutOff)}。"),
        ]);

        // 一、实施进度
        body.Add(new HeadingBlock(PdfWording.Progress));
        var cityRows = TargetRows.Of(r, GroupDimension.City).Where(t => t.InForce).ToList();
        var counted = cityRows.Where(t => t.Total > 0).ToList();
        var pooled = TargetRows.PooledRate(cityRows);
        var pooledBefore = TargetRows.PooledRate(TargetRows.Of(m.Previous, GroupDimension.City));
        body.Add(new ParagraphBlock($"{half.ChineseLabel}，全市受理用电报装{Formats.Count(v.Accepted)}件，接电{Formats.Count(v.Connected)}件，期末在途{Formats.Count(v.InProgress)}件；"
            + $"有应考核工单的在用目标{counted.Count}项，全部达标的{counted.Count(t => t.Met)}项，综合达标率{Formats.Percent(pooled)}（上期{Formats.Percent(pooledBefore)}）。"));
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
        body.Add(new HeadingBlock("（一）全市在用目标完成情况", 2));
        body.Add(TargetTables.Targets(m, n));
        body.Add(new HeadingBlock("（二）分用户类别", 2));
        body.Add(TargetTables.Categories(m, n));

        // 二、工作成效
        body.Add(new HeadingBlock(PdfWording.Results));
        body.Add(new HeadingBlock("（一）主要指标对比", 2));
        body.Add(ComparisonTable.Build(m, n));
        body.Add(new HeadingBlock("（二）办电时间", 2));
        body.Add(SemiannualLayout.DaysChart(m, n));
        body.Add(new HeadingBlock("（三）业务量与线上办理", 2));
        var months = MonthlyFigures.Of(inputs.Records.Applications, inputs.Policy, half);
        body.Add(months.Sum(x => x.Accepted) == 0
            ? new ParagraphBlock(PdfWording.NoApplications + "。") { Tone = Tone.Muted }
            : new ChartBlock(ReportCharts.MonthlyVolumes(months), 200, n.Figure("全市月度受理量与线上办理率")));
        body.Add(new HeadingBlock("（四）供电可靠性（目标5）", 2));
        body.AddRange(ReliabilitySection.Build(m, outagesInHalf, n));

        // 三、排名情况
        body.Add(new HeadingBlock(PdfWording.CircularRanking));
        body.Add(new ParagraphBlock(PdfWording.RankingRule) { Tone = Tone.Muted, Small = true });
        var utilities = UnitRanking.Rank(r, GroupDimension.Utility, utilityCodes);
        var utilitiesBefore = UnitRanking.Rank(m.Previous, GroupDimension.Utility, utilityCodes);
        body.Add(new HeadingBlock("（一）供电企业排名", 2));
        body.Add(RankingTable(utilities, utilitiesBefore, r, GroupDimension.Utility, reg, n, "供电企业目标完成情况排名"));
        body.Add(new ChartBlock(ReportCharts.RateByUnit(utilities.Select(u => (Short(reg, u.Code), u.Rate, utilitiesBefore.FirstOrDefault(b => b.Code == u.Code)?.Rate, VerdictTone(u))).ToList()),
            190, n.Figure("各供电企业综合达标率（本期与上期，纵轴不从零开始）")));
        var counties = UnitRanking.Rank(r, GroupDimension.County, countyCodes);
        var countiesBefore = UnitRanking.Rank(m.Previous, GroupDimension.County, countyCodes);
        body.Add(new HeadingBlock("（二）县（市、区）排名", 2));
        body.Add(RankingTable(counties, countiesBefore, r, GroupDimension.County, reg, n, "县（市、区）目标完成情况排名"));

        // 四、存在问题
        body.Add(new HeadingBlock(PdfWording.CircularProblems));
        body.Add(new HeadingBlock("（一）全市情况", 2));
        body.AddRange(ProblemSection.Build(ProblemRanking.Rank(r, reg, m.YearToDate), n));
        body.Add(new HeadingBlock("（二）各供电企业存在的问题", 2));
        body.Add(ProblemsByUnit(r, m.YearToDate, reg, reg.Utilities, GroupDimension.Utility, n));
        body.Add(new HeadingBlock("（三）各县（市、区）存在的问题", 2));
        body.Add(ProblemsByUnit(r, m.YearToDate, reg, reg.Counties, GroupDimension.County, n));
        if (!inputs.Oversight.IsEmpty)
        {
            body.Add(new HeadingBlock("（四）监督检查发现的问题", 2));
            body.AddRange(OversightSection.Build(inputs.Oversight, reg, n));
        }

        // 五、工作要求
        body.Add(new HeadingBlock(PdfWording.CircularRequirements));
        var missing = reg.Utilities.Where(u => NoteText.Find(inputs.Notes, u.Code, half, NoteSection.Measures) is null).Select(u => u.Name).ToList();
        body.Add(new ListBlock(
        [
            "各供电企业要对照本通报指出的问题，逐项分析原因，制定整改措施，明确责任人和完成时限，并在下一期半年报“解决措施”中报告整改情况（四、2）。",
            "对体外循环、后补流程、改写、重走流程等数据真实性问题，相关供电企业要立即核查、如实更正，严禁“体外循环”、后补流程或重走流程（任务4）；市能源局将对问题集中的单位进行抽查、约谈。",
            "超过办电时限和环节要求的，相关供电企业要加强内部管控，实现用电报装业务各环节限时办理（任务4、任务6）；涉及政府审批的，各县（市、区）能源局要牵头协调并联审批（任务2）。",
            "各县（市、区）能源局要按时于每周四前报送工作台账，及时报告阶段性成效和突出问题（四、1）。",
            missing.Count == 0
                ? "各供电企业均已报送本期“解决措施”文字材料。"
                : $"{string.Join("、", missing)}未报送本期“解决措施”文字材料，请于本通报印发后10个工作日内补报。",
        ]));

        if (official) body.Add(new SignOffBlock(bureau, DateOnly.FromDateTime(asOf)));

        // 附件：报送情况
        body.Add(new PageBreakBlock());
        body.Add(new HeadingBlock(PdfWording.CircularAppendix));
        body.Add(FilingTable(inputs, half, n));

        var title = $"关于{half.ChineseLabel}{city}“获得电力”工作情况的通报";
        var document = new ReportDocument
        {
            Title = title,
            Author = bureau,
            Subject = $"{plan} 四、3 通报",
            Keywords = $"获得电力, 通报, {half}",
            CreatedAt = asOf,
            Body = body,
        };
        if (official)
        {
            return document with
            {
                Head = new OfficialHead(bureau + "文件", DocNumbers.Of(options.DocNumber, plan, asOf.Year), $"关于{half.ChineseLabel}{city}\n“获得电力”工作情况的通报") { Addressees = addressees },
                Imprint = new OfficialImprint(bureau, DateOnly.FromDateTime(asOf)) { CopyTo = options.CopyTo },
            };
        }
        return document with
        {
            HeaderLeft = $"{bureau} · {half.ChineseLabel}“获得电力”工作情况通报",
            HeaderRight = plan,
            FooterLeft = $"数据截至{Formats.ChineseDate(cutOff)}",
            Cover = new CoverPage
            {
                TopLine = bureau,
                Title = $"关于{half.ChineseLabel}{city}\n“获得电力”工作情况的通报",
                Fields =
                [
                    new("发文单位", bureau),
                    new("主送", "各县（市、区）能源局，各供电企业"),
                    new("通报期", $"{half.ChineseLabel}（{Formats.Date(half.First)} 至 {Formats.Date(half.Last)}）"),
                    new("数据截至", Formats.ChineseDate(cutOff)),
                    new("依据文件", $"{plan}《{inputs.Policy.Title}》四、3"),
                ],
                SignatureLines = ["审核", "签发", "印发日期"],
                SealLabel = PdfWording.SealBureau,
                BottomLine = Formats.ChineseDate(asOf),
            },
        };
    }

    /// <summary>A unit's colour by its verdict, never by its rank: green when every target is at 95 % or more, red when half or more are below, grey when not ranked.</summary>
    private static Tone VerdictTone(UnitStanding s) =>
        s.TargetsCounted == 0 || s.TooFew ? Tone.Muted
        : s.TargetsGood == s.TargetsCounted ? Tone.Good
        : s.TargetsGood * 2 <= s.TargetsCounted ? Tone.Bad
        : Tone.Normal;

    private static string Short(Registries reg, string code) => reg.TryUtility(code, out var u) ? u.ShortName : code;

    private static TableBlock RankingTable(IReadOnlyList<UnitStanding> now, IReadOnlyList<UnitStanding> before, MetricsResult r,
        GroupDimension dimension, Registries reg, Numbering n, string caption)
    {
        var isCounty = dimension == GroupDimension.County;
        var rows = new List<TableRow>();
        foreach (var s in now)
        {
            var previous = before.FirstOrDefault(b => b.Code == s.Code);
            var worst = r.Breaches.Where(b => (isCounty ? b.County : b.Utility) == s.Code && b.TargetId is not null)
                .GroupBy(b => b.TargetId!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(3).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}（{g.Count()}件）")).ToList();
            rows.Add(new TableRow(
            [
                s.Rank is { } rank ? rank.ToString(CultureInfo.InvariantCulture) : s.TooFew && s.Accepted > 0 ? "样本不足" : "不排名",
                isCounty ? ProblemRanking.CountyName(reg, s.Code) : ProblemRanking.UtilityName(reg, s.Code),
                Formats.Count(s.Accepted),
                // Coloured by verdict: green when every target is at or above the line, red when half or more fall below it.
                new TableCell(Formats.Percent(s.Rate), VerdictTone(s)),
                s.Lower is { } lo && s.Upper is { } hi ? $"{Formats.Percent(lo)}～{Formats.Percent(hi)}" : Formats.None,
                s.Verdict,
                previous?.Rank is { } pr ? pr.ToString(CultureInfo.InvariantCulture) : Formats.None,
                worst.Count == 0 ? "无" : string.Join("、", worst),
            ]));
        }
        return new TableBlock(
            [
                new TableColumn("排名", 0.6f, TextAlign.Center), new TableColumn(isCounty ? "县（市、区）" : "供电企业", isCounty ? 1.3f : 2.5f),
                new TableColumn("受理\n（件）", 0.8f, TextAlign.Right),
                new TableColumn("综合\n达标率", 0.9f, TextAlign.Right), new TableColumn("95%置信区间\n（排名依据为下限）", 1.6f, TextAlign.Center),
                new TableColumn("目标达标情况", 2.2f),
                new TableColumn("上期\n排名", 0.6f, TextAlign.Center), new TableColumn("未达标件次最多的目标", 2.0f),
            ], rows)
        {
            Caption = n.Table(caption),
            Footnote = "注：综合达标率为各项目标达标率的算术平均（目标等权）；置信区间为各项目标威尔逊95%置信区间上下限的平均；目标编号见表1。",
        };
    }

    private static TableBlock ProblemsByUnit(MetricsResult r, MetricsResult yearToDate, Registries reg, IReadOnlyList<RegistryEntry> units, GroupDimension dimension, Numbering n)
    {
        var isCounty = dimension == GroupDimension.County;
        var rows = new List<TableRow>();
        foreach (var u in units)
        {
            var problems = isCounty ? ProblemRanking.Rank(r, reg, yearToDate, county: u.Code) : ProblemRanking.Rank(r, reg, yearToDate, utility: u.Code);
            var breaches = r.Breaches.Count(b => (isCounty ? b.County : b.Utility) == u.Code);
            var integrity = r.Findings.Where(f => (isCounty ? f.County : f.Utility) == u.Code).DistinctBy(f => (f.Utility, f.ApplicationId)).Count();
            rows.Add(new TableRow(
            [
                u.Name, Formats.Count(breaches), new TableCell(Formats.Count(integrity), integrity > 0 ? Tone.Bad : Tone.Normal),
                problems.Count == 0 ? "未发现问题" : string.Join("；", problems.Take(3).Select(p => $"{p.Label}{Formats.Count(p.Count)}{p.Unit}")),
            ]));
        }
        return new TableBlock(
            [
                new TableColumn(isCounty ? "县（市、区）" : "供电企业", isCounty ? 1.2f : 2.4f), new TableColumn("目标未达标\n（件次）", 1.15f, TextAlign.Right),
                new TableColumn("数据真实性\n问题（件）", 1.15f, TextAlign.Right), new TableColumn("主要问题（按权重，前三项）", 5.0f),
            ], rows)
        {
            Caption = n.Table(isCounty ? "各县（市、区）存在的问题" : "各供电企业存在的问题"),
        };
    }

    private static TableBlock FilingTable(ReportInputs inputs, HalfYear half, Numbering n)
    {
        var sections = Codes.All<NoteSection>();
        var rows = inputs.Registries.Utilities.Select(u => new TableRow(
            [new TableCell(u.Name), .. sections.Select(s => NoteText.Find(inputs.Notes, u.Code, half, s) is null
                ? new TableCell(PdfWording.NotProvided, Tone.Bad) : new TableCell("已报送", Tone.Good))])).ToList();
        return new TableBlock(
            [new TableColumn("供电企业", 3.0f), .. sections.Select(s => new TableColumn(Codes.Label(s), 1.0f, TextAlign.Center))], rows)
        {
            Caption = n.Table($"{half.ChineseLabel}半年报文字材料报送情况"),
        };
    }
}
