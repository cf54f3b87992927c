namespace Analytics.Domain;

/// <summary>A utility's narrative for one half-year section (templates.md §6).</summary>
public sealed record ReportNote
{
    public required string Utility { get; init; }
    public required HalfYear Half { get; init; }
    public required NoteSection Section { get; init; }
    public required string Text { get; init; }
}
