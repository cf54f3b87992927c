namespace Analytics.Ingest.Reading;

/// <summary>
/// The one seam between file formats and templates (style.md habit 6): a CSV file or an XLSX sheet
/// becomes a header row and data rows of cells addressed by ordinal. Templates bind header names to
/// ordinals once and read every row through this interface, whatever the format.
/// </summary>
/// <remarks>
/// Rows whose cells are all empty or white space are skipped (Excel sheets often end in formatted
/// but empty rows). Row numbers are as a person sees them: the CSV record number (header = 1) or the
/// sheet's own row number.
/// </remarks>
public interface ITableReader : IDisposable
{
    /// <summary>The sheet read, for XLSX; null for CSV.</summary>
    string? Sheet { get; }

    /// <summary>The header cells as written (trimmed); an empty string for a column without a name.</summary>
    IReadOnlyList<string> Headers { get; }

    /// <summary>Row number of the header row.</summary>
    int HeaderRow { get; }

    /// <summary>Moves to the next non-empty data row. Throws <see cref="TableFormatException"/> when the file breaks its format.</summary>
    bool Read();

    /// <summary>Row number of the current row.</summary>
    int RowNumber { get; }

    /// <summary>Number of fields the current row has (may exceed <see cref="Headers"/> in a malformed CSV row).</summary>
    int FieldCount { get; }

    /// <summary>The cell at <paramref name="ordinal"/>; <see cref="CellValue.Empty"/> past the end of the row.</summary>
    CellValue Cell(int ordinal);

    /// <summary>
    /// Why the cell at <paramref name="ordinal"/> cannot be read (an XLSX formula without a saved value),
    /// as the end of a sentence about the cell; null when it can. Such a cell reads as empty.
    /// </summary>
    Messages.MessageText? CellProblem(int ordinal);

    /// <summary>The cell as text for messages and the rejects file: raw CSV text, or an XLSX value in invariant form.</summary>
    string Display(int ordinal);
}
