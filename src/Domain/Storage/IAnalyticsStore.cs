namespace Analytics.Domain.Storage;

/// <summary>
/// The store behind every command: the embedded store (SQLite) or PostgreSQL, one contract.
/// Writes happen only through a <see cref="IFilingWriter"/>, which is atomic: nothing is visible
/// until <see cref="IFilingWriter.Commit"/>, and disposing an uncommitted writer (or a killed
/// process) leaves the store exactly as it was. Several filings that must stand or fall together (the
/// files of one <c>ingest</c> command) go through one <see cref="IFilingBatch"/>.
/// </summary>
/// <remarks>
/// Writers are serialized: a filing or batch holds the store's write lock (SQLite's single writer,
/// PostgreSQL's advisory lock) from its start to its commit. Another writer waits for it at most the
/// store's busy timeout (<c>ANALYTICS_BUSY_TIMEOUT</c> seconds, default 30), then gets a
/// <see cref="StoreBusyException"/>. A store is recognised by its marker (table <c>analytics_meta</c>);
/// a database that holds other tables and no marker is refused, never written to.
/// </remarks>
public interface IAnalyticsStore : IDisposable
{
    /// <summary>A one-line description for messages, with no password: e.g. <c>SQLite ./analytics.db</c>.</summary>
    string Description { get; }

    /// <summary>Creates or migrates the schema to the current version. Idempotent.</summary>
    void EnsureSchema();

    /// <summary>The filing of the same kind with the same SHA-256, if that exact file was loaded before.</summary>
    Filing? FindFiling(FilingKind kind, string sha256);

    /// <summary>
    /// Starts a batch: filings written through it become visible together at <see cref="IFilingBatch.Commit"/>,
    /// or not at all. The batch holds the write lock until it is committed or disposed.
    /// </summary>
    /// <exception cref="StoreBusyException">Another writer held the store longer than the busy timeout.</exception>
    IFilingBatch BeginBatch();

    /// <summary>
    /// The fingerprint of the customer key recorded with the store (<see cref="IFilingBatch.RecordCustomerKeyFingerprint"/>),
    /// null when none is recorded yet.
    /// </summary>
    string? CustomerKeyFingerprint();

    /// <summary>True when some stored application carries a customer key (made with the installation's key).</summary>
    bool HoldsCustomerKeys();

    /// <summary>Starts an atomic filing (a batch of one, committed by <see cref="IFilingWriter.Commit"/>). Rows stream in through the writer; memory does not grow with the file.</summary>
    /// <param name="kind">What the filing holds.</param>
    /// <param name="fileName">The file's name, as recorded with the filing.</param>
    /// <param name="sha256">The file's SHA-256 (what makes a filing idempotent).</param>
    /// <param name="asOf">What the filing is known at.</param>
    /// <param name="loadedAt">When it was loaded.</param>
    /// <param name="distinctKeys">
    /// The caller has checked that no key comes twice in this filing (the ingest's duplicate-key rule does),
    /// so the store may skip its own handling of a key given twice (keep its last row) and load faster. A key
    /// given twice all the same makes the filing fail (nothing stored) or keeps the last row, never both.
    /// </param>
    /// <exception cref="DuplicateFilingException">A filing of this kind with this SHA-256 is already stored.</exception>
    IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false);

    /// <summary>Every filing, oldest first.</summary>
    IReadOnlyList<Filing> Filings();

    /// <summary>
    /// Every stored revision of every application, ordered by (utility, application id, revision).
    /// With <paramref name="knownAt"/>, only revisions from filings whose as-of is at or before it.
    /// </summary>
    IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null);

    /// <summary>
    /// The latest revision of each application (as known at <paramref name="knownAt"/> when given),
    /// streamed; ordered by (utility, application id).
    /// </summary>
    IEnumerable<Application> Applications(DateTime? knownAt = null);

    /// <summary>Every outage step (a later filing of an outage id replaces all its steps).</summary>
    IEnumerable<OutageStep> Outages();

    /// <summary>
    /// The revisions known at <paramref name="knownAt"/> of the applications <paramref name="scope"/> selects (see
    /// <see cref="RecordScope"/>), ordered like <see cref="ApplicationRevisions(DateTime?)"/>. Stores select in their own
    /// engine; this default filters the whole list in memory.
    /// </summary>
    IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt, RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Scoped(ApplicationRevisions(knownAt), scope);

        static IEnumerable<ApplicationRevision> Scoped(IEnumerable<ApplicationRevision> all, RecordScope scope)
        {
            foreach (var run in RecordSnapshot.Runs(all))
                if (scope.Wants(run))
                    foreach (var x in run) yield return x;
        }
    }

    /// <summary>
    /// Of <see cref="ApplicationRevisions(DateTime?, RecordScope)"/>, the revisions of the applications whose latest revision
    /// known is withdrawn with a withdrawal time, in the same order: what 重走流程 compares a question's applications with,
    /// read apart so that a streamed question does not read its whole selection twice (issue 12).
    /// </summary>
    IEnumerable<ApplicationRevision> WithdrawnRevisions(DateTime? knownAt, RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Withdrawn(ApplicationRevisions(knownAt, scope));

        static IEnumerable<ApplicationRevision> Withdrawn(IEnumerable<ApplicationRevision> all)
        {
            foreach (var run in RecordSnapshot.Runs(all))
                if (run[^1].Record is { Status: ApplicationStatus.Withdrawn, WithdrawnAt: not null })
                    foreach (var x in run) yield return x;
        }
    }

    /// <summary>The outage steps <paramref name="scope"/> selects, ordered like <see cref="Outages()"/>.</summary>
    IEnumerable<OutageStep> Outages(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Outages().Where(scope.Wants);
    }

    /// <summary>
    /// The outage steps of <paramref name="scope"/>'s group that start within its period [Start, End), ordered like
    /// <see cref="Outages()"/>: the steps a period's own lists show (a ledger's 停电事件), without the years before that
    /// its reliability compares with.
    /// </summary>
    IEnumerable<OutageStep> OutagesStarting(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Outages().Where(o => scope.InGroup(o.County, o.Utility) && o.StartAt >= scope.Start && o.StartAt < scope.End);
    }

    /// <summary>The customers-served snapshots <paramref name="scope"/> selects.</summary>
    IEnumerable<CustomersServed> CustomersServed(RecordScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return CustomersServed().Where(scope.Wants);
    }

    /// <summary>Every customers-served snapshot (a later filing of the same key replaces it).</summary>
    IEnumerable<CustomersServed> CustomersServed();

    /// <summary>Every semiannual note (a later filing of the same utility, half and section replaces it).</summary>
    IEnumerable<ReportNote> Notes();

    /// <summary>Every ledger note filed back by the counties (a later filing of the same county, week and task replaces it).</summary>
    IEnumerable<LedgerNote> LedgerNotes();

    /// <summary>
    /// When each county's ledger of each Thursday was filed: one row per county and week with stored notes, the load
    /// times of the filings whose notes are stored (<see cref="LedgerFiling"/>), ordered by (county, Thursday). A store
    /// that keeps no filings (a test double) has none.
    /// </summary>
    IEnumerable<LedgerFiling> LedgerFilings() => [];

    /// <summary>
    /// Makes <paramref name="derivation"/> the store's derivation (issue 12, item 2): every later application filing
    /// stores each new revision's <see cref="DerivedFigures"/> with it, and when the figures already stored were derived
    /// under another <see cref="DerivationVersion"/> (another calendar, policy or rule version), every revision is derived
    /// again first, in one transaction. Returns what was derived again. A store that keeps no derived figures (a test
    /// double) does nothing.
    /// </summary>
    /// <exception cref="StoreBusyException">Another writer held the store longer than the busy timeout.</exception>
    DerivationReport Derive(IRecordDerivation derivation) => DerivationReport.UpToDate;

    /// <summary>The version every stored revision's derived figures were derived under; null when there is none.</summary>
    DerivationVersion? DerivedUnder() => null;

    /// <summary>
    /// The applications of <paramref name="scope"/> known at <paramref name="knownAt"/> (everything when null), the settled
    /// ones counted by the store from their derived figures for the period [scope.From, scope.To], the others read in full
    /// (<see cref="StoreCounts"/>), in one read. <paramref name="acceptedFrom"/>: settled applications accepted before it
    /// are counted in <see cref="StoreCounts.AcceptedBefore"/>. Null when the store cannot count (a test double): the
    /// caller answers from the records.
    /// </summary>
    StoreCounts? CountApplications(DateTime? knownAt, RecordScope scope, DateTime acceptedFrom) => null;

    /// <summary>
    /// The outage steps of <paramref name="scope"/>'s group summed by cell for the window [<paramref name="start"/>,
    /// <paramref name="end"/>) (<see cref="OutageCellRow"/>); a step is short when it lasts at most
    /// <paramref name="shortTicks"/>. Null when the store cannot (a test double, or a step in the window timed to a
    /// fraction of a second, which whole seconds would not sum exactly): the caller reads the steps.
    /// </summary>
    IReadOnlyList<OutageCellRow>? OutageCells(RecordScope scope, DateTime start, DateTime end, long shortTicks) => null;

    /// <summary>
    /// The outages of <paramref name="scope"/>'s group with a step starting in its period, counted for the notice
    /// indicators (<see cref="OutageNoticeCounts"/>) with <paramref name="leadDays"/> as the planned-notice lead. Null when
    /// the store cannot count (a test double): the caller reads the steps.
    /// </summary>
    OutageNoticeCounts? OutageNotices(RecordScope scope, int leadDays) => null;
}

/// <summary>
/// One filing being written. Add rows of the filing's kind; <see cref="Commit"/> makes them visible
/// in one transaction. Rows identical to the stored latest revision change nothing; a row whose key is
/// stored with other content becomes a new revision (applications) or replaces it (other kinds).
/// A text value holding NUL (U+0000) is refused by <c>Add</c> in every store alike, with a
/// <see cref="StoreDataException"/> naming the field.
/// </summary>
public interface IFilingWriter : IDisposable
{
    void Add(Application application);
    void Add(OutageStep step);
    void Add(CustomersServed snapshot);
    void Add(ReportNote note);
    void Add(LedgerNote note);

    /// <summary>
    /// Makes the filing visible and records it; in a batch, records it within the batch (visible when
    /// the batch commits).
    /// </summary>
    /// <remarks><paramref name="rowsRead"/> and <paramref name="rowsRejected"/> are what the reader saw.</remarks>
    Filing Commit(int rowsRead, int rowsRejected);
}

/// <summary>A store that cannot be reached, opened or used (exit code 3 at the command line).</summary>
public class StoreUnavailableException : Exception, Analytics.Domain.Messages.IDomainLocalizedError
{
    /// <summary>A message of the catalogue (<see cref="Analytics.Domain.Messages.DomainMessages"/>), in both languages.</summary>
    public StoreUnavailableException(Analytics.Domain.Messages.DomainText text, Exception? inner = null)
        : base((text ?? throw new ArgumentNullException(nameof(text))).Chinese, inner) => _text = text;

    /// <summary>The message in both languages (a message worded elsewhere: the same text in both).</summary>
    public Analytics.Domain.Messages.DomainText Text => _text ?? new Analytics.Domain.Messages.DomainText("store.verbatim", Message, Message);

    private readonly Analytics.Domain.Messages.DomainText? _text;

    public StoreUnavailableException(string message) : base(message) { }
    public StoreUnavailableException(string message, Exception inner) : base(message, inner) { }
    public StoreUnavailableException() { }
}
