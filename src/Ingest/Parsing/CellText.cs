namespace Analytics.Ingest.Parsing;

/// <summary>The empty-cell rule of templates.md §1: blank, <c>-</c>, <c>无</c> and <c>N/A</c> all mean "not given".</summary>
public static class CellText
{
    /// <summary>True when the trimmed text is one of the empty markers (or nothing).</summary>
    public static bool IsEmptyMarker(ReadOnlySpan<char> trimmed) =>
        trimmed.Length switch
        {
            0 => true,
            1 => trimmed[0] is '-' or '－' or '—' or '无',
            3 => trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
}
