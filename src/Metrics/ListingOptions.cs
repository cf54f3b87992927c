using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>
/// What a streamed answer (<see cref="MetricsQuery.AnswerListing"/>) keeps of its lists: the per-application rows a caller
/// lists, the rows of the applications with a breach or an integrity finding of the period, the data gaps; and what it
/// hands the caller as it streams. The figures (targets, reliability, indicators, errors) are whole whatever is kept.
/// </summary>
public sealed record ListingOptions
{
    /// <summary>Rows kept whatever they list (e.g. a ledger's applications in progress); none by default.</summary>
    public Func<ApplicationFigures, bool> Keep { get; init; } = _ => false;

    /// <summary>Whether the rows of the applications with a breach or an integrity finding of the period are kept (true by
    /// default: an appendix lists them); false for a caller that takes what it needs of them from <see cref="Listed"/>.</summary>
    public bool ListedRows { get; init; } = true;

    /// <summary>Whether <see cref="MetricsResult.DataGaps"/> is listed (true by default); their counts are in the targets either way.</summary>
    public bool DataGaps { get; init; } = true;

    /// <summary>
    /// Whether reliability and the outage indicators are summed (true by default); false for a caller that takes neither
    /// from this answer (a county ledger's week: 目标5 is the year's figure, the outage lists are the week's steps), which
    /// then reads nothing of the outages and has them empty.
    /// </summary>
    public bool Outages { get; init; } = true;

    /// <summary>Called with the row of every application of the question (as it stood at the end of the period), kept or
    /// not, in the store's order: <see cref="MetricsEngine.Rows"/> as the stream passes (a circular's forensics).</summary>
    public Action<ApplicationFigures>? Row { get; init; }

    /// <summary>Called with the row of each application with a breach or an integrity finding of the period, as it comes.</summary>
    public Action<ApplicationFigures>? Listed { get; init; }

    /// <summary>Called with each application of the question as known (not rewound to the period's end), in the store's
    /// order, for a caller that tallies more of them (a report's months).</summary>
    public Action<Application>? Each { get; init; }
}
