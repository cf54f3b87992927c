using Analytics.Domain;
using Analytics.Domain.Calendar;

namespace Analytics.Risk.Tests.Support;

/// <summary>
/// Synthetic applications with the structure of the Linfen data, for the risk tests and benchmark:
/// the category mix, the stage sequence of each category (customer works and approvals the utility
/// clock skips, design review and mid check only for important users), county / utility / area /
/// channel / month effects on the utility's speed, noise, and a few paused applications. Each
/// application is generated with its whole life (connected); <see cref="AsKnownAt"/> cuts it to what
/// was recorded by an instant. Deterministic for a seed.
/// </summary>
public sealed class SyntheticApplications
{
    private static readonly string[] Counties =
        ["yaodu", "houma", "huozhou", "quwo", "yicheng", "xiangfen", "hongtong", "guxian", "anze", "fushan",
         "jixian", "xiangning", "daning", "xixian", "yonghe", "puxian", "fenxi"];
    private static readonly double[] CountyWeights = [22, 8, 6, 4, 5, 8, 10, 3, 2, 3, 3, 4, 2, 3, 2, 3, 3];

    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    public int Seed { get; init; } = 1;

    /// <summary>First acceptance date.</summary>
    public DateOnly From { get; init; } = new(2022, 1, 1);

    /// <summary>Last acceptance date.</summary>
    public DateOnly To { get; init; } = new(2024, 6, 30);

    /// <summary>A planted signal: the utility-side steps in this county take <see cref="SlowFactor"/> times as long.</summary>
    public string? SlowCounty { get; init; }

    public double SlowFactor { get; init; } = 3;

    /// <summary>When set, every application is of this category.</summary>
    public Category? OnlyCategory { get; init; }

    /// <summary>When set, every application is connected exactly this many working days after acceptance, with no other stage.</summary>
    public int? ConstantDays { get; init; }

    /// <summary>Random multiplier spread (log-normal σ) of each application's speed.</summary>
    public double Noise { get; init; } = 0.3;

    /// <summary>Generates <paramref name="count"/> applications with their whole lives (all connected).</summary>
    public List<Application> Generate(int count)
    {
        var rng = new Random(Seed);
        var countyFactor = Counties.ToDictionary(c => c, _ => 0.8 + 0.5 * rng.NextDouble(), StringComparer.Ordinal);
        if (SlowCounty is not null) countyFactor[SlowCounty] = SlowFactor;
        var workingDays = new List<DateOnly>();
        for (var d = From; d <= To; d = d.AddDays(1))
            if (_calendar.IsWorkingDay(d)) workingDays.Add(d);
        var cumulative = new double[CountyWeights.Length];
        double sum = 0;
        for (var i = 0; i < CountyWeights.Length; i++) cumulative[i] = sum += CountyWeights[i];

        var list = new List<Application>(count);
        for (var i = 0; i < count; i++)
        {
            var day = workingDays[rng.Next(workingDays.Count)];
            var pick = rng.NextDouble() * sum;
            var county = Counties[Array.FindIndex(cumulative, c => c >= pick)];
            list.Add(Life(rng, i, day, county, countyFactor[county]));
        }
        return list;
    }

    /// <summary>
    /// The application as recorded at <paramref name="asOf"/>: null when not yet accepted; connected when
    /// connected by then; otherwise in progress, with every time after <paramref name="asOf"/> removed.
    /// </summary>
    public static Application? AsKnownAt(Application full, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(full);
        if (full.AcceptedAt > asOf) return null;
        if (full.ConnectedAt is { } c && c <= asOf) return full;
        DateTime? K(DateTime? t) => t is { } x && x <= asOf ? x : null;
        return full with
        {
            Status = ApplicationStatus.InProgress,
            ConnectedAt = null,
            PlanRepliedAt = K(full.PlanRepliedAt),
            DesignReviewStart = K(full.DesignReviewStart),
            DesignReviewEnd = K(full.DesignReviewEnd),
            CustomerWorksStart = K(full.CustomerWorksStart),
            CustomerWorksEnd = K(full.CustomerWorksEnd),
            MidCheckStart = K(full.MidCheckStart),
            MidCheckEnd = K(full.MidCheckEnd),
            ExternalWorksStart = K(full.ExternalWorksStart),
            ExternalWorksEnd = K(full.ExternalWorksEnd),
            ApprovalSubmittedAt = K(full.ApprovalSubmittedAt),
            ApprovalGrantedAt = K(full.ApprovalGrantedAt),
            ApprovalMode = full.ApprovalSubmittedAt is { } s && s <= asOf ? full.ApprovalMode : null,
            CompletionCheckStart = K(full.CompletionCheckStart),
            CompletionCheckEnd = K(full.CompletionCheckEnd),
            PausedDays = 0,
        };
    }

    private Application Life(Random rng, int index, DateOnly accepted, string county, double countyFactor)
    {
        var category = OnlyCategory ?? PickCategory(rng);
        var utility = county switch
        {
            "puxian" => "sxdl-puxian",
            "xiangning" => "sxdl-xiangning",
            "anze" => "sxdl-anze",
            "houma" when rng.NextDouble() < 0.3 => "hzmd-pilot",
            _ => "sgcc-linfen",
        };
        var area = county == "yaodu"
            ? (rng.NextDouble() < 0.5 ? Area.Central : Area.Urban)
            : rng.NextDouble() switch { < 0.15 => Area.Urban, < 0.55 => Area.Town, _ => Area.Rural };
        var channel = rng.NextDouble() switch { < 0.65 => Channel.Online, < 0.9 => Channel.Counter, < 0.97 => Channel.Phone, _ => Channel.Other };
        var hv = category is Category.HvSingle or Category.HvDual;
        var voltage = !hv ? Voltage.Lv : rng.NextDouble() switch { < 0.9 => Voltage.Kv10, < 0.98 => Voltage.Kv35, _ => Voltage.Kv110 };
        var capacity = category switch
        {
            Category.Residential => 4 + rng.Next(0, 17),
            Category.LvThreeZero => 10 + rng.Next(0, 151),
            Category.LvOther => 50 + rng.Next(0, 300),
            _ => Math.Round(250 * Math.Exp(rng.NextDouble() * Math.Log(32))),
        };
        var important = hv && rng.NextDouble() < 0.15;

        // The utility's speed: county, utility, area, channel, month of acceptance, and noise.
        var speed = countyFactor
            * (utility == "hzmd-pilot" ? 0.8 : 1)
            * (area == Area.Rural ? 1.15 : 1)
            * (channel == Channel.Online ? 0.9 : 1)
            * (accepted.Month == 2 ? 1.3 : accepted.Month == 12 ? 1.1 : 1)
            * Math.Exp(Noise * Gaussian(rng));
        int U(double lo, double hi) => Math.Max(0, (int)Math.Round((lo + (hi - lo) * rng.NextDouble()) * speed));
        int C(int lo, int hi) => rng.Next(lo, hi + 1); // customer / government time: not the utility's speed

        var t0 = accepted.ToDateTime(new TimeOnly(9 + rng.Next(0, 8), rng.Next(0, 60)));
        var a = new Application
        {
            ApplicationId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SYN{index:D8}"),
            Utility = utility,
            County = county,
            Area = area,
            CustomerType = category == Category.Residential ? CustomerType.Residential : CustomerType.NonResidential,
            Voltage = voltage,
            PowerSources = category == Category.HvDual ? 2 : 1,
            CapacityKw = (decimal)capacity,
            ThreeZero = category == Category.LvThreeZero,
            ImportantUser = important,
            SmallMicro = category is Category.LvThreeZero or Category.LvOther && rng.NextDouble() < 0.6,
            Channel = channel,
            Status = ApplicationStatus.Connected,
            AcceptedAt = t0,
        };

        var d = accepted;
        var last = t0;
        DateTime At(DateOnly day)
        {
            // Times of one day stay in recording order.
            var t = day.ToDateTime(new TimeOnly(10 + rng.Next(0, 7), rng.Next(0, 60)));
            if (t <= last) t = last.AddMinutes(1);
            return last = t;
        }
        DateOnly Step(int n) => d = _calendar.AddWorkingDays(d, n);

        if (ConstantDays is { } constant)
            return a with { ConnectedAt = At(_calendar.AddWorkingDays(accepted, constant)) };

        var paused = rng.NextDouble() < 0.04 ? C(1, 5) : 0;
        switch (category)
        {
            case Category.Residential:
                Step(U(0.5, 3.5) + paused);
                return a with { ConnectedAt = At(d), PausedDays = paused };

            case Category.LvThreeZero:
            {
                DateTime? es = null, ee = null;
                if (rng.NextDouble() < 0.5)
                {
                    es = At(Step(U(1, 3)));
                    ee = At(Step(U(3, 12)));
                }
                Step(U(1, 4) + paused);
                return a with { ExternalWorksStart = es, ExternalWorksEnd = ee, ConnectedAt = At(d), PausedDays = paused };
            }

            case Category.LvOther:
            {
                var cws = At(Step(U(0, 2)));
                var cwe = At(Step(C(5, 30)));
                var es = At(Step(U(0, 1)));
                DateTime? aps = null, apg = null;
                if (rng.NextDouble() < 0.3)
                {
                    aps = es;
                    apg = At(_calendar.AddWorkingDays(d, C(2, 8)));
                }
                var ee = At(Step(U(1, 3)));
                if (apg is { } g && DateOnly.FromDateTime(g) > d) d = DateOnly.FromDateTime(g);
                Step(U(0.5, 1.5) + paused);
                return a with
                {
                    CustomerWorksStart = cws, CustomerWorksEnd = cwe, ExternalWorksStart = es, ExternalWorksEnd = ee,
                    ApprovalSubmittedAt = aps, ApprovalGrantedAt = apg,
                    ApprovalMode = aps is null ? null : ApprovalMode.NotifyCommit,
                    ConnectedAt = At(d), PausedDays = paused,
                };
            }

            default:
            {
                var dual = category == Category.HvDual;
                var plan = At(Step(U(dual ? 3 : 2, dual ? 7 : 5)));
                DateTime? drs = null, dre = null, mcs = null, mce = null;
                if (important)
                {
                    drs = At(Step(U(0, 1)));
                    dre = At(Step(U(2, 4)));
                }
                var cws = At(Step(C(0, 3)));
                if (important)
                {
                    mcs = At(Step(C(8, 20)));
                    mce = At(Step(U(1, 2)));
                }
                var cwe = At(Step(C(15, 50)));
                var es = At(Step(U(1, 3)));
                DateTime? aps = null, apg = null;
                if (rng.NextDouble() < 0.6)
                {
                    aps = es;
                    apg = At(_calendar.AddWorkingDays(d, C(3, 12)));
                }
                var ee = At(Step(U(dual ? 5 : 3, dual ? 14 : 9)));
                if (apg is { } g && DateOnly.FromDateTime(g) > d) d = DateOnly.FromDateTime(g);
                var ccs = At(Step(U(1, 2)));
                var cce = At(Step(U(0.5, 1.5)));
                Step(U(1, 2) + paused);
                return a with
                {
                    PlanRepliedAt = plan, DesignReviewStart = drs, DesignReviewEnd = dre,
                    CustomerWorksStart = cws, CustomerWorksEnd = cwe, MidCheckStart = mcs, MidCheckEnd = mce,
                    ExternalWorksStart = es, ExternalWorksEnd = ee,
                    ApprovalSubmittedAt = aps, ApprovalGrantedAt = apg,
                    ApprovalMode = aps is null ? null : ApprovalMode.Standard,
                    CompletionCheckStart = ccs, CompletionCheckEnd = cce,
                    ConnectedAt = At(d), PausedDays = paused,
                };
            }
        }
    }

    private static Category PickCategory(Random rng) => rng.NextDouble() switch
    {
        < 0.55 => Category.Residential,
        < 0.75 => Category.LvThreeZero,
        < 0.88 => Category.LvOther,
        < 0.98 => Category.HvSingle,
        _ => Category.HvDual,
    };

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
