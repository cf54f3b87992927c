namespace Analytics.Reports.Pdf.Model;

/// <summary>A numbered (1. 2. …) or bulleted list; items wrap with a hanging indent and flow across pages.</summary>
public sealed record ListBlock(IReadOnlyList<string> Items) : Block
{
    public bool Numbered { get; init; } = true;
    public Tone Tone { get; init; } = Tone.Normal;
}
