namespace Analytics.Metrics;

/// <summary>What kind of figure could not be computed.</summary>
public enum MetricsErrorKind
{
    Invalid = 0,
    /// <summary>An application's dates fall in a year the working-day calendar has no schedule for; its day figures are null.</summary>
    CalendarMissingYear = 1,
    /// <summary>A reliability group has outages in a year but no customers-served figure (or zero customers); it has no SAIDI.</summary>
    NoCustomersServed = 2,
}

/// <summary>
/// A figure that could not be computed, for one application or one reliability group. The run goes on;
/// the figure is left out (never reported as zero) and this error says why.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Scope">What it concerns, e.g. <c>sgcc-linfen/A001</c> or <c>2022 yaodu sgcc-linfen rural</c>.</param>
/// <param name="Message">A one-line English message for stderr.</param>
public sealed record MetricsError(MetricsErrorKind Kind, string Scope, string Message)
{
    /// <summary>Reliability errors: the year of the group.</summary>
    public int? Year { get; init; }
    /// <summary>The county concerned (null = the whole city, or not a group error).</summary>
    public string? County { get; init; }
    /// <summary>The utility concerned (null = all utilities).</summary>
    public string? Utility { get; init; }
    /// <summary>Reliability errors: the area class (null = all areas).</summary>
    public Analytics.Domain.Area? Area { get; init; }
    /// <summary>Application errors: the application id (with <see cref="Utility"/>).</summary>
    public string? ApplicationId { get; init; }
}
