namespace Analytics.Oversight.Forensics;

/// <summary>
/// One test of <see cref="GamingForensics"/> over one unit (a utility, a county, or all), with its exact p-value, the
/// Holm-adjusted p-value over every test of the run, and whether it is flagged (adjusted ≤ α). A row of
/// <c>analytics forensics</c> (cli.md §6).
/// </summary>
public sealed record ForensicsFlag
{
    /// <summary>Test code: <see cref="ForensicsTests.Bunching"/>, <see cref="ForensicsTests.NonWorkingDay"/> …</summary>
    public required string Test { get; init; }
    /// <summary>The day target (目标2, e.g. <c>T2d</c>) for duration tests; null for the others.</summary>
    public string? Target { get; init; }
    /// <summary>Utility code; null when the test covers every utility (a county's test).</summary>
    public string? Utility { get; init; }
    /// <summary>County code; null when the test covers every county (a utility's test).</summary>
    public string? County { get; init; }
    /// <summary>The exact one-sided p-value of this test alone.</summary>
    public required double PValue { get; init; }
    /// <summary>Holm-adjusted over the <see cref="ForensicsResult.TestCount"/> tests of the run.</summary>
    public double PAdjusted { get; init; }
    /// <summary>True when <see cref="PAdjusted"/> ≤ α.</summary>
    public bool Flag { get; init; }
    /// <summary>What was counted, against what expectation (Chinese, no personal data).</summary>
    public required string Evidence { get; init; }
    /// <summary>The applications behind the count (utility/application id), at most <see cref="ForensicsOptions.MaxApplications"/>.</summary>
    public IReadOnlyList<string> Applications { get; init; } = [];
}

/// <summary>The codes of the forensic tests.</summary>
public static class ForensicsTests
{
    /// <summary>堆积: durations at exactly the day limit against those just above it, compared with the rest of the city.</summary>
    public const string Bunching = "bunching";
    /// <summary>非工作日操作: stage times on non-working days (the working-day calendar), against the rest of the city.</summary>
    public const string NonWorkingDay = "non_working_day";
    /// <summary>非工作时间操作: stage times on working days outside office hours, against the rest of the city.</summary>
    public const string OffHours = "off_hours";
    /// <summary>整日时长: connected at the very minute of acceptance N days later (filled-in times), against the rest of the city.</summary>
    public const string IdenticalDurations = "identical_durations";
    /// <summary>报送前突击录入: late record creation on the Wednesday before the Thursday ledger, against the rest of the city.</summary>
    public const string DeadlineBurst = "deadline_burst";
    /// <summary>暂停压线: pauses that bring a duration under its limit, against the rest of the city.</summary>
    public const string PauseToLimit = "pause_to_limit";
}

/// <summary>Every test of a run: <see cref="Flags"/> holds all of them (flagged or not), in a stable order.</summary>
public sealed record ForensicsResult(IReadOnlyList<ForensicsFlag> Flags, double Alpha)
{
    /// <summary>Number of tests the correction covered.</summary>
    public int TestCount => Flags.Count;
    /// <summary>The flagged tests.</summary>
    public IEnumerable<ForensicsFlag> Flagged => Flags.Where(f => f.Flag);
}
