namespace Analytics.Ingest.Reading;

/// <summary>
/// The file breaks its format so that no later row can be trusted (an unclosed quote, a record
/// larger than any sane row). Carries the place, like Sylvan's <c>CsvFormatException</c>.
/// </summary>
public sealed class TableFormatException : Exception
{
    public TableFormatException(string message, int row) : base(message) => Row = row;
    public TableFormatException(string message, int row, Exception inner) : base(message, inner) => Row = row;
    public TableFormatException() { }
    public TableFormatException(string message) : base(message) { }
    public TableFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The row (record) where the problem starts, as a person counts (header = 1).</summary>
    public int Row { get; }
}
