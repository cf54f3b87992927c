namespace Analytics.Generator.Outages;

/// <summary>The outages and the customers served they are measured against.</summary>
internal sealed record OutagePlan(IReadOnlyList<SyntheticOutage> Outages, IReadOnlyList<CustomerSnapshot> Customers, double CustomerScale);
