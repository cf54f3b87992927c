using Analytics.Domain;
using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// A question's period as the user gave it (metrics.md §8): both ends, one end, or neither. Neither means the calendar year
/// of the as-of, or — for a list (<see cref="AllData"/>) — every date of the group's data; one end alone runs to the other
/// end of the data. The command line (<c>--year</c>, <c>--from</c>, <c>--to</c>) and the web's query string both resolve
/// their period and the records they load through this one rule, so the same question reads the same records.
/// </summary>
public sealed record PeriodRequest(DateOnly? From, DateOnly? To, bool AllData = false)
{
    /// <summary>A request for the calendar year <paramref name="year"/>.</summary>
    public static PeriodRequest Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The period when the request fixes it without the data (both ends; or neither, not a list); else null.</summary>
    /// <exception cref="ReversedPeriodException">The end is before the start.</exception>
    public MetricsPeriod? Fixed(DateTime asOf)
    {
        if (From is null && To is null && !AllData) return MetricsPeriod.Year(asOf.Year);
        if (From is { } f && To is { } t) return Checked(f, t);
        return null;
    }

    /// <summary>
    /// The records the request needs for <paramref name="county"/> and <paramref name="utility"/> (null = all): its period
    /// when fixed; else the group from the given end to the other end of the data.
    /// </summary>
    public RecordScope Scope(DateTime asOf, string? county, string? utility) => Fixed(asOf) is { } p
        ? new RecordScope(p.From, p.To, county, utility)
        : new RecordScope(From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue, county, utility);

    /// <summary>The period on <paramref name="data"/> (loaded with <see cref="Scope"/>) at <paramref name="asOf"/>.</summary>
    /// <exception cref="ReversedPeriodException">The end, given or taken from the data, is before the start.</exception>
    public MetricsPeriod Resolve(RecordSnapshot data, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Resolve(() => data.Span(asOf), asOf);
    }

    /// <summary>The period at <paramref name="asOf"/>, the data's span (<see cref="RecordSnapshot.Span(DateTime)"/>) asked for only when the request needs it.</summary>
    /// <exception cref="ReversedPeriodException">The end, given or taken from the data, is before the start.</exception>
    public MetricsPeriod Resolve(Func<(DateOnly First, DateOnly Last)> span, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (Fixed(asOf) is { } requested) return requested;
        var (first, last) = span();
        return Checked(From ?? first, To ?? last);
    }

    private static MetricsPeriod Checked(DateOnly from, DateOnly to) =>
        to < from ? throw new ReversedPeriodException(from, to) : new MetricsPeriod(from, to);
}

/// <summary>A requested period whose end is before its start: the user's mistake, worded by the caller.</summary>
public sealed class ReversedPeriodException(DateOnly from, DateOnly to)
    : ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).")
{
    public DateOnly From { get; } = from;
    public DateOnly To { get; } = to;
}
