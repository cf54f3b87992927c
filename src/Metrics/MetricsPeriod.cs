using System.Globalization;

namespace Analytics.Metrics;

/// <summary>
/// The reporting period [<see cref="From"/>, <see cref="To"/>], both dates inclusive. An instant lies in
/// the period when its date does (instants are China local time; the time of day does not matter).
/// </summary>
public readonly record struct MetricsPeriod
{
    /// <summary>A period from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public MetricsPeriod(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."), nameof(to));
        From = from;
        To = to;
    }

    /// <summary>First day, inclusive.</summary>
    public DateOnly From { get; }

    /// <summary>Last day, inclusive.</summary>
    public DateOnly To { get; }

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    public static MetricsPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The half-year (1 Jan–30 Jun or 1 Jul–31 Dec).</summary>
    public static MetricsPeriod Half(Analytics.Domain.HalfYear half) => half.Half == 1
        ? new(new DateOnly(half.Year, 1, 1), new DateOnly(half.Year, 6, 30))
        : new(new DateOnly(half.Year, 7, 1), new DateOnly(half.Year, 12, 31));

    /// <summary>True when From ≤ <paramref name="date"/> ≤ To.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>True when the date of <paramref name="instant"/> lies in the period.</summary>
    public bool Contains(DateTime instant) => Contains(DateOnly.FromDateTime(instant));

    /// <summary>True when the date of <paramref name="instant"/> is given and lies in the period.</summary>
    public bool Contains(DateTime? instant) => instant is { } i && Contains(i);

    /// <summary>The calendar years the period touches, ascending.</summary>
    public IEnumerable<int> Years => Enumerable.Range(From.Year, To.Year - From.Year + 1);

    /// <summary>
    /// The period 环比 compares with (metrics.md §8): the preceding period of the same kind — the previous calendar year,
    /// half-year or month when this is one, otherwise the same number of days just before.
    /// </summary>
    public MetricsPeriod Preceding()
    {
        var firstOfMonth = From.Day == 1;
        var lastOfMonth = To.AddDays(1).Day == 1;
        if (firstOfMonth && lastOfMonth)
        {
            var months = (To.Year - From.Year) * 12 + To.Month - From.Month + 1;
            if (months is 12 or 6 or 3 or 1 && (From.Month - 1) % months == 0)
                return new MetricsPeriod(From.AddMonths(-months), From.AddDays(-1));
        }
        var days = To.DayNumber - From.DayNumber + 1;
        return new MetricsPeriod(From.AddDays(-days), From.AddDays(-1));
    }

    /// <summary>The same dates one year earlier (同比, metrics.md §8); 29 February becomes 28 February.</summary>
    public MetricsPeriod SameDatesYearEarlier() => new(From.AddYears(-1), To.AddYears(-1));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
}
