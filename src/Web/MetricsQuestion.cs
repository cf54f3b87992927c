using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;

namespace Analytics.Web;

/// <summary>
/// One question to the read side: a period and a group (county, utility), answered by <see cref="MetricsEngine"/> on
/// the records the store selects for it (<see cref="RecordScope"/>), at the data's <c>data_through</c> (metrics.md §8)
/// — the rule of <c>analytics metrics</c> without <c>--as-of</c>, so the API's JSON is the command's JSON for the same
/// store and question (cli.md §5). Without from/to: the calendar year of the as-of; one alone runs to the other end of
/// the group's data.
/// </summary>
public sealed record MetricsQuestion(DateOnly? From, DateOnly? To, string? County, string? Utility)
{
    /// <summary>The period when the question fixes it without the data (both ends, or neither: the as-of's year); else null.</summary>
    public MetricsPeriod? Requested(DateTime asOf)
    {
        if (From is null && To is null) return MetricsPeriod.Year(asOf.Year);
        if (From is { } f && To is { } t)
        {
            if (t < f) throw WebProblemException.BadRequest($"to {t:yyyy-MM-dd} 早于 from {f:yyyy-MM-dd} (to is before from)");
            return new MetricsPeriod(f, t);
        }
        return null;
    }

    /// <summary>
    /// The part of the store this question needs: its period and group when the period is fixed; else the group from
    /// the given end to the other end of the data (the period is then the data's span, <see cref="Period"/>).
    /// </summary>
    public RecordScope Scope(DateTime asOf) => Requested(asOf) is { } p
        ? new RecordScope(p.From, p.To, County, Utility)
        : new RecordScope(From ?? DateOnly.MinValue, To ?? DateOnly.MaxValue, County, Utility);

    /// <summary>The period this question asks about on <paramref name="data"/> (loaded with <see cref="Scope"/>) at <paramref name="asOf"/>.</summary>
    public MetricsPeriod Period(RecordSnapshot data, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Requested(asOf) is { } requested) return requested;
        var (first, last) = data.Span(asOf);
        var f = From ?? first;
        var t = To ?? last;
        if (t < f) throw WebProblemException.BadRequest($"to {t:yyyy-MM-dd} 早于 from {f:yyyy-MM-dd} (to is before from)");
        return new MetricsPeriod(f, t);
    }

    /// <summary>The answer: the engine's one result for this period and group, on records that include this question's scope.</summary>
    public MetricsResult Answer(RecordSnapshot data, DateTime asOf, WebSettings settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        return MetricsEngine.Compute(MetricsInput.Of(data, settings.Policy, settings.Calendar, Period(data, asOf), asOf, County, Utility));
    }
}
