using Analytics.Domain;

namespace Analytics.Reports.Ledger;

/// <summary>
/// The records as they stood at a ledger's as-of (Wednesday 24:00). The store is read on Thursday or
/// later and may already hold what happened after: a connection on Thursday morning must not appear in
/// the week's connections, and at the as-of that application was still in progress. So every time at or
/// after the week's end is removed (a connection or withdrawal after it makes the application in progress
/// again), applications accepted after it are left out, and outages are cut at it. A ledger regenerated
/// months later therefore says what the one filed on the day said, apart from corrections to the past.
/// </summary>
internal static class LedgerAsOf
{
    /// <summary>The application as at <paramref name="end"/> (exclusive), or null when accepted at or after it.</summary>
    public static Application? Rewind(Application a, DateTime end)
    {
        if (a.AcceptedAt >= end) return null;
        if (!After(a, end)) return a;
        var connected = Keep(a.ConnectedAt, end);
        var withdrawn = Keep(a.WithdrawnAt, end);
        var status = a.Status switch
        {
            ApplicationStatus.Connected when connected is null => ApplicationStatus.InProgress,
            ApplicationStatus.Withdrawn when withdrawn is null => ApplicationStatus.InProgress,
            var s => s,
        };
        return a with
        {
            Status = status,
            PlanRepliedAt = Keep(a.PlanRepliedAt, end),
            DesignReviewStart = Keep(a.DesignReviewStart, end),
            DesignReviewEnd = Keep(a.DesignReviewEnd, end),
            CustomerWorksStart = Keep(a.CustomerWorksStart, end),
            CustomerWorksEnd = Keep(a.CustomerWorksEnd, end),
            MidCheckStart = Keep(a.MidCheckStart, end),
            MidCheckEnd = Keep(a.MidCheckEnd, end),
            ExternalWorksStart = Keep(a.ExternalWorksStart, end),
            ExternalWorksEnd = Keep(a.ExternalWorksEnd, end),
            ApprovalSubmittedAt = Keep(a.ApprovalSubmittedAt, end),
            ApprovalGrantedAt = Keep(a.ApprovalGrantedAt, end),
            CompletionCheckStart = Keep(a.CompletionCheckStart, end),
            CompletionCheckEnd = Keep(a.CompletionCheckEnd, end),
            ConnectedAt = connected,
            WithdrawnAt = withdrawn,
        };
    }

    /// <summary>An outage step as at <paramref name="end"/>: null when it began at or after it, else restored no later than it.</summary>
    public static OutageStep? Cut(OutageStep s, DateTime end)
    {
        if (s.StartAt >= end) return null;
        return s.EndAt <= end ? s : s with { EndAt = end };
    }

    private static DateTime? Keep(DateTime? t, DateTime end) => t is { } v && v >= end ? null : t;

    private static bool After(Application a, DateTime end) =>
        a.PlanRepliedAt >= end || a.DesignReviewStart >= end || a.DesignReviewEnd >= end
        || a.CustomerWorksStart >= end || a.CustomerWorksEnd >= end || a.MidCheckStart >= end || a.MidCheckEnd >= end
        || a.ExternalWorksStart >= end || a.ExternalWorksEnd >= end || a.ApprovalSubmittedAt >= end
        || a.ApprovalGrantedAt >= end || a.CompletionCheckStart >= end || a.CompletionCheckEnd >= end
        || a.ConnectedAt >= end || a.WithdrawnAt >= end;
}
