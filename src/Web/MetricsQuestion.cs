using Analytics.Domain;
using Analytics.Metrics;

namespace Analytics.Web;

/// <summary>
/// One question to the read side: a period and a group (county, utility), answered by <see cref="MetricsEngine"/> on
/// the records as loaded, at the data's <c>data_through</c> (metrics.md §8) — the rule of <c>analytics metrics</c>
/// without <c>--as-of</c>, so the API's JSON is the command's JSON for the same store and question (cli.md §5).
/// Without from/to: the calendar year of the as-of; one alone runs to the other end of the data.
/// </summary>
public sealed record MetricsQuestion(DateOnly? From, DateOnly? To, string? County, string? Utility)
{
    /// <summary>The period this question asks about on <paramref name="data"/> at <paramref name="asOf"/>.</summary>
    public MetricsPeriod Period(RecordSnapshot data, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (From is null && To is null) return MetricsPeriod.Year(asOf.Year);
        var (first, last) = data.Span(asOf);
        var f = From ?? first;
        var t = To ?? last;
        if (t < f) throw WebProblemException.BadRequest($"to {t:yyyy-MM-dd} 早于 from {f:yyyy-MM-dd} (to is before from)");
        return new MetricsPeriod(f, t);
    }

    /// <summary>The answer: the engine's one result for this period and group.</summary>
    public MetricsResult Answer(RecordSnapshot data, WebSettings settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        var asOf = data.DataThrough ?? settings.Clock();
        return MetricsEngine.Compute(MetricsInput.Of(data, settings.Policy, settings.Calendar, Period(data, asOf), asOf, County, Utility));
    }

}
