using Analytics.Domain;

namespace Analytics.Generator;

/// <summary>A file the generator wrote.</summary>
/// <param name="Kind">The template it follows.</param>
/// <param name="Path">Full path.</param>
/// <param name="Rows">Data rows (the header not counted).</param>
/// <param name="AsOf">For applications filings: the instant the filing speaks of.</param>
public sealed record GeneratedFile(FilingKind Kind, string Path, long Rows, DateTime? AsOf = null);
