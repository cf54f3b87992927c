using Analytics.Domain;
using Analytics.Domain.Registry;

namespace Analytics.Ingest.Ledger;

/// <summary>A county's weekly ledger as filed back (四、1): whose, for which Thursday, and its 工作进展 notes for the store.</summary>
/// <param name="County">The county, from the workbook's metadata (or title).</param>
/// <param name="Thursday">The Thursday it was due.</param>
/// <param name="Notes">One note per task row the county filled; empty rows are left out.</param>
public sealed record FiledLedger(RegistryEntry County, DateOnly Thursday, IReadOnlyList<LedgerNote> Notes);

/// <summary>What <see cref="LedgerTemplate.Read(string, Registries, Reading.InputBounds?)"/> found: the ledger, or every located error; and the file's SHA-256 when it could be read.</summary>
public sealed record LedgerReadResult(FiledLedger? Ledger, IReadOnlyList<IngestError> Errors, string? Sha256);
