namespace Analytics.Domain;

/// <summary>
/// A county's hand-written work-progress entry from a filed weekly ledger (工作台账, 四、1):
/// what the county reports on one task of the plan for the week due on <see cref="Thursday"/>.
/// </summary>
public sealed record LedgerNote
{
    public required string County { get; init; }
    /// <summary>The Thursday the ledger was due.</summary>
    public required DateOnly Thursday { get; init; }
    /// <summary>The task, e.g. 任务1 or a free title; the key within the week.</summary>
    public required string Task { get; init; }
    /// <summary>Progress text as the county wrote it.</summary>
    public required string Text { get; init; }
    /// <summary>Optional status word the county chose (e.g. 已完成 / 推进中).</summary>
    public string? Status { get; init; }
}
