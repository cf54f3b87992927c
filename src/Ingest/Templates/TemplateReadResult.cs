namespace Analytics.Ingest.Templates;

/// <summary>What reading a whole template file gave: its good records (when kept), every error and warning.</summary>
public sealed record TemplateReadResult
{
    public required string Path { get; init; }
    /// <summary>Null when the file could not be read at all.</summary>
    public string? Sha256 { get; init; }
    /// <summary>Good records in file order (empty when not kept).</summary>
    public required IReadOnlyList<object> Records { get; init; }
    /// <summary>Every error: of the file, then of the rows in file order.</summary>
    public required IReadOnlyList<IngestError> Errors { get; init; }
    public required IReadOnlyList<IngestWarning> Warnings { get; init; }
    /// <summary>Every error found, also those beyond the kept maximum.</summary>
    public int ErrorCount { get; init; }
    /// <summary>Non-empty data rows read.</summary>
    public int RowsRead { get; init; }
    /// <summary>Rows with at least one error.</summary>
    public int RowsRejected { get; init; }
    /// <summary>True when an error concerns the whole file (nothing can load, even partially).</summary>
    public bool FileRejected { get; init; }
    /// <summary>The newest instant the good records report (default as-of); null when none or the kind has none.</summary>
    public DateTime? Newest { get; init; }
    /// <summary>Group key → first bad row, for groups (outages) with a bad row.</summary>
    public required IReadOnlyDictionary<string, int> BadGroups { get; init; }
}
