using Analytics.Domain;
using Analytics.Generator.People;

namespace Analytics.Generator.Applications;

/// <summary>
/// The whole truth about one synthetic application: every field of the template as it really
/// happened (times may lie after a filing's as-of; a filing shows what was known then), the
/// person, and which problems were injected. Fields, not properties: it is a scratch record of
/// the simulator, rebuilt for every application.
/// </summary>
internal sealed class SyntheticApplication
{
    public string Id = "";
    public string Utility = "";
    public string County = "";
    public Area Area;
    public Category Category;
    public CustomerType CustomerType;
    public Voltage Voltage;
    /// <summary>1 or 2; <see cref="WritePowerSources"/> false leaves the cell empty (= 1).</summary>
    public int PowerSources = 1;
    public bool WritePowerSources;
    public decimal CapacityKw;
    public bool ThreeZero;
    public bool? SmallMicro;
    public bool? ImportantUser;
    public Channel Channel;
    public bool? EContract;
    public Materials? Materials;
    public decimal? FeeYuan;
    public decimal? InvestmentYuan;

    public DateTime? RecordCreatedAt;
    public DateTime AcceptedAt;
    public DateTime? PlanRepliedAt;
    public DateTime? DesignReviewStart;
    public DateTime? DesignReviewEnd;
    public DateTime? CustomerWorksStart;
    public DateTime? CustomerWorksEnd;
    public DateTime? MidCheckStart;
    public DateTime? MidCheckEnd;
    public DateTime? ExternalWorksStart;
    public DateTime? ExternalWorksEnd;
    public DateTime? ApprovalSubmittedAt;
    public DateTime? ApprovalGrantedAt;
    public ApprovalMode? ApprovalMode;
    public DateTime? CompletionCheckStart;
    public DateTime? CompletionCheckEnd;
    public DateTime? ConnectedAt;
    public int PausedDays;
    public DateTime? WithdrawnAt;
    public WithdrawalKind Withdrawal;
    public string? PreviousApplicationId;
    public Person Person = new("", null, null);

    // What was injected (ground truth for tests and for checking the findings).
    public bool OutOfOrder;
    public bool EnteredLate;
    public bool RecordAfterConnection;
    public bool RewalkFirst;
    public bool RewalkSecond;
    public bool LateReapplicationSecond;
    public bool Stalled;
    /// <summary>Gaming injected (<see cref="GeneratorOptions.GameUtility"/>): an over-limit duration set to the limit day.</summary>
    public bool Gamed;
    /// <summary>The revised filing shows <see cref="RewrittenConnectedAt"/> instead of the connected_at the first filing showed.</summary>
    public bool Rewritten;
    public DateTime? RewrittenConnectedAt;
    /// <summary>The first filing hides the connection (shows the application in progress).</summary>
    public bool BackFilled;
    /// <summary>The revised filing carries the row again, unchanged.</summary>
    public bool RefiledUnchanged;

    /// <summary>When the utility's system knew of the application.</summary>
    public DateTime KnownFrom => RecordCreatedAt ?? AcceptedAt;

    public bool IsHighVoltage => Voltage >= Voltage.Kv10;

    /// <summary>True when any time of the application lies in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public bool ChangedBetween(DateTime from, DateTime to)
    {
        return In(RecordCreatedAt) || In(AcceptedAt) || In(PlanRepliedAt) || In(DesignReviewStart) || In(DesignReviewEnd)
            || In(CustomerWorksStart) || In(CustomerWorksEnd) || In(MidCheckStart) || In(MidCheckEnd)
            || In(ExternalWorksStart) || In(ExternalWorksEnd) || In(ApprovalSubmittedAt) || In(ApprovalGrantedAt)
            || In(CompletionCheckStart) || In(CompletionCheckEnd) || In(ConnectedAt) || In(WithdrawnAt);

        bool In(DateTime? t) => t is { } v && v > from && v <= to;
    }

    /// <summary>Drops every time after <paramref name="cut"/> (a withdrawal stops the process).</summary>
    public void DropAfter(DateTime cut)
    {
        static DateTime? Keep(DateTime? t, DateTime cut) => t is { } v && v > cut ? null : t;
        PlanRepliedAt = Keep(PlanRepliedAt, cut);
        DesignReviewStart = Keep(DesignReviewStart, cut);
        DesignReviewEnd = Keep(DesignReviewEnd, cut);
        CustomerWorksStart = Keep(CustomerWorksStart, cut);
        CustomerWorksEnd = Keep(CustomerWorksEnd, cut);
        MidCheckStart = Keep(MidCheckStart, cut);
        MidCheckEnd = Keep(MidCheckEnd, cut);
        ExternalWorksStart = Keep(ExternalWorksStart, cut);
        ExternalWorksEnd = Keep(ExternalWorksEnd, cut);
        ApprovalSubmittedAt = Keep(ApprovalSubmittedAt, cut);
        ApprovalGrantedAt = Keep(ApprovalGrantedAt, cut);
        CompletionCheckStart = Keep(CompletionCheckStart, cut);
        CompletionCheckEnd = Keep(CompletionCheckEnd, cut);
        ConnectedAt = null;
        if (ApprovalSubmittedAt is null) ApprovalMode = ApprovalMode == Domain.ApprovalMode.Exempt ? ApprovalMode : null;
    }

    /// <summary>
    /// The stage that precedes connection in the chain of metrics.md §3 (accept → plan → design
    /// review → mid check → external works → completion check → connect): its start (or its only
    /// instant) and end. Null when only acceptance precedes connection.
    /// </summary>
    public (DateTime Start, DateTime End)? StageBeforeConnection()
    {
        if (CompletionCheckEnd is { } cce) return (CompletionCheckStart ?? cce, cce);
        if (ExternalWorksEnd is { } ee) return (ExternalWorksStart ?? ee, ee);
        if (MidCheckEnd is { } me) return (MidCheckStart ?? me, me);
        if (DesignReviewEnd is { } de) return (DesignReviewStart ?? de, de);
        if (PlanRepliedAt is { } p) return (p, p);
        return null;
    }
}
