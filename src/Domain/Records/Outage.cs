namespace Analytics.Domain;

/// <summary>
/// One row of the <c>outages</c> template (templates.md §4): an outage, or one restoration step of it.
/// Rows sharing (<see cref="Utility"/>, <see cref="OutageId"/>) are steps of one outage and agree on
/// utility, county, area, kind and start.
/// </summary>
/// <remarks>The interval is (<see cref="StartAt"/>, <see cref="EndAt"/>]; <see cref="Customers"/> were restored at <see cref="EndAt"/>.</remarks>
public sealed record OutageStep
{
    public required string OutageId { get; init; }
    public required string Utility { get; init; }
    public required string County { get; init; }
    public required Area Area { get; init; }
    public string? Feeder { get; init; }
    public required OutageKind Kind { get; init; }
    public OutageCause Cause { get; init; } = OutageCause.Internal;
    public required DateTime StartAt { get; init; }
    public required DateTime EndAt { get; init; }
    public required int Customers { get; init; }
    public DateTime? NotifiedAt { get; init; }
    public NotifyChannels NotifyChannels { get; init; }
    /// <summary>Position of the step within its outage as filed (1-based row order); part of the key.</summary>
    public int Step { get; init; } = 1;
}
