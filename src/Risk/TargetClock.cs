using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Risk;

/// <summary>
/// The 目标2 clock of an application: the day target of its category (T2a–T2e), the measure that
/// target counts (utility days for lv_other / hv_single / hv_dual, whole-process days for
/// residential / lv_three_zero, metrics.md §3–4), the limit in force on the accepted date, and the
/// days counted so far at a prediction moment.
/// </summary>
/// <remarks>
/// The final figures delegate to the metrics engine once it lands, so that there is one
/// definition; until then they follow metrics.md §3 directly. A customer-works or approval
/// interval with a start but no end (yet) counts as excluded up to the moment asked about
/// (or up to connection for a finished application).
/// </remarks>
internal sealed class TargetClock
{
    private readonly WorkingDayCalendar _calendar;
    private readonly TargetDefinition?[] _byCategory = new TargetDefinition?[(int)Category.HvDual + 1];

    public TargetClock(Policy policy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        foreach (var t in policy.Targets)
        {
            if (t.Kind is not (TargetKind.UtilityDays or TargetKind.WholeProcessDays)) continue;
            foreach (var c in t.Categories)
                if ((int)c > 0 && (int)c < _byCategory.Length)
                    _byCategory[(int)c] ??= t; // the first day target of a category wins, in policy order
        }
    }

    public WorkingDayCalendar Calendar => _calendar;

    /// <summary>The day target of a category, whether or not it is in force yet; null when the policy has none.</summary>
    public TargetDefinition? TargetOf(Category category) =>
        (int)category > 0 && (int)category < _byCategory.Length ? _byCategory[(int)category] : null;

    /// <summary>The limit (working days) in force on the accepted date, or null before the target is in force.</summary>
    public decimal? LimitOf(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return TargetOf(application.Category)?.LimitOn(DateOnly.FromDateTime(application.AcceptedAt));
    }

    /// <summary>The final days of a connected application by its target's measure, less paused days (never below 0).</summary>
    public int FinalDays(Application a, TargetKind kind)
    {
        ArgumentNullException.ThrowIfNull(a);
        var end = a.ConnectedAt ?? throw new ArgumentException($"Application {a.ApplicationId} is not connected.", nameof(a));
        return Math.Max(0, RawDays(a, kind, end) - a.PausedDays);
    }

    /// <summary>
    /// Days counted by the target's measure from acceptance up to <paramref name="asOf"/>, using only
    /// what was recorded by then, before subtracting paused days.
    /// </summary>
    public int CountedDays(Application a, TargetKind kind, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return RawDays(a, kind, asOf);
    }

    /// <summary>Working days accepted → <paramref name="asOf"/> (whole process, before paused days).</summary>
    public int ElapsedDays(Application a, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        return _calendar.WorkingDaysBetween(a.AcceptedAt, asOf);
    }

    private int RawDays(Application a, TargetKind kind, DateTime end)
    {
        if (kind != TargetKind.UtilityDays) return _calendar.WorkingDaysBetween(a.AcceptedAt, end);
        Span<(DateTime, DateTime)> excluded = stackalloc (DateTime, DateTime)[2];
        var n = 0;
        if (Interval(a.CustomerWorksStart, a.CustomerWorksEnd, end) is { } cw) excluded[n++] = cw;
        if (Interval(a.ApprovalSubmittedAt, a.ApprovalGrantedAt, end) is { } ap) excluded[n++] = ap;
        return _calendar.WorkingDaysExcluding(a.AcceptedAt, end, excluded[..n]);
    }

    // An interval known at 'end': started by then; an end after 'end' (or none) is still open.
    private static (DateTime, DateTime)? Interval(DateTime? start, DateTime? stop, DateTime end)
    {
        if (start is not { } s || s > end) return null;
        return (s, stop is { } e && e <= end ? e : end);
    }
}
