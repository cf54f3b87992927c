namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// Text quoted from someone else (the utility's own narrative), set apart in a shaded box with a
/// title, so a reader never mistakes it for a computed finding. Flows across pages.
/// </summary>
public sealed record NoteBlock(string Title, string Text) : Block;
