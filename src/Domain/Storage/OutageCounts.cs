namespace Analytics.Domain.Storage;

/// <summary>
/// The outage steps of one window [start, end) summed by the store for one (utility, county, area) cell, as the
/// reliability calculation sums them (metrics.md §5): for a step longer than the short-interruption bound, its customers ×
/// the seconds of it inside the window (in total and by kind and cause) and, when it starts in the window, its customers
/// interrupted; for a short one starting in the window, one short interruption and its customers. A cell is given only
/// when some step counts in it (it has outages in the window).
/// </summary>
/// <param name="Utility">Utility code.</param>
/// <param name="County">County code.</param>
/// <param name="Area">Area class.</param>
/// <param name="CustomerSeconds">Customers × seconds interrupted inside the window.</param>
/// <param name="PlannedCustomerSeconds">The part of planned outages.</param>
/// <param name="FaultCustomerSeconds">The part of faults.</param>
/// <param name="ExternalCustomerSeconds">The part caused externally.</param>
/// <param name="ShortageCustomerSeconds">The part caused by a supply shortage.</param>
/// <param name="Interrupted">Customers of the long steps that start in the window.</param>
/// <param name="ShortCount">Short steps that start in the window.</param>
/// <param name="ShortCustomers">Their customers.</param>
public sealed record OutageCellRow(
    string Utility,
    string County,
    Area Area,
    long CustomerSeconds,
    long PlannedCustomerSeconds,
    long FaultCustomerSeconds,
    long ExternalCustomerSeconds,
    long ShortageCustomerSeconds,
    long Interrupted,
    long ShortCount,
    long ShortCustomers);

/// <summary>
/// The outages (by utility and outage id) with a step starting in a period, as the indicators count them (metrics.md §6):
/// how many, how many with a notice on some step, how many planned (by the kind of their first step in the period), and
/// how many of those with a notice the lead days ahead on some step.
/// </summary>
public sealed record OutageNoticeCounts(long Outages, long Notified, long Planned, long PlannedOnTime);
