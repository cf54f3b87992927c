using Analytics.Domain.Calendar;

namespace Analytics.Generator.Applications;

/// <summary>
/// Places events on working days (<see cref="WorkingDayCalendar.AddWorkingDays"/>) at office hours
/// (08:30–17:30), never after the end of the data. A date past the end is <see cref="Beyond"/>, and
/// stays so through further additions, so a chain of stages simply stops at the end of the data.
/// </summary>
internal sealed class OfficeClock
{
    /// <summary>Marks "after the end of the data".</summary>
    public static readonly DateOnly Beyond = DateOnly.MaxValue;

    private const int OfficeStartMinute = 8 * 60 + 30;
    private const int OfficeMinutes = 9 * 60;

    private readonly WorkingDayCalendar _calendar;
    private readonly Random _rng;
    private readonly DateOnly _last;
    private readonly DateOnly _calendarLast;

    public OfficeClock(WorkingDayCalendar calendar, Random rng, DateOnly lastDay)
    {
        _calendar = calendar;
        _rng = rng;
        _last = lastDay;
        _calendarLast = new DateOnly(calendar.Years.Max(), 12, 31);
    }

    public WorkingDayCalendar Calendar => _calendar;

    /// <summary>The last day of the data.</summary>
    public DateOnly LastDay => _last;

    /// <summary>
    /// <paramref name="n"/> working days after <paramref name="date"/>, or <see cref="Beyond"/> past
    /// the end of the data. For n = 0 the day itself when it is a working day, else the next one:
    /// events other than an online acceptance happen on working days only.
    /// </summary>
    public DateOnly Add(DateOnly date, int n)
    {
        if (date > _last) return Beyond;
        if (n <= 0) return _calendar.IsWorkingDay(date) ? date : Add(date, 1);
        if (_calendar.WorkingDaysBetween(date, _calendarLast) < n) return Beyond;
        var d = _calendar.AddWorkingDays(date, n);
        return d > _last ? Beyond : d;
    }

    /// <summary>The later of two dates.</summary>
    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The first working day on or after <paramref name="date"/> (or <see cref="Beyond"/>).</summary>
    public DateOnly OnOrAfterWorkingDay(DateOnly date)
    {
        return Add(date, 0);
    }

    /// <summary>A random office-hours instant on <paramref name="date"/>.</summary>
    public DateTime OfficeTime(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).AddMinutes(OfficeStartMinute + _rng.Next(OfficeMinutes));

    /// <summary>
    /// An instant on <paramref name="date"/> strictly after <paramref name="floor"/> (when on the
    /// same day), at office hours where that is possible; null past the end of the data. Moves the
    /// floor to the new instant, so a chain of calls gives ordered times.
    /// </summary>
    public DateTime? Stamp(DateOnly date, ref DateTime floor)
    {
        if (date == Beyond || date > _last) return null;
        var t = OfficeTime(date);
        if (t <= floor)
        {
            t = floor.AddMinutes(5 + _rng.Next(86));
            var dayEnd = date.ToDateTime(new TimeOnly(23, 59));
            if (t > dayEnd) t = floor < dayEnd ? dayEnd : floor;
        }
        floor = t;
        return t;
    }

    /// <summary>Working days d with date(a) &lt; d ≤ date(b).</summary>
    public int WorkingDays(DateTime a, DateTime b) => _calendar.WorkingDaysBetween(a, b);
}
