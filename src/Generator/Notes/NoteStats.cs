using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Generator.Applications;
using Analytics.Generator.Outages;

namespace Analytics.Generator.Notes;

/// <summary>
/// Collects, while the applications stream past, the few figures per utility and half year that
/// the narrative quotes, so that the prose agrees with the data (volumes, mean days, online share).
/// </summary>
internal sealed class NoteStats
{
    private readonly WorkingDayCalendar _calendar;
    private readonly DateTime _asOf;
    private readonly Dictionary<(string Utility, HalfYear Half), UtilityHalfStats> _stats = [];

    public NoteStats(WorkingDayCalendar calendar, DateTime asOf)
    {
        _calendar = calendar;
        _asOf = asOf;
    }

    public UtilityHalfStats Of(string utility, HalfYear half)
    {
        if (!_stats.TryGetValue((utility, half), out var s))
        {
            s = new UtilityHalfStats();
            _stats[(utility, half)] = s;
        }
        return s;
    }

    private static HalfYear HalfOf(DateTime t) => new(t.Year, t.Month <= 6 ? 1 : 2);

    public void Add(SyntheticApplication a)
    {
        var s = Of(a.Utility, HalfOf(a.AcceptedAt));
        s.Accepted++;
        if (a.Category == Category.Residential) s.Residential++;
        else if (a.IsHighVoltage) s.HighVoltage++;
        else s.LowVoltageNonResidential++;
        if (a.Channel == Channel.Online) s.Online++;
        if (!a.IsHighVoltage)
        {
            s.LowVoltage++;
            if (a.EContract == true) s.LowVoltageEContract++;
        }

        if (a.ConnectedAt is not { } c || c > _asOf || a.OutOfOrder) return;
        var cs = Of(a.Utility, HalfOf(c));
        cs.Connected++;
        var whole = Math.Max(0, _calendar.WorkingDaysBetween(a.AcceptedAt, c) - a.PausedDays);
        switch (a.Category)
        {
            case Category.Residential:
                cs.ResidentialDays += whole;
                cs.ResidentialConnected++;
                break;
            case Category.LvThreeZero:
                cs.ThreeZeroDays += whole;
                cs.ThreeZeroConnected++;
                break;
            case Category.HvSingle:
                Span<(DateTime, DateTime)> ex = stackalloc (DateTime, DateTime)[2];
                var n = 0;
                if (a.CustomerWorksStart is { } ws && a.CustomerWorksEnd is { } we) ex[n++] = (ws, we);
                if (a.ApprovalSubmittedAt is { } s1 && a.ApprovalGrantedAt is { } g1) ex[n++] = (s1, g1);
                cs.HighVoltageUtilityDays += Math.Max(0, _calendar.WorkingDaysExcluding(a.AcceptedAt, c, ex[..n]) - a.PausedDays);
                cs.HighVoltageConnected++;
                break;
        }
    }

    public void Add(SyntheticOutage o, int leadDays)
    {
        var s = Of(o.Group.Utility, HalfOf(o.Start));
        if (o.Kind == OutageKind.Planned)
        {
            s.PlannedOutages++;
            if (o.NotifiedAt is { } n && (o.Start - n).TotalDays >= leadDays) s.PlannedNotifiedOnTime++;
        }
        else
        {
            s.FaultOutages++;
        }
    }
}
