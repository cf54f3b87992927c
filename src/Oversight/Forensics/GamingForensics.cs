using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Oversight.Statistics;

namespace Analytics.Oversight.Forensics;

/// <summary>
/// Tests over many records for gaming that keeps each record plausible (issue 16, 任务4: 如实记录): durations "corrected" to
/// the limit day, stage times stamped in bulk outside office hours, times filled in by copying, late entries rushed in
/// before the Thursday ledger, pauses used to get under a limit. Every figure comes from the engine's answer
/// (<see cref="MetricsResult.Applications"/>: category, utility and whole-process days, applicable targets); nothing
/// here counts working days.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>bunching</c>, per utility × day target and per county × day target (目标2, T2a–T2e), applications connected
/// in the period: c(L) applications at exactly the limit L against those just above it, L+1 … L+W (W = max(5, L)), where
/// a "corrected" duration comes from. Under no gaming the share c(L)/(c(L)+c(L+1…L+W)) is the same as in the rest of the
/// city for the same target and limit (the shape of the durations around a limit is the process's, not the unit's);
/// exact one-sided conditional test (Fisher, hypergeometric tail). Gaming by every unit alike is not caught
/// (docs/oversight.md).</item>
/// <item><c>non_working_day</c>, <c>off_hours</c>, <c>identical_durations</c>, <c>deadline_burst</c>,
/// <c>pause_to_limit</c>, per utility: the share of marked items of the utility against the rest of the city, stratified
/// by category, exact one-sided test (<see cref="ExactTests.StratifiedUpperTail"/>). A practice common to every utility is not caught by these five.</item>
/// </list>
/// Flags: Holm's correction over every test run, flagged when the adjusted p-value ≤ α (family-wise false-alarm rate
/// ≤ α; measured in docs/oversight.md). A unit with fewer than <see cref="ForensicsOptions.MinItems"/> items is not tested.
/// </remarks>
public static class GamingForensics
{
    /// <summary>Runs every test on the engine's answer for a period.</summary>
    public static ForensicsResult Run(MetricsResult result, WorkingDayCalendar calendar, ForensicsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Run(result.Applications, result.Policy, result.Period, calendar, options);
    }

    /// <summary>
    /// Runs every test on the per-application rows of the engine's answer for <paramref name="period"/>, read once as they
    /// come: the same result as <see cref="Run(MetricsResult, WorkingDayCalendar, ForensicsOptions?)"/> for that answer's
    /// rows in its order, without holding them (the city's year to date streamed from the store,
    /// <see cref="MetricsEngine.Rows"/>, issue 12). Each test keeps counts and at most
    /// <see cref="ForensicsOptions.MaxApplications"/> application ids of a unit.
    /// </summary>
    public static ForensicsResult Run(IEnumerable<ApplicationFigures> applications, Policy policy, MetricsPeriod period,
        WorkingDayCalendar calendar, ForensicsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var tests = new Accumulator(policy, period, calendar, options);
        foreach (var f in applications) tests.Add(f);
        return tests.Result();
    }

    /// <summary>
    /// <see cref="Run(IEnumerable{ApplicationFigures}, Policy, MetricsPeriod, WorkingDayCalendar, ForensicsOptions?)"/> for a
    /// caller that is handed the rows rather than reading them (a streamed answer's rows, <c>ListingOptions.Row</c>): the
    /// rows given to <see cref="Add"/> in order, then <see cref="Result"/>.
    /// </summary>
    public sealed class Accumulator
    {
        private readonly Policy _policy;
        private readonly MetricsPeriod _period;
        private readonly ForensicsOptions _options;
        private readonly TargetDefinition[] _dayTargets;
        private readonly BunchingTally _bunching;
        private readonly ComparativeTally _comparative;

        public Accumulator(Policy policy, MetricsPeriod period, WorkingDayCalendar calendar, ForensicsOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(policy);
            ArgumentNullException.ThrowIfNull(calendar);
            _policy = policy;
            _period = period;
            _options = options ?? new ForensicsOptions();
            _dayTargets = DayTargets(policy);
            _bunching = new BunchingTally(_options);
            _comparative = new ComparativeTally(calendar, period, _options);
        }

        /// <summary>One application's row.</summary>
        public void Add(ApplicationFigures f)
        {
            ArgumentNullException.ThrowIfNull(f);
            var d = DurationOf(f, _dayTargets, _period);
            if (d is { } duration) _bunching.Add(duration);
            _comparative.Add(f, d);
        }

        /// <summary>Every test on the rows added, Holm-corrected.</summary>
        public ForensicsResult Result()
        {
            var raw = new List<ForensicsFlag>();
            _bunching.Flags(_policy, raw);
            _comparative.Flags(raw);
            var adjusted = ExactTests.Holm([.. raw.Select(f => f.PValue)]);
            var flags = new ForensicsFlag[raw.Count];
            for (var i = 0; i < raw.Count; i++)
                flags[i] = raw[i] with { PAdjusted = adjusted[i], Flag = adjusted[i] <= _options.Alpha };
            return new ForensicsResult(flags, _options.Alpha);
        }
    }

    /// <summary>A duration judged by a day target: the figure the target measures and the limit in force on the accepted date.</summary>
    internal readonly record struct Duration(ApplicationFigures Figures, TargetDefinition Target, int Days, int Limit);

    /// <summary>The connected applications of the period with their day-target duration (one per application).</summary>
    internal static IEnumerable<Duration> Durations(MetricsResult result)
    {
        var dayTargets = DayTargets(result.Policy);
        foreach (var f in result.Applications)
            if (DurationOf(f, dayTargets, result.Period) is { } d) yield return d;
    }

    private static TargetDefinition[] DayTargets(Policy policy) =>
        [.. policy.Targets.Where(t => t.Kind is TargetKind.UtilityDays or TargetKind.WholeProcessDays)];

    /// <summary>The application's day-target duration when it was connected in the period: the first day target that applies and has a figure and a limit.</summary>
    private static Duration? DurationOf(ApplicationFigures f, TargetDefinition[] dayTargets, MetricsPeriod period)
    {
        if (f.Status != ApplicationStatus.Connected || f.ConnectedAt is not { } c || !period.Contains(DateOnly.FromDateTime(c))) return null;
        foreach (var t in dayTargets)
        {
            if (!f.ApplicableTargets.Contains(t.Id)) continue;
            var days = t.Kind == TargetKind.UtilityDays ? f.UtilityDays : f.WholeProcessDays;
            if (days is not { } d || t.LimitOn(DateOnly.FromDateTime(f.AcceptedAt)) is not { } limit) continue;
            return new Duration(f, t, d, (int)decimal.Floor(limit));
        }
        return null;
    }

    /// <summary>
    /// The durations of the bunching test, counted as they come: per utility × day target × limit and per county × day
    /// target × limit, how many applications took each number of days, with the first
    /// <see cref="ForensicsOptions.MaxApplications"/> at exactly the limit; and the city's counts per target × limit.
    /// </summary>
    private sealed class BunchingTally(ForensicsOptions options)
    {
        private readonly Dictionary<(string? Utility, string? County, string Target, int Limit), BunchingGroup> _groups = [];
        private readonly Dictionary<(string Target, int Limit), Dictionary<int, int>> _city = [];

        public void Add(Duration d)
        {
            if (!_city.TryGetValue((d.Target.Id, d.Limit), out var cc)) _city[(d.Target.Id, d.Limit)] = cc = [];
            cc[d.Days] = cc.GetValueOrDefault(d.Days) + 1;
            Group((d.Figures.Utility, null, d.Target.Id, d.Limit)).Add(d, options.MaxApplications);
            Group((null, d.Figures.County, d.Target.Id, d.Limit)).Add(d, options.MaxApplications);
        }

        private BunchingGroup Group((string?, string?, string, int) key)
        {
            if (!_groups.TryGetValue(key, out var g)) _groups[key] = g = new BunchingGroup();
            return g;
        }

        public void Flags(Policy policy, List<ForensicsFlag> output)
        {
            var order = policy.Targets.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            foreach (var (key, group) in _groups
                         .OrderBy(g => order[g.Key.Target]).ThenBy(g => g.Key.Limit)
                         .ThenBy(g => g.Key.Utility is null ? 1 : 0).ThenBy(g => g.Key.Utility ?? g.Key.County, StringComparer.Ordinal))
            {
                var L = key.Limit;
                if (L < 1) continue;
                int C(int day) => group.Days.GetValueOrDefault(day);
                // Just above the limit: L+1 … L+W, W = max(5, L) working days (where a "corrected" duration comes from).
                var w = Math.Max(5, L);
                var over = 0;
                for (var day = L + 1; day <= L + w; day++) over += C(day);
                var n = C(L) + over;
                if (n < options.MinItems) continue;
                // The expectation: of the applications at L or just above it, the share at L in the rest of the city for the same
                // target and limit (the shape of the durations around a limit is the process's, not the unit's). Exact
                // conditional (Fisher) test.
                var city = _city[(key.Target, L)];
                var cityAt = city.GetValueOrDefault(L);
                var cityOver = 0;
                for (var day = L + 1; day <= L + w; day++) cityOver += city.GetValueOrDefault(day);
                var cityN = cityAt + cityOver;
                var restAt = cityAt - C(L);
                var restN = cityN - n;
                if (restN < options.MinItems) continue;
                var p = ExactTests.HypergeometricUpperTail(C(L), n, cityAt, cityN);
                var p0 = (double)restAt / restN;
                var expected = p0 * n;
                var evidence = string.Create(CultureInfo.InvariantCulture,
                    $"{key.Target} 限时 {L} 个工作日：恰为 {L} 日 {C(L)} 件，超限 1–{w} 日 {over} 件（其中超 1 日 {C(L + 1)} 件），恰为限时日占 {(double)C(L) / n:P1}；全市其他单位同一目标该比例为 {p0:P1}（{restAt}/{restN}），预期恰为 {L} 日 {expected:0.0} 件，多出 {C(L) - expected:0.0} 件；前一日（{L - 1} 日）{C(L - 1)} 件；共 {group.Items} 件。");
                output.Add(new ForensicsFlag
                {
                    Test = ForensicsTests.Bunching,
                    Target = key.Target,
                    Utility = key.Utility,
                    County = key.County,
                    PValue = p,
                    Evidence = evidence,
                    Applications = [.. group.AtLimit],
                });
            }
        }
    }

    /// <summary>One unit's durations for one day target and limit: how many, how many of each number of days, the first ids at the limit.</summary>
    private sealed class BunchingGroup
    {
        public int Items { get; private set; }
        public Dictionary<int, int> Days { get; } = [];
        public List<string> AtLimit { get; } = [];

        public void Add(Duration d, int maxApplications)
        {
            Items++;
            Days[d.Days] = Days.GetValueOrDefault(d.Days) + 1;
            if (d.Days == d.Limit && AtLimit.Count < maxApplications) AtLimit.Add(Id(d.Figures));
        }
    }

    /// <summary>
    /// A comparative test's items, counted as they come rather than listed (a stage time each: millions in a large half):
    /// the city's items and marked ones by stratum (category, in the order of its first item), each utility's by stratum,
    /// and each utility's first <see cref="ForensicsOptions.MaxApplications"/> distinct marked applications.
    /// </summary>
    private sealed class Tally(int maxApplications)
    {
        public int Total { get; private set; }
        public int Marked { get; private set; }
        public List<Category> Strata { get; } = [];
        public Dictionary<Category, (int Marked, int Total)> City { get; } = [];
        public Dictionary<string, UnitTally> Units { get; } = new(StringComparer.Ordinal);

        public void Add(string utility, bool marked, ApplicationFigures figures)
        {
            var stratum = figures.Category;
            var m = marked ? 1 : 0;
            Total++;
            Marked += m;
            if (!City.TryGetValue(stratum, out var city)) Strata.Add(stratum);
            City[stratum] = (city.Marked + m, city.Total + 1);
            if (!Units.TryGetValue(utility, out var unit)) Units[utility] = unit = new UnitTally();
            unit.Items++;
            unit.Marked += m;
            var mine = unit.Strata.GetValueOrDefault(stratum);
            unit.Strata[stratum] = (mine.Marked + m, mine.Items + 1);
            if (marked && unit.Applications.Count < maxApplications && unit.Seen.Add(Id(figures))) unit.Applications.Add(Id(figures));
        }
    }

    /// <summary>One utility's part of a <see cref="Tally"/>.</summary>
    private sealed class UnitTally
    {
        public int Items { get; set; }
        public int Marked { get; set; }
        public Dictionary<Category, (int Marked, int Items)> Strata { get; } = [];
        public List<string> Applications { get; } = [];
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The items of the five comparative tests, counted as they come (one application at a time).</summary>
    private sealed class ComparativeTally(WorkingDayCalendar calendar, MetricsPeriod period, ForensicsOptions options)
    {
        private readonly Tally _nonWorking = new(options.MaxApplications);
        private readonly Tally _offHours = new(options.MaxApplications);
        private readonly Tally _identical = new(options.MaxApplications);
        private readonly Tally _burst = new(options.MaxApplications);
        private readonly Tally _pauses = new(options.MaxApplications);

        /// <summary>One application's items; <paramref name="duration"/> is its day-target duration when connected in the period.</summary>
        public void Add(ApplicationFigures f, Duration? duration)
        {
            var a = f.Application;
            Span<DateTime?> stamps = stackalloc DateTime?[10];
            // The utility's own stamps (not acceptance, which may come online at any hour, nor the customer's works or the approval).
            stamps[0] = a.PlanRepliedAt; stamps[1] = a.DesignReviewStart; stamps[2] = a.DesignReviewEnd;
            stamps[3] = a.MidCheckStart; stamps[4] = a.MidCheckEnd; stamps[5] = a.ExternalWorksStart; stamps[6] = a.ExternalWorksEnd;
            stamps[7] = a.CompletionCheckStart; stamps[8] = a.CompletionCheckEnd; stamps[9] = a.ConnectedAt;
            foreach (var s in stamps)
            {
                if (s is not { } t || !period.Contains(DateOnly.FromDateTime(t))) continue;
                bool working;
                try { working = calendar.IsWorkingDay(DateOnly.FromDateTime(t)); }
                catch (CalendarException) { continue; }
                _nonWorking.Add(f.Utility, !working, f);
                if (working)
                {
                    var time = TimeOnly.FromDateTime(t);
                    _offHours.Add(f.Utility, time < options.OfficeStart || time >= options.OfficeEnd, f);
                }
            }
            if (f.Status == ApplicationStatus.Connected && f.ConnectedAt is { } c && period.Contains(DateOnly.FromDateTime(c)))
            {
                var same = c.Date > a.AcceptedAt.Date && c.Hour == a.AcceptedAt.Hour && c.Minute == a.AcceptedAt.Minute;
                _identical.Add(f.Utility, same, f);
            }
            if (a.RecordCreatedAt is { } rc && rc.Date > a.AcceptedAt.Date && period.Contains(DateOnly.FromDateTime(rc)))
                _burst.Add(f.Utility, rc.DayOfWeek == options.DeadlineEve, f);
            if (duration is { } d && a.PausedDays > 0)
                _pauses.Add(f.Utility, d.Days <= d.Limit && d.Days + a.PausedDays > d.Limit, f);
        }

        public void Flags(List<ForensicsFlag> output)
        {
            Compare(ForensicsTests.NonWorkingDay, _nonWorking, "非工作日的环节时间", "条环节时间");
            Compare(ForensicsTests.OffHours, _offHours, string.Create(CultureInfo.InvariantCulture, $"工作日 {options.OfficeStart:HH\\:mm}–{options.OfficeEnd:HH\\:mm} 以外的环节时间"), "条工作日环节时间");
            Compare(ForensicsTests.IdenticalDurations, _identical, "装表接电时刻与受理时刻分秒相同（整日时长）", "件期内接电工单");
            Compare(ForensicsTests.DeadlineBurst, _burst, "周三（周四台账报送前一日）补录的工单", "件晚于受理日录入的工单");
            Compare(ForensicsTests.PauseToLimit, _pauses, "暂停使时长由超限变为不超限", "件有暂停的期内接电工单");

            void Compare(string test, Tally items, string what, string unit)
            {
                var total = items.Total;
                var marked = items.Marked;
                foreach (var (utility, u) in items.Units.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var n = u.Items;
                    if (n < options.MinItems || n == total) continue;
                    var k = u.Marked;
                    // Strata by category: a utility with more high-voltage work has more long stage chains, whatever it does.
                    var strata = new List<(int, int, int, int)>();
                    foreach (var s in items.Strata)
                    {
                        if (!u.Strata.TryGetValue(s, out var mine)) continue;
                        var city = items.City[s];
                        strata.Add((mine.Marked, mine.Items, city.Marked, city.Total));
                    }
                    var p = ExactTests.StratifiedUpperTail(strata);
                    var restN = total - n;
                    var restK = marked - k;
                    var evidence = string.Create(CultureInfo.InvariantCulture,
                        $"{what}：本单位 {k}/{n} {unit}（{(double)k / n:P2}），其他单位 {restK}/{restN}（{(restN == 0 ? 0 : (double)restK / restN):P2}）。");
                    output.Add(new ForensicsFlag
                    {
                        Test = test,
                        Utility = utility,
                        PValue = p,
                        Evidence = evidence,
                        Applications = [.. u.Applications],
                    });
                }
            }
        }
    }

    private static string Id(ApplicationFigures f) => f.Utility + "/" + f.ApplicationId;
}
