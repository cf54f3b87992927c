namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// A table that breaks across pages between rows, repeating its header rows on every page it
/// continues on (with the caption marked 续). Cells wrap; a row is never split. A table without rows
/// prints <see cref="EmptyText"/> in one row across all columns.
/// </summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : Block
{
    /// <summary>表1 … over the table; repeated as "表1 …（续）" on continuation pages.</summary>
    public string? Caption { get; init; }
    public string EmptyText { get; init; } = "无";
    /// <summary>Small print under the table (how figures were computed).</summary>
    public string? Footnote { get; init; }
}

/// <summary>A column: header text, relative width, alignment of its cells.</summary>
public sealed record TableColumn(string Header, float Weight = 1, TextAlign Align = TextAlign.Left);

/// <summary>One body row; <see cref="Emphasis"/> sets it in bold (totals).</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    public bool Emphasis { get; init; }

    /// <summary>A row of plain cells.</summary>
    public static TableRow Of(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return new TableRow(cells.Select(c => new TableCell(c)).ToArray());
    }
}

/// <summary>A cell: text and tone (red for a breach). A line break in the text starts a new line in the cell.</summary>
public sealed record TableCell(string Text, Tone Tone = Tone.Normal)
{
    public static implicit operator TableCell(string text) => new(text);

    public static TableCell FromString(string text) => new(text);
}
