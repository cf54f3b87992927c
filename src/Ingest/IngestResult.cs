using Analytics.Domain;

namespace Analytics.Ingest;

/// <summary>The outcome of <see cref="FileIngestor.Ingest"/> for one file, with every count and located error.</summary>
public sealed record IngestResult
{
    public required FilingKind Kind { get; init; }
    /// <summary>The file as the caller named it.</summary>
    public required string Path { get; init; }
    public required IngestOutcome Outcome { get; init; }
    /// <summary>SHA-256 of the file's bytes; null when it could not be read.</summary>
    public string? Sha256 { get; init; }
    /// <summary>The committed filing (Loaded, PartiallyLoaded) or the earlier one (AlreadyLoaded).</summary>
    public Filing? Filing { get; init; }
    /// <summary>The as-of instant used (or that would have been used).</summary>
    public DateTime? AsOf { get; init; }
    /// <summary>Non-empty data rows read.</summary>
    public int RowsRead { get; init; }
    /// <summary>Rows handed to the store.</summary>
    public int RowsLoaded { get; init; }
    /// <summary>Rows with errors (refused; with accept-partial, written to the rejects file).</summary>
    public int RowsRejected { get; init; }
    /// <summary>All errors found (<see cref="Errors"/> keeps at most <see cref="IngestOptions.MaxErrors"/>).</summary>
    public int ErrorCount { get; init; }
    public IReadOnlyList<IngestError> Errors { get; init; } = [];
    public IReadOnlyList<IngestWarning> Warnings { get; init; } = [];
    /// <summary>For a ledger file: whose and for which Thursday (read before the already-loaded check); null for the other kinds.</summary>
    public Ledger.FiledLedger? Ledger { get; init; }
    /// <summary>The rejects CSV written, if any.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>True when the store changed.</summary>
    public bool Changed => Outcome is IngestOutcome.Loaded or IngestOutcome.PartiallyLoaded;
}
