using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// SAIDI, SAIFI, CAIDI, ASAI and T5 (metrics.md §5, 目标5) for every year × county/city × utility/all × area/all with
/// customers served (see <see cref="ReliabilityEntry"/> for the formulas). One pass over the outage rows into the finest
/// cells (year, utility, county, area), then the small cell table is rolled up into the groups, pooling customer-hours
/// and customers.
/// </summary>
/// <remarks>
/// Customer-hours are summed exactly, as customers × ticks in 128-bit integers, and turned into decimal hours once per
/// group, so that the 8 % test of 目标5 is decided in decimal arithmetic. A group (any combination) containing a cell
/// with outages in the year but no customers served (or zero) gets no entry and one <see cref="MetricsError"/> of kind
/// <see cref="MetricsErrorKind.NoCustomersServed"/>; the other groups are unaffected.
/// </remarks>
public static class ReliabilityCalculator
{
    private const int AreaSlots = 5;

    /// <summary>The entries of <paramref name="years"/> (each computed against its Y−1 for the YoY figures).</summary>
    public static ReliabilityResult Compute(IReadOnlyList<OutageStep> outages, IReadOnlyList<CustomersServed> customers,
        Policy policy, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(years);
        var wanted = years.Distinct().Order().ToArray();
        if (wanted.Length == 0) return new ReliabilityResult([], []);
        var needed = new HashSet<int>(wanted.Concat(wanted.Select(y => y - 1)));
        var p = policy.Parameters;
        var shortTicks = (long)(p.ShortInterruptionMinutes * TimeSpan.TicksPerMinute);

        var names = new Names();
        var cells = new Dictionary<CellKey, Cell>();

        // Pass 1: outage rows into cells.
        for (var i = 0; i < outages.Count; i++)
        {
            var o = outages[i];
            var u = names.Utility(o.Utility);
            var c = names.County(o.County);
            var duration = o.EndAt.Ticks - o.StartAt.Ticks;
            var startYear = o.StartAt.Year;
            if (duration <= shortTicks)
            {
                if (needed.Contains(startYear))
                {
                    var cell = Get(cells, new CellKey(startYear, u, c, o.Area));
                    cell.ShortCount++;
                    cell.ShortCustomers += o.Customers;
                    cell.HasOutages = true;
                }
                continue;
            }
            if (needed.Contains(startYear))
            {
                var cell = Get(cells, new CellKey(startYear, u, c, o.Area));
                cell.Interrupted += o.Customers;
                cell.HasOutages = true;
            }
            // Split (start, end] at each New Year.
            for (var y = startYear; y <= o.EndAt.Year; y++)
            {
                if (!needed.Contains(y)) continue;
                var from = Math.Max(o.StartAt.Ticks, new DateTime(y, 1, 1).Ticks);
                var to = y == DateTime.MaxValue.Year ? o.EndAt.Ticks : Math.Min(o.EndAt.Ticks, new DateTime(y + 1, 1, 1).Ticks);
                if (to <= from) continue;
                var ct = (Int128)o.Customers * (to - from);
                var cell = Get(cells, new CellKey(y, u, c, o.Area));
                cell.HasOutages = true;
                cell.Ticks += ct;
                if (o.Kind == OutageKind.Planned) cell.PlannedTicks += ct;
                else if (o.Kind == OutageKind.Fault) cell.FaultTicks += ct;
                if (o.Cause == OutageCause.External) cell.ExternalTicks += ct;
                else if (o.Cause == OutageCause.SupplyShortage) cell.ShortageTicks += ct;
            }
        }

        // Customers served: mean of the snapshots per cell.
        foreach (var s in customers)
        {
            if (!needed.Contains(s.Year)) continue;
            var cell = Get(cells, new CellKey(s.Year, names.Utility(s.Utility), names.County(s.County), s.Area));
            cell.SnapshotSum += s.Customers;
            cell.SnapshotCount++;
        }

        // Roll up every cell into its 8 combinations (county or all × utility or all × area or all).
        var groups = new Dictionary<CellKey, Group>();
        foreach (var (key, cell) in cells)
        {
            for (var mask = 0; mask < 8; mask++)
            {
                var gk = new CellKey(key.Year, (mask & 1) != 0 ? -1 : key.Utility, (mask & 2) != 0 ? -1 : key.County,
                    (mask & 4) != 0 ? Area.Invalid : key.Area);
                if (!groups.TryGetValue(gk, out var g)) groups[gk] = g = new Group();
                g.Add(cell);
            }
        }

        var saidiTarget = policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        var keep = new HashSet<int>(wanted);
        var computed = new Dictionary<CellKey, ReliabilityEntry>();
        var errors = new List<MetricsError>();
        foreach (var (key, g) in groups.OrderBy(kv => kv.Key.Year))
        {
            if (g.Missing > 0)
            {
                if (keep.Contains(key.Year)) errors.Add(Error(key, g, names));
                continue;
            }
            if (g.Customers <= 0m) continue;
            computed[key] = Entry(key, g, names);
        }

        // YoY and T5 on the entries of the wanted years; mixed-area verdicts after the per-area ones.
        var result = new List<ReliabilityEntry>();
        var byKey = new Dictionary<CellKey, ReliabilityEntry>();
        foreach (var (key, e) in computed.OrderBy(kv => kv.Key.Area == Area.Invalid ? 1 : 0))
        {
            if (!keep.Contains(key.Year)) continue;
            decimal? prev = computed.TryGetValue(key with { Year = key.Year - 1 }, out var pe) ? pe.SaidiH : null;
            // T5 is per year: in force for Y when in force on 1 January of Y.
            var inForce = saidiTarget?.StepOn(new DateOnly(key.Year, 1, 1)) is not null;
            decimal? targetH = null;
            bool byLimit = false, byReduction = false;
            bool? met = null;
            if (inForce && key.Area != Area.Invalid)
            {
                targetH = saidiTarget!.LimitHoursByArea.TryGetValue(key.Area, out var l) ? l : null;
                byLimit = targetH is { } th && e.SaidiH <= th;
                byReduction = prev is { } pv && e.SaidiH <= (1m - p.SaidiYoyReduction) * pv;
                met = byLimit || byReduction;
            }
            else if (inForce)
            {
                // A group of several area classes: met when every area class of it with figures meets its own target.
                var any = false;
                var all = true;
                foreach (var area in new[] { Area.Central, Area.Urban, Area.Town, Area.Rural })
                {
                    if (!byKey.TryGetValue(key with { Area = area }, out var sub)) continue;
                    if (sub.Met is not { } sm) { all = false; any = false; break; }
                    any = true;
                    all &= sm;
                }
                met = any ? all : null;
            }
            var final = e with
            {
                PreviousSaidiH = prev,
                YoyChange = prev is { } p0 && p0 != 0m ? (e.SaidiH - p0) / p0 : null,
                InForce = inForce,
                TargetH = targetH,
                MetByLimit = byLimit,
                MetByReduction = byReduction,
                Met = met,
            };
            byKey[key] = final;
            result.Add(final);
        }
        result.Sort((x, y) => Compare(x, y));
        errors.Sort((x, y) => string.CompareOrdinal(x.Scope, y.Scope));
        return new ReliabilityResult(result, errors);
    }

    private static int Compare(ReliabilityEntry x, ReliabilityEntry y)
    {
        var c = x.Year.CompareTo(y.Year);
        if (c != 0) return c;
        c = CompareNullable(x.County, y.County);
        if (c != 0) return c;
        c = CompareNullable(x.Utility, y.Utility);
        if (c != 0) return c;
        return ((int?)x.Area ?? 0).CompareTo((int?)y.Area ?? 0);
    }

    private static int CompareNullable(string? a, string? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : string.CompareOrdinal(a, b);

    private static ReliabilityEntry Entry(CellKey key, Group g, Names names)
    {
        var customers = g.Customers;
        var hours = Hours(g.Ticks);
        var saidi = hours / customers;
        var saifi = g.Interrupted / customers;
        var hoursInYear = DateTime.IsLeapYear(key.Year) ? 8784m : 8760m;
        return new ReliabilityEntry
        {
            Year = key.Year,
            County = key.County < 0 ? null : names.CountyName(key.County),
            Utility = key.Utility < 0 ? null : names.UtilityName(key.Utility),
            Area = key.Area == Area.Invalid ? null : key.Area,
            Customers = customers,
            CustomerHours = hours,
            CustomersInterrupted = g.Interrupted,
            SaidiH = saidi,
            Saifi = saifi,
            CaidiH = saifi == 0m ? null : saidi / saifi,
            Asai = 1m - saidi / hoursInYear,
            SaidiPlannedH = Hours(g.PlannedTicks) / customers,
            SaidiFaultH = Hours(g.FaultTicks) / customers,
            SaidiExclExternalH = Hours(g.Ticks - g.ExternalTicks) / customers,
            SaidiExclSupplyShortageH = Hours(g.Ticks - g.ShortageTicks) / customers,
            ShortInterruptions = g.ShortCount,
            ShortInterruptionCustomers = g.ShortCustomers,
            InForce = false,
        };
    }

    // Customer-ticks to customer-hours: split so the integer part stays exact in decimal.
    private static decimal Hours(Int128 ticks)
    {
        var whole = (decimal)(ticks / TimeSpan.TicksPerHour);
        var rest = (decimal)(long)(ticks % TimeSpan.TicksPerHour);
        return whole + rest / TimeSpan.TicksPerHour;
    }

    private static MetricsError Error(CellKey key, Group g, Names names)
    {
        var county = key.County < 0 ? null : names.CountyName(key.County);
        var utility = key.Utility < 0 ? null : names.UtilityName(key.Utility);
        Area? area = key.Area == Area.Invalid ? null : key.Area;
        var scope = string.Create(CultureInfo.InvariantCulture,
            $"{key.Year} {county ?? "city"} {utility ?? "all-utilities"} {(area is { } a ? Codes.Of(a) : "all-areas")}");
        var first = g.FirstMissing;
        var member = first is { } m
            ? string.Create(CultureInfo.InvariantCulture, $" ({names.UtilityName(m.Utility)} {names.CountyName(m.County)} {Codes.Of(m.Area)})")
            : "";
        return new MetricsError(MetricsErrorKind.NoCustomersServed, scope,
            string.Create(CultureInfo.InvariantCulture,
                $"Reliability {scope}: outages in {key.Year} but no customers served for {g.Missing} member group(s){member}; SAIDI cannot be computed."))
        {
            Year = key.Year,
            County = county,
            Utility = utility,
            Area = area,
        };
    }

    private static Cell Get(Dictionary<CellKey, Cell> cells, CellKey key)
    {
        if (!cells.TryGetValue(key, out var c)) cells[key] = c = new Cell { Key = key };
        return c;
    }

    private readonly record struct CellKey(int Year, int Utility, int County, Area Area);

    private sealed class Cell
    {
        public Int128 Ticks, PlannedTicks, FaultTicks, ExternalTicks, ShortageTicks;
        public long Interrupted, ShortCustomers, SnapshotSum;
        public int ShortCount, SnapshotCount;
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
            var served = c.SnapshotCount == 0 ? 0m : (decimal)c.SnapshotSum / c.SnapshotCount;
            if (c.HasOutages && served <= 0m)
            {
                Missing++;
                FirstMissing ??= c.Key;
            }
            Customers += served;
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
