namespace Analytics.Domain.Registry;

/// <summary>A county (县（市、区）) or a utility (供电企业) of the registry.</summary>
/// <param name="Code">Stable English code, e.g. <c>yaodu</c>.</param>
/// <param name="Name">Full Chinese name, e.g. <c>尧都区</c>.</param>
/// <param name="ShortName">Short Chinese name for narrow table columns.</param>
/// <param name="Aliases">Other accepted spellings.</param>
public sealed record RegistryEntry(string Code, string Name, string ShortName, IReadOnlyList<string> Aliases);
