using Analytics.Domain;

namespace Analytics.Generator.Outages;

/// <summary>A utility × county × area class: the unit of customers served (templates.md §5).</summary>
/// <param name="Utility">Registry code.</param>
/// <param name="County">Registry code.</param>
/// <param name="Area">Area class.</param>
/// <param name="BaseCustomers">Customers before scaling to the number of outages.</param>
/// <param name="SaidiFactor">The county's SAIDI relative to its area class, normalised so the class's pooled SAIDI is the design.</param>
internal sealed record ServiceGroup(string Utility, string County, Area Area, double BaseCustomers, double SaidiFactor);
