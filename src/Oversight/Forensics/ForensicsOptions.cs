namespace Analytics.Oversight.Forensics;

/// <summary>
/// The stated false-alarm rate and the thresholds of <see cref="GamingForensics"/> (docs/oversight.md).
/// </summary>
public sealed record ForensicsOptions
{
    /// <summary>
    /// The family-wise false-alarm rate α: on data without gaming the chance that a run flags anything at all is at most
    /// α (Holm over every test of the run). Measured on the generator: docs/oversight.md.
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>A test runs only when its unit has at least this many items (fewer cannot reach α after correction).</summary>
    public int MinItems { get; init; } = 20;

    /// <summary>Office hours on a working day, [start, end): a stage time outside is 非工作时间.</summary>
    public TimeOnly OfficeStart { get; init; } = new(8, 0);

    /// <summary>End of office hours (exclusive).</summary>
    public TimeOnly OfficeEnd { get; init; } = new(18, 0);

    /// <summary>The weekday before the Thursday ledger (每周四, 四、1) on which a burst of late entries is looked for.</summary>
    public DayOfWeek DeadlineEve { get; init; } = DayOfWeek.Wednesday;

    /// <summary>The most application ids a flag lists.</summary>
    public int MaxApplications { get; init; } = 200;
}
