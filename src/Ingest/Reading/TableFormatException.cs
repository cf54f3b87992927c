using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The file breaks its format so that no later row can be trusted (an unclosed quote, a record
/// larger than any sane row). Carries the place, like Sylvan's <c>CsvFormatException</c>, and the
/// message in both languages (<see cref="Text"/>; <see cref="Exception.Message"/> is the Chinese).
/// </summary>
public sealed class TableFormatException : Exception, ILocalizedError
{
    public TableFormatException(MessageText text, int row) : base(text?.ToString()) => (Text, Row) = (text!, row);
    public TableFormatException(MessageText text, int row, Exception inner) : base(text?.ToString(), inner) => (Text, Row) = (text!, row);
    public TableFormatException() => Text = IngestMessages.NoHeaderText.Text();
    public TableFormatException(string message) : base(message) => Text = IngestMessages.MalformedCsv.With(message);
    public TableFormatException(string message, Exception inner) : base(message, inner) => Text = IngestMessages.MalformedCsv.With(message);

    /// <summary>The message in either language.</summary>
    public MessageText Text { get; }

    /// <summary>The row (record) where the problem starts, as a person counts (header = 1).</summary>
    public int Row { get; }
}
