namespace Analytics.Metrics;

/// <summary>
/// The process times of an application record (the template's stage-time columns), as integrity evidence names them;
/// their Chinese names are the template's column headers (Analytics.Reports <c>Wording</c>).
/// </summary>
public enum ProcessTime
{
    Invalid = 0,
    AcceptedAt = 1,
    PlanRepliedAt = 2,
    DesignReviewStart = 3,
    DesignReviewEnd = 4,
    CustomerWorksStart = 5,
    CustomerWorksEnd = 6,
    MidCheckStart = 7,
    MidCheckEnd = 8,
    ExternalWorksStart = 9,
    ExternalWorksEnd = 10,
    ApprovalSubmittedAt = 11,
    ApprovalGrantedAt = 12,
    CompletionCheckStart = 13,
    CompletionCheckEnd = 14,
    ConnectedAt = 15,
}
