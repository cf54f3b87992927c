using System.Globalization;
using Analytics.Domain;

namespace Analytics.Generator.Outages;

/// <summary>
/// Simulates outages (planned and fault, single- and multi-step, some across New Year) and the
/// customers served they are measured against, so that SAIDI (metrics.md §5) per area class and
/// year comes out at <see cref="LinfenProfile.DesignSaidiHours"/> (times the share of the year the
/// data covers), with counties above and below it by <see cref="LinfenProfile.CountySaidiFactor"/>.
/// </summary>
/// <remarks>
/// Customers served follow the territories' sizes, scaled by one factor so that realistic outages
/// (tens to about two thousand customers, hours long) give the design SAIDI: with few outages the
/// city is small, with tens of thousands it has Linfen's size. The customers of the outages of
/// each area class and year are then tuned so the pooled figure meets the design exactly
/// (up to rounding and each group's size).
/// </remarks>
internal sealed class OutageSimulator
{
    private static readonly string[] Places =
    [
        "城关", "东城", "西关", "南街", "北坛", "乔李", "屯里", "魏村", "汾河", "鼓楼", "解放", "平阳", "滨河", "秦蜀", "涝洰",
        "贾得", "刘村", "金殿", "段店", "县底", "土门", "大阳", "河底", "姑射", "尧庙", "吴村", "枕头", "一平垣", "临钢", "工业园",
        "开发区", "新城", "古城", "龙泉", "东关", "西城", "南关", "北城", "曲亭", "辛置", "白龙", "大张", "陶寺", "赵曲", "史村",
        "高显", "里砦", "隆化", "唐兴", "汾城", "新绛", "翟店", "柳沟", "罗云", "黑龙关", "店头", "午城", "徐家垛", "交口", "府城",
    ];

    private static readonly double[] FaultMonth = [1.2, 1.0, 0.8, 0.8, 1.0, 1.3, 1.6, 1.6, 1.1, 0.8, 0.9, 1.2];

    private readonly GeneratorOptions _options;
    private readonly Random _rng;
    private readonly DateTime _dataStart;
    private readonly DateTime _dataEnd;
    private readonly Dictionary<string, int> _sequence = new(StringComparer.Ordinal);

    public OutageSimulator(GeneratorOptions options)
    {
        _options = options;
        _rng = new Random(unchecked(options.Seed * 7919 + 2));
        _dataStart = options.Start.ToDateTime(TimeOnly.MinValue);
        _dataEnd = options.End.ToDateTime(new TimeOnly(23, 59));
    }

    public OutagePlan Simulate()
    {
        var groups = Groups();
        var years = Enumerable.Range(_options.Start.Year, _options.End.Year - _options.Start.Year + 1).ToArray();

        // Outage volume per group-year follows its customers × design SAIDI × covered share of the year.
        var cells = new List<(ServiceGroup Group, int Year, double Weight)>();
        foreach (var g in groups)
            foreach (var y in years)
                cells.Add((g, y, g.BaseCustomers * g.SaidiFactor * (double)LinfenProfile.DesignSaidiHours(g.Area, y) * Covered(y)));
        var weights = cells.Select(c => c.Weight).ToArray();

        var outages = new List<SyntheticOutage>(_options.Outages);
        var boundaries = years.Where(y => y < _options.End.Year && new DateOnly(y, 12, 31) >= _options.Start).ToArray();
        var perBoundary = _options.Outages >= 4 * boundaries.Length ? Math.Max(1, _options.Outages / 400) : 0;
        foreach (var y in boundaries)
        {
            for (var k = 0; k < perBoundary; k++)
            {
                var cell = PickCellInYear(cells, weights, y);
                outages.Add(AcrossNewYear(cell.Group, y));
            }
        }
        // Every area class gets a few outages each year (when there are enough), so that a small
        // class (中心区 is only part of 尧都区) still has a SAIDI to tune instead of a chance zero.
        var classYears = cells.Where(c => c.Weight > 0).Select(c => (c.Group.Area, c.Year)).Distinct().ToArray();
        var reserve = classYears.Length == 0 ? 0 : Math.Min(3, (_options.Outages - outages.Count) / (4 * classYears.Length));
        foreach (var (area, year) in classYears)
        {
            var idx = Enumerable.Range(0, cells.Count).Where(i => cells[i].Group.Area == area && cells[i].Year == year).ToArray();
            var w = idx.Select(i => weights[i]).ToArray();
            for (var k = 0; k < reserve; k++)
            {
                var cell = cells[idx[_rng.PickIndex(w)]];
                outages.Add(Ordinary(cell.Group, cell.Year));
            }
        }
        while (outages.Count < _options.Outages)
        {
            var cell = cells[_rng.PickIndex(weights)];
            outages.Add(Ordinary(cell.Group, cell.Year));
        }

        // One scale for all customers: realistic outages then give the design SAIDI on average.
        var initialHours = 0.0;
        foreach (var o in outages)
            if (!o.Short) initialHours += o.CustomerHours(_dataStart, _dataEnd.AddMinutes(1));
        var designHours = cells.Sum(c => c.Weight);
        var scale = designHours > 0 && initialHours > 0 ? initialHours / designHours : 0.01;

        var snapshots = Snapshots(groups, years, scale);
        Tune(outages, snapshots, years);

        outages.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
        return new OutagePlan(outages, snapshots, scale);
    }

    /// <summary>Share of year <paramref name="y"/> inside the data.</summary>
    private double Covered(int y)
    {
        var from = new DateOnly(y, 1, 1) > _options.Start ? new DateOnly(y, 1, 1) : _options.Start;
        var to = new DateOnly(y, 12, 31) < _options.End ? new DateOnly(y, 12, 31) : _options.End;
        return Math.Max(0, to.DayNumber - from.DayNumber + 1) / (double)(DateTime.IsLeapYear(y) ? 366 : 365);
    }

    private static List<ServiceGroup> Groups()
    {
        var raw = new List<(string U, string C, Area A, double Customers, double Factor)>();
        foreach (var t in LinfenProfile.Territories)
            foreach (var a in t.Areas.Areas)
                raw.Add((t.Utility, t.County, a, t.Customers * t.Areas.Weight(a) / t.Areas.Total, LinfenProfile.CountySaidiFactor(t.County)));
        // Normalise the county factors within each area class (customer-weighted mean 1).
        var mean = raw.GroupBy(r => r.A).ToDictionary(g => g.Key, g => g.Sum(r => r.Customers * r.Factor) / g.Sum(r => r.Customers));
        return [.. raw.Select(r => new ServiceGroup(r.U, r.C, r.A, r.Customers, r.Factor / mean[r.A]))];
    }

    private (ServiceGroup Group, int Year, double Weight) PickCellInYear(List<(ServiceGroup Group, int Year, double Weight)> cells, double[] weights, int year)
    {
        var idx = Enumerable.Range(0, cells.Count).Where(i => cells[i].Year == year).ToArray();
        var w = idx.Select(i => weights[i]).ToArray();
        return cells[idx[_rng.PickIndex(w)]];
    }

    private SyntheticOutage New(ServiceGroup g, OutageKind kind, DateTime start)
    {
        var o = new SyntheticOutage { Group = g, Kind = kind, Start = start };
        o.Id = NextId(g.Utility, start.Year);
        var feederLevel = _rng.Chance(0.7);
        var place = Places[_rng.Next(Places.Length)];
        o.Feeder = feederLevel
            ? "10kV" + place + (_rng.Chance(0.25) ? (_rng.Chance(0.5) ? "Ⅰ回" : "Ⅱ回") : "") + "线"
            : place + _rng.Between(1, 40).ToString(CultureInfo.InvariantCulture) + "号台区";
        if (_rng.Chance(0.03)) o.Feeder = "";
        var customers = feederLevel ? _rng.Between(kind == OutageKind.Planned ? 150 : 100, kind == OutageKind.Planned ? 1500 : 1200) : _rng.Between(20, 300);
        o.Steps.Add(new RestorationStep { Customers = customers });
        return o;
    }

    private SyntheticOutage Ordinary(ServiceGroup g, int year)
    {
        var planned = _rng.Chance(LinfenProfile.PlannedOutageShare);
        for (var attempt = 0; ; attempt++)
        {
            var day = RandomDay(year, planned);
            SyntheticOutage o;
            if (planned)
            {
                var start = day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(15 * _rng.Between(0, 8));
                o = New(g, OutageKind.Planned, start);
                o.Cause = OutageCause.Internal;
                o.WriteCause = _rng.Chance(0.7);
                Restore(o, 15 * _rng.Between(12, 36), _rng.Chance(LinfenProfile.PlannedMultiStep));
                NotifyPlanned(o);
            }
            else
            {
                var hour = _rng.PickIndex([0.5, 0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 0.8, 1, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.6, 1.5, 1.4, 1.3, 1.1, 0.9, 0.7, 0.6]);
                var start = day.ToDateTime(new TimeOnly(hour, _rng.Next(60)));
                o = New(g, OutageKind.Fault, start);
                o.Cause = _rng.Pick<OutageCause>([(OutageCause.Internal, 60), (OutageCause.External, 36), (OutageCause.SupplyShortage, 4)]);
                if (_rng.Chance(LinfenProfile.ShortFault))
                {
                    o.Short = true;
                    o.Steps[0].Customers = _rng.Between(20, 300);
                    o.Steps[0].End = start.AddMinutes(_rng.Between(1, 3));
                }
                else
                {
                    var minutes = o.Cause switch
                    {
                        OutageCause.External => (int)Math.Round(60 * Math.Exp(_rng.Uniform(Math.Log(1), Math.Log(14)))),
                        OutageCause.SupplyShortage => _rng.Between(60, 180),
                        _ => (int)Math.Round(60 * Math.Exp(_rng.Uniform(Math.Log(0.5), Math.Log(5)))),
                    };
                    Restore(o, Math.Max(10, minutes), _rng.Chance(LinfenProfile.FaultMultiStep));
                }
                NotifyFault(o);
            }
            if (o.Steps[^1].End <= _dataEnd || attempt > 20)
            {
                if (o.Steps[^1].End > _dataEnd) Truncate(o);
                return o;
            }
            _sequence[g.Utility]--; // the id is drawn again with the retry
        }
    }

    private SyntheticOutage AcrossNewYear(ServiceGroup g, int year)
    {
        var start = new DateTime(year, 12, 31, _rng.Between(18, 23), _rng.Next(60), 0);
        var o = New(g, OutageKind.Fault, start);
        o.Cause = _rng.Chance(0.5) ? OutageCause.External : OutageCause.Internal;
        var midnight = new DateTime(year + 1, 1, 1);
        var minutes = (int)(midnight - start).TotalMinutes + _rng.Between(60, 6 * 60);
        Restore(o, minutes, _rng.Chance(0.5));
        NotifyFault(o);
        if (o.Steps[^1].End > _dataEnd) Truncate(o);
        return o;
    }

    /// <summary>A day of <paramref name="year"/> inside the data: a working day for planned work; for faults any day, more in summer storms and winter.</summary>
    private DateOnly RandomDay(int year, bool workingDay)
    {
        var from = new DateOnly(year, 1, 1) > _options.Start ? new DateOnly(year, 1, 1) : _options.Start;
        var to = new DateOnly(year, 12, 31) < _options.End ? new DateOnly(year, 12, 31) : _options.End;
        for (var i = 0; i < 1000; i++)
        {
            var d = DateOnly.FromDayNumber(from.DayNumber + _rng.Next(to.DayNumber - from.DayNumber + 1));
            if (workingDay && !_options.Calendar.IsWorkingDay(d)) continue;
            if (!workingDay && _rng.NextDouble() * 1.6 > FaultMonth[d.Month - 1]) continue;
            return d;
        }
        return from;
    }

    /// <summary>Restoration after <paramref name="minutes"/>; in steps, the first part of the customers comes back earlier.</summary>
    private void Restore(SyntheticOutage o, int minutes, bool steps)
    {
        var total = o.Steps[0].Customers;
        o.Steps.Clear();
        if (!steps || total < 10 || minutes < 30)
        {
            o.Steps.Add(new RestorationStep { End = o.Start.AddMinutes(minutes), Customers = total });
            return;
        }
        var n = _rng.Chance(0.7) ? 2 : 3;
        var left = total;
        for (var k = 1; k <= n; k++)
        {
            var share = k == n ? 1.0 : _rng.Uniform(0.4, 0.75);
            var c = k == n ? left : Math.Max(1, (int)Math.Round(left * share));
            if (c >= left && k < n) c = left - 1;
            left -= c;
            // Step k of n comes back at ((k − 1) + u) / n of the whole duration, u in [0.4, 0.9); the last at the end.
            var fraction = k == n ? 1.0 : (k - 1 + _rng.Uniform(0.4, 0.9)) / n;
            var end = o.Start.AddMinutes(Math.Max(5 * k, (int)Math.Round(minutes * fraction)));
            if (o.Steps.Count > 0 && end <= o.Steps[^1].End) end = o.Steps[^1].End.AddMinutes(5);
            o.Steps.Add(new RestorationStep { End = end, Customers = c });
            if (left == 0) break;
        }
    }

    private void Truncate(SyntheticOutage o)
    {
        foreach (var s in o.Steps)
            if (s.End > _dataEnd) s.End = _dataEnd;
        if (o.Start >= o.Steps[0].End) o.Start = o.Steps[0].End.AddMinutes(-5);
    }

    /// <summary>任务10: planned work is notified, mostly 7–15 days ahead.</summary>
    private void NotifyPlanned(SyntheticOutage o)
    {
        if (!_rng.Chance(LinfenProfile.PlannedNotified)) return;
        // On time means notified at least 7 calendar days (by date) before the start (任务10, metrics.md §6): 8–15 days ahead at office hours.
        var days = _rng.Chance(LinfenProfile.PlannedNotifiedOnTime) ? _rng.Between(8, 15) : _rng.Between(1, 6);
        var t = o.Start.Date.AddDays(-days).AddMinutes(8 * 60 + 30 + _rng.Next(9 * 60));
        o.NotifiedAt = t < _dataStart ? null : t;
        if (o.NotifiedAt is null) return;
        var ch = NotifyChannels.App | NotifyChannels.Sms;
        if (_rng.Chance(0.5)) ch |= NotifyChannels.Notice;
        if (_rng.Chance(0.4)) ch |= NotifyChannels.Wechat;
        if (_rng.Chance(0.2)) ch &= ~NotifyChannels.Sms;
        o.Channels = ch;
    }

    /// <summary>任务10: fault outages are pushed to the users soon after they start.</summary>
    private void NotifyFault(SyntheticOutage o)
    {
        if (!_rng.Chance(LinfenProfile.FaultNotified)) return;
        o.NotifiedAt = o.Start.AddMinutes(_rng.Between(5, 40));
        var ch = NotifyChannels.App;
        if (_rng.Chance(0.6)) ch |= NotifyChannels.Wechat;
        if (_rng.Chance(0.7)) ch |= NotifyChannels.Sms;
        if (_rng.Chance(0.1)) ch |= NotifyChannels.Phone;
        o.Channels = ch;
    }

    private string NextId(string utility, int year)
    {
        _sequence.TryGetValue(utility, out var seq);
        _sequence[utility] = ++seq;
        var prefix = LinfenProfile.IdPrefix(utility);
        return string.Create(CultureInfo.InvariantCulture, $"TD{prefix}{year:D4}{seq:D6}");
    }

    /// <summary>
    /// Customers served: yearly figures for 国网临汾, month-end snapshots for the others
    /// (months whose end lies inside the data), growing <see cref="LinfenProfile.CustomerGrowthPerYear"/> a year.
    /// </summary>
    private List<CustomerSnapshot> Snapshots(List<ServiceGroup> groups, int[] years, double scale)
    {
        var list = new List<CustomerSnapshot>();
        foreach (var g in groups)
        {
            foreach (var y in years)
            {
                var yearly = g.BaseCustomers * scale * Math.Pow(1 + LinfenProfile.CustomerGrowthPerYear, y - years[0]);
                if (LinfenProfile.FilesMonthlyCustomers(g.Utility))
                {
                    for (var m = 1; m <= 12; m++)
                    {
                        var monthEnd = new DateOnly(y, m, DateTime.DaysInMonth(y, m));
                        if (monthEnd < _options.Start || monthEnd > _options.End) continue;
                        var v = yearly * (1 + LinfenProfile.CustomerGrowthPerYear * (m - 6.5) / 12);
                        list.Add(new CustomerSnapshot(g, y, m, Math.Max(5, (long)Math.Round(v))));
                    }
                    if (!list.Any(s => s.Group == g && s.Year == y))
                        list.Add(new CustomerSnapshot(g, y, null, Math.Max(5, (long)Math.Round(yearly))));
                }
                else
                {
                    list.Add(new CustomerSnapshot(g, y, null, Math.Max(5, (long)Math.Round(yearly))));
                }
            }
        }
        return list;
    }

    /// <summary>Scales the customers of each class-year's outages so its pooled SAIDI is the design (covered share of the year).</summary>
    private void Tune(List<SyntheticOutage> outages, List<CustomerSnapshot> snapshots, int[] years)
    {
        var served = snapshots.GroupBy(s => (s.Group, s.Year)).ToDictionary(g => g.Key, g => g.Average(s => (double)s.Customers));
        foreach (var y in years)
        {
            var from = new DateTime(y, 1, 1);
            var to = from.AddYears(1);
            foreach (var area in new[] { Area.Central, Area.Urban, Area.Town, Area.Rural })
            {
                var customers = served.Where(kv => kv.Key.Year == y && kv.Key.Group.Area == area).Sum(kv => kv.Value);
                if (customers <= 0) continue;
                var target = customers * (double)LinfenProfile.DesignSaidiHours(area, y) * Covered(y);
                var own = outages.Where(o => !o.Short && o.Group.Area == area && o.Start >= from && o.Start < to).ToList();
                if (own.Count == 0) continue;
                for (var pass = 0; pass < 12; pass++)
                {
                    var actual = outages.Where(o => !o.Short && o.Group.Area == area).Sum(o => o.CustomerHours(from, to));
                    if (actual <= 0) break;
                    var f = target / actual;
                    if (Math.Abs(f - 1) < 0.002) break;
                    // Up to 6 passes scale the customers (capped at the group's size); when the caps
                    // bind (few outages in a small class), later passes lengthen the capped outages.
                    foreach (var o in own)
                    {
                        var cap = (int)Math.Max(1, served[(o.Group, y)]);
                        if (pass < 6 || o.TotalCustomers < cap) ScaleCustomers(o, f, cap);
                        else Lengthen(o, f);
                    }
                }
            }
        }
    }

    private static void ScaleCustomers(SyntheticOutage o, double f, int cap)
    {
        foreach (var s in o.Steps) s.Customers = Math.Max(1, (int)Math.Round(s.Customers * f));
        var total = o.TotalCustomers;
        if (total <= cap) return;
        var k = cap / (double)total;
        foreach (var s in o.Steps) s.Customers = Math.Max(1, (int)Math.Floor(s.Customers * k));
    }

    /// <summary>Stretches the restoration times by <paramref name="f"/> (at most 12 h planned, 24 h fault; never past the data).</summary>
    private void Lengthen(SyntheticOutage o, double f)
    {
        if (f <= 1) return;
        var longest = o.Kind == OutageKind.Planned ? 12 * 60.0 : 24 * 60.0;
        var whole = (o.Steps[^1].End - o.Start).TotalMinutes;
        var g = Math.Min(f, longest / Math.Max(1, whole));
        if (g <= 1) return;
        foreach (var s in o.Steps)
        {
            var end = o.Start.AddMinutes(Math.Round((s.End - o.Start).TotalMinutes * g));
            s.End = end > _dataEnd ? _dataEnd : end;
        }
    }
}
