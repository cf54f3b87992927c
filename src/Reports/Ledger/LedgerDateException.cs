using Analytics.Domain.Messages;
using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// A ledger date that is not a Thursday (ledgers are due every Thursday, 四、1), or text that is not
/// a date. The message names the nearest Thursdays before and after.
/// </summary>
public sealed class LedgerDateException : LedgerException, IDomainLocalizedError
{
    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>A date that is not a Thursday.</summary>
    public LedgerDateException(DateOnly date, DateOnly thursdayBefore, DateOnly thursdayAfter)
        : this(NotThursday(date, thursdayBefore, thursdayAfter))
    {
        Date = date;
        ThursdayBefore = thursdayBefore;
        ThursdayAfter = thursdayAfter;
    }

    /// <summary>Text that is not a date at all.</summary>
    public LedgerDateException(string text)
        : this(DomainMessages.LedgerNotADate.With(text))
    {
        Text = text;
    }

    private LedgerDateException(DomainText message) : base(message.Chinese) => Message2 = message;

    private DomainText Message2 { get; }

    /// <summary>The message in both languages (<see cref="Exception.Message"/> is the Chinese).</summary>
    DomainText IDomainLocalizedError.Text => Message2;

    private static DomainText NotThursday(DateOnly date, DateOnly before, DateOnly after) =>
        DomainMessages.LedgerNotThursday.With(Formats.Date(date), new DomainText("weekday", ChineseWeekdays[(int)date.DayOfWeek], date.DayOfWeek.ToString()),
            Formats.Date(before), Formats.Date(after));

    /// <summary>The date given, when it was a date.</summary>
    public DateOnly? Date { get; }
    /// <summary>The nearest Thursday before <see cref="Date"/>.</summary>
    public DateOnly? ThursdayBefore { get; }
    /// <summary>The nearest Thursday after <see cref="Date"/>.</summary>
    public DateOnly? ThursdayAfter { get; }
    /// <summary>The text given, when it was not a date.</summary>
    public string? Text { get; }
}
