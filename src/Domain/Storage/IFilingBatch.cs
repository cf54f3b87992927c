namespace Analytics.Domain.Storage;

/// <summary>
/// Several filings written and committed together, in one transaction under the store's write lock:
/// the files of one <c>ingest</c> command stand or fall together (a store failure on the second file
/// leaves the first unstored too). Disposing the batch without <see cref="Commit"/> leaves the store
/// exactly as it was.
/// </summary>
/// <remarks>
/// One writer at a time: <see cref="BeginFiling"/> again only after the previous writer was committed
/// or disposed. A writer disposed without its commit abandons the whole batch: <see cref="Commit"/>
/// then refuses. <see cref="FindFiling"/> runs under the batch's lock and sees the batch's own
/// filings, so two processes loading the same file at once end with one filing: the second finds the
/// first's.
/// </remarks>
public interface IFilingBatch : IDisposable
{
    /// <summary>The filing of the same kind and SHA-256, stored or written earlier in this batch.</summary>
    Filing? FindFiling(FilingKind kind, string sha256);

    /// <summary>Starts the next filing of the batch; its <see cref="IFilingWriter.Commit"/> records it in the batch.</summary>
    /// <exception cref="DuplicateFilingException">A filing of this kind with this SHA-256 is already stored or in the batch.</exception>
    IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false);

    /// <summary>
    /// Records, with the batch, the fingerprint of the customer key its filings were keyed with: the
    /// first one recorded stays the store's. Nothing changes when the same fingerprint is recorded.
    /// </summary>
    /// <exception cref="CustomerKeyMismatchException">The store recorded another key's fingerprint.</exception>
    void RecordCustomerKeyFingerprint(string fingerprint);

    /// <summary>Makes every filing of the batch visible at once.</summary>
    /// <exception cref="InvalidOperationException">A filing of the batch was abandoned (its writer disposed uncommitted).</exception>
    void Commit();
}
