using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// A ledger date that is not a Thursday (ledgers are due every Thursday, 四、1), or text that is not
/// a date. The message names the nearest Thursdays before and after.
/// </summary>
public sealed class LedgerDateException : LedgerException
{
    /// <summary>A date that is not a Thursday.</summary>
    public LedgerDateException(DateOnly date, DateOnly thursdayBefore, DateOnly thursdayAfter)
        : base($"{Formats.Date(date)} is a {date.DayOfWeek}, not a Thursday: ledgers are due on Thursdays. "
               + $"The nearest are {Formats.Date(thursdayBefore)} (before) and {Formats.Date(thursdayAfter)} (after).")
    {
        Date = date;
        ThursdayBefore = thursdayBefore;
        ThursdayAfter = thursdayAfter;
    }

    /// <summary>Text that is not a date at all.</summary>
    public LedgerDateException(string text)
        : base($"\"{text}\" is not a date; expected a Thursday as yyyy-MM-dd, e.g. 2026-11-26.")
    {
        Text = text;
    }

    /// <summary>The date given, when it was a date.</summary>
    public DateOnly? Date { get; }
    /// <summary>The nearest Thursday before <see cref="Date"/>.</summary>
    public DateOnly? ThursdayBefore { get; }
    /// <summary>The nearest Thursday after <see cref="Date"/>.</summary>
    public DateOnly? ThursdayAfter { get; }
    /// <summary>The text given, when it was not a date.</summary>
    public string? Text { get; }
}
