namespace Analytics.Domain;

/// <summary>
/// One load of one file (a filing): what it was, when it speaks of (<see cref="AsOf"/>), and what it did.
/// </summary>
public sealed record Filing
{
    public long Id { get; init; }
    public required FilingKind Kind { get; init; }
    public required string FileName { get; init; }
    /// <summary>SHA-256 of the file's bytes, lower-case hex. Loading the same bytes again changes nothing.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The filing's as-of instant: what the filer knew then (default: the newest stage time in the file).</summary>
    public required DateTime AsOf { get; init; }
    public required DateTime LoadedAt { get; init; }
    /// <summary>Rows read (good and bad).</summary>
    public int RowsRead { get; init; }
    /// <summary>Rows stored as new records or new revisions.</summary>
    public int RowsChanged { get; init; }
    /// <summary>Rows identical to what was stored.</summary>
    public int RowsUnchanged { get; init; }
    /// <summary>Rows rejected (only with accept-partial).</summary>
    public int RowsRejected { get; init; }
}

/// <summary>
/// One stored revision of an application. Revision 1 is the first filing that carried it; a later
/// filing whose row differs adds revision 2, and so on. Earlier revisions are kept: they are the
/// evidence for 改写 and 后补 (metrics.md §7).
/// </summary>
public sealed record ApplicationRevision(Application Record, int Revision, long FilingId, DateTime FilingAsOf);
