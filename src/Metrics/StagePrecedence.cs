using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>
/// The order stages must keep (时序, metrics.md §7 "out of order"). A stage <em>precedes</em> another when it must be
/// finished before the other starts: the latest recorded time of the earlier (its end, else its start) must not be after
/// the earliest recorded time of the later (its start, else its end). Equal times are in order. Within a stage, start ≤ end.
/// </summary>
/// <remarks>
/// Direct rules (the check uses their transitive closure, so a missing middle stage does not hide a violation):
/// <list type="bullet">
/// <item>accept → plan, customer works, approval (every time is after acceptance, by closure)</item>
/// <item>plan → design review, external works (the plan is replied before anything is designed or built to it)</item>
/// <item>design review → mid check → completion check (review the design, check hidden works, then the finished works)</item>
/// <item>customer works → completion check (the check inspects the customer's finished works)</item>
/// <item>completion check → connect; external works → connect; approval → connect</item>
/// </list>
/// Not ordered, on purpose: customer works against plan, design review and mid check (a mid check happens during the
/// customer's works), approval against plan and external works (告知承诺 lets works start before the permit).
/// </remarks>
public static class StagePrecedence
{
    /// <summary>The timed steps of an application record, in their usual order.</summary>
    public enum Step
    {
        Accept = 0, Plan, DesignReview, CustomerWorks, MidCheck, Approval, ExternalWorks, CompletionCheck, Connect,
    }

    /// <summary>The direct rules (earlier, later).</summary>
    public static IReadOnlyList<(Step Earlier, Step Later)> Rules { get; } =
    [
        (Step.Accept, Step.Plan), (Step.Accept, Step.CustomerWorks), (Step.Accept, Step.Approval),
        (Step.Plan, Step.DesignReview), (Step.Plan, Step.ExternalWorks),
        (Step.DesignReview, Step.MidCheck), (Step.MidCheck, Step.CompletionCheck),
        (Step.CustomerWorks, Step.CompletionCheck),
        (Step.CompletionCheck, Step.Connect), (Step.ExternalWorks, Step.Connect), (Step.Approval, Step.Connect),
    ];

    private const int StepCount = 9;

    // Closure[a] = bit mask of the steps a must precede.
    private static readonly int[] Closure = BuildClosure();

    /// <summary>True when <paramref name="earlier"/> must precede <paramref name="later"/> (directly or through other steps).</summary>
    public static bool MustPrecede(Step earlier, Step later) => (Closure[(int)earlier] & (1 << (int)later)) != 0;

    /// <summary>The field of a step's time in the one field list (<see cref="ApplicationFields"/>); <paramref name="end"/> picks the end of an interval step.</summary>
    public static ApplicationField Time(Step step, bool end) => step switch
    {
        Step.Accept => ApplicationFields.AcceptedAt,
        Step.Plan => ApplicationFields.PlanRepliedAt,
        Step.DesignReview => end ? ApplicationFields.DesignReviewEnd : ApplicationFields.DesignReviewStart,
        Step.CustomerWorks => end ? ApplicationFields.CustomerWorksEnd : ApplicationFields.CustomerWorksStart,
        Step.MidCheck => end ? ApplicationFields.MidCheckEnd : ApplicationFields.MidCheckStart,
        Step.Approval => end ? ApplicationFields.ApprovalGrantedAt : ApplicationFields.ApprovalSubmittedAt,
        Step.ExternalWorks => end ? ApplicationFields.ExternalWorksEnd : ApplicationFields.ExternalWorksStart,
        Step.CompletionCheck => end ? ApplicationFields.CompletionCheckEnd : ApplicationFields.CompletionCheckStart,
        Step.Connect => ApplicationFields.ConnectedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step of the record."),
    };

    /// <summary>The (start, end) of a step in a record; a point step has both equal.</summary>
    public static (DateTime? Start, DateTime? End) Times(Application a, Step step)
    {
        ArgumentNullException.ThrowIfNull(a);
        return step switch
        {
            Step.Accept => (a.AcceptedAt, a.AcceptedAt),
            Step.Plan => (a.PlanRepliedAt, a.PlanRepliedAt),
            Step.DesignReview => (a.DesignReviewStart, a.DesignReviewEnd),
            Step.CustomerWorks => (a.CustomerWorksStart, a.CustomerWorksEnd),
            Step.MidCheck => (a.MidCheckStart, a.MidCheckEnd),
            Step.Approval => (a.ApprovalSubmittedAt, a.ApprovalGrantedAt),
            Step.ExternalWorks => (a.ExternalWorksStart, a.ExternalWorksEnd),
            Step.CompletionCheck => (a.CompletionCheckStart, a.CompletionCheckEnd),
            Step.Connect => (a.ConnectedAt, a.ConnectedAt),
            _ => (null, null),
        };
    }

    /// <summary>True for steps with a start and an end.</summary>
    public static bool IsInterval(Step step) => step is not (Step.Accept or Step.Plan or Step.Connect);

    /// <summary>
    /// Every breach of the order in <paramref name="a"/> (a later time before an earlier one: <c>设计审查开始时间 早于
    /// 供电方案答复时间</c>), in check order; null when in order.
    /// </summary>
    public static IReadOnlyList<StageOrderBreach>? Violations(Application a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Span<long> first = stackalloc long[StepCount];   // earliest recorded time (ticks), 0 = none
        Span<long> last = stackalloc long[StepCount];    // latest recorded time
        Span<bool> lastIsEnd = stackalloc bool[StepCount];
        Span<bool> firstIsEnd = stackalloc bool[StepCount];
        List<StageOrderBreach>? found = null;
        for (var i = 0; i < StepCount; i++)
        {
            var (s, e) = Times(a, (Step)i);
            first[i] = (s ?? e)?.Ticks ?? 0;
            firstIsEnd[i] = s is null && e is not null;
            last[i] = (e ?? s)?.Ticks ?? 0;
            lastIsEnd[i] = e is not null && IsInterval((Step)i);
            if (IsInterval((Step)i) && s is { } ss && e is { } ee && ee < ss)
                (found ??= []).Add(new(Time((Step)i, true), ee, Time((Step)i, false), ss));
        }
        for (var i = 0; i < StepCount; i++)
        {
            if (last[i] == 0) continue;
            var mask = Closure[i];
            for (var j = 0; j < StepCount; j++)
            {
                if ((mask & (1 << j)) == 0 || first[j] == 0) continue;
                if (first[j] < last[i])
                    (found ??= []).Add(new(Time((Step)j, firstIsEnd[j]), new DateTime(first[j]), Time((Step)i, lastIsEnd[i]), new DateTime(last[i])));
            }
        }
        return found;
    }

    private static int[] BuildClosure()
    {
        var c = new int[StepCount];
        foreach (var (e, l) in Rules) c[(int)e] |= 1 << (int)l;
        // Warshall: if a precedes k, a precedes everything k precedes.
        for (var k = 0; k < StepCount; k++)
            for (var a = 0; a < StepCount; a++)
                if ((c[a] & (1 << k)) != 0) c[a] |= c[k];
        return c;
    }
}
