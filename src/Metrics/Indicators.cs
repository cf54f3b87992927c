using Analytics.Domain;

namespace Analytics.Metrics;

/// <summary>
/// The indicators the plan reports without a fixed target (metrics.md §6). Shares are fractions 0–1, null when the
/// denominator is 0.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>线上办理率 (任务5) = applications accepted in the period with channel online / applications accepted in the period.</item>
/// <item>电子合同率 (任务5) = lv applications accepted in the period with e_contract = Y / lv applications accepted in the period
/// (a missing e_contract counts as no: not evidenced).</item>
/// <item>审批方式 (目标1): applications accepted in the period with an approval_mode, share of each mode.</item>
/// <item>停电通知 (任务10): outages (distinct utility + outage_id) that began in the period; share with notified_at on any step;
/// of the planned ones, share notified at least <c>PlannedNoticeLeadDays</c> calendar days before the start
/// (date(start_at) − date(notified_at) ≥ lead days; no notice = not on time).</item>
/// </list>
/// </remarks>
public sealed record Indicators
{
    public required int AcceptedCount { get; init; }
    public required int OnlineCount { get; init; }
    /// <summary>线上办理率.</summary>
    public double? OnlineShare => AcceptedCount == 0 ? null : (double)OnlineCount / AcceptedCount;

    public required int LvAcceptedCount { get; init; }
    public required int LvEContractCount { get; init; }
    /// <summary>低压电子合同率.</summary>
    public double? EContractShareLv => LvAcceptedCount == 0 ? null : (double)LvEContractCount / LvAcceptedCount;

    /// <summary>Applications with an approval mode, by mode (every mode present, zero when none).</summary>
    public required IReadOnlyDictionary<ApprovalMode, int> ApprovalModeCounts { get; init; }
    /// <summary>Share of each approval mode; empty when no application had one.</summary>
    public IReadOnlyDictionary<ApprovalMode, double> ApprovalModeShares
    {
        get
        {
            var total = ApprovalModeCounts.Values.Sum();
            return total == 0 ? new Dictionary<ApprovalMode, double>()
                : ApprovalModeCounts.ToDictionary(kv => kv.Key, kv => (double)kv.Value / total);
        }
    }

    public required int OutageCount { get; init; }
    public required int NotifiedOutageCount { get; init; }
    /// <summary>停电通知率.</summary>
    public double? OutageNoticeShare => OutageCount == 0 ? null : (double)NotifiedOutageCount / OutageCount;

    public required int PlannedOutageCount { get; init; }
    public required int PlannedOnTimeCount { get; init; }
    /// <summary>计划停电提前通知及时率.</summary>
    public double? PlannedNoticeOnTimeShare => PlannedOutageCount == 0 ? null : (double)PlannedOnTimeCount / PlannedOutageCount;

    /// <summary>Volumes of the whole selection.</summary>
    public required Volumes Volumes { get; init; }
    /// <summary>Volumes by category (every category present).</summary>
    public required IReadOnlyDictionary<Category, Volumes> VolumesByCategory { get; init; }
    /// <summary>Volumes by county code (counties with any application).</summary>
    public required IReadOnlyDictionary<string, Volumes> VolumesByCounty { get; init; }
    /// <summary>Volumes by utility code (utilities with any application).</summary>
    public required IReadOnlyDictionary<string, Volumes> VolumesByUtility { get; init; }
}
