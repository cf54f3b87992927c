using Analytics.Domain;

namespace Analytics.Generator.Applications;

/// <summary>
/// Turns a <see cref="SyntheticApplication"/> into the <see cref="Application"/> record a filing with a given as-of
/// shows — the same rule as <see cref="ApplicationRows"/> (times up to the as-of, the status they imply, the revised
/// filing's rewrites), without going through a file. Personal data is left out (no customer key).
/// </summary>
internal static class ApplicationRecords
{
    /// <summary>
    /// What a filing with as-of <paramref name="asOf"/> says of the end of <paramref name="a"/>: its connection (the
    /// revised filing's rewrite, none where the first filing left it to be back-filled), withdrawal, and the status
    /// they imply. Shared by the record and the template row.
    /// </summary>
    public static (DateTime? Connected, DateTime? Withdrawn, ApplicationStatus Status) State(SyntheticApplication a, DateTime asOf, bool revised)
    {
        var connected = revised && a.Rewritten ? a.RewrittenConnectedAt : a.ConnectedAt;
        if (!revised && a.BackFilled) connected = null;
        if (connected > asOf) connected = null;
        var withdrawn = a.WithdrawnAt <= asOf ? a.WithdrawnAt : null;
        var status = withdrawn is not null ? ApplicationStatus.Withdrawn
            : connected is not null ? ApplicationStatus.Connected
            : ApplicationStatus.InProgress;
        return (connected, withdrawn, status);
    }

    public static Application Record(SyntheticApplication a, DateTime asOf, bool revised)
    {
        DateTime? T(DateTime? t) => t is { } v && v <= asOf ? v : null;

        var (connected, withdrawn, status) = State(a, asOf, revised);
        var mode = a.ApprovalMode is ApprovalMode.Exempt || T(a.ApprovalSubmittedAt) is not null ? a.ApprovalMode : null;
        return new Application
        {
            ApplicationId = a.Id,
            Utility = a.Utility,
            County = a.County,
            Area = a.Area,
            CustomerType = a.CustomerType,
            Voltage = a.Voltage,
            PowerSources = a.PowerSources,
            CapacityKw = a.CapacityKw,
            ThreeZero = a.ThreeZero,
            SmallMicro = a.SmallMicro ?? false,
            ImportantUser = a.ImportantUser ?? false,
            Channel = a.Channel,
            EContract = a.EContract,
            Materials = a.Materials,
            FeeYuan = a.FeeYuan,
            CustomerInvestmentYuan = a.InvestmentYuan,
            Status = status,
            RecordCreatedAt = T(a.RecordCreatedAt),
            AcceptedAt = a.AcceptedAt,
            PlanRepliedAt = T(a.PlanRepliedAt),
            DesignReviewStart = T(a.DesignReviewStart),
            DesignReviewEnd = T(a.DesignReviewEnd),
            CustomerWorksStart = T(a.CustomerWorksStart),
            CustomerWorksEnd = T(a.CustomerWorksEnd),
            MidCheckStart = T(a.MidCheckStart),
            MidCheckEnd = T(a.MidCheckEnd),
            ExternalWorksStart = T(a.ExternalWorksStart),
            ExternalWorksEnd = T(a.ExternalWorksEnd),
            ApprovalSubmittedAt = T(a.ApprovalSubmittedAt),
            ApprovalGrantedAt = T(a.ApprovalGrantedAt),
            ApprovalMode = mode,
            CompletionCheckStart = T(a.CompletionCheckStart),
            CompletionCheckEnd = T(a.CompletionCheckEnd),
            ConnectedAt = connected,
            PausedDays = a.PausedDays,
            WithdrawnAt = withdrawn,
            PreviousApplicationId = a.PreviousApplicationId,
        };
    }
}
