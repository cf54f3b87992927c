using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// The features of an in-progress application at a prediction moment, as one float vector: only
/// what a utility knows at that moment — the application's fixed attributes (category, capacity,
/// voltage, county, utility, area, channel, month of acceptance, the limit in force), the stage
/// events recorded by then (a time at or before the moment), and the working days elapsed.
/// </summary>
/// <remarks>
/// Paused days are deliberately not a feature: the template records only their total, not when
/// the pause happened, so a past prediction moment cannot be replayed honestly with them.
/// County and utility are one-hot over the codes seen in training; an unseen code is all zeros.
/// </remarks>
internal sealed class FeatureLayout
{
    private const int Fixed = 10;
    private static readonly Category[] Categories = [Category.Residential, Category.LvThreeZero, Category.LvOther, Category.HvSingle, Category.HvDual];
    private static readonly Voltage[] Voltages = [Voltage.Lv, Voltage.Kv10, Voltage.Kv35, Voltage.Kv110];
    private static readonly Area[] Areas = [Area.Central, Area.Urban, Area.Town, Area.Rural];
    private static readonly Channel[] Channels = [Channel.Online, Channel.Counter, Channel.Phone, Channel.Other];
    /// <summary>
    /// The stage events, a feature each, from the one field list (<see cref="ApplicationFields"/>): every
    /// date-time between acceptance and connection. Feature names drop the <c>_at</c> (<c>plan_replied</c>).
    /// </summary>
    internal static readonly ApplicationField[] EventFields =
    [
        ApplicationFields.PlanRepliedAt, ApplicationFields.DesignReviewStart, ApplicationFields.DesignReviewEnd,
        ApplicationFields.CustomerWorksStart, ApplicationFields.CustomerWorksEnd, ApplicationFields.MidCheckStart,
        ApplicationFields.MidCheckEnd, ApplicationFields.ExternalWorksStart, ApplicationFields.ExternalWorksEnd,
        ApplicationFields.ApprovalSubmittedAt, ApplicationFields.ApprovalGrantedAt, ApplicationFields.CompletionCheckStart,
        ApplicationFields.CompletionCheckEnd,
    ];

    private static readonly string[] EventNames =
        [.. EventFields.Select(f => f.Name.EndsWith("_at", StringComparison.Ordinal) ? f.Name[..^3] : f.Name)];

    private readonly Dictionary<string, int> _county;
    private readonly Dictionary<string, int> _utility;
    private readonly int _eventsAt;
    private readonly int _categoryAt;
    private readonly int _voltageAt;
    private readonly int _areaAt;
    private readonly int _channelAt;
    private readonly int _countyAt;
    private readonly int _utilityAt;

    public FeatureLayout(IEnumerable<string> counties, IEnumerable<string> utilities)
    {
        var c = counties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var u = utilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _county = c.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        _utility = u.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        _eventsAt = Fixed;
        _categoryAt = _eventsAt + EventNames.Length;
        _voltageAt = _categoryAt + Categories.Length;
        _areaAt = _voltageAt + Voltages.Length;
        _channelAt = _areaAt + Areas.Length;
        _countyAt = _channelAt + Channels.Length;
        _utilityAt = _countyAt + c.Length;
        Count = _utilityAt + u.Length;
        Counties = c;
        Utilities = u;
        Names =
        [
            "capacity_log_kw", "power_sources", "important_user", "small_micro", "accepted_month", "limit_days",
            "elapsed_days", "counted_days", "days_since_last_event", "events_reached",
            .. EventNames,
            .. Categories.Select(x => "category=" + Codes.Of(x)),
            .. Voltages.Select(x => "voltage=" + Codes.Of(x)),
            .. Areas.Select(x => "area=" + Codes.Of(x)),
            .. Channels.Select(x => "channel=" + Codes.Of(x)),
            .. c.Select(x => "county=" + x),
            .. u.Select(x => "utility=" + x),
        ];
    }

    /// <summary>The times of <see cref="EventFields"/>, in that order (read directly: this is the training loop's hot path; a test checks the order).</summary>
    internal static void EventTimes(Application a, Span<DateTime?> events)
    {
        events[0] = a.PlanRepliedAt; events[1] = a.DesignReviewStart; events[2] = a.DesignReviewEnd;
        events[3] = a.CustomerWorksStart; events[4] = a.CustomerWorksEnd; events[5] = a.MidCheckStart;
        events[6] = a.MidCheckEnd; events[7] = a.ExternalWorksStart; events[8] = a.ExternalWorksEnd;
        events[9] = a.ApprovalSubmittedAt; events[10] = a.ApprovalGrantedAt; events[11] = a.CompletionCheckStart;
        events[12] = a.CompletionCheckEnd;
    }

    /// <summary>Length of the feature vector.</summary>
    public int Count { get; }

    /// <summary>The county codes of the one-hot block, in order (what a saved model keeps to rebuild the layout).</summary>
    public IReadOnlyList<string> Counties { get; }

    /// <summary>The utility codes of the one-hot block, in order.</summary>
    public IReadOnlyList<string> Utilities { get; }

    /// <summary>Feature names, for diagnostics.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Writes the features of <paramref name="a"/> at the moment <paramref name="asOf"/> (events with a
    /// time ≤ asOf count as reached) into <paramref name="x"/>, which must be <see cref="Count"/> long.
    /// </summary>
    public void Fill(Span<float> x, Application a, DateTime asOf, in MomentFigures m, TargetClock clock) =>
        Fill(x, ApplicationFacts.Of(a), asOf, m, clock);

    /// <summary><see cref="Fill(Span{float}, Application, DateTime, in MomentFigures, TargetClock)"/> of the application <paramref name="a"/> was made from.</summary>
    public void Fill(Span<float> x, ApplicationFacts a, DateTime asOf, in MomentFigures m, TargetClock clock)
    {
        x.Clear();
        x[0] = a.CapacityLogKw;
        x[1] = a.PowerSources;
        x[2] = a.ImportantUser ? 1 : 0;
        x[3] = a.SmallMicro ? 1 : 0;
        x[4] = a.AcceptedAt.Month;
        x[5] = double.IsNaN(m.Limit) ? 0 : (float)m.Limit;
        x[6] = m.Elapsed;
        x[7] = m.Counted;

        var last = a.AcceptedAt;
        var reached = 0;
        for (var i = 0; i < ApplicationFacts.EventCount; i++)
        {
            var t = a.EventTicksAt(i);
            if (t < 0 || t > asOf.Ticks) continue;
            x[_eventsAt + i] = 1;
            reached++;
            if (t > last.Ticks) last = new DateTime(t);
        }
        x[8] = clock.Calendar.WorkingDaysBetween(last, asOf);
        x[9] = reached;

        OneHot(x, _categoryAt, Array.IndexOf(Categories, a.Category));
        OneHot(x, _voltageAt, Array.IndexOf(Voltages, a.Voltage));
        OneHot(x, _areaAt, Array.IndexOf(Areas, a.Area));
        OneHot(x, _channelAt, Array.IndexOf(Channels, a.Channel));
        OneHot(x, _countyAt, _county.TryGetValue(a.County, out var ci) ? ci : -1);
        OneHot(x, _utilityAt, _utility.TryGetValue(a.Utility, out var ui) ? ui : -1);
    }

    private static void OneHot(Span<float> x, int at, int index)
    {
        if (index >= 0) x[at + index] = 1;
    }
}

/// <summary>The figures of an application at a prediction moment that the model and the baseline share.</summary>
/// <param name="Elapsed">Working days accepted → moment (whole process, before paused days).</param>
/// <param name="Counted">Days counted by the target's measure so far, before paused days.</param>
/// <param name="Limit">The limit in force on the accepted date, NaN when none.</param>
internal readonly record struct MomentFigures(int Elapsed, int Counted, double Limit);
