using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;

namespace Analytics.Risk;

/// <summary>
/// The 目标2 clock of an application: the day target of its category (T2a–T2e), the measure that
/// target counts (utility days for lv_other / hv_single / hv_dual, whole-process days for
/// residential / lv_three_zero, metrics.md §3–4), the limit in force on the accepted date, and the
/// days counted so far at a replayed prediction moment.
/// </summary>
/// <remarks>
/// The final days are the metrics engine's (<see cref="ApplicationFiguresCalculator"/>), so there is
/// one definition. The days counted at a replayed moment follow the engine's in-progress rule
/// (<see cref="ApplicationFigures.CountedDays"/>: a customer-works or approval interval started and
/// not ended by the moment runs to it) before paused days, without building an in-progress copy of
/// the application for every moment; a test holds the two equal.
/// </remarks>
internal sealed class TargetClock
{
    private readonly WorkingDayCalendar _calendar;
    private readonly TargetDefinition?[] _byCategory = new TargetDefinition?[(int)Category.HvDual + 1];

    private readonly ApplicationFiguresCalculator _figures;

    public TargetClock(Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        Policy = policy;
        // The as-of instant only matters for in-progress figures, which are not asked of this one.
        _figures = new ApplicationFiguresCalculator(policy, calendar, DateTime.MaxValue);
        foreach (var t in policy.Targets)
        {
            if (t.Kind is not (TargetKind.UtilityDays or TargetKind.WholeProcessDays)) continue;
            foreach (var c in t.Categories)
                if ((int)c > 0 && (int)c < _byCategory.Length)
                    _byCategory[(int)c] ??= t; // the first day target of a category wins, in policy order
        }
    }

    public WorkingDayCalendar Calendar => _calendar;

    public Policy Policy { get; }

    /// <summary>The day target of a category, whether or not it is in force yet; null when the policy has none.</summary>
    public TargetDefinition? TargetOf(Category category) =>
        (int)category > 0 && (int)category < _byCategory.Length ? _byCategory[(int)category] : null;

    /// <summary>The limit (working days) in force on the accepted date, or null before the target is in force.</summary>
    public decimal? LimitOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return TargetOf(application.Category)?.LimitOn(DateOnly.FromDateTime(application.AcceptedAt));
    }

    /// <summary>The final days of a connected application by its target's measure, less paused days (the metrics engine's figure).</summary>
    /// <exception cref="CalendarException">A date falls in a year without schedule.</exception>
    public int FinalDays(Application a, TargetKind kind)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Status != ApplicationStatus.Connected || a.ConnectedAt is null)
            throw new ArgumentException($"Application {a.ApplicationId} is not connected.", nameof(a));
        var f = _figures.Compute(a);
        return (kind == TargetKind.UtilityDays ? f.UtilityDays : f.WholeProcessDays)
            ?? throw new InvalidOperationException($"The metrics engine gave no final days for {a.ApplicationId}.");
    }

    /// <summary>
    /// Days counted by the target's measure from acceptance up to <paramref name="asOf"/>, using only
    /// what was recorded by then, before subtracting paused days.
    /// </summary>
    public int CountedDays(Application a, TargetKind kind, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return RawDays(a.AcceptedAt, a.CustomerWorksStart, a.CustomerWorksEnd, a.ApprovalSubmittedAt, a.ApprovalGrantedAt, kind, asOf);
    }

    /// <summary><see cref="CountedDays(Application, TargetKind, DateTime)"/> of the application <paramref name="a"/> was made from.</summary>
    public int CountedDays(ApplicationFacts a, TargetKind kind, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return RawDays(a.AcceptedAt, a.CustomerWorksStart, a.CustomerWorksEnd, a.ApprovalSubmittedAt, a.ApprovalGrantedAt, kind, asOf);
    }

    /// <summary>Working days accepted → <paramref name="asOf"/> (whole process, before paused days).</summary>
    public int ElapsedDays(Application a, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return _calendar.WorkingDaysBetween(a.AcceptedAt, asOf);
    }

    /// <summary><see cref="ElapsedDays(Application, DateTime)"/> of the application <paramref name="a"/> was made from.</summary>
    public int ElapsedDays(ApplicationFacts a, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return _calendar.WorkingDaysBetween(a.AcceptedAt, asOf);
    }

    // The engine's in-progress counting, before paused days.
    private int RawDays(DateTime accepted, DateTime? customerWorksStart, DateTime? customerWorksEnd,
        DateTime? approvalSubmitted, DateTime? approvalGranted, TargetKind kind, DateTime end)
    {
        if (kind != TargetKind.UtilityDays) return _calendar.WorkingDaysBetween(accepted, end);
        Span<(DateTime, DateTime)> excluded = stackalloc (DateTime, DateTime)[2];
        var n = 0;
        if (Interval(customerWorksStart, customerWorksEnd, end) is { } cw) excluded[n++] = cw;
        if (Interval(approvalSubmitted, approvalGranted, end) is { } ap) excluded[n++] = ap;
        return _calendar.WorkingDaysExcluding(accepted, end, excluded[..n]);
    }

    // An interval known at 'end': started by then; an end after 'end' (or none) is still open.
    private static (DateTime, DateTime)? Interval(DateTime? start, DateTime? stop, DateTime end)
    {
        if (start is not { } s || s > end) return null;
        return (s, stop is { } e && e < end ? e : end);
    }
}
