using Analytics.Domain.Storage;

namespace Analytics.Metrics;

/// <summary>
/// 现场核查不一致 (<c>field_discrepancy</c>, Analytics.Oversight): a spot check of draw <see cref="DrawId"/> found
/// <see cref="Field"/> on record as <see cref="RecordedValue"/> where the customer said <see cref="CustomerValue"/>.
/// </summary>
public sealed record FieldDiscrepancyEvidence(string DrawId, string? Field, string? RecordedValue, string? CustomerValue) : FindingEvidence;

/// <summary>
/// 整改逾期 (<c>rectification_overdue</c>, Analytics.Oversight): rectification item <see cref="ItemId"/> (its problem
/// and responsible unit as filed) was due on <see cref="Deadline"/> and is still <see cref="Status"/> on <see cref="AsOf"/>.
/// </summary>
public sealed record OverdueRectificationEvidence(
    long ItemId, string Problem, string ResponsibleUnit, DateOnly Deadline, DateOnly AsOf, RectificationStatus Status) : FindingEvidence;
