using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// SAIDI, SAIFI, CAIDI, ASAI and 目标5 (metrics.md §5, §8) for every part of a period × county/city × utility/all ×
/// area/all with customers served (see <see cref="ReliabilityEntry"/> for the formulas).
/// </summary>
/// <remarks>
/// <para>The period is cut at each New Year into parts, each clipped to the data (<c>data_through</c>); a period that
/// spans years also gets entries for its whole span (no <see cref="ReliabilityEntry.Year"/>). For each part, one pass over
/// the outage rows puts the interruption time inside the part's window [from 00:00, to + 1 day 00:00) into the finest
/// cells (utility, county, area), then the small cell table is rolled up into the groups, pooling customer-hours and
/// customers. The same is done for the same dates a year earlier (同比) and, for a year in progress, the whole previous
/// year (the reduction branch of 目标5).</para>
/// <para>Customer-hours are summed exactly, as customers × ticks in 128-bit integers, and turned into decimal hours once per
/// group, so that the 8 % test of 目标5 is decided in decimal arithmetic. A group containing a cell with outages but no
/// customers served gets no entry and one <see cref="MetricsError"/> of kind
/// <see cref="MetricsErrorKind.NoCustomersServed"/>; the other groups are unaffected.</para>
/// </remarks>
public static class ReliabilityCalculator
{
    /// <summary>The entries of whole calendar years <paramref name="years"/>, each compared with its year before.</summary>
    public static ReliabilityResult Compute(IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers,
        Policy policy, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var entries = new List<ReliabilityEntry>();
        var errors = new List<MetricsError>();
        foreach (var y in years.Distinct().Order())
        {
            var r = Compute(outages, customers, policy, MetricsPeriod.Year(y), dataThrough: null);
            entries.AddRange(r.Entries);
            errors.AddRange(r.Errors);
        }
        return new ReliabilityResult(entries, errors);
    }

    /// <summary>
    /// The entries of <paramref name="period"/> (metrics.md §8): one set per calendar-year part of the period, clipped to
    /// <paramref name="dataThrough"/> (parts after it have none), plus one set for the whole span when it crosses a New Year.
    /// </summary>
    public static ReliabilityResult Compute(IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers,
        Policy policy, MetricsPeriod period, DateOnly? dataThrough)
    {
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        return Compute(new Calculation(outages, null, customers, policy), period, dataThrough);
    }

    /// <summary>
    /// The entries of <paramref name="period"/> as <see cref="Compute(IReadOnlyList{OutageStep}, IReadOnlyList{CustomersServed}, Policy, MetricsPeriod, DateOnly?)"/>
    /// gives them, from the store's sums of each window (<see cref="Domain.Storage.IAnalyticsStore.OutageCells"/>: the
    /// window's start and end, the short-interruption bound in ticks) instead of the steps; null when a window's sums are
    /// not to be had (the caller reads the steps).
    /// </summary>
    public static ReliabilityResult? Compute(Func<DateTime, DateTime, long, IReadOnlyList<OutageCellRow>?> cells,
        IReadOnlyList<CustomersServed> customers, Policy policy, MetricsPeriod period, DateOnly? dataThrough)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            return Compute(new Calculation(null, cells, customers, policy), period, dataThrough);
        }
        catch (WindowUnavailableException)
        {
            return null;
        }
    }

    private static ReliabilityResult Compute(Calculation calc, MetricsPeriod period, DateOnly? dataThrough)
    {
        var parts = Parts(period, dataThrough);
        if (parts.Count == 0) return new ReliabilityResult([], []);
        var entries = new List<ReliabilityEntry>();
        var errors = new List<MetricsError>();
        foreach (var (from, to) in parts)
            calc.Part(from, to, from.Year, entries, errors);
        if (parts.Count > 1)
            calc.Part(parts[0].From, parts[^1].To, null, entries, errors);
        entries.Sort(Compare);
        errors.Sort((x, y) => string.CompareOrdinal(x.Scope, y.Scope));
        return new ReliabilityResult(entries, errors);
    }

    /// <summary>The calendar-year parts of a period, each clipped to the data; none after <paramref name="dataThrough"/>.</summary>
    public static List<(DateOnly From, DateOnly To)> Parts(MetricsPeriod period, DateOnly? dataThrough)
    {
        var parts = new List<(DateOnly, DateOnly)>();
        var last = dataThrough is { } dt && dt < period.To ? dt : period.To;
        for (var y = period.From.Year; y <= last.Year; y++)
        {
            var from = y == period.From.Year ? period.From : new DateOnly(y, 1, 1);
            var to = y == last.Year ? last : new DateOnly(y, 12, 31);
            if (from <= to) parts.Add((from, to));
        }
        return parts;
    }

    private static int Compare(ReliabilityEntry x, ReliabilityEntry y)
    {
        var c = (x.Year ?? int.MaxValue).CompareTo(y.Year ?? int.MaxValue);
        if (c != 0) return c;
        c = CompareNullable(x.County, y.County);
        if (c != 0) return c;
        c = CompareNullable(x.Utility, y.Utility);
        if (c != 0) return c;
        return ((int?)x.Area ?? 0).CompareTo((int?)y.Area ?? 0);
    }

    private static int CompareNullable(string? a, string? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : string.CompareOrdinal(a, b);

    /// <summary>One period's computation: customers served prepared once, window results cached.</summary>
    private sealed class Calculation
    {
        private readonly IReadOnlyList<OutageStep>? _outages;
        private readonly Func<DateTime, DateTime, long, IReadOnlyList<OutageCellRow>?>? _cells;
        private readonly Policy _policy;
        private readonly TargetDefinition? _t5;
        private readonly long _shortTicks;
        private readonly Names _names = new();
        private readonly Dictionary<(int Year, int Utility, int County, Area Area), decimal> _served = [];
        private readonly Dictionary<(DateTime, DateTime), Dictionary<CellKey, Group>> _cache = [];

        public Calculation(IReadOnlyList<OutageStep>? outages, Func<DateTime, DateTime, long, IReadOnlyList<OutageCellRow>?>? cells,
            IReadOnlyList<CustomersServed> customers, Policy policy)
        {
            _outages = outages;
            _cells = cells;
            _policy = policy;
            _t5 = policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
            _shortTicks = (long)(policy.Parameters.ShortInterruptionMinutes * TimeSpan.TicksPerMinute);
            // The customers served of a (year, utility, county, area) is the mean of its snapshots (§5).
            var sums = new Dictionary<(int, int, int, Area), (long Sum, int Count)>();
            foreach (var s in customers)
            {
                var k = (s.Year, _names.Utility(s.Utility), _names.County(s.County), s.Area);
                var (sum, count) = sums.TryGetValue(k, out var v) ? v : (0L, 0);
                sums[k] = (sum + s.Customers, count + 1);
            }
            foreach (var (k, v) in sums) _served[k] = (decimal)v.Sum / v.Count;
        }

        public void Part(DateOnly from, DateOnly to, int? year, List<ReliabilityEntry> entries, List<MetricsError> errors)
        {
            var window = Window(from, to);
            var groups = Groups(window);
            var sameDatesBefore = Groups(Window(from.AddYears(-1), to.AddYears(-1)));
            var yearStart = year is { } y0 ? new DateOnly(y0, 1, 1) : default;
            var yearEnd = year is { } y1 ? new DateOnly(y1, 12, 31) : default;
            var wholeYear = year is not null && from == yearStart && to == yearEnd;
            var yearToDate = year is not null && from == yearStart && to < yearEnd;
            var previousYear = yearToDate ? Groups(Window(yearStart.AddYears(-1), yearEnd.AddYears(-1))) : null;
            var inForce = year is { } y && _t5?.StepOn(new DateOnly(y, 1, 1)) is not null;
            var windowHours = (decimal)((window.End.Ticks - window.Start.Ticks) / TimeSpan.TicksPerHour);
            var yearHours = year is { } yh && DateTime.IsLeapYear(yh) ? 8784m : 8760m;
            var keep = 1m - _policy.Parameters.SaidiYoyReduction;

            var byKey = new Dictionary<CellKey, ReliabilityEntry>();
            // Area classes first, so that the verdict of a group of several classes can read theirs.
            foreach (var (key, g) in groups.OrderBy(kv => kv.Key.Area == Area.Invalid ? 1 : 0))
            {
                if (g.Missing > 0)
                {
                    errors.Add(Error(key, g, from, to, year));
                    continue;
                }
                if (g.Customers <= 0m) continue;
                var e = Entry(key, g, from, to, year, windowHours);
                var before = Saidi(sameDatesBefore, key);
                var beforeYear = previousYear is null ? null : Saidi(previousYear, key);
                decimal? targetH = null;
                bool byLimit = false, byReduction = false;
                bool? met = null;
                ReliabilityStatus? status = null;
                if (inForce && (wholeYear || yearToDate) && key.Area != Area.Invalid
                    && _t5!.LimitHoursByArea.TryGetValue(key.Area, out var limit))
                {
                    targetH = limit;
                    byReduction = before is { } b && e.SaidiH <= keep * b;
                    if (wholeYear)
                    {
                        byLimit = e.SaidiH <= limit;
                        met = byLimit || byReduction;
                        status = met == true ? ReliabilityStatus.Met : ReliabilityStatus.NotMet;
                    }
                    else
                    {
                        // The limit pro rata to the elapsed part of the year; breached when neither branch can hold any more.
                        byLimit = e.SaidiH <= limit * windowHours / yearHours;
                        var breached = e.SaidiH > limit && (beforeYear is not { } py || e.SaidiH > keep * py);
                        status = breached ? ReliabilityStatus.Breached
                            : byLimit || byReduction ? ReliabilityStatus.OnTrack : ReliabilityStatus.AtRisk;
                    }
                }
                else if (inForce && (wholeYear || yearToDate) && key.Area == Area.Invalid)
                {
                    status = Combined(byKey, key);
                    if (wholeYear && status is { } s) met = s == ReliabilityStatus.Met;
                }
                var final = e with
                {
                    PreviousSaidiH = before,
                    PreviousYearSaidiH = beforeYear,
                    YoyChange = before is { } p0 && p0 != 0m ? (e.SaidiH - p0) / p0 : null,
                    InForce = inForce,
                    TargetH = targetH,
                    MetByLimit = byLimit,
                    MetByReduction = byReduction,
                    Met = met,
                    Status = status,
                };
                byKey[key] = final;
                entries.Add(final);
            }
        }

        // A group of several area classes: the worst verdict of its classes; none when any class with figures has none.
        private static ReliabilityStatus? Combined(Dictionary<CellKey, ReliabilityEntry> byKey, CellKey key)
        {
            var statuses = new List<ReliabilityStatus>();
            foreach (var area in new[] { Area.Central, Area.Urban, Area.Town, Area.Rural })
            {
                if (!byKey.TryGetValue(key with { Area = area }, out var sub)) continue;
                if (sub.Status is not { } s) return null;
                statuses.Add(s);
            }
            if (statuses.Count == 0) return null;
            foreach (var worst in new[] { ReliabilityStatus.Breached, ReliabilityStatus.NotMet, ReliabilityStatus.AtRisk, ReliabilityStatus.OnTrack })
                if (statuses.Contains(worst)) return worst;
            return ReliabilityStatus.Met;
        }

        private static (DateTime Start, DateTime End) Window(DateOnly from, DateOnly to) =>
            (from.ToDateTime(TimeOnly.MinValue), to.AddDays(1).ToDateTime(TimeOnly.MinValue));

        private static decimal? Saidi(Dictionary<CellKey, Group> groups, CellKey key) =>
            groups.TryGetValue(key, out var g) && g.Missing == 0 && g.Customers > 0m ? Hours(g.Ticks) / g.Customers : null;

        /// <summary>The groups of one window [Start, End): interruption time inside it, customers served day-weighted over its years.</summary>
        private Dictionary<CellKey, Group> Groups((DateTime Start, DateTime End) w)
        {
            if (_cache.TryGetValue(w, out var cached)) return cached;
            long ws = w.Start.Ticks, we = w.End.Ticks;
            var cells = new Dictionary<CellKey, Cell>();
            if (_cells is not null)
            {
                // The store's sums: customer-seconds to customer-ticks, exact (the store gives none with fractions of a second).
                foreach (var r in _cells(w.Start, w.End, _shortTicks) ?? throw new WindowUnavailableException())
                {
                    var c = Get(cells, new CellKey(_names.Utility(r.Utility), _names.County(r.County), r.Area));
                    c.HasOutages = true;
                    c.Ticks += (Int128)r.CustomerSeconds * TimeSpan.TicksPerSecond;
                    c.PlannedTicks += (Int128)r.PlannedCustomerSeconds * TimeSpan.TicksPerSecond;
                    c.FaultTicks += (Int128)r.FaultCustomerSeconds * TimeSpan.TicksPerSecond;
                    c.ExternalTicks += (Int128)r.ExternalCustomerSeconds * TimeSpan.TicksPerSecond;
                    c.ShortageTicks += (Int128)r.ShortageCustomerSeconds * TimeSpan.TicksPerSecond;
                    c.Interrupted += r.Interrupted;
                    c.ShortCount += checked((int)r.ShortCount);
                    c.ShortCustomers += r.ShortCustomers;
                }
            }
            for (var i = 0; _outages is not null && i < _outages.Count; i++)
            {
                var o = _outages[i];
                var start = o.StartAt.Ticks;
                var startsIn = start >= ws && start < we;
                var duration = o.EndAt.Ticks - start;
                if (duration <= _shortTicks)
                {
                    if (!startsIn) continue;
                    var sc = Get(cells, new CellKey(_names.Utility(o.Utility), _names.County(o.County), o.Area));
                    sc.ShortCount++;
                    sc.ShortCustomers += o.Customers;
                    sc.HasOutages = true;
                    continue;
                }
                var from = Math.Max(start, ws);
                var to = Math.Min(o.EndAt.Ticks, we);
                if (!startsIn && to <= from) continue;
                var cell = Get(cells, new CellKey(_names.Utility(o.Utility), _names.County(o.County), o.Area));
                cell.HasOutages = true;
                if (startsIn) cell.Interrupted += o.Customers;
                if (to <= from) continue;
                var ct = (Int128)o.Customers * (to - from);
                cell.Ticks += ct;
                if (o.Kind == OutageKind.Planned) cell.PlannedTicks += ct;
                else if (o.Kind == OutageKind.Fault) cell.FaultTicks += ct;
                if (o.Cause == OutageCause.External) cell.ExternalTicks += ct;
                else if (o.Cause == OutageCause.SupplyShortage) cell.ShortageTicks += ct;
            }

            // Customers served: the year's mean; over a window spanning years, the mean of the years' means weighted by days.
            var windowDays = (we - ws) / TimeSpan.TicksPerDay;
            foreach (var ((year, u, c, area), mean) in _served)
            {
                var ys = Math.Max(ws, new DateTime(year, 1, 1).Ticks);
                var ye = Math.Min(we, year == DateTime.MaxValue.Year ? DateTime.MaxValue.Ticks : new DateTime(year + 1, 1, 1).Ticks);
                if (ye <= ys) continue;
                var days = (ye - ys) / TimeSpan.TicksPerDay;
                Get(cells, new CellKey(u, c, area)).Served += days == windowDays ? mean : mean * days / windowDays;
            }

            // Roll every cell up into its 8 combinations (county or all × utility or all × area or all), cells in the order
            // of their names: decimal sums of customers served are not associative in their last digits, and the cells
            // come in the order of their source (steps read, or the store's sums), which must not change an answer.
            var groups = new Dictionary<CellKey, Group>();
            foreach (var (key, cell) in cells
                         .OrderBy(kv => _names.UtilityName(kv.Key.Utility), StringComparer.Ordinal)
                         .ThenBy(kv => _names.CountyName(kv.Key.County), StringComparer.Ordinal)
                         .ThenBy(kv => kv.Key.Area))
            {
                for (var mask = 0; mask < 8; mask++)
                {
                    var gk = new CellKey((mask & 1) != 0 ? -1 : key.Utility, (mask & 2) != 0 ? -1 : key.County,
                        (mask & 4) != 0 ? Area.Invalid : key.Area);
                    if (!groups.TryGetValue(gk, out var g)) groups[gk] = g = new Group();
                    g.Add(cell);
                }
            }
            _cache[w] = groups;
            return groups;
        }

        private ReliabilityEntry Entry(CellKey key, Group g, DateOnly from, DateOnly to, int? year, decimal windowHours)
        {
            var customers = g.Customers;
            var saidi = Hours(g.Ticks) / customers;
            var saifi = g.Interrupted / customers;
            return new ReliabilityEntry
            {
                Year = year,
                From = from,
                To = to,
                County = key.County < 0 ? null : _names.CountyName(key.County),
                Utility = key.Utility < 0 ? null : _names.UtilityName(key.Utility),
                Area = key.Area == Area.Invalid ? null : key.Area,
                Customers = customers,
                CustomerHours = Hours(g.Ticks),
                CustomersInterrupted = g.Interrupted,
                SaidiH = saidi,
                Saifi = saifi,
                CaidiH = saifi == 0m ? null : saidi / saifi,
                Asai = 1m - saidi / windowHours,
                SaidiPlannedH = Hours(g.PlannedTicks) / customers,
                SaidiFaultH = Hours(g.FaultTicks) / customers,
                SaidiExclExternalH = Hours(g.Ticks - g.ExternalTicks) / customers,
                SaidiExclSupplyShortageH = Hours(g.Ticks - g.ShortageTicks) / customers,
                ShortInterruptions = g.ShortCount,
                ShortInterruptionCustomers = g.ShortCustomers,
                InForce = false,
            };
        }

        private MetricsError Error(CellKey key, Group g, DateOnly from, DateOnly to, int? year)
        {
            var county = key.County < 0 ? null : _names.CountyName(key.County);
            var utility = key.Utility < 0 ? null : _names.UtilityName(key.Utility);
            Area? area = key.Area == Area.Invalid ? null : key.Area;
            var when = year is { } y && from == new DateOnly(y, 1, 1) && to == new DateOnly(y, 12, 31)
                ? y.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
            var scope = string.Create(CultureInfo.InvariantCulture,
                $"{when} {county ?? "city"} {utility ?? "all-utilities"} {(area is { } a ? Codes.Of(a) : "all-areas")}");
            var first = g.FirstMissing;
            var member = first is { } m
                ? string.Create(CultureInfo.InvariantCulture, $" ({_names.UtilityName(m.Utility)} {_names.CountyName(m.County)} {Codes.Of(m.Area)})")
                : "";
            return new MetricsError(MetricsErrorKind.NoCustomersServed, scope,
                string.Create(CultureInfo.InvariantCulture,
                    $"Reliability {scope}: outages in {when} but no customers served for {g.Missing} member group(s){member}; SAIDI cannot be computed."))
            {
                Year = year,
                County = county,
                Utility = utility,
                Area = area,
            };
        }
    }

    /// <summary>A window's sums could not be had from the store.</summary>
    private sealed class WindowUnavailableException : Exception;

    // Customer-ticks to customer-hours: split so the integer part stays exact in decimal.
    private static decimal Hours(Int128 ticks)
    {
        var whole = (decimal)(ticks / TimeSpan.TicksPerHour);
        var rest = (decimal)(long)(ticks % TimeSpan.TicksPerHour);
        return whole + rest / TimeSpan.TicksPerHour;
    }

    private static Cell Get(Dictionary<CellKey, Cell> cells, CellKey key)
    {
        if (!cells.TryGetValue(key, out var c)) cells[key] = c = new Cell { Key = key };
        return c;
    }

    private readonly record struct CellKey(int Utility, int County, Area Area);

    private sealed class Cell
    {
        public Int128 Ticks, PlannedTicks, FaultTicks, ExternalTicks, ShortageTicks;
        public long Interrupted, ShortCustomers;
        public int ShortCount;
        public decimal Served;
        public bool HasOutages;
        public CellKey Key { get; init; }
    }

    private sealed class Group
    {
        public Int128 Ticks, PlannedTicks, FaultTicks, ExternalTicks, ShortageTicks;
        public long Interrupted, ShortCustomers;
        public int ShortCount, Missing;
        public decimal Customers;
        public CellKey? FirstMissing;

        public void Add(Cell c)
        {
            Ticks += c.Ticks;
            PlannedTicks += c.PlannedTicks;
            FaultTicks += c.FaultTicks;
            ExternalTicks += c.ExternalTicks;
            ShortageTicks += c.ShortageTicks;
            Interrupted += c.Interrupted;
            ShortCustomers += c.ShortCustomers;
            ShortCount += c.ShortCount;
            if (c.HasOutages && c.Served <= 0m)
            {
                Missing++;
                FirstMissing ??= c.Key;
            }
            Customers += c.Served;
        }
    }

    private sealed class Names
    {
        private readonly Dictionary<string, int> _u = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _c = new(StringComparer.Ordinal);
        private readonly List<string> _un = [];
        private readonly List<string> _cn = [];
        private string? _lastU, _lastC;
        private int _lastUi, _lastCi;

        public int Utility(string s)
        {
            if (ReferenceEquals(s, _lastU)) return _lastUi;
            _lastU = s;
            return _lastUi = Intern(_u, _un, s);
        }

        public int County(string s)
        {
            if (ReferenceEquals(s, _lastC)) return _lastCi;
            _lastC = s;
            return _lastCi = Intern(_c, _cn, s);
        }

        public string UtilityName(int i) => _un[i];
        public string CountyName(int i) => _cn[i];

        private static int Intern(Dictionary<string, int> map, List<string> list, string s)
        {
            if (map.TryGetValue(s, out var i)) return i;
            map[s] = i = list.Count;
            list.Add(s);
            return i;
        }
    }
}
