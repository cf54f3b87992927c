using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Generator.People;

namespace Analytics.Generator.Applications;

/// <summary>
/// Simulates the applications of the whole data period, one at a time in order of acceptance
/// (a re-application follows its withdrawn original at once), so that a million of them stream
/// through constant memory. Deterministic: the same options give the same sequence, which is
/// what lets <see cref="DataGenerator"/> run it once per filing instead of holding it.
/// </summary>
/// <remarks>
/// Times: stages fall on working days at office hours (<see cref="OfficeClock"/>), each chain
/// stage after the one before it (metrics.md §3 order). Durations are drawn so that the time
/// figure a target measures (whole-process days for residential and lv 三零, utility days for
/// the rest; 目标2) is within the limit in force on the acceptance date, or — with the
/// probability <see cref="LinfenProfile.TargetBreachRate"/> — a few days over it.
/// </remarks>
internal sealed class ApplicationSimulator
{
    private static readonly (int Days, double Weight)[] ResidentialDays = [(0, 5), (1, 30), (2, 30), (3, 20), (4, 15)];
    private static readonly (decimal Kw, double Weight)[] ResidentialCapacity = [(4, 10), (5, 4), (6, 10), (8, 25), (10, 25), (12, 10), (16, 10), (20, 6)];
    private static readonly decimal[] Kv10Capacity = [250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000];
    private static readonly decimal[] Kv35Capacity = [5000, 6300, 8000, 10000, 12500, 16000, 20000];
    private static readonly decimal[] Kv110Capacity = [25000, 31500, 40000, 50000, 63000, 80000];

    private readonly GeneratorOptions _options;
    private readonly Random _rng;
    private readonly OfficeClock _clock;
    private readonly PersonFactory _people;
    private readonly GroundTruth _truth;
    private readonly DateTime _firstAsOf;
    private readonly TargetDefinition _t2a, _t2b, _t2c, _t2d, _t2e;
    private readonly Territory[] _territories;
    private readonly double[] _territoryWeights;
    private readonly Dictionary<string, int> _sequence = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _credits = [];
    // Tables the profile builds per call, cached: they are asked for once per application.
    private readonly Dictionary<string, IReadOnlyList<(Category, double)>> _categoryMix = new(StringComparer.Ordinal);
    private readonly Dictionary<int, IReadOnlyList<(ApprovalMode, double)>> _approvalModes = [];
    private readonly Dictionary<string, string> _countyNames = new(StringComparer.Ordinal);
    // Gaming draws come from their own stream, so a gamed run differs from the clean run of the same seed only in the
    // applications it corrects.
    private readonly Random _gameRng;

    public ApplicationSimulator(GeneratorOptions options, GroundTruth truth)
    {
        _options = options;
        _truth = truth;
        _rng = new Random(unchecked(options.Seed * 7919 + 1));
        _gameRng = new Random(unchecked(options.Seed * 7919 + 5));
        _clock = new OfficeClock(options.Calendar, _rng, options.End);
        _people = new PersonFactory(_rng);
        _firstAsOf = options.FirstFilingAsOf;
        _t2a = options.Policy.Target("T2a");
        _t2b = options.Policy.Target("T2b");
        _t2c = options.Policy.Target("T2c");
        _t2d = options.Policy.Target("T2d");
        _t2e = options.Policy.Target("T2e");
        _territories = [.. LinfenProfile.Territories];
        _territoryWeights = [.. _territories.Select(t => t.ApplicationWeight)];
    }

    /// <summary>Every application of the period, exactly <see cref="GeneratorOptions.Applications"/> of them.</summary>
    public IEnumerable<SyntheticApplication> Generate()
    {
        var n = _options.Applications;
        if (n == 0) yield break;
        var quotas = DailyQuotas(n);
        long emitted = 0;
        var carry = 0;
        var day = _options.Start;
        for (var i = 0; i < quotas.Length; i++, day = day.AddDays(1))
        {
            var q = quotas[i] + carry;
            if (_credits.Remove(day.DayNumber, out var credit)) q -= credit;
            carry = Math.Min(q, 0);
            var working = _options.Calendar.IsWorkingDay(day);
            for (var k = 0; k < q; k++)
            {
                if (emitted >= n) yield break;
                var a = New(day, working, original: null);
                emitted++;
                yield return a;
                if (a.WithdrawnAt is not null && emitted < n && Reapply(a) is { } b)
                {
                    emitted++;
                    yield return b;
                }
            }
        }
        // Re-applications booked on days already past cannot happen (they are always later), so
        // only rounding at the very end can leave a gap; fill it on the last day.
        while (emitted < n)
        {
            emitted++;
            yield return New(_options.End, _options.Calendar.IsWorkingDay(_options.End), original: null);
        }
    }

    /// <summary>Applications per day: working days weigh 1, other days <see cref="LinfenProfile.NonWorkingDayVolume"/>, times month and growth; rounded so the total is exact.</summary>
    private int[] DailyQuotas(int n)
    {
        var days = _options.End.DayNumber - _options.Start.DayNumber + 1;
        var weights = new double[days];
        var total = 0.0;
        for (var i = 0; i < days; i++)
        {
            var d = _options.Start.AddDays(i);
            var w = _options.Calendar.IsWorkingDay(d) ? 1.0 : LinfenProfile.NonWorkingDayVolume;
            w *= LinfenProfile.MonthVolume[d.Month - 1];
            w *= Math.Pow(1 + LinfenProfile.VolumeGrowthPerYear, i / 365.25);
            weights[i] = w;
            total += w;
        }
        var quotas = new int[days];
        var cum = 0.0;
        long prev = 0;
        for (var i = 0; i < days; i++)
        {
            cum += weights[i];
            var upTo = (long)Math.Round(n * (cum / total), MidpointRounding.AwayFromZero);
            if (i == days - 1) upTo = n;
            quotas[i] = (int)(upTo - prev);
            prev = upTo;
        }
        return quotas;
    }

    private SyntheticApplication New(DateOnly day, bool working, SyntheticApplication? original)
    {
        var a = new SyntheticApplication();
        var year = day.Year;
        if (original is null)
        {
            var t = _territories[_rng.PickIndex(_territoryWeights)];
            a.Utility = t.Utility;
            a.County = t.County;
            a.Area = PickArea(t.Areas);
            if (!_categoryMix.TryGetValue(t.Utility, out var mix)) _categoryMix[t.Utility] = mix = LinfenProfile.CategoryMix(t.Utility);
            a.Category = _rng.Pick(mix);
            Attributes(a);
        }
        else
        {
            CopyCustomer(original, a);
        }

        a.AcceptedAt = _clock.OfficeTime(day);
        a.Channel = !working || _rng.Chance(LinfenProfile.OnlineShare(year, a.IsHighVoltage)) ? Channel.Online : _rng.Pick(LinfenProfile.OfflineChannels);
        Commercial(a, year);
        if (original is null)
        {
            if (!_countyNames.TryGetValue(a.County, out var countyName))
                _countyNames[a.County] = countyName = _options.Registries.County(a.County).Name;
            a.Person = a.CustomerType == CustomerType.Residential
                ? _people.Resident(a.County, day, idShare: 0.93, phoneShare: 0.96)
                : _people.Enterprise(a.County, countyName, day, idShare: 0.85, phoneShare: 0.95);
        }
        a.Id = NextId(a.Utility, day);

        var withdrawal = WithdrawalKind.None;
        if (original is null)
        {
            var u = _rng.NextDouble();
            withdrawal = u < InjectionRates.Rewalk ? WithdrawalKind.Rewalk
                : u < InjectionRates.Rewalk + InjectionRates.LateReapplication ? WithdrawalKind.LateReapplication
                : u < InjectionRates.Rewalk + InjectionRates.LateReapplication + InjectionRates.Withdrawn ? WithdrawalKind.Plain
                : WithdrawalKind.None;
        }

        // A re-application goes through fast: that is the point of withdrawing the slow one.
        var breach = original is null && withdrawal == WithdrawalKind.None && _rng.Chance(LinfenProfile.TargetBreachRate(a.Category, year));
        a.PausedDays = _rng.Chance(InjectionRates.Paused) ? _rng.Between(1, 5) : 0;
        a.Stalled = original is null && a.Category is Category.LvOther or Category.HvSingle or Category.HvDual
            && _rng.Chance(InjectionRates.Stalled);
        // Gaming (GeneratorOptions.GameUtility): an over-limit duration "corrected" to the limit day.
        if (breach && _options.GameUtility is { } gu && string.Equals(a.Utility, gu, StringComparison.Ordinal))
        {
            _truth.GamePopulation++;
            a.Gamed = _gameRng.NextDouble() < _options.GameShare;
            if (a.Gamed) _truth.Gamed++;
        }
        Timeline(a, breach);
        if (withdrawal != WithdrawalKind.None) Withdraw(a, withdrawal);
        if (a.Stalled && a.ConnectedAt is null && a.WithdrawnAt is null) _truth.Stalled++;
        InjectOutOfOrder(a);
        RecordCreated(a);
        FilingFlags(a);
        return a;
    }

    private Area PickArea(AreaMix mix)
    {
        Span<double> w = [mix.Central, mix.Urban, mix.Town, mix.Rural];
        return (Area)(_rng.PickIndex(w) + 1);
    }

    private static void CopyCustomer(SyntheticApplication from, SyntheticApplication to)
    {
        to.Utility = from.Utility;
        to.County = from.County;
        to.Area = from.Area;
        to.Category = from.Category;
        to.CustomerType = from.CustomerType;
        to.Voltage = from.Voltage;
        to.PowerSources = from.PowerSources;
        to.WritePowerSources = from.WritePowerSources;
        to.CapacityKw = from.CapacityKw;
        to.ThreeZero = from.ThreeZero;
        to.SmallMicro = from.SmallMicro;
        to.ImportantUser = from.ImportantUser;
        to.Person = from.Person;
    }

    /// <summary>Customer type, voltage, sources, capacity and flags of the category.</summary>
    private void Attributes(SyntheticApplication a)
    {
        switch (a.Category)
        {
            case Category.Residential:
                a.CustomerType = CustomerType.Residential;
                a.Voltage = Voltage.Lv;
                a.ThreeZero = _rng.Chance(0.97);
                a.CapacityKw = _rng.Pick(ResidentialCapacity);
                break;
            case Category.LvThreeZero:
                a.CustomerType = CustomerType.NonResidential;
                a.Voltage = Voltage.Lv;
                a.ThreeZero = true;
                a.CapacityKw = Math.Round((decimal)Math.Exp(_rng.Uniform(Math.Log(3), Math.Log(160))));
                a.SmallMicro = _rng.Flag(0.88, 0.04);
                break;
            case Category.LvOther:
                a.CustomerType = CustomerType.NonResidential;
                a.Voltage = Voltage.Lv;
                a.ThreeZero = false;
                a.CapacityKw = _rng.Chance(0.5) ? _rng.Between(161, 300) : _rng.Between(20, 160);
                a.SmallMicro = a.CapacityKw <= 160 ? _rng.Chance(0.6) : _rng.Chance(0.15);
                break;
            case Category.HvSingle:
            case Category.HvDual:
                a.CustomerType = CustomerType.NonResidential;
                a.Voltage = _rng.Pick(LinfenProfile.HvVoltageMix);
                var dual = a.Category == Category.HvDual;
                a.PowerSources = dual ? 2 : 1;
                a.WritePowerSources = dual || _rng.Chance(0.7);
                a.ImportantUser = _rng.Chance(dual ? 0.6 : 0.08);
                var table = a.Voltage switch { Voltage.Kv35 => Kv35Capacity, Voltage.Kv110 => Kv110Capacity, _ => Kv10Capacity };
                a.CapacityKw = dual && a.Voltage == Voltage.Kv10 ? table[_rng.Between(5, table.Length - 1)] : table[_rng.Next(table.Length)];
                a.SmallMicro = _rng.Chance(0.1);
                if (!dual && a.Voltage == Voltage.Kv10 && _rng.Chance(LinfenProfile.HighVoltageThreeZeroRate))
                {
                    // 任务7 breach: a small 三零 customer connected at 10 kV instead of low voltage.
                    a.ThreeZero = true;
                    a.SmallMicro = true;
                    a.CapacityKw = _rng.Between(100, 160);
                    a.ImportantUser = false;
                }
                break;
        }
    }

    /// <summary>E-contract, materials, fees and investment (任务5, 任务6, 任务9, 目标4).</summary>
    private void Commercial(SyntheticApplication a, int year)
    {
        if (a.Voltage == Voltage.Lv)
        {
            a.EContract = a.Channel switch
            {
                Channel.Online => _rng.Flag(0.92, 0.04),
                Channel.Counter => _rng.Flag(0.45, 0.05),
                _ => _rng.Flag(0.6, 0.05),
            };
        }
        else
        {
            a.EContract = _rng.Flag(Math.Clamp(0.25 + 0.08 * (year - 2024), 0.05, 0.8), 0.05);
        }

        if (_rng.Chance(LinfenProfile.MaterialsMissing))
        {
            a.Materials = null;
        }
        else
        {
            var m = Materials.IdCard | Materials.PropertyCert;
            if (a.IsHighVoltage) m |= Materials.ProjectApproval;
            else if (a.CustomerType == CustomerType.Residential && _rng.Chance(0.05)) m = Materials.IdCard;
            if (_rng.Chance(LinfenProfile.CommitmentLetterRate(year))) m |= Materials.CommitmentLetter;
            if (_rng.Chance(LinfenProfile.ExtraMaterialRate))
                m |= a.CustomerType == CustomerType.NonResidential && !a.IsHighVoltage ? Materials.BusinessLicense : Materials.Other;
            a.Materials = m;
        }

        switch (a.Category)
        {
            case Category.Residential:
            case Category.LvThreeZero:
                a.FeeYuan = ZeroOr(LinfenProfile.ThreeZeroFeeBreach, 50, 600);
                a.InvestmentYuan = ZeroOr(LinfenProfile.ThreeZeroInvestmentBreach, 500, 9000);
                break;
            case Category.LvOther:
                a.FeeYuan = ZeroOr(0.03, 100, 2000);
                a.InvestmentYuan = a.SmallMicro == true && a.CapacityKw <= 160
                    ? ZeroOr(LinfenProfile.SmallMicroInvestmentBreach, 2000, 30000)
                    : _rng.Chance(0.3) ? 0m : _rng.Between(30, 800) * 100m;
                break;
            default:
                a.FeeYuan = ZeroOr(0.01, 1000, 20000);
                a.InvestmentYuan = a.ThreeZero ? ZeroOr(0.3, 5000, 60000)
                    : _rng.Chance(0.3) ? 0m : _rng.Between(50, 3000) * 1000m;
                break;
        }
    }

    /// <summary>0 mostly, empty 3 %, and a positive amount with probability <paramref name="breach"/>.</summary>
    private decimal? ZeroOr(double breach, int lo, int hi)
    {
        var u = _rng.NextDouble();
        if (u < 0.03) return null;
        if (u < 0.03 + breach) return _rng.Between(lo, hi) + (_rng.Chance(0.3) ? 0.5m : 0m);
        return 0m;
    }

    private string NextId(string utility, DateOnly day)
    {
        _sequence.TryGetValue(utility, out var seq);
        _sequence[utility] = ++seq;
        var prefix = LinfenProfile.IdPrefix(utility);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{day:yyMM}{seq:D7}");
    }

    // ---- timeline -------------------------------------------------------------------------

    private void Timeline(SyntheticApplication a, bool breach)
    {
        switch (a.Category)
        {
            case Category.Residential: Residential(a, breach); break;
            case Category.LvThreeZero: LvThreeZero(a, breach); break;
            case Category.LvOther: LvOther(a, breach); break;
            default: HighVoltage(a, breach); break;
        }
    }

    private static int Limit(TargetDefinition target, DateOnly accepted, int fallback) =>
        target.LimitOn(accepted) is { } l ? (int)l : fallback;

    private void Residential(SyntheticApplication a, bool breach)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        var limit = Limit(_t2d, dA, 4);
        int days;
        if (breach) days = _rng.Between(limit + 1, limit + 5);
        else if (limit == 4) days = _rng.Pick(ResidentialDays);
        else days = _rng.Between(1, limit);
        if (a.Gamed) days = limit;
        if (days == 0 && a.AcceptedAt.Hour >= 15) days = 1;
        var total = days + a.PausedDays;
        var floor = a.AcceptedAt;
        if (_rng.Chance(LinfenProfile.ExtraStageLvRate))
            a.PlanRepliedAt = _clock.Stamp(_clock.Add(dA, _rng.Between(0, total)), ref floor);
        a.ConnectedAt = _clock.Stamp(_clock.Add(dA, total), ref floor);
    }

    private void LvThreeZero(SyntheticApplication a, bool breach)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        var limit = Limit(_t2e, dA, 15);
        var days = breach
            ? _rng.Between(limit + 1, limit + 10)
            : Math.Min(limit, 2 + (int)((limit - 1) * Math.Pow(_rng.NextDouble(), 1.6)));
        if (a.Gamed) days = limit;
        var total = days + a.PausedDays;
        var floor = a.AcceptedAt;
        if (_rng.Chance(LinfenProfile.ExtraStageLvRate))
            a.PlanRepliedAt = _clock.Stamp(_clock.Add(dA, _rng.Between(0, Math.Min(2, total))), ref floor);
        if (_rng.Chance(0.4) && total >= 2)
        {
            var cwFloor = a.AcceptedAt;
            a.CustomerWorksStart = _clock.Stamp(_clock.Add(dA, 1), ref cwFloor);
            a.CustomerWorksEnd = _clock.Stamp(_clock.Add(dA, _rng.Between(1, total - 1)), ref cwFloor);
            if (a.CustomerWorksEnd is { } ce && ce > floor) floor = ce;
        }
        a.ConnectedAt = _clock.Stamp(_clock.Add(dA, total), ref floor);
    }

    private void LvOther(SyntheticApplication a, bool breach)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        var limit = Limit(_t2a, dA, 5);
        var u = breach ? _rng.Between(limit + 1, limit + 6) : _rng.Between(1, limit);
        if (a.Gamed) u = limit;
        var floor = a.AcceptedAt;
        if (_rng.Chance(0.03))
            a.PlanRepliedAt = _clock.Stamp(_clock.Add(dA, 1), ref floor); // 目标3 breach: a fourth stage

        var baseDate = dA;
        var u1 = _rng.Between(0, Math.Min(2, u));
        if (_rng.Chance(0.85))
        {
            var cs = _clock.Add(dA, u1);
            var ce = _clock.Add(cs, a.Stalled ? _rng.Between(120, 300) : _rng.Between(3, 20));
            var cwFloor = a.AcceptedAt;
            a.CustomerWorksStart = _clock.Stamp(cs, ref cwFloor);
            a.CustomerWorksEnd = _clock.Stamp(ce, ref cwFloor);
            baseDate = OfficeClock.Max(baseDate, ce);
        }
        else
        {
            a.Stalled = false;
        }

        if (_rng.Chance(0.7))
        {
            var es = _clock.Add(dA, _rng.Between(1, 2));
            a.ExternalWorksStart = _clock.Stamp(es, ref floor);
            var ready = es;
            if (_rng.Chance(0.6) && a.ExternalWorksStart is { } esTime)
            {
                var (mode, days) = Permit(a.Voltage, es.Year);
                a.ApprovalMode = mode;
                var apFloor = esTime;
                a.ApprovalSubmittedAt = _clock.Stamp(es, ref apFloor);
                var ag = _clock.Add(es, days);
                a.ApprovalGrantedAt = _clock.Stamp(ag, ref apFloor);
                ready = OfficeClock.Max(ready, ag);
            }
            else
            {
                a.ApprovalMode = _rng.Chance(0.6) ? ApprovalMode.Exempt : null;
            }
            var ee = _clock.Add(ready, _rng.Between(1, 3));
            a.ExternalWorksEnd = _clock.Stamp(ee, ref floor);
            baseDate = OfficeClock.Max(baseDate, ee);
        }

        if (a.CustomerWorksEnd is { } cwEnd && cwEnd > floor) floor = cwEnd;
        Connect(a, baseDate, u, ref floor);
    }

    private void HighVoltage(SyntheticApplication a, bool breach)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        var dual = a.Category == Category.HvDual;
        var limit = dual ? Limit(_t2c, dA, 25) : Limit(_t2b, dA, 15);
        var u = breach ? _rng.Between(limit + 1, limit + 12) : _rng.Between((int)(limit * 0.35), limit);
        if (a.Gamed) u = limit;
        var floor = a.AcceptedAt;

        var p = _clock.Add(dA, _rng.Between(1, dual ? 7 : 4));
        a.PlanRepliedAt = _clock.Stamp(p, ref floor);
        var last = p;

        var important = a.ImportantUser == true;
        var forbidden = !important && _rng.Chance(LinfenProfile.HvForbiddenStageRate);
        var designReview = important || (forbidden && _rng.Chance(0.5));
        var midCheck = important || (forbidden && !designReview);
        if (designReview)
        {
            var drs = _clock.Add(p, _rng.Between(1, 3));
            var dre = _clock.Add(drs, _rng.Between(1, 3));
            a.DesignReviewStart = _clock.Stamp(drs, ref floor);
            a.DesignReviewEnd = _clock.Stamp(dre, ref floor);
            last = dre;
        }

        var cs = _clock.Add(last, _rng.Between(0, 3));
        var c = a.Stalled ? _rng.Between(150, 400) : dual ? _rng.Between(30, 90) : _rng.Between(15, 60);
        var ce = _clock.Add(cs, c);
        var cwFloor = a.AcceptedAt;
        a.CustomerWorksStart = _clock.Stamp(cs, ref cwFloor);
        a.CustomerWorksEnd = _clock.Stamp(ce, ref cwFloor);

        if (midCheck)
        {
            var ms = _clock.Add(cs, c / 2);
            var me = _clock.Add(ms, _rng.Between(0, 1));
            if (a.CustomerWorksStart is { } csTime && csTime > floor) floor = csTime;
            a.MidCheckStart = _clock.Stamp(ms, ref floor);
            a.MidCheckEnd = _clock.Stamp(me, ref floor);
            last = OfficeClock.Max(last, me);
        }

        var ready = ce;
        if (_rng.Chance(a.Voltage == Voltage.Kv10 ? 0.6 : 0.9))
        {
            var es = _clock.Add(OfficeClock.Max(last, cs), _rng.Between(1, 5));
            a.ExternalWorksStart = _clock.Stamp(es, ref floor);
            var worksReady = _clock.Add(es, _rng.Between(3, Math.Max(3, c / 2 - 1)));
            if (a.ExternalWorksStart is { } esTime && _rng.Chance(a.Voltage == Voltage.Kv10 ? 0.7 : 0.9))
            {
                var (mode, days) = Permit(a.Voltage, es.Year);
                a.ApprovalMode = mode;
                var apFloor = esTime;
                a.ApprovalSubmittedAt = _clock.Stamp(es, ref apFloor);
                var ag = _clock.Add(es, days);
                a.ApprovalGrantedAt = _clock.Stamp(ag, ref apFloor);
                worksReady = OfficeClock.Max(worksReady, _clock.Add(ag, _rng.Between(0, 2)));
            }
            else
            {
                a.ApprovalMode = _rng.Chance(0.5) ? ApprovalMode.Exempt : null;
            }
            a.ExternalWorksEnd = _clock.Stamp(worksReady, ref floor);
            ready = OfficeClock.Max(ready, worksReady);
        }

        var ccs = _clock.Add(ready, _rng.Between(0, 2));
        var cce = _clock.Add(ccs, _rng.Between(0, 2));
        if (a.CustomerWorksEnd is { } ceTime && ceTime > floor) floor = ceTime;
        a.CompletionCheckStart = _clock.Stamp(ccs, ref floor);
        a.CompletionCheckEnd = _clock.Stamp(cce, ref floor);
        Connect(a, cce, u, ref floor);
    }

    /// <summary>
    /// Connects after <paramref name="baseDate"/> so that the utility days (customer works and
    /// permits excluded, pauses subtracted; metrics.md §3) come to <paramref name="utilityDays"/>
    /// where the stages before allow it.
    /// </summary>
    private void Connect(SyntheticApplication a, DateOnly baseDate, int utilityDays, ref DateTime floor)
    {
        if (baseDate == OfficeClock.Beyond) return;
        Span<(DateTime, DateTime)> excluded = stackalloc (DateTime, DateTime)[2];
        var n = 0;
        if (a.CustomerWorksStart is { } cs && a.CustomerWorksEnd is { } ce) excluded[n++] = (cs, ce);
        if (a.ApprovalSubmittedAt is { } s && a.ApprovalGrantedAt is { } g) excluded[n++] = (s, g);
        var baseTime = baseDate.ToDateTime(TimeOnly.MinValue);
        var sofar = _clock.Calendar.WorkingDaysExcluding(a.AcceptedAt, baseTime, excluded[..n]);
        var gap = Math.Max(0, utilityDays + a.PausedDays - sofar);
        a.ConnectedAt = _clock.Stamp(_clock.Add(baseDate, gap), ref floor);
    }

    /// <summary>目标1: an approval mode and its working days (审批 sometimes over the 5 / 10-day limit).</summary>
    private (ApprovalMode Mode, int Days) Permit(Voltage voltage, int year)
    {
        if (!_approvalModes.TryGetValue(year, out var modes)) _approvalModes[year] = modes = LinfenProfile.ApprovalModes(year);
        var mode = _rng.Pick(modes);
        var over = _rng.Chance(LinfenProfile.ApprovalBreachRate);
        var days = mode switch
        {
            ApprovalMode.Standard => voltage switch
            {
                Voltage.Lv => over ? _rng.Between(6, 10) : _rng.Between(2, 5),
                Voltage.Kv10 => over ? _rng.Between(11, 18) : _rng.Between(4, 10),
                _ => _rng.Between(8, 25),
            },
            ApprovalMode.NotifyCommit => _rng.Between(0, 2),
            _ => _rng.Between(0, 1),
        };
        return (mode, days);
    }

    // ---- withdrawals and re-applications ---------------------------------------------------

    private void Withdraw(SyntheticApplication a, WithdrawalKind kind)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        // A re-walk withdraws near the limit, to restart the clock; others at any time.
        var k = kind == WithdrawalKind.Rewalk
            ? a.Category switch
            {
                Category.Residential => _rng.Between(3, 5),
                Category.LvThreeZero => _rng.Between(12, 16),
                Category.LvOther => _rng.Between(4, 7),
                _ => _rng.Between(12, 24),
            }
            : _rng.Between(1, 10);
        var floor = a.AcceptedAt;
        var w = _clock.Stamp(_clock.Add(dA, k), ref floor);
        if (w is null) return; // the data ends first: still in progress
        a.WithdrawnAt = w;
        a.DropAfter(w.Value);
        a.Stalled = false;
        a.Withdrawal = kind;
        a.RewalkFirst = kind == WithdrawalKind.Rewalk;
    }

    private SyntheticApplication? Reapply(SyntheticApplication first)
    {
        var kind = first.Withdrawal;
        if (kind is not (WithdrawalKind.Rewalk or WithdrawalKind.LateReapplication) || first.WithdrawnAt is not { } w) return null;
        var wDay = DateOnly.FromDateTime(w);
        var gap = kind == WithdrawalKind.Rewalk ? _rng.Between(1, 20) : _rng.Between(35, 80);
        var day = _clock.OnOrAfterWorkingDay(wDay.AddDays(gap));
        if (day == OfficeClock.Beyond) { first.RewalkFirst = false; return null; }
        if (kind == WithdrawalKind.Rewalk && day.DayNumber - wDay.DayNumber > 30) { first.RewalkFirst = false; return null; }
        var b = New(day, working: true, original: first);
        if (kind == WithdrawalKind.Rewalk)
        {
            b.RewalkSecond = true;
            _truth.Rewalks++;
            if (_rng.Chance(InjectionRates.RewalkNamesPrevious))
            {
                b.PreviousApplicationId = first.Id;
                _truth.RewalksNamingPrevious++;
            }
        }
        else
        {
            b.LateReapplicationSecond = true;
            _truth.LateReapplications++;
            if (_rng.Chance(0.3)) b.PreviousApplicationId = first.Id;
        }
        _credits[day.DayNumber] = _credits.GetValueOrDefault(day.DayNumber) + 1;
        return b;
    }

    // ---- integrity injections ---------------------------------------------------------------

    /// <summary>时序异常: connection stamped before the end of the stage that precedes it.</summary>
    private void InjectOutOfOrder(SyntheticApplication a)
    {
        if (a.ConnectedAt is null || a.StageBeforeConnection() is not { } prev) return;
        _truth.OutOfOrderPopulation++;
        if (!_rng.Chance(InjectionRates.OutOfOrder)) return;
        var lo = prev.Start == prev.End ? a.AcceptedAt : prev.Start;
        if (!_options.Calendar.IsWorkingDay(DateOnly.FromDateTime(lo))) return;
        DateTime moved;
        if (lo.Date < prev.End.Date)
        {
            var floor = lo;
            moved = _clock.Stamp(DateOnly.FromDateTime(lo), ref floor) ?? lo;
        }
        else
        {
            var span = (prev.End - lo).TotalMinutes;
            if (span < 2) return;
            moved = lo.AddMinutes(Math.Max(1, Math.Floor(span * _rng.Uniform(0.1, 0.9))));
        }
        if (moved <= a.AcceptedAt || moved >= prev.End) return;
        a.ConnectedAt = moved;
        a.OutOfOrder = true;
        _truth.OutOfOrder++;
    }

    /// <summary>record_created_at: on time; or late (体外循环); or after connection (后补); or missing.</summary>
    private void RecordCreated(SyntheticApplication a)
    {
        var dA = DateOnly.FromDateTime(a.AcceptedAt);
        if (a.ConnectedAt is { } c && _clock.Add(DateOnly.FromDateTime(c), 3) != OfficeClock.Beyond)
        {
            _truth.RecordAfterConnectionPopulation++;
            if (_rng.Chance(InjectionRates.RecordAfterConnection))
            {
                var floor = c;
                a.RecordCreatedAt = _clock.Stamp(_clock.Add(DateOnly.FromDateTime(c), _rng.Between(0, 3)), ref floor);
                a.RecordAfterConnection = true;
                _truth.RecordAfterConnection++;
                return;
            }
        }

        var endDay = a.ConnectedAt is { } cc ? DateOnly.FromDateTime(cc)
            : a.WithdrawnAt is { } w ? DateOnly.FromDateTime(w)
            : _options.End;
        var span = _options.Calendar.WorkingDaysBetween(dA, endDay);
        if (span >= 3)
        {
            _truth.EnteredLatePopulation++;
            if (_rng.Chance(InjectionRates.EnteredLate))
            {
                var floor = a.AcceptedAt;
                a.RecordCreatedAt = _clock.Stamp(_clock.Add(dA, _rng.Between(2, Math.Min(6, span - 1))), ref floor);
                a.EnteredLate = true;
                _truth.EnteredLate++;
                return;
            }
        }

        if (_rng.Chance(InjectionRates.RecordCreatedMissing)) { a.RecordCreatedAt = null; return; }
        var rc = a.Channel == Channel.Online ? a.AcceptedAt : a.AcceptedAt.AddMinutes(_rng.Between(0, 20));
        var first = a.ConnectedAt ?? a.WithdrawnAt;
        if (first is { } f && rc >= f) rc = a.AcceptedAt;
        a.RecordCreatedAt = rc;
    }

    /// <summary>Decides how the two applications filings show the application (改写, 后补, re-filed).</summary>
    private void FilingFlags(SyntheticApplication a)
    {
        if (a.ConnectedAt is not { } c || c > _firstAsOf || a.KnownFrom > _firstAsOf) return;
        _truth.RewrittenPopulation++;
        if (_rng.Chance(InjectionRates.Rewritten))
        {
            a.Rewritten = true;
            a.RewrittenConnectedAt = RewrittenTime(a, c);
            _truth.Rewritten++;
            return;
        }
        if (c >= _firstAsOf.AddDays(-InjectionRates.BackFilledWindowDays) && c < _firstAsOf.Date.AddDays(-1))
        {
            _truth.BackFilledPopulation++;
            if (_rng.Chance(InjectionRates.BackFilledConnection))
            {
                a.BackFilled = true;
                _truth.BackFilled++;
                return;
            }
        }
        if (c >= _firstAsOf.AddDays(-InjectionRates.RefiledWindowDays))
        {
            _truth.RefiledUnchangedPopulation++;
            if (_rng.Chance(InjectionRates.RefiledUnchanged))
            {
                a.RefiledUnchanged = true;
                _truth.RefiledUnchanged++;
            }
        }
    }

    /// <summary>A different connection time: a working day or some hours earlier (to look compliant), else a little later.</summary>
    private DateTime RewrittenTime(SyntheticApplication a, DateTime c)
    {
        // The new time stays after every other time recorded before the connection, so a rewrite
        // never makes the record out of order by itself (metrics.md §7 keeps the two findings apart).
        var lo = a.AcceptedAt;
        foreach (var t in new[]
        {
            a.PlanRepliedAt, a.DesignReviewStart, a.DesignReviewEnd, a.CustomerWorksStart, a.CustomerWorksEnd, a.MidCheckStart, a.MidCheckEnd,
            a.ExternalWorksStart, a.ExternalWorksEnd, a.ApprovalSubmittedAt, a.ApprovalGrantedAt, a.CompletionCheckStart, a.CompletionCheckEnd, a.RecordCreatedAt,
        })
            if (t is { } v && v < c && v > lo) lo = v;
        var between = _options.Calendar.WorkingDaysBetween(lo, c);
        if (between >= 2)
        {
            var floor = lo;
            var d = _clock.Add(DateOnly.FromDateTime(lo), _rng.Between(1, between - 1));
            if (_clock.Stamp(d, ref floor) is { } t && t > lo && t < c) return t;
        }
        var dayStart = c.Date.AddHours(8.5);
        var from = lo > dayStart ? lo : dayStart;
        if ((c - from).TotalMinutes >= 10)
            return from.AddMinutes(1 + Math.Floor((c - from).TotalMinutes * _rng.Uniform(0.1, 0.9)));
        var later = c.AddMinutes(_rng.Between(60, 180));
        return later.Date == c.Date ? later : c.AddMinutes(1);
    }
}
