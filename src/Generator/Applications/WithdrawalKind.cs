namespace Analytics.Generator.Applications;

/// <summary>How an application is withdrawn, decided when it is generated.</summary>
internal enum WithdrawalKind
{
    None = 0,
    /// <summary>Withdrawn; nothing follows.</summary>
    Plain = 1,
    /// <summary>Withdrawn near its limit and filed again within 30 days (重走流程).</summary>
    Rewalk = 2,
    /// <summary>Withdrawn and filed again 35–80 days later (not a finding).</summary>
    LateReapplication = 3,
}
