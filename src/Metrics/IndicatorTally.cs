using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>
/// The application indicators of a period (<see cref="IndicatorCalculator.Compute"/>, without outages) over applications
/// given one at a time, for a caller that sees them as a store streams them and keeps none (a report's months, issue 12).
/// </summary>
public sealed class IndicatorTally
{
    private readonly IndicatorAccumulator _accumulator;

    /// <param name="period">The period the indicators are of.</param>
    public IndicatorTally(MetricsPeriod period) => _accumulator = new IndicatorAccumulator(period);

    /// <summary>One application (as the caller's question takes it).</summary>
    public void Add(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        _accumulator.Add(application);
    }

    /// <summary>The indicators of the applications added so far.</summary>
    public Indicators Result() => _accumulator.Result();
}
