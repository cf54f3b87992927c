using System.Runtime.CompilerServices;
using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// What the early warning reads of an application — the fixed attributes its features take, the acceptance, connection
/// and stage times — in about a fifth of the memory of the <see cref="Application"/>: no customer, fee or materials
/// fields, codes shared, the times as whole seconds after acceptance. The training keeps one of these for every finished
/// application it learns from (a million on a large store, issue 12), not the applications themselves; the features,
/// moments and clock figures of one are those of the application it was made from.
/// </summary>
/// <remarks>
/// The training's facts drop the application id once they are labelled (<see cref="Settle"/>): what it was needed for —
/// the order of the key (utility, id) and the moments' phase of <see cref="MomentSampler"/> under the training's seed — is
/// kept instead, as two numbers. Those of an application without a replayed moment (three in four on a large store: a
/// two-day connection rarely meets a stride of weeks) then drop the stage times and attributes only the features and
/// the days counted at a moment take (<see cref="LetDetailsGo"/>), keeping what the splits, windows and layout read.
/// </remarks>
internal sealed class ApplicationFacts
{
    /// <summary>The stage times kept: those of <see cref="FeatureLayout.EventFields"/>, in that order.</summary>
    public const int EventCount = 13;

    // A time absent, as an offset; and as ticks (DateTime ticks are never negative).
    private const int NoOffset = int.MinValue;
    private const long NoTicks = -1;

    private readonly long _connected;
    private readonly byte _category;
    private Details? _details;
    private ulong _phase;
    private int _phaseSeed;

    private ApplicationFacts(Application a, string utility, string county)
    {
        Utility = utility;
        County = county;
        _category = (byte)a.Category;
        AcceptedAt = a.AcceptedAt;
        _connected = a.ConnectedAt is { } c ? c.Ticks : NoTicks;
        _details = new Details(a);
    }

    public string Utility { get; }
    public string County { get; }
    public Category Category => (Category)_category;
    public Voltage Voltage => (Voltage)Detail.Voltage;
    public Area Area => (Area)Detail.Area;
    public Channel Channel => (Channel)Detail.Channel;

    /// <summary>log(1 + capacity kW), capacity floored at 0: the first feature, computed once.</summary>
    public float CapacityLogKw => Detail.CapacityLogKw;

    public int PowerSources => Detail.PowerSources;
    public bool ImportantUser => Detail.ImportantUser;
    public bool SmallMicro => Detail.SmallMicro;
    public DateTime AcceptedAt { get; }
    public DateTime? ConnectedAt => Time(_connected);

    /// <summary>
    /// The place of the application's key (utility, id), ordinal, among those labelled with it (<see cref="Settle"/>); 0
    /// before.
    /// </summary>
    public int Order { get; private set; }

    /// <summary>The i-th stage time of <see cref="FeatureLayout.EventFields"/>, as ticks; negative when not recorded.</summary>
    public long EventTicksAt(int i)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(i);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(i, EventCount);
        return Detail.TicksAt(i, AcceptedAt);
    }

    public DateTime? CustomerWorksStart => Time(Detail.TicksAt(3, AcceptedAt));
    public DateTime? CustomerWorksEnd => Time(Detail.TicksAt(4, AcceptedAt));
    public DateTime? ApprovalSubmittedAt => Time(Detail.TicksAt(9, AcceptedAt));
    public DateTime? ApprovalGrantedAt => Time(Detail.TicksAt(10, AcceptedAt));

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

    /// <summary>The application id, until the facts are settled (<see cref="Settle"/>).</summary>
    /// <exception cref="InvalidOperationException">The facts were settled.</exception>
    public string ApplicationId => Id();

    /// <summary>
    /// Compares the keys (utility, application id) of two facts that still hold their id, ordinal: the order
    /// <see cref="Order"/> keeps.
    /// </summary>
    public static int CompareKeys(ApplicationFacts x, ApplicationFacts y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byUtility = string.CompareOrdinal(x.Utility, y.Utility);
        return byUtility != 0 ? byUtility : string.CompareOrdinal(x.Id(), y.Id());
    }

    /// <summary>
    /// Keeps the key's place among the labelled (<paramref name="order"/>) and the moments' phase under
    /// <paramref name="seed"/> (<see cref="Phase"/>), and lets the application id go.
    /// </summary>
    public void Settle(int order, int seed)
    {
        _phase = MomentSampler.Phase(seed, Utility, Id());
        _phaseSeed = seed;
        Order = order;
        Detail.ApplicationId = null;
    }

    /// <summary>
    /// Lets the stage times and the attributes only the features and the days counted at a moment take go, for an
    /// application no moment is replayed of (<see cref="MomentSampler.HasMoments"/>); reading them afterwards throws.
    /// </summary>
    public void LetDetailsGo() => _details = null;

    /// <summary>The FNV hash of <see cref="MomentSampler"/> that places the application's moments, under <paramref name="seed"/>.</summary>
    /// <exception cref="InvalidOperationException">The facts were settled under another seed.</exception>
    public ulong Phase(int seed)
    {
        if (_details?.ApplicationId is { } id) return MomentSampler.Phase(seed, Utility, id);
        return seed == _phaseSeed ? _phase : throw new InvalidOperationException($"The facts were settled for the seed {_phaseSeed}, not {seed}.");
    }

    private string Id() => Detail.ApplicationId ?? throw new InvalidOperationException("The facts were settled: the application id was let go.");

    private Details Detail => _details ?? throw new InvalidOperationException("The facts have let their details go: no moment of the application is replayed.");

    private static string Shared(Dictionary<string, string> codes, string code)
    {
        if (codes.TryGetValue(code, out var shared)) return shared;
        codes.Add(code, code);
        return code;
    }

    private static DateTime? Time(long ticks) => ticks < 0 ? null : new DateTime(ticks);

    /// <summary>What only the features, the days counted at a moment and the key's order take.</summary>
    private sealed class Details
    {
        // The stage times as whole seconds after acceptance, or null: then _ticks holds them (a time with a fraction of a
        // second after acceptance, or too far from it).
        private readonly Offsets _offsets;
        private readonly long[]? _ticks;

        public Details(Application a)
        {
            ApplicationId = a.ApplicationId;
            Voltage = (byte)a.Voltage;
            Area = (byte)a.Area;
            Channel = (byte)a.Channel;
            CapacityLogKw = (float)Math.Log(1 + (double)Math.Max(0m, a.CapacityKw));
            PowerSources = a.PowerSources;
            ImportantUser = a.ImportantUser;
            SmallMicro = a.SmallMicro;

            Span<DateTime?> times = stackalloc DateTime?[EventCount];
            FeatureLayout.EventTimes(a, times);
            var whole = true;
            for (var i = 0; i < times.Length && whole; i++)
            {
                if (times[i] is not { } t)
                {
                    _offsets[i] = NoOffset;
                    continue;
                }
                var after = t.Ticks - a.AcceptedAt.Ticks;
                var seconds = after / TimeSpan.TicksPerSecond;
                whole = after % TimeSpan.TicksPerSecond == 0 && seconds > int.MinValue && seconds <= int.MaxValue;
                if (whole) _offsets[i] = (int)seconds;
            }
            if (whole) return;
            _ticks = new long[EventCount];
            for (var i = 0; i < times.Length; i++) _ticks[i] = times[i] is { } t ? t.Ticks : NoTicks;
        }

        public string? ApplicationId { get; set; }
        public byte Voltage { get; }
        public byte Area { get; }
        public byte Channel { get; }
        public float CapacityLogKw { get; }
        public int PowerSources { get; }
        public bool ImportantUser { get; }
        public bool SmallMicro { get; }

        public long TicksAt(int i, DateTime accepted)
        {
            if (_ticks is { } ticks) return ticks[i];
            var offset = _offsets[i];
            return offset == NoOffset ? NoTicks : accepted.Ticks + offset * TimeSpan.TicksPerSecond;
        }
    }

    [InlineArray(EventCount)]
    private struct Offsets
    {
        private int _first;
    }
}
