using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// The integrity findings of metrics.md §7 (任务4: 如实记录…禁止体外循环、后补流程或重走流程).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>out_of_order</c> 时序异常: the latest record breaks <see cref="StagePrecedence"/>. Dated accepted_at.</item>
/// <item><c>entered_late</c> 体外循环: working days accepted_at → record_created_at &gt; <c>EnteredLateWorkingDays</c>
/// (metrics.md §1 counting). Dated record_created_at.</item>
/// <item><c>back_filled</c> 后补流程: record_created_at after connected_at (dated record_created_at); or, between two
/// consecutive revisions, a process time absent in the earlier and present in the later one with a time before the
/// earlier revision's filing as-of — it was known when that filing was made, and left out (dated the later filing's as-of).</item>
/// <item><c>rewritten</c> 改写: between two consecutive revisions, a process time present in the earlier one changed or
/// removed in the later one; one finding per revision pair listing every change. Dated the later filing's as-of.</item>
/// <item><c>rewalked</c> 重走流程: an application accepted within <c>RewalkWindowDays</c> calendar days on or after the
/// withdrawal of another application (0 ≤ date(accepted_at) − date(withdrawn_at) ≤ window) that has the same customer_key,
/// or that it names as previous_application_id (same utility). Reported on the new application; dated its accepted_at.</item>
/// </list>
/// Process times: every stage time of the template (accepted_at, plan_replied_at, design review, customer works, mid check,
/// external works, approval, completion check, connected_at), not record_created_at or withdrawn_at.
/// </remarks>
public static class IntegrityChecker
{
    private static readonly (ApplicationField Time, Func<Application, DateTime?> Get)[] ProcessTimes =
    [
        (ApplicationFields.AcceptedAt, a => a.AcceptedAt),
        (ApplicationFields.PlanRepliedAt, a => a.PlanRepliedAt),
        (ApplicationFields.DesignReviewStart, a => a.DesignReviewStart),
        (ApplicationFields.DesignReviewEnd, a => a.DesignReviewEnd),
        (ApplicationFields.CustomerWorksStart, a => a.CustomerWorksStart),
        (ApplicationFields.CustomerWorksEnd, a => a.CustomerWorksEnd),
        (ApplicationFields.MidCheckStart, a => a.MidCheckStart),
        (ApplicationFields.MidCheckEnd, a => a.MidCheckEnd),
        (ApplicationFields.ExternalWorksStart, a => a.ExternalWorksStart),
        (ApplicationFields.ExternalWorksEnd, a => a.ExternalWorksEnd),
        (ApplicationFields.ApprovalSubmittedAt, a => a.ApprovalSubmittedAt),
        (ApplicationFields.ApprovalGrantedAt, a => a.ApprovalGrantedAt),
        (ApplicationFields.CompletionCheckStart, a => a.CompletionCheckStart),
        (ApplicationFields.CompletionCheckEnd, a => a.CompletionCheckEnd),
        (ApplicationFields.ConnectedAt, a => a.ConnectedAt),
    ];

    /// <summary>
    /// Every finding of the applications (latest revisions) and their revisions, whatever its date, grouped by application
    /// in input order. <paramref name="revisions"/> may be empty: the two rules that compare filings then find nothing.
    /// </summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<Application> applications, IReadOnlyList<ApplicationRevision> revisions,
        Policy policy, WorkingDayCalendar calendar) =>
        Check(applications, revisions, policy, calendar, null);

    internal static IReadOnlyList<Finding> Check(IReadOnlyList<Application> applications, IReadOnlyList<ApplicationRevision> revisions,
        Policy policy, WorkingDayCalendar calendar, List<MetricsError>? errors)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        var p = policy.Parameters;
        var findings = new List<Finding>();
        foreach (var a in applications) CheckOne(a, p, calendar, findings, errors);
        CheckRevisions(revisions, findings);
        var withdrawn = WithdrawnIndex.Of(applications);
        if (withdrawn.Count > 0)
            foreach (var b in applications) CheckRewalk(b, withdrawn, p.RewalkWindowDays, findings);
        return findings;
    }

    /// <summary>The rules on one application alone (时序异常, 体外循环, 后补 by its record's creation), into <paramref name="findings"/>.</summary>
    internal static void CheckOne(Application a, PolicyParameters p, WorkingDayCalendar calendar, List<Finding> findings, List<MetricsError>? errors)
    {
        if (StagePrecedence.Violations(a) is { } evidence)
            findings.Add(Make(a, FindingRule.OutOfOrder, new OutOfOrderEvidence(evidence), DateOnly.FromDateTime(a.AcceptedAt)));
        if (a.RecordCreatedAt is not { } created) return;
        try
        {
            var late = calendar.WorkingDaysBetween(a.AcceptedAt, created);
            if (late > p.EnteredLateWorkingDays)
                findings.Add(Make(a, FindingRule.EnteredLate, new EnteredLateEvidence(created, a.AcceptedAt, late, p.EnteredLateWorkingDays),
                    DateOnly.FromDateTime(created)));
        }
        catch (CalendarException e)
        {
            errors?.Add(new MetricsError(MetricsErrorKind.CalendarMissingYear, $"{a.Utility}/{a.ApplicationId}", e.Message)
            { Utility = a.Utility, County = a.County, ApplicationId = a.ApplicationId });
        }
        if (a.ConnectedAt is { } conn && created > conn)
            findings.Add(Make(a, FindingRule.BackFilled, new CreatedAfterConnectionEvidence(created, conn),
                DateOnly.FromDateTime(created)));
    }

    private static void CheckRevisions(IReadOnlyList<ApplicationRevision> revisions, List<Finding> findings)
    {
        if (revisions.Count < 2) return;
        // The store streams revisions ordered by (utility, id, revision). Other orders are put right by sorting on a
        // numeric key (application number, revision) rather than on strings, which costs seconds at a million rows.
        IReadOnlyList<ApplicationRevision> ordered = revisions;
        for (var i = 1; i < revisions.Count; i++)
        {
            if (CompareKey(revisions[i - 1], revisions[i]) > 0)
            {
                ordered = SortByApplication(revisions);
                break;
            }
        }
        for (var i = 1; i < ordered.Count; i++) CheckPair(ordered[i - 1], ordered[i], findings);
    }

    /// <summary>
    /// The rules that compare two consecutive revisions (改写, and 后补 of a time left out of the earlier filing), into
    /// <paramref name="findings"/>; nothing when they are not revisions of the same application.
    /// </summary>
    internal static void CheckPair(ApplicationRevision prev, ApplicationRevision cur, List<Finding> findings)
    {
        if (!SameApplication(prev.Record, cur.Record)) return;
        List<TimeChange>? rewritten = null;
        List<ReportedTime>? backFilled = null;
        foreach (var (time, get) in ProcessTimes)
        {
            var old = get(prev.Record);
            var now = get(cur.Record);
            if (old is { } o && now != o)
                (rewritten ??= []).Add(new TimeChange(time, o, now));
            else if (old is null && now is { } t && t < prev.FilingAsOf)
                (backFilled ??= []).Add(new ReportedTime(time, t));
        }
        if (rewritten is null && backFilled is null) return;
        var on = DateOnly.FromDateTime(cur.FilingAsOf);
        var before = new FilingPoint(prev.Revision, prev.FilingId, prev.FilingAsOf);
        var after = new FilingPoint(cur.Revision, cur.FilingId, cur.FilingAsOf);
        if (rewritten is not null)
            findings.Add(Make(cur.Record, FindingRule.Rewritten, new RewrittenEvidence([.. rewritten], before, after), on));
        if (backFilled is not null)
            findings.Add(Make(cur.Record, FindingRule.BackFilled, new BackFilledEvidence([.. backFilled], before, after), on));
    }

    private static ApplicationRevision[] SortByApplication(IReadOnlyList<ApplicationRevision> revisions)
    {
        var number = new Dictionary<(string, string), int>(revisions.Count);
        var keys = new long[revisions.Count];
        var items = new ApplicationRevision[revisions.Count];
        for (var i = 0; i < revisions.Count; i++)
        {
            var r = revisions[i];
            var k = (r.Record.Utility, r.Record.ApplicationId);
            if (!number.TryGetValue(k, out var n)) number[k] = n = number.Count;
            keys[i] = ((long)n << 32) | (uint)r.Revision;
            items[i] = r;
        }
        Array.Sort(keys, items);
        return items;
    }

    /// <summary>
    /// 重走流程 found on <paramref name="b"/> against the withdrawn applications of <paramref name="withdrawn"/>, into
    /// <paramref name="findings"/>: the one it names as previous application first, then those of its customer key in the
    /// order they were indexed.
    /// </summary>
    internal static void CheckRewalk(Application b, WithdrawnIndex withdrawn, int window, List<Finding> findings)
    {
        Withdrawal? named = null;
        if (b.PreviousApplicationId is { Length: > 0 } prevId
            && withdrawn.ById.TryGetValue((b.Utility, prevId), out var p) && !Same(p, b) && Within(p, b, window))
        {
            named = p;
            findings.Add(Rewalk(b, p, window, named: true));
        }
        if (b.CustomerKey is not { Length: > 0 } key || !withdrawn.ByKey.TryGetValue(key, out var candidates)) return;
        foreach (var a in candidates)
        {
            if (ReferenceEquals(a, named) || Same(a, b) || !Within(a, b, window)) continue;
            findings.Add(Rewalk(b, a, window, named: false));
        }
    }

    /// <summary>What 重走流程 keeps of a withdrawn application.</summary>
    internal sealed record Withdrawal(string Utility, string ApplicationId, DateTime WithdrawnAt);

    /// <summary>
    /// The withdrawn applications (with a withdrawal time) of a selection, by (utility, id) and by customer key, in the order
    /// given: what 重走流程 compares each application with.
    /// </summary>
    internal sealed class WithdrawnIndex
    {
        public Dictionary<string, List<Withdrawal>> ByKey { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string, string), Withdrawal> ById { get; } = [];
        public int Count => ById.Count;

        public void Add(Application a)
        {
            if (a.Status != ApplicationStatus.Withdrawn || a.WithdrawnAt is not { } at) return;
            var w = new Withdrawal(a.Utility, a.ApplicationId, at);
            ById[(a.Utility, a.ApplicationId)] = w;
            if (a.CustomerKey is { Length: > 0 } key)
            {
                if (!ByKey.TryGetValue(key, out var list)) ByKey[key] = list = [];
                list.Add(w);
            }
        }

        public static WithdrawnIndex Of(IEnumerable<Application> applications)
        {
            var index = new WithdrawnIndex();
            foreach (var a in applications) index.Add(a);
            return index;
        }
    }

    /// <summary>
    /// <see cref="Check(IReadOnlyList{Application}, IReadOnlyList{ApplicationRevision}, Policy, WorkingDayCalendar)"/> over applications given one at a time with their revisions (a run of the store's order, the
    /// latest last), the findings kept in <see cref="Check(IReadOnlyList{Application}, IReadOnlyList{ApplicationRevision}, Policy, WorkingDayCalendar)"/>'s order (the rules on each application alone, then those
    /// comparing revisions, then 重走流程) against <see cref="WithdrawnIndex"/> of the whole selection, indexed beforehand.
    /// For a caller that streams a question's applications and keeps only some findings (issue 12).
    /// </summary>
    internal sealed class Stream
    {
        private readonly WithdrawnIndex _withdrawn;
        private readonly PolicyParameters _parameters;
        private readonly WorkingDayCalendar _calendar;
        private readonly string? _county, _utility;
        private readonly List<Finding> _single = [], _paired = [], _rewalked = [];
        private (int Single, int Paired, int Rewalked) _mark;

        /// <param name="withdrawn">The revisions of the selection's withdrawn applications, in the store's order
        /// (<see cref="Analytics.Domain.Storage.IAnalyticsStore.WithdrawnRevisions"/>; a superset does as well: only the
        /// withdrawn ones are indexed), read here once.</param>
        /// <param name="policy">The plan's parameters.</param>
        /// <param name="calendar">The working-day calendar.</param>
        /// <param name="county">Only this county (records of others are not the selection's), when given.</param>
        /// <param name="utility">Only this utility, when given.</param>
        public Stream(IEnumerable<ApplicationRevision> withdrawn, Policy policy, WorkingDayCalendar calendar, string? county, string? utility)
        {
            _withdrawn = new WithdrawnIndex();
            foreach (var run in RecordSnapshot.Runs(withdrawn))
                if (RecordSnapshot.Matches(run[^1].Record.County, run[^1].Record.Utility, county, utility)) _withdrawn.Add(run[^1].Record);
            _parameters = policy.Parameters;
            _calendar = calendar;
            _county = county;
            _utility = utility;
        }

        /// <summary>Calendar errors met by the rules, in the order of the applications.</summary>
        public List<MetricsError> Errors { get; } = [];

        /// <summary>
        /// One application's findings (its revisions, the latest last): the rules on the latest when it is of the group,
        /// those comparing consecutive revisions of the group, and 重走流程. True when one is dated in <paramref name="period"/>.
        /// </summary>
        public bool Add(List<ApplicationRevision> run, MetricsPeriod period)
        {
            _mark = (_single.Count, _paired.Count, _rewalked.Count);
            var latest = run[^1].Record;
            var inGroup = RecordSnapshot.Matches(latest.County, latest.Utility, _county, _utility);
            if (inGroup) CheckOne(latest, _parameters, _calendar, _single, Errors);
            ApplicationRevision? previous = null;
            foreach (var r in run)
            {
                // Check compares consecutive revisions of the group (a revision filed under another county is not one).
                if (!RecordSnapshot.Matches(r.Record.County, r.Record.Utility, _county, _utility)) continue;
                if (previous is not null) CheckPair(previous, r, _paired);
                previous = r;
            }
            if (inGroup && _withdrawn.Count > 0) CheckRewalk(latest, _withdrawn, _parameters.RewalkWindowDays, _rewalked);
            return AnyIn(_single, _mark.Single, period) || AnyIn(_paired, _mark.Paired, period) || AnyIn(_rewalked, _mark.Rewalked, period);
        }

        /// <summary>Of the last application's findings, keeps only those dated in <paramref name="period"/>.</summary>
        public void KeepLastIn(MetricsPeriod period)
        {
            OnlyIn(_single, _mark.Single, period);
            OnlyIn(_paired, _mark.Paired, period);
            OnlyIn(_rewalked, _mark.Rewalked, period);
        }

        /// <summary>The findings kept, in <see cref="Check(IReadOnlyList{Application}, IReadOnlyList{ApplicationRevision}, Policy, WorkingDayCalendar)"/>'s order.</summary>
        public List<Finding> Findings() => [.. _single, .. _paired, .. _rewalked];

        private static bool AnyIn(List<Finding> findings, int from, MetricsPeriod period)
        {
            for (var i = from; i < findings.Count; i++)
                if (period.Contains(findings[i].On)) return true;
            return false;
        }

        private static void OnlyIn(List<Finding> findings, int from, MetricsPeriod period)
        {
            var to = from;
            for (var i = from; i < findings.Count; i++)
                if (period.Contains(findings[i].On)) findings[to++] = findings[i];
            findings.RemoveRange(to, findings.Count - to);
        }
    }

    private static bool Same(Withdrawal a, Application b) =>
        string.Equals(a.Utility, b.Utility, StringComparison.Ordinal) && string.Equals(a.ApplicationId, b.ApplicationId, StringComparison.Ordinal);

    private static bool Within(Withdrawal withdrawn, Application next, int window)
    {
        var days = DateOnly.FromDateTime(next.AcceptedAt).DayNumber - DateOnly.FromDateTime(withdrawn.WithdrawnAt).DayNumber;
        return days >= 0 && days <= window;
    }

    private static Finding Rewalk(Application b, Withdrawal a, int window, bool named)
    {
        var days = DateOnly.FromDateTime(b.AcceptedAt).DayNumber - DateOnly.FromDateTime(a.WithdrawnAt).DayNumber;
        return Make(b, FindingRule.Rewalked, new RewalkedEvidence(a.Utility, a.ApplicationId, a.WithdrawnAt, days, window, named, b.AcceptedAt),
            DateOnly.FromDateTime(b.AcceptedAt));
    }

    private static bool SameApplication(Application x, Application y) =>
        string.Equals(x.Utility, y.Utility, StringComparison.Ordinal) && string.Equals(x.ApplicationId, y.ApplicationId, StringComparison.Ordinal);

    private static int CompareKey(ApplicationRevision x, ApplicationRevision y)
    {
        var c = string.CompareOrdinal(x.Record.Utility, y.Record.Utility);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Record.ApplicationId, y.Record.ApplicationId);
        return c != 0 ? c : x.Revision.CompareTo(y.Revision);
    }

    private static Finding Make(Application a, FindingRule rule, FindingEvidence evidence, DateOnly on) => new()
    {
        Utility = a.Utility,
        ApplicationId = a.ApplicationId,
        County = a.County,
        Rule = rule,
        Code = FindingRules.Code(rule),
        Clause = FindingRules.Clause,
        Evidence = evidence,
        On = on,
    };
}
