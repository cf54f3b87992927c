using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>
/// Supply reliability (供电可靠性, metrics.md §5, §8, 目标5) of one part of a period and one group: a county (null = the
/// whole city) × a utility (null = all) × an area class (null = all). A part lies within one calendar year
/// (<see cref="Year"/>), or spans the whole period when that crosses a New Year (<see cref="Year"/> null).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>customer-hours = Σ over outage step rows of customers × hours of (start_at, end_at] inside the year; each step row
/// counts its own customers up to its own end_at; an outage across New Year is split between the years.</item>
/// <item>customers served = for each (utility, county, area) the mean of that year's snapshots; a group sums its members
/// (pooled: SAIDI is never an average of ratios).</item>
/// <item>SAIDI (AIHC-1) = customer-hours / customers; SAIFI (AITC-1) = customers interrupted (each step row's customers,
/// counted in the year the outage began) / customers; CAIDI = SAIDI / SAIFI (null when SAIFI = 0);
/// ASAI (RS-1) = 1 − SAIDI / hours of the part (8784 for a whole leap year).</item>
/// <item>A short interruption is a step row whose own duration (end_at − start_at) is at most
/// <c>ShortInterruptionMinutes</c>: left out of SAIDI, SAIFI and their splits, counted in <see cref="ShortInterruptions"/>.</item>
/// <item>T5 (目标5), per area class: met when SAIDI ≤ the class's limit, or SAIDI ≤ (1 − SaidiYoyReduction) × SAIDI of Y−1,
/// compared in decimal. For a group spanning area classes (<see cref="Area"/> null) <see cref="TargetH"/> is null and
/// <see cref="Met"/> is true only when every area class of the same county/utility/year with figures meets its own
/// target (null when any of them has no verdict).</item>
/// </list>
/// All figures are decimal, so that 17.00 h → 15.64 h is exactly the 8 % reduction.
/// </remarks>
public sealed record ReliabilityEntry
{
    /// <summary>The calendar year of the part; null for an entry over a period that spans years.</summary>
    public int? Year { get; init; }
    /// <summary>First day of the part covered, inclusive.</summary>
    public DateOnly From { get; init; }
    /// <summary>Last day of the part covered, inclusive (never after the data's <c>data_through</c>).</summary>
    public DateOnly To { get; init; }
    /// <summary>County code; null = the whole city.</summary>
    public string? County { get; init; }
    /// <summary>Utility code; null = all utilities.</summary>
    public string? Utility { get; init; }
    /// <summary>Area class; null = all areas.</summary>
    public Area? Area { get; init; }

    /// <summary>Customers served in the year (sum over members of each member's mean snapshot).</summary>
    public required decimal Customers { get; init; }
    /// <summary>Σ customers × hours inside the year, short interruptions left out.</summary>
    public required decimal CustomerHours { get; init; }
    /// <summary>Σ customers of the step rows of outages that began in the year, short interruptions left out.</summary>
    public required long CustomersInterrupted { get; init; }

    /// <summary>用户年均停电时间 SAIDI (AIHC-1), hours.</summary>
    public required decimal SaidiH { get; init; }
    /// <summary>用户年均停电次数 SAIFI (AITC-1).</summary>
    public required decimal Saifi { get; init; }
    /// <summary>CAIDI = SAIDI / SAIFI, hours; null when SAIFI = 0.</summary>
    public decimal? CaidiH { get; init; }
    /// <summary>供电可靠率 ASAI (RS-1) = 1 − SAIDI / hours in the year, a fraction.</summary>
    public required decimal Asai { get; init; }

    /// <summary>SAIDI of planned (预安排) outages, hours.</summary>
    public required decimal SaidiPlannedH { get; init; }
    /// <summary>SAIDI of fault (故障) outages, hours.</summary>
    public required decimal SaidiFaultH { get; init; }
    /// <summary>AIHC-2: SAIDI without outages of external cause, hours.</summary>
    public required decimal SaidiExclExternalH { get; init; }
    /// <summary>AIHC-3: SAIDI without supply-shortage outages, hours.</summary>
    public required decimal SaidiExclSupplyShortageH { get; init; }

    /// <summary>Short interruption step rows that began in the year.</summary>
    public required int ShortInterruptions { get; init; }
    /// <summary>Customers of those short interruption rows.</summary>
    public required long ShortInterruptionCustomers { get; init; }

    /// <summary>SAIDI of the same group over the same dates a year earlier (同比); null when that has no customers-served figure.</summary>
    public decimal? PreviousSaidiH { get; init; }
    /// <summary>A year in progress: SAIDI of the whole previous year (the reduction branch of 目标5); null otherwise.</summary>
    public decimal? PreviousYearSaidiH { get; init; }
    /// <summary>(SAIDI − <see cref="PreviousSaidiH"/>) / <see cref="PreviousSaidiH"/>, a fraction; null without it or when it is 0.</summary>
    public decimal? YoyChange { get; init; }

    /// <summary>True when T5 is in force in the year.</summary>
    public required bool InForce { get; init; }
    /// <summary>The T5 limit (hours) of the area class; null for a group of several area classes or when T5 is not in force.</summary>
    public decimal? TargetH { get; init; }
    /// <summary>SAIDI ≤ <see cref="TargetH"/>.</summary>
    public bool MetByLimit { get; init; }
    /// <summary>SAIDI ≤ (1 − reduction) × SAIDI(Y−1).</summary>
    public bool MetByReduction { get; init; }
    /// <summary>T5 verdict of a complete year; null for a year in progress (see <see cref="Status"/>), when not in force, or for a part that is not a year.</summary>
    public bool? Met { get; init; }
    /// <summary>
    /// The 目标5 verdict (metrics.md §8): met / not met for a complete year, on track / at risk / breached for a year in
    /// progress; null when not in force, for a part that does not start on 1 January, or for a span of several years.
    /// </summary>
    public ReliabilityStatus? Status { get; init; }
}
