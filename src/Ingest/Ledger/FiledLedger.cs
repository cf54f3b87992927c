using Analytics.Domain;
using Analytics.Domain.Registry;

namespace Analytics.Ingest.Ledger;

/// <summary>A county's weekly ledger as filed back (四、1): whose, for which Thursday, and its 工作进展 notes for the store.</summary>
/// <param name="County">The county, from the workbook's metadata (or title).</param>
/// <param name="Thursday">The Thursday it was due.</param>
/// <param name="Notes">One note per task row the county filled; empty rows are left out.</param>
/// <param name="Signature">The signature block (names masked, the phone checked and dropped); null only for a ledger with no progress and no signature.</param>
public sealed record FiledLedger(RegistryEntry County, DateOnly Thursday, IReadOnlyList<LedgerNote> Notes, LedgerSignature? Signature = null)
{
    /// <summary>The 工作进展 row (1-based) of each task key read, for errors found after reading (an unknown 整改N item).</summary>
    public IReadOnlyDictionary<string, int> TaskRows { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>What goes into the store: the progress notes, then the signature note when there is one.</summary>
    public IReadOnlyList<LedgerNote> StoredNotes =>
        Signature is null ? Notes : [.. Notes, Signature.ToNote(County.Code, Thursday)];
}

/// <summary>What <see cref="LedgerTemplate.Read(string, Registries, Reading.InputBounds?, Analytics.Domain.Policy.Policy?)"/> found: the ledger, or every located error; and the file's SHA-256 when it could be read.</summary>
public sealed record LedgerReadResult(FiledLedger? Ledger, IReadOnlyList<IngestError> Errors, string? Sha256);
