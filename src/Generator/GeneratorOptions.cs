using System.Globalization;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Generator;

/// <summary>
/// What <see cref="DataGenerator"/> makes: how many applications and outages, over which days,
/// from which seed, in which format. The same options (and seed) always give the same files.
/// </summary>
/// <remarks>
/// The data spans <see cref="Start"/> through <see cref="End"/>, both inclusive; no time in any
/// file lies after <see cref="End"/>. The default end, Wednesday 2026-11-25, makes Thursday
/// 2026-11-26 the last ledger day (每周四, 四、1) with its week complete. Applications are filed
/// twice: <c>applications</c> as known at <see cref="FirstFilingAsOf"/> (<see cref="RevisionLagDays"/>
/// before the end) and <c>applications-revised</c> as known at <see cref="RevisedFilingAsOf"/>.
/// </remarks>
public sealed record GeneratorOptions
{
    /// <summary>The most applications one run writes (about 1.6 GB of CSV): a bound on disk and time, not a limit of the format.</summary>
    public const int MaxApplications = 10_000_000;

    /// <summary>The most outage events one run writes.</summary>
    public const int MaxOutages = 1_000_000;

    /// <summary>The most applications, and outage events, an XLSX run writes: ClosedXML holds the workbook in memory and a sheet holds 1,048,575 rows.</summary>
    public const int MaxXlsxRecords = 500_000;

    /// <summary>Distinct applications across both filings (re-applications included), 0 … <see cref="MaxApplications"/>.</summary>
    public int Applications { get; init; } = 5_000;

    /// <summary>Outage events (a multi-step outage is one event and several rows), 0 … <see cref="MaxOutages"/>.</summary>
    public int Outages { get; init; } = 500;

    public int Seed { get; init; } = 189;

    /// <summary>First day of the data.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 1);

    /// <summary>Last day of the data (inclusive).</summary>
    public DateOnly End { get; init; } = new(2026, 11, 25);

    public OutputFormat Format { get; init; } = OutputFormat.Csv;

    /// <summary>Headers and values; null = English for CSV, Chinese for XLSX.</summary>
    public HeaderLanguage? Language { get; init; }

    /// <summary>Calendar days between the first applications filing and the revised one.</summary>
    public int RevisionLagDays { get; init; } = 7;

    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.Default;

    public Registries Registries { get; init; } = Registries.Default;

    /// <summary>The plan whose limits decide which generated times are breaches.</summary>
    public DomainPolicy Policy { get; init; } = DomainPolicy.Default;

    /// <summary>
    /// Gaming to inject (the calibration of <c>analytics forensics</c>, docs/oversight.md): this utility "corrects" a share
    /// <see cref="GameShare"/> of its over-limit durations (目标2) to exactly the limit day. Null: no gaming.
    /// </summary>
    public string? GameUtility { get; init; }

    /// <summary>Share 0–1 of <see cref="GameUtility"/>'s over-limit durations set to the limit day.</summary>
    public double GameShare { get; init; }

    /// <summary>The language actually written.</summary>
    public HeaderLanguage EffectiveLanguage => Language ?? (Format == OutputFormat.Xlsx ? HeaderLanguage.Chinese : HeaderLanguage.English);

    /// <summary>The first applications filing's as-of: the end of the day <see cref="RevisionLagDays"/> before <see cref="End"/>.</summary>
    public DateTime FirstFilingAsOf => End.AddDays(-RevisionLagDays).ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>The revised filing's as-of: the end of <see cref="End"/>.</summary>
    public DateTime RevisedFilingAsOf => End.ToDateTime(new TimeOnly(23, 59, 59));

    /// <summary>Checks the options; throws naming the problem.</summary>
    /// <exception cref="ArgumentException">A count, a date or the lag is out of range.</exception>
    /// <exception cref="CalendarException">The calendar has no schedule for a year of the data.</exception>
    public void Validate()
    {
        if (Applications < 0) throw new ArgumentException("The number of applications cannot be negative.", nameof(Applications));
        if (Outages < 0) throw new ArgumentException("The number of outages cannot be negative.", nameof(Outages));
        if (Applications > MaxApplications)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--applications {Applications:N0} is more than the most one run writes ({MaxApplications:N0}); run several with different --seed."), nameof(Applications));
        if (Outages > MaxOutages)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--outages {Outages:N0} is more than the most one run writes ({MaxOutages:N0})."), nameof(Outages));
        if (Format == OutputFormat.Xlsx && (Applications > MaxXlsxRecords || Outages > MaxXlsxRecords))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"XLSX holds at most {MaxXlsxRecords:N0} applications and {MaxXlsxRecords:N0} outages a run; write CSV for more."), nameof(Format));
        if (Format is not (OutputFormat.Csv or OutputFormat.Xlsx)) throw new ArgumentException("Format must be CSV or XLSX.", nameof(Format));
        if (Language is not (null or HeaderLanguage.English or HeaderLanguage.Chinese)) throw new ArgumentException("Language must be English or Chinese.", nameof(Language));
        if (RevisionLagDays is < 1 or > 90) throw new ArgumentException("The revision lag must be 1–90 days.", nameof(RevisionLagDays));
        if (End.DayNumber - Start.DayNumber < RevisionLagDays + 28)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The data must span at least {RevisionLagDays + 28} days (the revision lag plus four weeks); {Start:yyyy-MM-dd} to {End:yyyy-MM-dd} is shorter."), nameof(End));
        if (double.IsNaN(GameShare) || GameShare is < 0 or > 1) throw new ArgumentException("The gaming share must be 0–1.", nameof(GameShare));
        if (GameShare > 0 && GameUtility is null) throw new ArgumentException("A gaming share needs the utility that games.", nameof(GameUtility));
        if (GameUtility is { } gu && !LinfenProfile.Territories.Any(t => string.Equals(t.Utility, gu, StringComparison.Ordinal)))
            throw new ArgumentException($"The Linfen profile has no utility '{gu}' to game.", nameof(GameUtility));
        ArgumentNullException.ThrowIfNull(Calendar);
        ArgumentNullException.ThrowIfNull(Registries);
        ArgumentNullException.ThrowIfNull(Policy);
        for (var y = Start.Year; y <= End.Year; y++)
            _ = Calendar.IsWorkingDay(new DateOnly(y, 1, 1)); // throws naming a year without schedule
        foreach (var t in LinfenProfile.Territories)
        {
            if (!Registries.TryUtility(t.Utility, out _))
                throw new ArgumentException($"The registry has no utility '{t.Utility}' that the Linfen profile uses.", nameof(Registries));
            if (!Registries.TryCounty(t.County, out _))
                throw new ArgumentException($"The registry has no county '{t.County}' that the Linfen profile uses.", nameof(Registries));
        }
    }
}
