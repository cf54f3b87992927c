using System.Runtime.CompilerServices;
using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// What the early warning reads of an application — its key, the fixed attributes its features take, the acceptance,
/// connection and stage times — in about a quarter of the memory of the <see cref="Application"/> (no customer, fee or
/// materials fields, no nullable times). The training keeps one of these for every finished application it learns from
/// (a million on a large store, issue 12), not the applications themselves; the features, moments and clock figures of
/// one are those of the application it was made from.
/// </summary>
internal sealed class ApplicationFacts
{
    /// <summary>The stage times kept: those of <see cref="FeatureLayout.EventFields"/>, in that order.</summary>
    public const int EventCount = 13;

    // A time absent: DateTime ticks are never negative.
    private const long None = -1;

    private readonly EventTicks _events;
    private readonly long _connected;

    private ApplicationFacts(Application a, string utility, string county)
    {
        ApplicationId = a.ApplicationId;
        Utility = utility;
        County = county;
        Category = a.Category;
        Voltage = a.Voltage;
        Area = a.Area;
        Channel = a.Channel;
        CapacityLogKw = (float)Math.Log(1 + (double)Math.Max(0m, a.CapacityKw));
        PowerSources = a.PowerSources;
        ImportantUser = a.ImportantUser;
        SmallMicro = a.SmallMicro;
        AcceptedAt = a.AcceptedAt;
        _connected = Ticks(a.ConnectedAt);
        Span<DateTime?> events = stackalloc DateTime?[EventCount];
        FeatureLayout.EventTimes(a, events);
        for (var i = 0; i < EventCount; i++) _events[i] = Ticks(events[i]);
    }

    public string ApplicationId { get; }
    public string Utility { get; }
    public string County { get; }
    public Category Category { get; }
    public Voltage Voltage { get; }
    public Area Area { get; }
    public Channel Channel { get; }

    /// <summary>log(1 + capacity kW), capacity floored at 0: the first feature, computed once.</summary>
    public float CapacityLogKw { get; }

    public int PowerSources { get; }
    public bool ImportantUser { get; }
    public bool SmallMicro { get; }
    public DateTime AcceptedAt { get; }
    public DateTime? ConnectedAt => Time(_connected);

    /// <summary>The i-th stage time of <see cref="FeatureLayout.EventFields"/>, as ticks; negative when not recorded.</summary>
    public long EventTicksAt(int i) => _events[i];

    public DateTime? CustomerWorksStart => Time(_events[3]);
    public DateTime? CustomerWorksEnd => Time(_events[4]);
    public DateTime? ApprovalSubmittedAt => Time(_events[9]);
    public DateTime? ApprovalGrantedAt => Time(_events[10]);

    /// <summary>The facts of <paramref name="a"/>.</summary>
    public static ApplicationFacts Of(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ApplicationFacts(a, a.Utility, a.County);
    }

    /// <summary>
    /// The facts of <paramref name="a"/>, its utility and county codes taken from <paramref name="codes"/> (added there when
    /// new): a million applications then share a few dozen code strings instead of holding two each.
    /// </summary>
    public static ApplicationFacts Of(Application a, Dictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(codes);
        return new ApplicationFacts(a, Shared(codes, a.Utility), Shared(codes, a.County));
    }

    private static string Shared(Dictionary<string, string> codes, string code)
    {
        if (codes.TryGetValue(code, out var shared)) return shared;
        codes.Add(code, code);
        return code;
    }

    private static long Ticks(DateTime? t) => t is { } v ? v.Ticks : None;

    private static DateTime? Time(long ticks) => ticks < 0 ? null : new DateTime(ticks);

    [InlineArray(EventCount)]
    private struct EventTicks
    {
        private long _first;
    }
}
