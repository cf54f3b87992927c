using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// Accumulates the <see cref="Indicators"/> of a period (metrics.md §6): applications one by one (<see cref="Add(Application)"/>)
/// or many alike at once, counted by the store (<see cref="Add(VolumeCountRow)"/>), and the outages; the result does not
/// depend on the order they come in.
/// </summary>
internal sealed class IndicatorAccumulator
{
    private readonly MetricsPeriod _period;
    private int _accepted, _online, _lv, _eContract;
    private readonly int[] _modes = new int[5];
    private readonly VolumeCounter _total = new();
    private readonly VolumeCounter[] _byCategory = new VolumeCounter[6];
    private readonly Dictionary<string, VolumeCounter> _byCounty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VolumeCounter> _byUtility = new(StringComparer.Ordinal);
    private VolumeCounter? _lastCounty, _lastUtility;
    private string? _lastCountyName, _lastUtilityName;
    private int _outageCount, _notifiedCount, _planned, _plannedOnTime;

    public IndicatorAccumulator(MetricsPeriod period)
    {
        _period = period;
        for (var i = 0; i < _byCategory.Length; i++) _byCategory[i] = new VolumeCounter();
    }

    /// <summary>One application as it stood at the end of the period.</summary>
    public void Add(Application a)
    {
        var isAccepted = _period.Contains(a.AcceptedAt);
        var isConnected = a.Status == ApplicationStatus.Connected && _period.Contains(a.ConnectedAt);
        var isWithdrawn = a.Status == ApplicationStatus.Withdrawn && _period.Contains(a.WithdrawnAt ?? a.AcceptedAt);
        var isInProgress = a.Status == ApplicationStatus.InProgress && DateOnly.FromDateTime(a.AcceptedAt) <= _period.To;
        Count(a.County, a.Utility, a.Category, a.Channel, a.Voltage, a.EContract == true, a.ApprovalMode,
            isAccepted, isConnected, isInProgress, isWithdrawn, 1);
    }

    /// <summary>Settled applications alike, counted by the store (never in progress).</summary>
    public void Add(VolumeCountRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var isConnected = row.Status == ApplicationStatus.Connected && row.ConnectedInPeriod;
        var isWithdrawn = row.Status == ApplicationStatus.Withdrawn && row.WithdrawnInPeriod;
        Count(row.County, row.Utility, row.Category, row.Channel, row.Voltage, row.EContract, row.ApprovalMode,
            row.AcceptedInPeriod, isConnected, false, isWithdrawn, row.Count);
    }

    private void Count(string county, string utility, Category category, Channel channel, Voltage voltage, bool eContract,
        ApprovalMode? mode, bool isAccepted, bool isConnected, bool isInProgress, bool isWithdrawn, int n)
    {
        if (isAccepted)
        {
            _accepted += n;
            if (channel == Channel.Online) _online += n;
            if (voltage == Voltage.Lv)
            {
                _lv += n;
                if (eContract) _eContract += n;
            }
            if (mode is { } m && m != ApprovalMode.Invalid) _modes[(int)m] += n;
        }
        if (!(isAccepted || isConnected || isWithdrawn || isInProgress)) return;

        if (!ReferenceEquals(county, _lastCountyName))
        {
            _lastCountyName = county;
            if (!_byCounty.TryGetValue(county, out _lastCounty)) _byCounty[county] = _lastCounty = new VolumeCounter();
        }
        if (!ReferenceEquals(utility, _lastUtilityName))
        {
            _lastUtilityName = utility;
            if (!_byUtility.TryGetValue(utility, out _lastUtility)) _byUtility[utility] = _lastUtility = new VolumeCounter();
        }
        var cat = _byCategory[(int)category is >= 0 and < 6 ? (int)category : 0];
        _total.Count(isAccepted, isConnected, isInProgress, isWithdrawn, n);
        cat.Count(isAccepted, isConnected, isInProgress, isWithdrawn, n);
        _lastCounty!.Count(isAccepted, isConnected, isInProgress, isWithdrawn, n);
        _lastUtility!.Count(isAccepted, isConnected, isInProgress, isWithdrawn, n);
    }

    /// <summary>The outages (filtered beforehand): one entry per (utility, outage id) that began in the period.</summary>
    public void AddOutages(IReadOnlyList<OutageStep> outages, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(policy);
        var seen = new Dictionary<(string, string), (bool Planned, bool Notified, bool OnTime)>();
        var lead = policy.Parameters.PlannedNoticeLeadDays;
        for (var i = 0; i < outages.Count; i++)
        {
            var o = outages[i];
            if (!_period.Contains(o.StartAt)) continue;
            var notified = o.NotifiedAt is not null;
            var onTime = o.NotifiedAt is { } n
                         && DateOnly.FromDateTime(o.StartAt).DayNumber - DateOnly.FromDateTime(n).DayNumber >= lead;
            var key = (o.Utility, o.OutageId);
            if (seen.TryGetValue(key, out var s))
                seen[key] = (s.Planned, s.Notified || notified, s.OnTime || onTime);
            else
                seen[key] = (o.Kind == OutageKind.Planned, notified, onTime);
        }
        _outageCount += seen.Count;
        foreach (var s in seen.Values)
        {
            if (s.Notified) _notifiedCount++;
            if (!s.Planned) continue;
            _planned++;
            if (s.OnTime) _plannedOnTime++;
        }
    }

    /// <summary>The store's counts of the period's outages (<see cref="Domain.Storage.IAnalyticsStore.OutageNotices"/>), as <see cref="AddOutages(IReadOnlyList{OutageStep}, Policy)"/> counts the steps.</summary>
    public void AddOutages(Domain.Storage.OutageNoticeCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _outageCount += checked((int)counts.Outages);
        _notifiedCount += checked((int)counts.Notified);
        _planned += checked((int)counts.Planned);
        _plannedOnTime += checked((int)counts.PlannedOnTime);
    }

    public Indicators Result() => new()
    {
        AcceptedCount = _accepted,
        OnlineCount = _online,
        LvAcceptedCount = _lv,
        LvEContractCount = _eContract,
        ApprovalModeCounts = new Dictionary<ApprovalMode, int>
        {
            [ApprovalMode.Standard] = _modes[(int)ApprovalMode.Standard],
            [ApprovalMode.NotifyCommit] = _modes[(int)ApprovalMode.NotifyCommit],
            [ApprovalMode.Filing] = _modes[(int)ApprovalMode.Filing],
            [ApprovalMode.Exempt] = _modes[(int)ApprovalMode.Exempt],
        },
        OutageCount = _outageCount,
        NotifiedOutageCount = _notifiedCount,
        PlannedOutageCount = _planned,
        PlannedOnTimeCount = _plannedOnTime,
        Volumes = _total.ToVolumes(),
        VolumesByCategory = Codes.All<Category>().ToDictionary(c => c, c => _byCategory[(int)c].ToVolumes()),
        VolumesByCounty = _byCounty.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.ToVolumes(), StringComparer.Ordinal),
        VolumesByUtility = _byUtility.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.ToVolumes(), StringComparer.Ordinal),
    };

    private sealed class VolumeCounter
    {
        public int Accepted, Connected, InProgress, Withdrawn;
        public void Count(bool accepted, bool connected, bool inProgress, bool withdrawn, int n)
        {
            if (accepted) Accepted += n;
            if (connected) Connected += n;
            if (inProgress) InProgress += n;
            if (withdrawn) Withdrawn += n;
        }

        public Volumes ToVolumes() => new(Accepted, Connected, InProgress, Withdrawn);
    }
}
