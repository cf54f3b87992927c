using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>
/// Computes <see cref="ApplicationFigures"/> (metrics.md §3) and how an application stands against each target of the
/// policy (metrics.md §4), for one policy, calendar and as-of instant. Reuse one instance for many applications: the
/// policy lookups are prepared once.
/// </summary>
/// <remarks>
/// Target applicability, per kind (an application is also only counted when the target is in force on its accepted date):
/// <list type="bullet">
/// <item>approval_days (T1a/T1b): voltage = the target's access voltage (lv, 10kv; 35kV and above are in no T1 target),
/// with both approval times given; compliant when approval days ≤ limit.</item>
/// <item>utility_days / whole_process_days (T2): connected applications of the target's categories; days ≤ limit.</item>
/// <item>stages (T3): connected applications of the categories (important users exempt where the target says so);
/// stages ⊆ allowed and none forbidden.</item>
/// <item>zero_investment (T4a/T4b): connected non-residential small/micro applications (categories too, if given) with
/// capacity ≤ the area's ceiling (<see cref="TargetDefinition.CapacityCeiling"/>); customer_investment_yuan = 0. A blank
/// investment is a data gap (metrics.md §8), neither compliant nor a breach.</item>
/// <item>zero_cost (T4c): connected applications of the categories; fee_yuan = 0 and customer_investment_yuan = 0;
/// a breach when either is given and above 0, else a data gap when either is blank.</item>
/// <item>materials (T6): connected applications; at lv within allowed_lv, at 10kV and above within allowed_hv, never a
/// forbidden one; blank materials are a data gap.</item>
/// <item>connection_voltage (T7): connected non-residential 三零 applications with capacity ≤ max_capacity_kw; compliant at lv.</item>
/// </list>
/// </remarks>
public sealed class ApplicationFiguresCalculator
{
    private readonly TargetDefinition[] _targets;
    private readonly string[] _ids;
    private readonly Dictionary<uint, string[]> _idLists = [];
    // For each category, the index of the day target (utility/whole-process days) that sets its limit, or -1.
    private readonly int[] _limitTarget = new int[8];

    public ApplicationFiguresCalculator(Policy policy, WorkingDayCalendar calendar, DateTime asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        Policy = policy;
        Calendar = calendar;
        AsOf = asOf;
        _targets = [.. policy.Targets];
        if (_targets.Length > 32) throw new ArgumentException("At most 32 targets are supported.", nameof(policy));
        _ids = [.. _targets.Select(t => t.Id)];
        Array.Fill(_limitTarget, -1);
        for (var i = 0; i < _targets.Length; i++)
            if (_targets[i].Kind is TargetKind.UtilityDays or TargetKind.WholeProcessDays)
                foreach (var c in _targets[i].Categories)
                    if (_limitTarget[(int)c] < 0) _limitTarget[(int)c] = i;
    }

    public Policy Policy { get; }
    public WorkingDayCalendar Calendar { get; }
    public DateTime AsOf { get; }

    /// <summary>The policy's targets, in order (the indexes of the outcomes).</summary>
    internal IReadOnlyList<TargetDefinition> Targets => _targets;

    /// <summary>The figures of one application.</summary>
    /// <exception cref="CalendarException">A date falls in a year without calendar schedule.</exception>
    public ApplicationFigures Compute(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        Span<TargetOutcome> outcomes = stackalloc TargetOutcome[_targets.Length];
        var f = Compute(application, outcomes, out var error);
        if (error is not null) throw error;
        return f;
    }

    /// <summary>
    /// The figures and the outcome against every target. A calendar gap does not throw: the day figures stay null,
    /// <paramref name="error"/> says why, and the targets that need no day figure are still judged.
    /// </summary>
    internal ApplicationFigures Compute(Application a, Span<TargetOutcome> outcomes, out CalendarException? error) =>
        Compute(a, outcomes, inProgressFigures: true, out error);

    /// <summary>
    /// As <see cref="Compute(Application, Span{TargetOutcome}, out CalendarException?)"/>; without
    /// <paramref name="inProgressFigures"/> the as-of figures of an in-progress application (elapsed days, limit, due date)
    /// are left out, so <paramref name="error"/> speaks only of the figures that do not depend on the as-of instant.
    /// </summary>
    internal ApplicationFigures Compute(Application a, Span<TargetOutcome> outcomes, bool inProgressFigures, out CalendarException? error)
    {
        error = null;
        var category = a.Category;
        var stages = a.Stages;
        var accepted = DateOnly.FromDateTime(a.AcceptedAt);
        var connected = a.Status == ApplicationStatus.Connected && a.ConnectedAt is not null;
        int? whole = null, utility = null, approval = null, elapsed = null, counted = null, left = null;
        string? limitId = null;
        TargetKind? limitKind = null;
        decimal? limitDays = null;
        DateOnly? due = null;
        bool? overdue = null;
        try
        {
            if (a.ApprovalSubmittedAt is { } sub && a.ApprovalGrantedAt is { } granted)
                approval = Calendar.WorkingDaysBetween(sub, granted);
            if (connected)
            {
                var end = a.ConnectedAt!.Value;
                whole = Math.Max(0, Calendar.WorkingDaysBetween(a.AcceptedAt, end) - a.PausedDays);
                Span<(DateTime, DateTime)> ex = stackalloc (DateTime, DateTime)[2];
                var n = 0;
                if (a.CustomerWorksStart is { } cs && a.CustomerWorksEnd is { } ce) ex[n++] = (cs, ce);
                if (a.ApprovalSubmittedAt is { } s2 && a.ApprovalGrantedAt is { } g2) ex[n++] = (s2, g2);
                utility = Math.Max(0, Calendar.WorkingDaysExcluding(a.AcceptedAt, end, ex[..n]) - a.PausedDays);
            }
            else if (inProgressFigures && a.Status == ApplicationStatus.InProgress)
            {
                var raw = Calendar.WorkingDaysBetween(a.AcceptedAt, AsOf);
                elapsed = Math.Max(0, raw - a.PausedDays);
                var ti = category == Category.Invalid ? -1 : _limitTarget[(int)category];
                if (ti >= 0 && _targets[ti].LimitOn(accepted) is { } limit)
                {
                    var t = _targets[ti];
                    limitId = t.Id;
                    limitKind = t.Kind;
                    limitDays = limit;
                    var excluded = 0;
                    if (t.Kind == TargetKind.UtilityDays)
                    {
                        Span<(DateTime, DateTime)> ex = stackalloc (DateTime, DateTime)[2];
                        var n = 0;
                        if (SoFar(a.CustomerWorksStart, a.CustomerWorksEnd) is { } cw) ex[n++] = cw;
                        if (SoFar(a.ApprovalSubmittedAt, a.ApprovalGrantedAt) is { } ap) ex[n++] = ap;
                        excluded = raw - Calendar.WorkingDaysExcluding(a.AcceptedAt, AsOf, ex[..n]);
                    }
                    counted = Math.Max(0, raw - excluded - a.PausedDays);
                    var floorLimit = (int)decimal.Floor(limit);
                    due = Calendar.AddWorkingDays(accepted, floorLimit + a.PausedDays + excluded);
                    left = floorLimit - counted;
                    overdue = counted > limit;
                }
            }
        }
        catch (CalendarException e)
        {
            error = e;
        }

        var figures = new ApplicationFigures
        {
            Application = a,
            Category = category,
            Stages = stages,
            WholeProcessDays = whole,
            UtilityDays = utility,
            ApprovalDays = approval,
            ElapsedDays = elapsed,
            CountedDays = counted,
            LimitTargetId = limitId,
            LimitKind = limitKind,
            LimitDays = limitDays,
            DueDate = due,
            WorkingDaysLeft = left,
            Overdue = overdue,
        };

        uint applicable = 0, breached = 0;
        for (var i = 0; i < _targets.Length; i++)
        {
            outcomes[i] = Evaluate(_targets[i], figures, connected, accepted);
            if (outcomes[i].Status != TargetStatus.NotApplicable) applicable |= 1u << i;
            if (outcomes[i].Status == TargetStatus.Breach) breached |= 1u << i;
        }
        if (applicable != 0)
        {
            figures.ApplicableTargets = Ids(applicable);
            figures.BreachedTargets = Ids(breached);
        }
        return figures;
    }

    // An exclusion known at the as-of instant: started, ending at its end or (still open) at as-of.
    private (DateTime, DateTime)? SoFar(DateTime? start, DateTime? end)
    {
        if (start is not { } s || s > AsOf) return null;
        return (s, end is { } e && e < AsOf ? e : AsOf);
    }

    private string[] Ids(uint mask)
    {
        if (mask == 0) return [];
        lock (_idLists)
        {
            if (_idLists.TryGetValue(mask, out var list)) return list;
            list = [.. Enumerable.Range(0, _ids.Length).Where(i => (mask & (1u << i)) != 0).Select(i => _ids[i])];
            _idLists[mask] = list;
            return list;
        }
    }

    private TargetOutcome Evaluate(TargetDefinition t, ApplicationFigures f, bool connected, DateOnly accepted)
    {
        var a = f.Application;
        var none = default(TargetOutcome);
        switch (t.Kind)
        {
            case TargetKind.ApprovalDays:
                {
                    if (f.ApprovalDays is not { } days || a.Voltage != t.AccessVoltage) return none;
                    if (t.LimitOn(accepted) is not { } limit) return none;
                    return Outcome(days <= limit, days, limit, DateOnly.FromDateTime(a.ApprovalGrantedAt!.Value));
                }
            case TargetKind.UtilityDays or TargetKind.WholeProcessDays:
                {
                    var value = t.Kind == TargetKind.UtilityDays ? f.UtilityDays : f.WholeProcessDays;
                    if (value is not { } days || !connected || !Has(t.Categories, f.Category)) return none;
                    if (t.LimitOn(accepted) is not { } limit) return none;
                    return Outcome(days <= limit, days, limit, DateOnly.FromDateTime(a.ConnectedAt!.Value));
                }
            case TargetKind.Stages:
                {
                    if (!connected || !Has(t.Categories, f.Category) || (t.ExemptImportantUsers && a.ImportantUser)) return none;
                    if (t.StepOn(accepted) is not { } step) return none;
                    var ok = (t.AllowedStages.Count == 0 || f.Stages.IsSubsetOf(t.AllowedStages))
                             && (f.Stages.Bits & t.ForbiddenStages.Bits) == 0;
                    return Outcome(ok, f.StageCount, step.Limit, DateOnly.FromDateTime(a.ConnectedAt!.Value));
                }
            case TargetKind.ZeroInvestment:
                {
                    if (!connected || a.CustomerType != CustomerType.NonResidential) return none;
                    if (t.SmallMicroOnly && !a.SmallMicro) return none;
                    if (t.Categories.Count > 0 && !Has(t.Categories, f.Category)) return none;
                    if (t.CapacityCeiling(a.Area, Policy.Parameters) is not { } ceiling || a.CapacityKw > ceiling) return none;
                    if (t.StepOn(accepted) is null) return none;
                    var inv = a.CustomerInvestmentYuan;
                    if (inv is null) return Gap(DateOnly.FromDateTime(a.ConnectedAt!.Value));
                    return Outcome(inv == 0m, inv, 0m, DateOnly.FromDateTime(a.ConnectedAt!.Value));
                }
            case TargetKind.ZeroCost:
                {
                    if (!connected || !Has(t.Categories, f.Category)) return none;
                    if (t.StepOn(accepted) is null) return none;
                    var on = DateOnly.FromDateTime(a.ConnectedAt!.Value);
                    // A charge that is given and above zero is a breach whatever the other field says; otherwise a blank is a gap.
                    if (a.FeeYuan > 0m || a.CustomerInvestmentYuan > 0m)
                        return Outcome(false, (a.FeeYuan ?? 0m) + (a.CustomerInvestmentYuan ?? 0m), 0m, on);
                    if (a.FeeYuan is null || a.CustomerInvestmentYuan is null) return Gap(on);
                    return Outcome(true, 0m, 0m, on);
                }
            case TargetKind.Materials:
                {
                    // metrics.md §8: T6 counts applications connected in the period, as the other timeliness targets.
                    if (!connected || a.Voltage == Voltage.Invalid || t.StepOn(accepted) is null) return none;
                    var on = DateOnly.FromDateTime(a.ConnectedAt!.Value);
                    if (a.Materials is not { } m) return Gap(on);
                    var allowed = a.Voltage == Voltage.Lv ? t.AllowedLv : t.AllowedHv;
                    var ok = (m & ~allowed) == Materials.None && (m & t.Forbidden) == Materials.None;
                    return Outcome(ok, null, null, on);
                }
            case TargetKind.ConnectionVoltage:
                {
                    if (!connected || a.CustomerType != CustomerType.NonResidential || !a.ThreeZero) return none;
                    if (t.MaxCapacityKw is not { } max || a.CapacityKw > max) return none;
                    if (t.Categories.Count > 0 && !Has(t.Categories, f.Category)) return none;
                    if (t.StepOn(accepted) is null) return none;
                    return Outcome(a.Voltage == Voltage.Lv, a.CapacityKw, max, DateOnly.FromDateTime(a.ConnectedAt!.Value));
                }
            default:
                return none;
        }
    }

    private static TargetOutcome Outcome(bool ok, decimal? value, decimal? limit, DateOnly select) => new()
    {
        Status = ok ? TargetStatus.Compliant : TargetStatus.Breach,
        Value = value,
        Limit = limit,
        SelectDate = select,
    };

    private static TargetOutcome Gap(DateOnly select) => new() { Status = TargetStatus.Gap, SelectDate = select };

    private static bool Has(IReadOnlyList<Category> categories, Category c)
    {
        for (var i = 0; i < categories.Count; i++)
            if (categories[i] == c) return true;
        return false;
    }
}
