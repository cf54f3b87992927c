using Analytics.Domain;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf.Content;

/// <summary>A utility's own text for one section of its semiannual report (templates.md §6), or a clear note that none was filed.</summary>
internal static class NoteText
{
    /// <summary>The utility's text of <paramref name="section"/> for <paramref name="half"/>; null when none was filed or it is blank.</summary>
    public static string? Find(IEnumerable<ReportNote> notes, string utility, HalfYear half, NoteSection section) =>
        notes.LastOrDefault(n => n.Utility == utility && n.Half == half && n.Section == section && !string.IsNullOrWhiteSpace(n.Text))?.Text.Trim();

    /// <summary>The text in a box titled "{utility}报送：{section}", or a muted line saying it was not provided.</summary>
    public static Block Block(string? text, string utilityName, NoteSection section) =>
        text is null
            ? new ParagraphBlock($"{utilityName}未报送本期“{Codes.Label(section)}”文字材料。") { Tone = Tone.Muted }
            : new NoteBlock($"{utilityName}报送的文字材料（{Codes.Label(section)}）", text);
}
