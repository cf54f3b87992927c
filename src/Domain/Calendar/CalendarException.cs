namespace Analytics.Domain.Calendar;

/// <summary>A question the calendar cannot answer, or a schedule file it cannot read.</summary>
public sealed class CalendarException : Exception
{
    public CalendarException(string message) : base(message) { }
    public CalendarException(string message, Exception inner) : base(message, inner) { }
    public CalendarException() { }

    /// <summary>The year that has no schedule, when that is the problem.</summary>
    public int? MissingYear { get; init; }
}
