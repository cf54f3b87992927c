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
    private PeriodRequest Request => new(From, To);

    /// <summary>The period when the question fixes it without the data (both ends, or neither: the as-of's year); else null.</summary>
    public MetricsPeriod? Requested(DateTime asOf) => Reversed(() => Request.Fixed(asOf));

    /// <summary>
    /// The part of the store this question needs (<see cref="PeriodRequest.Scope"/>, the command line's rule): its period
    /// and group when the period is fixed; else the group from the given end to the other end of the data.
    /// </summary>
    public RecordScope Scope(DateTime asOf) => Reversed(() => Request.Scope(asOf, County, Utility));

    /// <summary>The period this question asks about on <paramref name="data"/> (loaded with <see cref="Scope"/>) at <paramref name="asOf"/>.</summary>
    public MetricsPeriod Period(RecordSnapshot data, DateTime asOf) => Reversed(() => Request.Resolve(data, asOf));

    /// <summary>The answer: the engine's one result for this period and group, on records that include this question's scope.</summary>
    public MetricsResult Answer(RecordSnapshot data, DateTime asOf, WebSettings settings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        return MetricsEngine.Compute(MetricsInput.Of(data, settings.Policy, settings.Calendar, Period(data, asOf), asOf, County, Utility));
    }

    private static T Reversed<T>(Func<T> resolve)
    {
        try
        {
            return resolve();
        }
        catch (ReversedPeriodException e)
        {
            throw WebProblemException.BadRequest($"to {e.To:yyyy-MM-dd} 早于 from {e.From:yyyy-MM-dd} (to is before from)");
        }
    }
}
