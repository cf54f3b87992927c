namespace Analytics.Generator;

/// <summary>
/// A utility's service territory in one county: its share of applications, its customers
/// served (before scaling to the number of outages) and its mix of area classes.
/// </summary>
/// <param name="Utility">Registry code, e.g. <c>sgcc-linfen</c>.</param>
/// <param name="County">Registry code, e.g. <c>yaodu</c>.</param>
/// <param name="ApplicationWeight">Relative share of applications.</param>
/// <param name="Customers">Customers served at the start of the data, before scaling.</param>
/// <param name="Areas">Mix of area classes, for applications and customers alike.</param>
public sealed record Territory(string Utility, string County, double ApplicationWeight, int Customers, AreaMix Areas);
