using System.Globalization;
using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// The week a county's weekly ledger (工作台账, 四、1: 每周四前报送市能源局) covers. The ledger due
/// on Thursday D covers the seven days ending on the Wednesday before D: from Thursday D−7 00:00
/// up to Wednesday D−1 24:00 (= D 00:00). Year-to-date figures are as of that Wednesday 24:00.
/// </summary>
/// <remarks>
/// The week is half-open, [<see cref="Start"/>, <see cref="End"/>): an instant on Wednesday 23:59 is
/// in it, Thursday D 00:00 belongs to the next ledger, Thursday D−7 00:00 is in it. As dates it is
/// <see cref="FirstDay"/> … <see cref="LastDay"/>, both inclusive. The year to date runs from
/// 1 January of <see cref="LastDay"/>'s year, so the ledger due on the first Thursday of a year
/// may report a week that began in December of the year before.
/// </remarks>
public readonly record struct LedgerWeek
{
    private LedgerWeek(DateOnly thursday) => Thursday = thursday;

    /// <summary>The Thursday the ledger is due (报送日).</summary>
    public DateOnly Thursday { get; }

    /// <summary>First day of the week covered: the Thursday a week before <see cref="Thursday"/>.</summary>
    public DateOnly FirstDay => Thursday.AddDays(-7);

    /// <summary>Last day of the week covered: the Wednesday before <see cref="Thursday"/>.</summary>
    public DateOnly LastDay => Thursday.AddDays(-1);

    /// <summary>The first day of the year to date the ledger speaks of: 1 January, or the week's first day when the week begins in the year before.</summary>
    public DateOnly YearToDateFrom => YearStart < FirstDay ? YearStart : FirstDay;

    /// <summary>
    /// The records the week's ledger needs without the risk column (issue 12), the same for <c>ledger</c> and the web:
    /// the year to the week's end, of <paramref name="county"/> or of the city (null).
    /// </summary>
    public Analytics.Domain.Storage.RecordScope Scope(string? county) => new(YearToDateFrom, LastDay, county);

    /// <summary>
    /// The records of the week's question alone (issue 12): what a ledger made from a store reads in full, its year to
    /// date coming from the store's counts (<see cref="LedgerStore"/>).
    /// </summary>
    public Analytics.Domain.Storage.RecordScope WeekScope(string? county) => new(FirstDay, LastDay, county);

    /// <summary>Start of the week, inclusive: <see cref="FirstDay"/> 00:00.</summary>
    public DateTime Start => FirstDay.ToDateTime(TimeOnly.MinValue);

    /// <summary>End of the week, exclusive: <see cref="Thursday"/> 00:00 (= Wednesday 24:00).</summary>
    public DateTime End => Thursday.ToDateTime(TimeOnly.MinValue);

    /// <summary>
    /// The as-of instant of every figure in the ledger: the last instant of the Wednesday (24:00 less
    /// one tick). Its date is the Wednesday, so working days counted "to the as-of" (metrics.md §1,
    /// date(s) &lt; d ≤ date(e)) stop at the Wednesday and never count the Thursday the ledger is due.
    /// </summary>
    public DateTime AsOf => End.AddTicks(-1);

    /// <summary>First day of the year to date: 1 January of <see cref="LastDay"/>'s year.</summary>
    public DateOnly YearStart => new(LastDay.Year, 1, 1);

    /// <summary>Start of the year to date, inclusive (00:00 of <see cref="YearStart"/>).</summary>
    public DateTime YearStartInstant => YearStart.ToDateTime(TimeOnly.MinValue);

    /// <summary>The year the year-to-date figures speak of.</summary>
    public int Year => LastDay.Year;

    /// <summary>The ledger of the week before.</summary>
    public LedgerWeek Previous => new(Thursday.AddDays(-7));

    /// <summary>The ledger of the week after.</summary>
    public LedgerWeek Next => new(Thursday.AddDays(7));

    /// <summary>True when <paramref name="instant"/> lies in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public bool Contains(DateTime instant) => instant >= Start && instant < End;

    /// <summary>True when <paramref name="instant"/> lies in [<see cref="YearStartInstant"/>, <see cref="End"/>).</summary>
    public bool ContainsYearToDate(DateTime instant) => instant >= YearStartInstant && instant < End;

    /// <summary>Chinese label of the period, e.g. <c>2026-11-19至2026-11-25</c>.</summary>
    public string PeriodLabel => $"{Formats.Date(FirstDay)}至{Formats.Date(LastDay)}";

    /// <summary>The ledger due on <paramref name="thursday"/>.</summary>
    /// <exception cref="LedgerDateException">The date is not a Thursday; the error names the nearest Thursdays before and after.</exception>
    public static LedgerWeek For(DateOnly thursday)
    {
        if (thursday.DayOfWeek != DayOfWeek.Thursday)
        {
            var (before, after) = NearestThursdays(thursday);
            throw new LedgerDateException(thursday, before, after);
        }
        return new LedgerWeek(thursday);
    }

    /// <summary>
    /// Parses the command line's <c>--date</c> (<c>yyyy-MM-dd</c>, also <c>yyyy/M/d</c> and
    /// <c>yyyy年M月d日</c>) and returns the ledger due that day.
    /// </summary>
    /// <exception cref="LedgerDateException">Not a date, or not a Thursday.</exception>
    public static LedgerWeek Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日"];
        if (!DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new LedgerDateException(text);
        return For(date);
    }

    /// <summary>The ledger due on <paramref name="date"/> when it is a Thursday, else the latest one due before it.</summary>
    public static LedgerWeek DueOnOrBefore(DateOnly date) =>
        new(date.DayOfWeek == DayOfWeek.Thursday ? date : NearestThursdays(date).Before);

    /// <summary>The Thursdays strictly before and strictly after <paramref name="date"/>.</summary>
    public static (DateOnly Before, DateOnly After) NearestThursdays(DateOnly date)
    {
        var back = ((int)date.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7;
        var ahead = ((int)DayOfWeek.Thursday - (int)date.DayOfWeek + 7) % 7;
        return (date.AddDays(back == 0 ? -7 : -back), date.AddDays(ahead == 0 ? 7 : ahead));
    }

    public override string ToString() => Formats.Date(Thursday);
}
