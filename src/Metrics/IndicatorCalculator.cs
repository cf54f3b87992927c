using Analytics.Domain;
using Analytics.Domain.Policy;

namespace Analytics.Metrics;

/// <summary>Computes the <see cref="Indicators"/> of a period (metrics.md §6) in one pass over each input.</summary>
public static class IndicatorCalculator
{
    /// <summary>The indicators of the applications and outages given (filter them beforehand).</summary>
    public static Indicators Compute(IReadOnlyList<Application> applications, IReadOnlyList<OutageStep> outages,
        Policy policy, MetricsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(outages);
        ArgumentNullException.ThrowIfNull(policy);
        int accepted = 0, online = 0, lv = 0, eContract = 0;
        var modes = new int[5];
        var total = new VolumeCounter();
        var byCategory = new VolumeCounter[6];
        for (var i = 0; i < byCategory.Length; i++) byCategory[i] = new VolumeCounter();
        var byCounty = new Dictionary<string, VolumeCounter>(StringComparer.Ordinal);
        var byUtility = new Dictionary<string, VolumeCounter>(StringComparer.Ordinal);
        VolumeCounter? lastCounty = null, lastUtility = null;
        string? lastCountyName = null, lastUtilityName = null;

        for (var i = 0; i < applications.Count; i++)
        {
            var a = applications[i];
            var isAccepted = period.Contains(a.AcceptedAt);
            if (isAccepted)
            {
                accepted++;
                if (a.Channel == Channel.Online) online++;
                if (a.Voltage == Voltage.Lv)
                {
                    lv++;
                    if (a.EContract == true) eContract++;
                }
                if (a.ApprovalMode is { } m && m != ApprovalMode.Invalid) modes[(int)m]++;
            }
            var isConnected = a.Status == ApplicationStatus.Connected && period.Contains(a.ConnectedAt);
            var isWithdrawn = a.Status == ApplicationStatus.Withdrawn && period.Contains(a.WithdrawnAt ?? a.AcceptedAt);
            var isInProgress = a.Status == ApplicationStatus.InProgress && DateOnly.FromDateTime(a.AcceptedAt) <= period.To;
            if (!(isAccepted || isConnected || isWithdrawn || isInProgress)) continue;

            if (!ReferenceEquals(a.County, lastCountyName))
            {
                lastCountyName = a.County;
                if (!byCounty.TryGetValue(a.County, out lastCounty)) byCounty[a.County] = lastCounty = new VolumeCounter();
            }
            if (!ReferenceEquals(a.Utility, lastUtilityName))
            {
                lastUtilityName = a.Utility;
                if (!byUtility.TryGetValue(a.Utility, out lastUtility)) byUtility[a.Utility] = lastUtility = new VolumeCounter();
            }
            var cat = byCategory[(int)a.Category is >= 0 and < 6 ? (int)a.Category : 0];
            total.Count(isAccepted, isConnected, isInProgress, isWithdrawn);
            cat.Count(isAccepted, isConnected, isInProgress, isWithdrawn);
            lastCounty!.Count(isAccepted, isConnected, isInProgress, isWithdrawn);
            lastUtility!.Count(isAccepted, isConnected, isInProgress, isWithdrawn);
        }

        // Outages: one entry per (utility, outage id) that began in the period.
        var seen = new Dictionary<(string, string), (bool Planned, bool Notified, bool OnTime)>();
        var lead = policy.Parameters.PlannedNoticeLeadDays;
        for (var i = 0; i < outages.Count; i++)
        {
            var o = outages[i];
            if (!period.Contains(o.StartAt)) continue;
            var notified = o.NotifiedAt is not null;
            var onTime = o.NotifiedAt is { } n
                         && DateOnly.FromDateTime(o.StartAt).DayNumber - DateOnly.FromDateTime(n).DayNumber >= lead;
            var key = (o.Utility, o.OutageId);
            if (seen.TryGetValue(key, out var s))
                seen[key] = (s.Planned, s.Notified || notified, s.OnTime || onTime);
            else
                seen[key] = (o.Kind == OutageKind.Planned, notified, onTime);
        }
        int outageCount = seen.Count, notifiedCount = 0, planned = 0, plannedOnTime = 0;
        foreach (var s in seen.Values)
        {
            if (s.Notified) notifiedCount++;
            if (!s.Planned) continue;
            planned++;
            if (s.OnTime) plannedOnTime++;
        }

        return new Indicators
        {
            AcceptedCount = accepted,
            OnlineCount = online,
            LvAcceptedCount = lv,
            LvEContractCount = eContract,
            ApprovalModeCounts = new Dictionary<ApprovalMode, int>
            {
                [ApprovalMode.Standard] = modes[(int)ApprovalMode.Standard],
                [ApprovalMode.NotifyCommit] = modes[(int)ApprovalMode.NotifyCommit],
                [ApprovalMode.Filing] = modes[(int)ApprovalMode.Filing],
                [ApprovalMode.Exempt] = modes[(int)ApprovalMode.Exempt],
            },
            OutageCount = outageCount,
            NotifiedOutageCount = notifiedCount,
            PlannedOutageCount = planned,
            PlannedOnTimeCount = plannedOnTime,
            Volumes = total.ToVolumes(),
            VolumesByCategory = Codes.All<Category>().ToDictionary(c => c, c => byCategory[(int)c].ToVolumes()),
            VolumesByCounty = byCounty.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.ToVolumes(), StringComparer.Ordinal),
            VolumesByUtility = byUtility.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.ToVolumes(), StringComparer.Ordinal),
        };
    }

    private sealed class VolumeCounter
    {
        public int Accepted, Connected, InProgress, Withdrawn;
        public void Count(bool accepted, bool connected, bool inProgress, bool withdrawn)
        {
            if (accepted) Accepted++;
            if (connected) Connected++;
            if (inProgress) InProgress++;
            if (withdrawn) Withdrawn++;
        }

        public Volumes ToVolumes() => new(Accepted, Connected, InProgress, Withdrawn);
    }
}
