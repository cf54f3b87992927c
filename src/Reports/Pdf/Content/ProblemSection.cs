using Analytics.Reports.Wording;
using System.Globalization;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>三、存在问题 as blocks: a summary sentence, the problems ranked by weight, and the worst ones in words.</summary>
internal static class ProblemSection
{
    public static IEnumerable<Block> Build(IReadOnlyList<Problem> problems, Numbering n, int detailed = 5)
    {
        if (problems.Count == 0)
        {
            yield return new ParagraphBlock(WordingTable.NoProblems) { Tone = Tone.Good };
            yield break;
        }
        var breaches = problems.Where(p => p.Code.StartsWith('T') && p.Unit == "件").Sum(p => p.Count);
        var integrity = problems.Where(p => !p.Code.StartsWith('T')).Sum(p => p.Count);
        var kinds = problems.Count.ToString(CultureInfo.InvariantCulture);
        var saidi = problems.Any(p => p.Code == "T5") ? "，另有供电可靠性目标未达标" : "";
        yield return new ParagraphBlock(
            $"本期共发现问题{kinds}类：目标未达标工单{Formats.Count(breaches)}件次，数据真实性问题工单{Formats.Count(integrity)}件{saidi}。按权重排序如下。");
        yield return Table(problems, n);
        yield return new ListBlock(problems.Take(detailed).Select(Sentence).ToList());
    }

    public static TableBlock Table(IReadOnlyList<Problem> problems, Numbering n) => new(
        [
            new TableColumn("序号", 0.5f, TextAlign.Right), new TableColumn("问题", 3.4f), new TableColumn("依据", 0.7f, TextAlign.Center),
            new TableColumn("件数", 0.8f, TextAlign.Right), new TableColumn("严重\n程度", 0.6f, TextAlign.Center),
            new TableColumn("权重", 0.8f, TextAlign.Right), new TableColumn("主要县（市、区）", 2.4f),
        ],
        problems.Select((p, i) => new TableRow(
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), p.Label, p.Clause, Formats.Count(p.Count) + (p.Unit == "件" ? "" : "区域"),
            new TableCell(p.Severity.ToString(CultureInfo.InvariantCulture), p.Severity >= 3 ? Tone.Bad : Tone.Normal),
            Formats.Count(p.Weight), p.WorstCounties(),
        ])).ToList())
    {
        Caption = n.Table("存在问题（按权重排序）"),
        EmptyText = WordingTable.NoProblems,
        Footnote = WordingTable.ProblemRankingRule,
    };

    /// <summary>One problem in words: what, how many, the worst excess, where.</summary>
    public static string Sentence(Problem p)
    {
        var text = $"【{p.Clause}】{p.Label}：{Formats.Count(p.Count)}{p.Unit}";
        if (p.WorstExcess is { } e) text += $"，最多超出时限{Formats.Number(e)}个工作日";
        if (p.Counties.Count > 0) text += $"，主要集中在{p.WorstCounties()}";
        return text + "。";
    }
}
