using Analytics.Domain.Messages;

namespace Analytics.Domain.Calendar;

/// <summary>A question the calendar cannot answer, or a schedule file it cannot read.</summary>
public sealed class CalendarException : Exception, IDomainLocalizedError
{
    public CalendarException(string message) : base(message) { }
    public CalendarException(string message, Exception inner) : base(message, inner) { }
    public CalendarException() { }

    /// <summary>A message of the catalogue (<see cref="DomainMessages"/>), in both languages.</summary>
    public CalendarException(DomainText text, Exception? inner = null) : base((text ?? throw new ArgumentNullException(nameof(text))).Chinese, inner) => _text = text;

    /// <summary>The message in both languages (a message worded elsewhere: the same text in both).</summary>
    public DomainText Text => _text ?? new DomainText("calendar.verbatim", Message, Message);

    private readonly DomainText? _text;


    /// <summary>The year that has no schedule, when that is the problem.</summary>
    public int? MissingYear { get; init; }
}
