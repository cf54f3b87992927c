namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// Running text that wraps (Chinese per character, Latin per word) and flows across pages. Line breaks
/// in <see cref="Text"/> start new paragraphs; each paragraph's first line is indented two characters
/// unless <see cref="Indent"/> is false.
/// </summary>
public sealed record ParagraphBlock(string Text) : Block
{
    public Tone Tone { get; init; } = Tone.Normal;
    public bool Indent { get; init; } = true;
    public bool Bold { get; init; }
    /// <summary>Small print (notes under a table, how a figure was computed).</summary>
    public bool Small { get; init; }
    public TextAlign Align { get; init; } = TextAlign.Left;
}
