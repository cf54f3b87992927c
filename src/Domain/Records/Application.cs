namespace Analytics.Domain;

/// <summary>
/// One application for connection (用电报装工单), as validated from the <c>applications</c>
/// template (templates.md §3). All instants are China local time (UTC+8) with
/// <see cref="DateTimeKind.Unspecified"/>. Personal data never reaches this type: only
/// <see cref="CustomerKey"/>, a keyed hash.
/// </summary>
public sealed record Application
{
    /// <summary>Unique within the utility; the record key is (<see cref="Utility"/>, <see cref="ApplicationId"/>).</summary>
    public required string ApplicationId { get; init; }
    /// <summary>Utility code from the registry, e.g. <c>sgcc-linfen</c>.</summary>
    public required string Utility { get; init; }
    /// <summary>County code from the registry, e.g. <c>yaodu</c>.</summary>
    public required string County { get; init; }
    public required Area Area { get; init; }
    public required CustomerType CustomerType { get; init; }
    public required Voltage Voltage { get; init; }
    /// <summary>1 or 2; empty in the file means 1.</summary>
    public int PowerSources { get; init; } = 1;
    public required decimal CapacityKw { get; init; }
    public required bool ThreeZero { get; init; }
    public bool SmallMicro { get; init; }
    public bool ImportantUser { get; init; }
    public required Channel Channel { get; init; }
    /// <summary>Null when not given.</summary>
    public bool? EContract { get; init; }
    /// <summary>Null when not given.</summary>
    public Materials? Materials { get; init; }
    public decimal? FeeYuan { get; init; }
    public decimal? CustomerInvestmentYuan { get; init; }
    public required ApplicationStatus Status { get; init; }
    public DateTime? RecordCreatedAt { get; init; }
    /// <summary>Start of the clock.</summary>
    public required DateTime AcceptedAt { get; init; }
    public DateTime? PlanRepliedAt { get; init; }
    public DateTime? DesignReviewStart { get; init; }
    public DateTime? DesignReviewEnd { get; init; }
    public DateTime? CustomerWorksStart { get; init; }
    public DateTime? CustomerWorksEnd { get; init; }
    public DateTime? MidCheckStart { get; init; }
    public DateTime? MidCheckEnd { get; init; }
    public DateTime? ExternalWorksStart { get; init; }
    public DateTime? ExternalWorksEnd { get; init; }
    public DateTime? ApprovalSubmittedAt { get; init; }
    public DateTime? ApprovalGrantedAt { get; init; }
    public ApprovalMode? ApprovalMode { get; init; }
    public DateTime? CompletionCheckStart { get; init; }
    public DateTime? CompletionCheckEnd { get; init; }
    /// <summary>End of the clock; required when connected, absent when withdrawn.</summary>
    public DateTime? ConnectedAt { get; init; }
    /// <summary>Working days paused at the customer's request.</summary>
    public int PausedDays { get; init; }
    public DateTime? WithdrawnAt { get; init; }
    public string? PreviousApplicationId { get; init; }
    /// <summary>Keyed hash of the customer's name, ID number and phone; null when none were given.</summary>
    public string? CustomerKey { get; init; }
    /// <summary>Masked name for reports, e.g. <c>张*</c>; never the clear name.</summary>
    public string? CustomerMask { get; init; }

    /// <summary>The derived category of metrics.md §2.</summary>
    public Category Category => CategoryRules.Derive(CustomerType, Voltage, PowerSources, ThreeZero);

    /// <summary>True for 10kV and above.</summary>
    public bool IsHighVoltage => Voltage >= Voltage.Kv10;

    /// <summary>The stages with any time recorded (metrics.md §3). Accept is always present.</summary>
    public StageSet Stages
    {
        get
        {
            var s = StageSet.Of(Stage.Accept);
            if (PlanRepliedAt is not null) s = s.With(Stage.Plan);
            if (DesignReviewStart is not null || DesignReviewEnd is not null) s = s.With(Stage.DesignReview);
            if (MidCheckStart is not null || MidCheckEnd is not null) s = s.With(Stage.MidCheck);
            if (ExternalWorksStart is not null || ExternalWorksEnd is not null) s = s.With(Stage.ExternalWorks);
            if (CompletionCheckStart is not null || CompletionCheckEnd is not null) s = s.With(Stage.CompletionCheck);
            if (ConnectedAt is not null) s = s.With(Stage.Connect);
            return s;
        }
    }
}
