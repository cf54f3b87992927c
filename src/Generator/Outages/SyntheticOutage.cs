using Analytics.Domain;

namespace Analytics.Generator.Outages;

/// <summary>One restoration step: <see cref="Customers"/> got power back at <see cref="End"/>.</summary>
internal sealed class RestorationStep
{
    public DateTime End;
    public int Customers;
}

/// <summary>An outage event with its restoration steps (one row per step in the <c>outages</c> template).</summary>
internal sealed class SyntheticOutage
{
    public string Id = "";
    public required ServiceGroup Group;
    public string Feeder = "";
    public OutageKind Kind;
    public OutageCause Cause;
    /// <summary>False leaves the cause empty (= internal, templates.md §4).</summary>
    public bool WriteCause = true;
    public DateTime Start;
    public List<RestorationStep> Steps = [];
    public DateTime? NotifiedAt;
    public NotifyChannels Channels;
    /// <summary>At most 3 minutes: left out of SAIDI (metrics.md §5), so never scaled.</summary>
    public bool Short;

    /// <summary>Customer-hours inside [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double CustomerHours(DateTime from, DateTime to)
    {
        var h = 0.0;
        foreach (var s in Steps)
        {
            var a = Start > from ? Start : from;
            var b = s.End < to ? s.End : to;
            if (b > a) h += s.Customers * (b - a).TotalHours;
        }
        return h;
    }

    public int TotalCustomers => Steps.Sum(s => s.Customers);
}
