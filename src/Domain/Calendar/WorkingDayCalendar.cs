using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Messages;

namespace Analytics.Domain.Calendar;

/// <summary>
/// The working-day calendar of the State Council (metrics.md §1): Monday–Friday, minus statutory
/// holidays, plus the weekend days declared working days. Only years with a schedule can be asked
/// about; any other year is a <see cref="CalendarException"/> naming it, never a Monday–Friday guess.
/// </summary>
/// <remarks>
/// Counting rule: the working days of an interval from instant s to instant e are the working
/// days d with date(s) &lt; d ≤ date(e). Same day = 0; Friday → next Monday = 1.
/// Counting is O(1) through a prefix sum over the covered years.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly int _firstYear;
    private readonly int _lastYear;
    private readonly DateOnly _origin;
    // _cumulative[i] = working days d with _origin <= d < _origin + i.
    private readonly int[] _cumulative;
    private readonly bool[] _isWorking;
    private readonly HashSet<int> _years;

    private WorkingDayCalendar(IReadOnlyDictionary<int, YearSchedule> schedules)
    {
        if (schedules.Count == 0) throw new CalendarException(DomainMessages.CalendarEmpty.With());
        _years = [.. schedules.Keys];
        _firstYear = schedules.Keys.Min();
        _lastYear = schedules.Keys.Max();
        _origin = new DateOnly(_firstYear, 1, 1);
        var days = new DateOnly(_lastYear, 12, 31).DayNumber - _origin.DayNumber + 1;
        _isWorking = new bool[days];
        _cumulative = new int[days + 1];
        for (var i = 0; i < days; i++)
        {
            var d = _origin.AddDays(i);
            var working = false;
            if (schedules.TryGetValue(d.Year, out var y))
            {
                var weekday = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                working = y.Workdays.Contains(d) || (weekday && !y.Holidays.Contains(d));
            }
            _isWorking[i] = working;
            _cumulative[i + 1] = _cumulative[i] + (working ? 1 : 0);
        }
        Schedules = schedules;
    }

    /// <summary>The schedules this calendar was built from, by year.</summary>
    public IReadOnlyDictionary<int, YearSchedule> Schedules { get; }

    /// <summary>The years that have a schedule, ascending.</summary>
    public IEnumerable<int> Years => _years.Order();

    /// <summary>The shipped schedules (2020–2026).</summary>
    public static WorkingDayCalendar Default => LazyDefault.Value;

    private static readonly Lazy<WorkingDayCalendar> LazyDefault = new(() =>
    {
        using var s = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream("Analytics.Domain.Data.calendar-cn.json")
            ?? throw new CalendarException(DomainMessages.CalendarResourceMissing.With());
        return new WorkingDayCalendar(Parse(s, "calendar-cn.json"));
    });

    /// <summary>A calendar from explicit schedules (tests, other countries' calendars).</summary>
    public static WorkingDayCalendar FromSchedules(IEnumerable<YearSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return new WorkingDayCalendar(schedules.ToDictionary(s => s.Year));
    }

    /// <summary>
    /// This calendar with the years of a schedule file (same JSON shape as the shipped one) added;
    /// a year the file also has replaces the shipped one.
    /// </summary>
    public WorkingDayCalendar WithFile(string path)
    {
        Dictionary<int, YearSchedule> added;
        try
        {
            using var s = File.OpenRead(path);
            added = Parse(s, path);
        }
        catch (IOException e) { throw new CalendarException(DomainMessages.CalendarUnreadable.With(path, e.Message), e); }
        catch (UnauthorizedAccessException e) { throw new CalendarException(DomainMessages.CalendarUnreadable.With(path, e.Message), e); }
        var merged = new Dictionary<int, YearSchedule>(Schedules);
        foreach (var (y, sch) in added) merged[y] = sch;
        return new WorkingDayCalendar(merged);
    }

    /// <summary>True when <paramref name="date"/> is a working day. Throws for a year without schedule.</summary>
    public bool IsWorkingDay(DateOnly date) => _isWorking[Index(date)];

    /// <summary>Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var a = Index(from);
        var b = Index(to);
        return _cumulative[b + 1] - _cumulative[a + 1];
    }

    /// <summary>Working days of the interval from instant <paramref name="start"/> to instant <paramref name="end"/> (dates only count).</summary>
    public int WorkingDaysBetween(DateTime start, DateTime end) =>
        WorkingDaysBetween(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));

    /// <summary>
    /// Working days d of (date(start), date(end)] that lie in none of the excluded intervals, each
    /// taken by the same rule (date(s) &lt; d ≤ date(e)). Overlapping exclusions count once.
    /// </summary>
    public int WorkingDaysExcluding(DateTime start, DateTime end, ReadOnlySpan<(DateTime Start, DateTime End)> excluded)
    {
        var from = DateOnly.FromDateTime(start);
        var to = DateOnly.FromDateTime(end);
        var total = WorkingDaysBetween(from, to);
        if (total == 0 || excluded.IsEmpty) return total;

        // Clip each exclusion (a, b] to (from, to], sort, merge, subtract.
        Span<(int A, int B)> spans = excluded.Length <= 8 ? stackalloc (int, int)[excluded.Length] : new (int, int)[excluded.Length];
        var n = 0;
        foreach (var (s, e) in excluded)
        {
            var a = Math.Max(DateOnly.FromDateTime(s).DayNumber, from.DayNumber);
            var b = Math.Min(DateOnly.FromDateTime(e).DayNumber, to.DayNumber);
            if (b > a) spans[n++] = (a, b);
        }
        if (n == 0) return total;
        spans = spans[..n];
        spans.Sort((x, y) => x.A.CompareTo(y.A));
        var removed = 0;
        var (curA, curB) = spans[0];
        for (var i = 1; i < n; i++)
        {
            if (spans[i].A <= curB) { curB = Math.Max(curB, spans[i].B); continue; }
            removed += WorkingDaysBetween(DateOnly.FromDayNumber(curA), DateOnly.FromDayNumber(curB));
            (curA, curB) = spans[i];
        }
        removed += WorkingDaysBetween(DateOnly.FromDayNumber(curA), DateOnly.FromDayNumber(curB));
        return total - removed;
    }

    /// <summary>
    /// The date <paramref name="n"/> working days after <paramref name="date"/>: the smallest d with
    /// WorkingDaysBetween(date, d) = n. n = 0 gives <paramref name="date"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) return date;
        var start = Index(date);
        var want = _cumulative[start + 1] + n;
        // Smallest index i > start with _cumulative[i + 1] == want.
        var lo = start + 1;
        var hi = _isWorking.Length - 1;
        if (_cumulative[hi + 1] < want)
            throw Missing(_lastYear + 1);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_cumulative[mid + 1] >= want) hi = mid; else lo = mid + 1;
        }
        var result = _origin.AddDays(lo);
        _ = Index(result); // a gap year inside the range still has no schedule
        return result;
    }

    private int Index(DateOnly date)
    {
        if (!_years.Contains(date.Year)) throw Missing(date.Year);
        return date.DayNumber - _origin.DayNumber;
    }

    private static CalendarException Missing(int year) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The working-day calendar has no schedule for {year}: add that year's official holiday schedule with --calendar FILE."))
        { MissingYear = year };

    private static Dictionary<int, YearSchedule> Parse(Stream s, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(s); }
        catch (JsonException e) { throw new CalendarException(DomainMessages.CalendarNotJson.With(source, e.Message), e); }
        using (doc)
        {
            var result = new Dictionary<int, YearSchedule>();
            if (!doc.RootElement.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
                throw new CalendarException(DomainMessages.CalendarNoYears.With(source));
            foreach (var y in years.EnumerateObject())
            {
                if (!int.TryParse(y.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2999)
                    throw new CalendarException(DomainMessages.CalendarNotAYear.With(source, y.Name));
                var holidays = ReadDays(y.Value, "holidays", year, source);
                var workdays = ReadDays(y.Value, "workdays", year, source);
                result[year] = new YearSchedule(year, holidays, workdays);
            }
            return result;
        }
    }

    private static HashSet<DateOnly> ReadDays(JsonElement year, string name, int y, string source)
    {
        var set = new HashSet<DateOnly>();
        if (!year.TryGetProperty(name, out var arr)) return set;
        if (arr.ValueKind != JsonValueKind.Array)
            throw new CalendarException(DomainMessages.CalendarNotAList.With(source, y, name));
        foreach (var item in arr.EnumerateArray())
        {
            var text = item.GetString() ?? "";
            var parts = text.Split("..");
            if (parts.Length is < 1 or > 2
                || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
                || !DateOnly.TryParseExact(parts[^1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
                || b < a)
                throw new CalendarException(DomainMessages.CalendarNotADate.With(source, y, name, text));
            for (var d = a; d <= b; d = d.AddDays(1))
            {
                if (d.Year != y)
                    throw new CalendarException(DomainMessages.CalendarOutsideYear.With(source, y, name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                set.Add(d);
            }
        }
        return set;
    }
}

/// <summary>One year's official schedule: days off and weekend days worked.</summary>
public sealed record YearSchedule(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> Workdays);
