namespace Analytics.Metrics;

/// <summary>
/// Application volumes of a period (metrics.md §6): accepted (accepted_at in the period), connected (connected_at in the
/// period), withdrawn (withdrawn_at in the period, or accepted_at when a withdrawn record has no withdrawal time), and in
/// progress (status in_progress and accepted on or before the period's last day — the backlog at the end).
/// </summary>
public sealed record Volumes(int Accepted, int Connected, int InProgress, int Withdrawn);
