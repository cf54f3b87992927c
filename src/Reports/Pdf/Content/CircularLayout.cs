using Analytics.Reports.Wording;
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
    private const string Addressees = "各县（市、区）能源局，各供电企业：";

    /// <summary>What every section of the circular reads: the inputs, the half's answers, the cut-off, the names, the numbering.</summary>
    private sealed record Circular(ReportInputs Inputs, HalfYear Half, DateTime AsOf, HalfYearMetrics M, Numbering N)
    {
        public Registries Reg => Inputs.Registries;
        public MetricsResult R => M.Current;
        public string Plan => Inputs.Policy.PlanId;
        // 数据截至 (metrics.md §8): the as-of, never after the data's data_through.
        public DateTime CutOff => R.DataThrough is { } dt && dt < AsOf ? dt : AsOf;
        public string City => string.IsNullOrEmpty(Reg.CityName) ? "全市" : Reg.CityName;
        public string Bureau => string.IsNullOrEmpty(Reg.BureauName) ? WordingTable.ReportingTo : Reg.BureauName;
    }

    public static ReportDocument Compose(ReportInputs inputs, HalfYear half, DateTime asOf, ReportOptions options)
    {
        var c = new Circular(inputs, half, asOf, HalfYearMetrics.Compute(inputs, half, asOf, utility: null), new Numbering());
        var official = options.Theme.IsOfficial;
        var body = new List<Block>();
        if (!official) body.Add(new ParagraphBlock(Addressees) { Indent = false });
        body.Add(Opening(c));
        body.AddRange(Progress(c));
        body.AddRange(Results(c));
        body.AddRange(Ranking(c));
        body.AddRange(Problems(c));
        body.AddRange(Requirements(c));
        if (official) body.Add(new SignOffBlock(c.Bureau, DateOnly.FromDateTime(asOf)));
        body.AddRange(Appendix(c));
        return Document(c, body, options);
    }

    private static ParagraphBlock Opening(Circular c) =>
        new($"根据{c.Plan}《{c.Inputs.Policy.Title}》“市、县能源局通过检查、抽查、约谈等方式，开展监督检查工作，以查促改，并将结果予以通报”的要求，"
            + $"{c.Bureau}对{c.Half.ChineseLabel}全市{c.Reg.Utilities.Count}家供电企业、{c.Reg.Counties.Count}个县（市、区）“获得电力”工作情况进行了统计分析，现将有关情况通报如下。"
            + $"本通报数据取自各供电企业报送的用电报装、停电事件和供电用户数据，数据截至{Formats.ChineseDate(c.CutOff)}。");

    /// <summary>一、实施进度: the city's volumes and targets.</summary>
    private static IEnumerable<Block> Progress(Circular c)
    {
        var v = c.R.Indicators.Volumes;
        var t = c.M.Targets;
        yield return new HeadingBlock(WordingTable.Progress);
        yield return new ParagraphBlock($"{c.Half.ChineseLabel}，全市受理用电报装{Formats.Count(v.Accepted)}件，接电{Formats.Count(v.Connected)}件，期末在途{Formats.Count(v.InProgress)}件；"
            + $"有应考核工单的在用目标{t.Counted}项，全部达标的{t.Met}项，综合达标率{Formats.Percent(t.Pooled)}（上期{Formats.Percent(t.PooledBefore)}）。");
        yield return ProgressTiles.Build(c.M);
        yield return new HeadingBlock("（一）全市在用目标完成情况", 2);
        yield return TargetTables.Targets(c.M, c.N);
        yield return new HeadingBlock("（二）分用户类别", 2);
        yield return TargetTables.Categories(c.M, c.N);
    }

    /// <summary>二、工作成效: the comparison, the days, the monthly volumes, reliability.</summary>
    private static IEnumerable<Block> Results(Circular c)
    {
        yield return new HeadingBlock(WordingTable.Results);
        yield return new HeadingBlock("（一）主要指标对比", 2);
        yield return ComparisonTable.Build(c.M, c.N);
        yield return new HeadingBlock("（二）办电时间", 2);
        yield return SemiannualLayout.DaysChart(c.M, c.N);
        yield return new HeadingBlock("（三）业务量与线上办理", 2);
        yield return c.M.AcceptedInMonths == 0
            ? new ParagraphBlock(WordingTable.NoApplications + "。") { Tone = Tone.Muted }
            : new ChartBlock(ReportCharts.MonthlyVolumes(c.M.Months), 200, c.N.Figure("全市月度受理量与线上办理率"));
        yield return new HeadingBlock("（四）供电可靠性（目标5）", 2);
        foreach (var b in ReliabilitySection.Build(c.M, c.R.Indicators.OutageCount, c.N)) yield return b;
    }

    /// <summary>三、排名情况: utilities (table and chart), then counties.</summary>
    private static IEnumerable<Block> Ranking(Circular c)
    {
        var utilityCodes = c.Reg.Utilities.Select(u => u.Code).ToList();
        var countyCodes = c.Reg.Counties.Select(x => x.Code).ToList();
        yield return new HeadingBlock(WordingTable.CircularRanking);
        yield return new ParagraphBlock(WordingTable.RankingRule) { Tone = Tone.Muted, Small = true };
        var utilities = UnitRanking.Rank(c.R, GroupDimension.Utility, utilityCodes);
        var utilitiesBefore = UnitRanking.Rank(c.M.Previous, GroupDimension.Utility, utilityCodes);
        yield return new HeadingBlock("（一）供电企业排名", 2);
        yield return RankingTable(utilities, utilitiesBefore, c.R, GroupDimension.Utility, c.Reg, c.N, "供电企业目标完成情况排名");
        yield return new ChartBlock(ReportCharts.RateByUnit(utilities.Select(u => (Short(c.Reg, u.Code), u.Rate, utilitiesBefore.FirstOrDefault(b => b.Code == u.Code)?.Rate, VerdictTone(u))).ToList()),
            190, c.N.Figure("各供电企业综合达标率（本期与上期，纵轴不从零开始）"));
        var counties = UnitRanking.Rank(c.R, GroupDimension.County, countyCodes);
        var countiesBefore = UnitRanking.Rank(c.M.Previous, GroupDimension.County, countyCodes);
        yield return new HeadingBlock("（二）县（市、区）排名", 2);
        yield return RankingTable(counties, countiesBefore, c.R, GroupDimension.County, c.Reg, c.N, "县（市、区）目标完成情况排名");
    }

    /// <summary>四、存在问题: the city's, each utility's, each county's, and the oversight's.</summary>
    private static IEnumerable<Block> Problems(Circular c)
    {
        yield return new HeadingBlock(WordingTable.CircularProblems);
        yield return new HeadingBlock("（一）全市情况", 2);
        foreach (var b in ProblemSection.Build(ProblemRanking.Rank(c.R, c.Reg, c.M.YearToDate), c.N)) yield return b;
        yield return new HeadingBlock("（二）各供电企业存在的问题", 2);
        yield return ProblemsByUnit(c.R, c.M.YearToDate, c.Reg, c.Reg.Utilities, GroupDimension.Utility, c.N);
        yield return new HeadingBlock("（三）各县（市、区）存在的问题", 2);
        yield return ProblemsByUnit(c.R, c.M.YearToDate, c.Reg, c.Reg.Counties, GroupDimension.County, c.N);
        if (!c.Inputs.Oversight.IsEmpty)
        {
            yield return new HeadingBlock("（四）监督检查发现的问题", 2);
            foreach (var b in OversightSection.Build(c.Inputs.Oversight, c.Reg, c.N)) yield return b;
        }
    }

    /// <summary>五、工作要求, naming the utilities that filed no 解决措施.</summary>
    private static IEnumerable<Block> Requirements(Circular c)
    {
        yield return new HeadingBlock(WordingTable.CircularRequirements);
        var missing = c.Reg.Utilities.Where(u => NoteText.Find(c.Inputs.Notes, u.Code, c.Half, NoteSection.Measures) is null).Select(u => u.Name).ToList();
        yield return new ListBlock(
        [
            "各供电企业要对照本通报指出的问题，逐项分析原因，制定整改措施，明确责任人和完成时限，并在下一期半年报“解决措施”中报告整改情况（四、2）。",
            "对体外循环、后补流程、改写、重走流程等数据真实性问题，相关供电企业要立即核查、如实更正，严禁“体外循环”、后补流程或重走流程（任务4）；市能源局将对问题集中的单位进行抽查、约谈。",
            "超过办电时限和环节要求的，相关供电企业要加强内部管控，实现用电报装业务各环节限时办理（任务4、任务6）；涉及政府审批的，各县（市、区）能源局要牵头协调并联审批（任务2）。",
            "各县（市、区）能源局要按时于每周四前报送工作台账，及时报告阶段性成效和突出问题（四、1）。",
            missing.Count == 0
                ? "各供电企业均已报送本期“解决措施”文字材料。"
                : $"{string.Join("、", missing)}未报送本期“解决措施”文字材料，请于本通报印发后10个工作日内补报。",
        ]);
    }

    /// <summary>附件：报送情况, on a page of its own.</summary>
    private static IEnumerable<Block> Appendix(Circular c)
    {
        yield return new PageBreakBlock();
        yield return new HeadingBlock(WordingTable.CircularAppendix);
        yield return FilingTable(c.Inputs, c.Half, c.N);
    }

    /// <summary>The document around the body: GB/T 9704 head and imprint when official, else running heads and the cover.</summary>
    private static ReportDocument Document(Circular c, List<Block> body, ReportOptions options)
    {
        var half = c.Half;
        var document = new ReportDocument
        {
            Title = $"关于{half.ChineseLabel}{c.City}“获得电力”工作情况的通报",
            Author = c.Bureau,
            Subject = $"{c.Plan} 四、3 通报",
            Keywords = $"获得电力, 通报, {half}",
            CreatedAt = c.AsOf,
            Body = body,
        };
        if (options.Theme.IsOfficial)
        {
            return document with
            {
                Head = new OfficialHead(c.Bureau + "文件", DocNumbers.Of(options.DocNumber, c.Plan, c.AsOf.Year), $"关于{half.ChineseLabel}{c.City}\n“获得电力”工作情况的通报") { Addressees = Addressees },
                Imprint = new OfficialImprint(c.Bureau, DateOnly.FromDateTime(c.AsOf)) { CopyTo = options.CopyTo },
            };
        }
        return document with
        {
            HeaderLeft = $"{c.Bureau} · {half.ChineseLabel}“获得电力”工作情况通报",
            HeaderRight = c.Plan,
            FooterLeft = $"数据截至{Formats.ChineseDate(c.CutOff)}",
            Cover = new CoverPage
            {
                TopLine = c.Bureau,
                Title = $"关于{half.ChineseLabel}{c.City}\n“获得电力”工作情况的通报",
                Fields =
                [
                    new("发文单位", c.Bureau),
                    new("主送", "各县（市、区）能源局，各供电企业"),
                    new("通报期", $"{half.ChineseLabel}（{Formats.Date(half.First)} 至 {Formats.Date(half.Last)}）"),
                    new("数据截至", Formats.ChineseDate(c.CutOff)),
                    new("依据文件", $"{c.Plan}《{c.Inputs.Policy.Title}》四、3"),
                ],
                SignatureLines = ["审核", "签发", "印发日期"],
                SealLabel = WordingTable.SealBureau,
                BottomLine = Formats.ChineseDate(c.AsOf),
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
            var worst = UnitFindings.Of(r, dimension, s.Code).MostBreached
                .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.TargetId}（{t.Count}件）")).ToList();
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
            var found = UnitFindings.Of(r, dimension, u.Code);
            var (breaches, integrity) = (found.Breaches, found.IntegrityApplications);
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
                ? new TableCell(WordingTable.NotProvided, Tone.Bad) : new TableCell("已报送", Tone.Good))])).ToList();
        return new TableBlock(
            [new TableColumn("供电企业", 3.0f), .. sections.Select(s => new TableColumn(Codes.Label(s), 1.0f, TextAlign.Center))], rows)
        {
            Caption = n.Table($"{half.ChineseLabel}半年报文字材料报送情况"),
        };
    }
}
