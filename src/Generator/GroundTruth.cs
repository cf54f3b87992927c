namespace Analytics.Generator;

/// <summary>
/// What the generator put into the data, to check the findings against: every injected problem
/// with the size of the population it was drawn from (see <see cref="InjectionRates"/>), and the
/// volumes. "Rows" count file rows; the other figures count applications or outage events.
/// </summary>
public sealed class GroundTruth
{
    /// <summary>Distinct applications over both filings.</summary>
    public long Applications { get; internal set; }
    /// <summary>At the revised filing's as-of.</summary>
    public long Connected { get; internal set; }
    public long InProgress { get; internal set; }
    public long Withdrawn { get; internal set; }

    public long OutOfOrder { get; internal set; }
    public long OutOfOrderPopulation { get; internal set; }
    public long EnteredLate { get; internal set; }
    public long EnteredLatePopulation { get; internal set; }
    public long RecordAfterConnection { get; internal set; }
    public long RecordAfterConnectionPopulation { get; internal set; }
    /// <summary>Pairs of a withdrawn application and its re-application within 30 days (重走流程).</summary>
    public long Rewalks { get; internal set; }
    /// <summary>Of <see cref="Rewalks"/>, re-applications that name the withdrawn one.</summary>
    public long RewalksNamingPrevious { get; internal set; }
    /// <summary>Re-applications 35–80 days after a withdrawal (no finding).</summary>
    public long LateReapplications { get; internal set; }
    /// <summary>Applications drawn as stalled (<see cref="InjectionRates.Stalled"/>) and still in progress at the end.</summary>
    public long Stalled { get; internal set; }
    /// <summary>Over-limit applications of <see cref="GeneratorOptions.GameUtility"/> "corrected" to the limit day.</summary>
    public long Gamed { get; internal set; }
    /// <summary>Over-limit applications of <see cref="GeneratorOptions.GameUtility"/> drawn (the population of <see cref="Gamed"/>).</summary>
    public long GamePopulation { get; internal set; }
    public long Rewritten { get; internal set; }
    public long RewrittenPopulation { get; internal set; }
    public long BackFilled { get; internal set; }
    public long BackFilledPopulation { get; internal set; }
    public long RefiledUnchanged { get; internal set; }
    public long RefiledUnchangedPopulation { get; internal set; }

    public long FirstFilingRows { get; internal set; }
    public long RevisedFilingRows { get; internal set; }

    public long OutageEvents { get; internal set; }
    public long OutageRows { get; internal set; }
    /// <summary>Outages that start on 31 December and end on 1 January.</summary>
    public long OutagesAcrossNewYear { get; internal set; }
    /// <summary>The factor by which the territories' customers were scaled to match the number of outages.</summary>
    public double CustomerScale { get; internal set; }
    public long NoteRows { get; internal set; }
    public long CustomerRows { get; internal set; }
}
