namespace Analytics.Generator.People;

/// <summary>The personal data of a synthetic customer (templates.md §3: customer_name, id_number, phone).</summary>
/// <remarks>Invented, never real: the ingest replaces them by a keyed hash, the hashing path is what they exercise.</remarks>
internal sealed record Person(string Name, string? IdNumber, string? Phone);
