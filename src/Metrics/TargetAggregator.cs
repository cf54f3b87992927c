using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// Accumulates target outcomes of the period into the finest cells (county × utility × area × category) in one pass,
/// then rolls the small cell table up into the groups of <see cref="TargetResult"/>.
/// </summary>
internal sealed class TargetAggregator
{
    private readonly IReadOnlyList<TargetDefinition> _targets;
    private readonly Dictionary<int, Acc>[] _cells;
    private readonly List<string> _counties = [];
    private readonly List<string> _utilities = [];
    private readonly Dictionary<string, int> _countyIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _utilityIndex = new(StringComparer.Ordinal);
    private readonly bool[] _areas = new bool[5];
    private readonly bool[] _categories = new bool[6];
    private string? _lastCounty, _lastUtility;
    private int _lastCountyIndex, _lastUtilityIndex;

    public TargetAggregator(IReadOnlyList<TargetDefinition> targets)
    {
        _targets = targets;
        _cells = new Dictionary<int, Acc>[targets.Count];
        for (var i = 0; i < _cells.Length; i++) _cells[i] = [];
    }

    /// <summary>The cell of an application (registers its groups so that empty groups still get a row).</summary>
    public int Cell(Application a, Category category) => Cell(a.County, a.Utility, a.Area, category);

    /// <summary>The cell of a county, utility, area and category (registers its groups so that empty groups still get a row).</summary>
    public int Cell(string county, string utility, Area areaOf, Category category)
    {
        if (!ReferenceEquals(county, _lastCounty))
        {
            _lastCounty = county;
            _lastCountyIndex = Intern(_countyIndex, _counties, county);
        }
        if (!ReferenceEquals(utility, _lastUtility))
        {
            _lastUtility = utility;
            _lastUtilityIndex = Intern(_utilityIndex, _utilities, utility);
        }
        var area = (int)areaOf is >= 0 and < 5 ? (int)areaOf : 0;
        var cat = (int)category is >= 0 and < 6 ? (int)category : 0;
        _areas[area] = true;
        _categories[cat] = true;
        return (((_lastCountyIndex * 1024) + _lastUtilityIndex) * 8 + area) * 8 + cat;
    }

    public void Add(int target, int cell, in TargetOutcome outcome)
    {
        var map = _cells[target];
        if (!map.TryGetValue(cell, out var acc)) map[cell] = acc = new Acc();
        if (outcome.Status == TargetStatus.Gap) acc.Gaps++;
        else acc.Add(outcome.Status == TargetStatus.Compliant, outcome.Value);
    }

    /// <summary>
    /// <paramref name="count"/> applications of one cell with the same outcome against the target (counted by the store):
    /// the same as <paramref name="count"/> calls of <see cref="Add(int, int, in TargetOutcome)"/>, with
    /// <paramref name="days"/> the outcome's value for day targets (null otherwise: only day targets' values are reported).
    /// </summary>
    public void Add(int target, int cell, TargetStatus status, int? days, int count)
    {
        if (count <= 0) return;
        var map = _cells[target];
        if (!map.TryGetValue(cell, out var acc)) map[cell] = acc = new Acc();
        if (status == TargetStatus.Gap) acc.Gaps += count;
        else acc.Add(status == TargetStatus.Compliant, days, count);
    }

    public List<TargetResult> Results(MetricsPeriod period)
    {
        var rows = new List<TargetResult>();
        var countyOrder = Enumerable.Range(0, _counties.Count).OrderBy(i => _counties[i], StringComparer.Ordinal).ToArray();
        var utilityOrder = Enumerable.Range(0, _utilities.Count).OrderBy(i => _utilities[i], StringComparer.Ordinal).ToArray();
        for (var t = 0; t < _targets.Count; t++)
        {
            var def = _targets[t];
            if (def.Kind == TargetKind.Saidi) continue;
            var isDay = def.Kind is TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays;
            var city = new Acc();
            var byCounty = new Acc?[_counties.Count];
            var byUtility = new Acc?[_utilities.Count];
            var byArea = new Acc?[5];
            var byCategory = new Acc?[6];
            foreach (var (cell, acc) in _cells[t])
            {
                var cat = cell % 8;
                var area = cell / 8 % 8;
                var utility = cell / 64 % 1024;
                var county = cell / 64 / 1024;
                city.Merge(acc);
                (byCounty[county] ??= new Acc()).Merge(acc);
                (byUtility[utility] ??= new Acc()).Merge(acc);
                (byArea[area] ??= new Acc()).Merge(acc);
                (byCategory[cat] ??= new Acc()).Merge(acc);
            }
            rows.Add(Row(def, TargetGroup.City, city, isDay, period));
            foreach (var c in countyOrder)
                rows.Add(Row(def, new TargetGroup(GroupDimension.County, County: _counties[c]), byCounty[c], isDay, period));
            foreach (var u in utilityOrder)
                rows.Add(Row(def, new TargetGroup(GroupDimension.Utility, Utility: _utilities[u]), byUtility[u], isDay, period));
            for (var a = 1; a < 5; a++)
                if (_areas[a])
                    rows.Add(Row(def, new TargetGroup(GroupDimension.Area, Area: (Area)a), byArea[a], isDay, period));
            for (var c = 1; c < 6; c++)
            {
                // A target defined by categories reports only those; others every category seen.
                var relevant = def.Categories.Count > 0 ? def.Categories.Contains((Category)c) : _categories[c];
                if (relevant)
                    rows.Add(Row(def, new TargetGroup(GroupDimension.Category, Category: (Category)c), byCategory[c], isDay, period));
            }
        }
        return rows;
    }

    private static TargetResult Row(TargetDefinition def, TargetGroup group, Acc? acc, bool isDay, MetricsPeriod period)
    {
        acc ??= new Acc();
        return new TargetResult
        {
            Id = def.Id,
            Clause = def.Clause,
            Title = def.Title,
            Kind = def.Kind,
            Group = group,
            Categories = def.Categories,
            Limit = def.LimitOn(period.To),
            Total = acc.Total,
            Compliant = acc.Compliant,
            DataGaps = acc.Gaps,
            InForce = def.InForceFrom <= period.To,
            MeanDays = isDay && acc.Total > 0 ? (double)acc.Sum / acc.Total : null,
            P90Days = isDay && acc.Total > 0 ? acc.NearestRank(0.9m) : null,
            MaxDays = isDay && acc.Total > 0 ? acc.Max : null,
        };
    }

    private static int Intern(Dictionary<string, int> map, List<string> list, string s)
    {
        if (map.TryGetValue(s, out var i)) return i;
        map[s] = i = list.Count;
        list.Add(s);
        return i;
    }

    /// <summary>Counts, and for day figures a histogram of the values (days are small non-negative integers).</summary>
    private sealed class Acc
    {
        public int Total, Compliant, Max, Gaps;
        public long Sum;
        private int[] _hist = [];

        public void Add(bool compliant, decimal? value)
        {
            if (value is not { } v || v < 0 || v > 1_000_000 || v != decimal.Truncate(v)) Add(compliant, null, 1);
            else Add(compliant, (int)v, 1);
        }

        public void Add(bool compliant, int? days, int count)
        {
            Total += count;
            if (compliant) Compliant += count;
            if (days is not { } d || d < 0 || d > 1_000_000) return;
            Sum += (long)d * count;
            if (d > Max) Max = d;
            if (d >= _hist.Length) Array.Resize(ref _hist, Math.Max(d + 1, _hist.Length * 2));
            _hist[d] += count;
        }

        public void Merge(Acc other)
        {
            Total += other.Total;
            Compliant += other.Compliant;
            Gaps += other.Gaps;
            Sum += other.Sum;
            Max = Math.Max(Max, other.Max);
            if (other._hist.Length > _hist.Length) Array.Resize(ref _hist, other._hist.Length);
            for (var i = 0; i < other._hist.Length; i++) _hist[i] += other._hist[i];
        }

        /// <summary>Nearest rank: the value at 1-based rank ⌈q·n⌉ of the sorted values.</summary>
        public int NearestRank(decimal q)
        {
            var n = 0L;
            foreach (var h in _hist) n += h;
            if (n == 0) return 0;
            var rank = (long)decimal.Ceiling(q * n);
            if (rank < 1) rank = 1;
            var seen = 0L;
            for (var i = 0; i < _hist.Length; i++)
            {
                seen += _hist[i];
                if (seen >= rank) return i;
            }
            return Max;
        }
    }
}
