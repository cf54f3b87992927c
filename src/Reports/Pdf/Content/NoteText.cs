using Analytics.Domain;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>A utility's own text for one section of its semiannual report (templates.md §6), or a clear note that none was filed.</summary>
internal static partial class NoteText
{
    /// <summary>The utility's text of <paramref name="section"/> for <paramref name="half"/>; null when none was filed or it is blank.</summary>
    public static string? Find(IEnumerable<ReportNote> notes, string utility, HalfYear half, NoteSection section) =>
        notes.LastOrDefault(n => n.Utility == utility && n.Half == half && n.Section == section && !string.IsNullOrWhiteSpace(n.Text))?.Text.Trim();

    /// <summary>The text in a box titled "{utility}报送：{section}", or a muted line saying it was not provided.</summary>
    public static Block Block(string? text, string utilityName, NoteSection section) =>
        text is null
            ? new ParagraphBlock($"{utilityName}未报送本期“{Codes.Label(section)}”文字材料。") { Tone = Tone.Muted }
            : new NoteBlock($"{utilityName}报送的文字材料（{Codes.Label(section)}）", text);

    /// <summary>
    /// Remarks on figures in the utility's own text that differ from the computed ones: "完成装表接电2988户" beside 2,995
    /// connections computed. Only the volumes the report prints are checked (受理, 装表接电/接电); a reader sees which
    /// figure is the system's. Empty when every figure agrees or none is found.
    /// </summary>
    public static IReadOnlyList<string> Mismatches(string? text, Analytics.Metrics.Volumes computed)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var remarks = new List<string>();
        if (text is null) return remarks;
        foreach (System.Text.RegularExpressions.Match m in Figure().Matches(text))
        {
            if (!int.TryParse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var stated)) continue;
            var (what, actual) = m.Groups["what"].Value.Contains("接电", StringComparison.Ordinal) ? ("接电", computed.Connected) : ("受理", computed.Accepted);
            if (stated == actual) continue;
            remarks.Add($"文字材料称“{m.Value}”，系统统计本期{what}{Formats.Count(actual)}件，两者不一致，请核实。");
        }
        return remarks;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<what>装表接电|接电|受理(?:用电)?(?:报装)?)(?<n>\d[\d,]*)(?:户|件)")]
    private static partial System.Text.RegularExpressions.Regex Figure();
}
