namespace Analytics.Generator;

/// <summary>What a template column holds; decides the XLSX cell type and the column width.</summary>
public enum ColumnKind
{
    Invalid = 0,
    /// <summary>Free text or an identifier (kept as text in XLSX so that 18-digit IDs keep every digit).</summary>
    Text = 1,
    /// <summary>A code of a closed set or a registry entry.</summary>
    Code = 2,
    /// <summary>Y/N (是/否).</summary>
    Boolean = 3,
    /// <summary>A number (capacities, money, counts).</summary>
    Number = 4,
    /// <summary>A date-time; an Excel date cell in XLSX.</summary>
    DateTime = 5,
    /// <summary>Long text that may hold line breaks.</summary>
    LongText = 6,
}

/// <summary>A column of a template (templates.md §3–§6): its English and Chinese header.</summary>
/// <param name="English">The English header, e.g. <c>accepted_at</c>.</param>
/// <param name="Chinese">The Chinese header, e.g. <c>申请受理时间</c>.</param>
/// <param name="Required">Whether templates.md marks the column required (for HV-only or conditional ones: false).</param>
/// <param name="Kind">What the column holds.</param>
public sealed record TemplateColumn(string English, string Chinese, bool Required, ColumnKind Kind)
{
    /// <summary>The header in the given language.</summary>
    public string Header(HeaderLanguage language) => language == HeaderLanguage.Chinese ? Chinese : English;
}
