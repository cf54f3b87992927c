namespace Analytics.Generator;

/// <summary>
/// The rates at which the generator injects the integrity problems of metrics.md §7 (任务4:
/// 如实记录…禁止"体外循环"、后补流程或重走流程) and the other irregularities a real ledger has.
/// Each rate is a probability over the population named in its remarks, so a test can count
/// the population and the injected rows and compare; <see cref="GroundTruth"/> reports both.
/// </summary>
public static class InjectionRates
{
    /// <summary>
    /// 时序异常: connected_at recorded before the end of the stage that precedes it. Population:
    /// connected applications that record a stage between acceptance and connection (plan reply,
    /// design review, mid check, external works or completion check).
    /// </summary>
    public const double OutOfOrder = 0.04;

    /// <summary>
    /// 体外循环: record_created_at 2–6 working days after accepted_at (more than the 1 allowed),
    /// still before connection or withdrawal. Population: applications not drawn for
    /// <see cref="RecordAfterConnection"/> with at least 3 working days between acceptance and
    /// connection, withdrawal or the end of the data.
    /// </summary>
    public const double EnteredLate = 0.02;

    /// <summary>
    /// 后补流程: record_created_at after connected_at (0–3 working days later). Population:
    /// applications connected at least 3 working days before the end of the data.
    /// </summary>
    public const double RecordAfterConnection = 0.006;

    /// <summary>
    /// 重走流程: an application withdrawn near its time limit and filed again by the same person
    /// within 30 days (1–20 calendar days, moved to a working day). Population: all applications
    /// (the first of each pair is drawn at this rate).
    /// </summary>
    public const double Rewalk = 0.01;

    /// <summary>Share of 重走流程 re-applications that name the withdrawn one in previous_application_id.</summary>
    public const double RewalkNamesPrevious = 0.5;

    /// <summary>
    /// A withdrawal followed by a new application of the same person 35–80 days later: outside the
    /// 30-day window, so not a finding (a control for the rule). Population: all applications.
    /// </summary>
    public const double LateReapplication = 0.003;

    /// <summary>Plain withdrawals (no new application follows). Population: all applications.</summary>
    public const double Withdrawn = 0.015;

    /// <summary>
    /// 改写: the revised filing changes the connected_at already reported in the first filing.
    /// Population: applications connected at the first filing's as-of.
    /// </summary>
    public const double Rewritten = 0.015;

    /// <summary>
    /// 后补流程 (second form): the first filing shows the application in progress although it was
    /// connected; the revised filing reports the connection with its earlier time. Population:
    /// applications connected in the 90 days before the first filing's as-of (up to two days before
    /// it, so the time is before the filing's as-of however that is taken).
    /// </summary>
    public const double BackFilledConnection = 0.03;

    /// <summary>Window of <see cref="BackFilledConnection"/>, calendar days before the first as-of.</summary>
    public const int BackFilledWindowDays = 90;

    /// <summary>
    /// Re-filed unchanged in the revised filing (a loader must count them as unchanged). Population:
    /// applications connected in the 60 days before the first filing's as-of.
    /// </summary>
    public const double RefiledUnchanged = 0.02;

    /// <summary>Window of <see cref="RefiledUnchanged"/>, calendar days before the first as-of.</summary>
    public const int RefiledWindowDays = 60;

    /// <summary>Applications with no record_created_at (the column is optional). Population: all.</summary>
    public const double RecordCreatedMissing = 0.02;

    /// <summary>
    /// Applications whose customer works drag on for 120–400 working days, so they stay in progress
    /// for months (what the risk view looks for). Population: lv other and HV applications
    /// (those with customer works).
    /// </summary>
    public const double Stalled = 0.03;

    /// <summary>Applications with 1–5 working days paused at the customer's request. Population: all.</summary>
    public const double Paused = 0.03;
}
