namespace Analytics.Ingest.Reading;

/// <summary>What a cell holds as the file stored it: CSV cells are always <see cref="Text"/>; XLSX cells keep their type.</summary>
public enum CellKind
{
    /// <summary>Nothing in the cell (or a field beyond the end of a short CSV row).</summary>
    Empty = 0,
    Text = 1,
    /// <summary>An XLSX number cell without a date format.</summary>
    Number = 2,
    /// <summary>An XLSX cell with a date format (Excel stores it as a serial number).</summary>
    DateTime = 3,
    Boolean = 4,
}
