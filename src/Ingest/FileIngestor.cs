using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Ingest.Ledger;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Templates;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest;

/// <summary>
/// Loads template files into a store, one filing per file (templates.md §1):
/// <list type="bullet">
/// <item><b>Idempotent</b>: the SHA-256 of the bytes identifies the filing; the same bytes again change nothing.
/// The check is repeated under the store's write lock, so two loads of one file at once make one filing.</item>
/// <item><b>All files or none</b>: the files of one <see cref="IngestAll"/> are one <see cref="IFilingBatch"/>;
/// a rejected file or a store failure on any of them leaves none stored.</item>
/// <item><b>One customer key per store</b>: the keyring comes from <see cref="CustomerKeyring.ForStore"/>
/// and its fingerprint is recorded with the filings, so a missing or other key file is refused.</item>
/// <item><b>Atomic by default</b>: rows stream through an <see cref="IFilingWriter"/> that is committed
/// only when the whole file is good; otherwise nothing is loaded and every located error is returned.</item>
/// <item><b>Accept-partial</b>: the good rows are committed, the bad ones go with their reasons to a
/// rejects CSV; the steps of one outage load or are set aside together.</item>
/// <item><b>As-of</b>: given, or the newest stage time in the file (applications), the newest end_at
/// (outages), the load time (customers, notes).</item>
/// </list>
/// A later file carrying an already-stored key is the store's business (a new revision); this class
/// only hands it records.
/// </summary>
/// <remarks>
/// Memory does not grow with a CSV file: rows stream, and only the key sets of the rules across rows
/// (duplicate keys, outage steps; as 128-bit fingerprints) and at most <see cref="IngestOptions.MaxErrors"/>
/// errors are kept. The caller's thread parses and validates while a second thread feeds the store's
/// writer through a bounded queue (<see cref="WriterThread"/>), so both cores work on a large file.
/// The store needs the as-of when the filing begins, so without an explicit as-of an applications or
/// outages file is read twice: a cheap scan of its date-time cells, then the load pass (which checks
/// it read the same bytes). With accept-partial the first pass validates everything instead, since
/// only good rows count for the as-of and an outage with a bad step is set aside whole.
/// </remarks>
public sealed class FileIngestor
{
    private readonly IAnalyticsStore _store;
    private readonly Registries _registries;
    private readonly TimeProvider _clock;

    /// <param name="store">Where filings go.</param>
    /// <param name="registries">Counties and utilities to accept; default <see cref="Registries.Default"/>.</param>
    /// <param name="clock">The wall clock for the load time; default <see cref="TimeProvider.System"/>.</param>
    public FileIngestor(IAnalyticsStore store, Registries? registries = null, TimeProvider? clock = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _registries = registries ?? Registries.Default;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Loads <paramref name="path"/> as a file of <paramref name="kind"/> (applications, outages,
    /// customers, notes, or a filed weekly ledger), as a batch of its own (<see cref="IngestAll"/>).
    /// </summary>
    public IngestResult Ingest(FilingKind kind, string path, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return IngestAll(kind, [path], options)[0];
    }

    /// <summary>
    /// Loads the files as one batch: every file's filing is committed together at the end, or none is.
    /// Bad data never throws: it is in the results. When a result is <see cref="IngestOutcome.Rejected"/>
    /// (it is then the last one: the files after it are not read), nothing of any file was stored.
    /// Throws only for a store that fails (<see cref="StoreUnavailableException"/>, <see cref="StoreDataException"/>
    /// naming the file, and the store's own exceptions, after rolling everything back), a customer key file
    /// that is missing, different from the store's or unusable (<see cref="InvalidDataException"/>,
    /// <see cref="CustomerKeyMismatchException"/>), or a rejects file that cannot be written (<see cref="IOException"/>).
    /// </summary>
    public IReadOnlyList<IngestResult> IngestAll(FilingKind kind, IReadOnlyList<string> paths, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new IngestOptions();
        var loadedAt = ChinaTime.Now(_clock);
        var keyFile = options.KeyFile ?? CustomerKeyring.DefaultPath();
        using var run = new BatchRun(_store, keyFile);
        var results = new List<IngestResult>();
        foreach (var path in paths)
        {
            ArgumentNullException.ThrowIfNull(path);
            IngestResult r;
            try
            {
                r = IngestOne(kind, path, options, loadedAt, run);
            }
            catch (StoreDataException e)
            {
                throw new StoreDataException($"{path}: {e.Message}", e.Field, e);
            }
            results.Add(r);
            // Disposing the run uncommitted rolls back every filing of the batch.
            if (r.Outcome == IngestOutcome.Rejected) return results;
        }
        run.Commit();
        return results;
    }

    private IngestResult IngestOne(FilingKind kind, string path, IngestOptions options, DateTime loadedAt, BatchRun run)
    {
        if (kind == FilingKind.Ledger) return IngestLedger(path, options, loadedAt, run);
        var context = new TemplateContext(_registries, loadedAt, run.Keyring);
        using var file = TemplateFile.Open(path, Template.For(kind, context), options.Bounds);
        if (file.OpenErrors.Count > 0)
            return new IngestResult { Kind = kind, Path = path, Outcome = IngestOutcome.Rejected, Errors = file.OpenErrors, ErrorCount = file.OpenErrors.Count };

        var sha = file.Probe!.Sha256;
        // Cheap and lock-free first; then again under the batch's write lock, where a concurrent load
        // of the same file (or the same file given twice) has either committed or not started.
        var earlier = run.Started ? null : _store.FindFiling(kind, sha);
        earlier ??= run.Batch.FindFiling(kind, sha);
        if (earlier is not null)
            return new IngestResult { Kind = kind, Path = path, Outcome = IngestOutcome.AlreadyLoaded, Sha256 = sha, Filing = earlier, AsOf = earlier.AsOf };

        var asOf = options.AsOf;
        IReadOnlyDictionary<string, int>? setAside = null;
        IReadOnlyList<IngestWarning> warnings = [];
        if (options.AcceptPartial && (asOf is null || kind == FilingKind.Outages))
        {
            // The as-of comes from the good rows only, and an outage with a bad step is set aside
            // whole: both need every row validated before the first one is written.
            var check = TemplateReader.Read(file, keepRecords: false, options.MaxErrors);
            if (check.FileRejected)
                return Rejected(kind, path, sha, asOf ?? check.Newest ?? loadedAt, check.RowsRead, check.RowsRejected, check.Errors, check.Warnings, check.ErrorCount);
            asOf ??= check.Newest ?? loadedAt;
            if (check.BadGroups.Count > 0) setAside = check.BadGroups;
            warnings = check.Warnings;
        }
        else if (asOf is null && kind is FilingKind.Applications or FilingKind.Outages)
        {
            // Atomic: any bad row rolls the filing back, so the as-of may come from every row's
            // date-times, found by a scan that parses nothing else.
            using var scan = file.Scan();
            while (scan.MoveNext()) { }
            if (scan.FileErrors.Count > 0)
                return Rejected(kind, path, sha, loadedAt, scan.RowsRead, 0, scan.FileErrors, scan.Warnings, scan.FileErrors.Count);
            asOf = scan.Newest;
        }
        return Load(kind, path, sha, asOf ?? loadedAt, loadedAt, file, setAside, options, warnings, run);
    }

    /// <summary>
    /// A filed weekly ledger (<see cref="LedgerTemplate"/>): read whole (a ledger is tens of kilobytes), then, as
    /// for every kind, the already-loaded check lock-free and again under the batch's lock, and one filing of
    /// its notes in the batch. The as-of is the given one, else the start of the ledger's Thursday.
    /// </summary>
    private IngestResult IngestLedger(string path, IngestOptions options, DateTime loadedAt, BatchRun run)
    {
        var read = LedgerTemplate.Read(path, _registries, options.Bounds, options.Policy);
        if (read.Ledger is not { } ledger)
            return new IngestResult
            {
                Kind = FilingKind.Ledger, Path = path, Outcome = IngestOutcome.Rejected, Sha256 = read.Sha256,
                Errors = [.. read.Errors.Take(options.MaxErrors)], ErrorCount = read.Errors.Count,
            };
        var sha = read.Sha256!;
        if (RectificationErrors(path, ledger) is { Count: > 0 } unknown)
            return new IngestResult
            {
                Kind = FilingKind.Ledger, Path = path, Outcome = IngestOutcome.Rejected, Sha256 = sha,
                Errors = [.. unknown.Take(options.MaxErrors)], ErrorCount = unknown.Count,
            };
        var earlier = run.Started ? null : _store.FindFiling(FilingKind.Ledger, sha);
        earlier ??= run.Batch.FindFiling(FilingKind.Ledger, sha);
        if (earlier is not null)
            return new IngestResult { Kind = FilingKind.Ledger, Path = path, Outcome = IngestOutcome.AlreadyLoaded, Sha256 = sha, Filing = earlier, AsOf = earlier.AsOf, Ledger = ledger };
        var asOf = options.AsOf ?? ledger.Thursday.ToDateTime(TimeOnly.MinValue);
        using var writer = run.Batch.BeginFiling(FilingKind.Ledger, Path.GetFileName(path), sha, asOf, loadedAt);
        var stored = ledger.StoredNotes;
        foreach (var n in stored) writer.Add(n);
        var filing = writer.Commit(stored.Count, 0);
        return new IngestResult
        {
            Kind = FilingKind.Ledger, Path = path, Outcome = IngestOutcome.Loaded, Sha256 = sha, Filing = filing, AsOf = asOf,
            RowsRead = stored.Count, RowsLoaded = stored.Count, Ledger = ledger,
        };
    }

    /// <summary>
    /// The <c>整改N</c> rows of a filed ledger checked against the store's rectification ledger: the item must exist and
    /// be the filing county's (a closed item is accepted — progress written before the 销号 is history, never a closing).
    /// The template cannot see the store; a store without oversight tables checks nothing.
    /// </summary>
    private List<IngestError> RectificationErrors(string path, FiledLedger ledger)
    {
        var errors = new List<IngestError>();
        var keys = ledger.Notes.Select(n => RectificationTask.TryParse(n.Task, out var id) ? (n.Task, Id: id) : default)
            .Where(k => k.Id > 0).ToList();
        if (keys.Count == 0 || _store is not IOversightStore oversight) return errors;
        var items = oversight.Rectifications().ToDictionary(i => i.Id);
        foreach (var (task, id) in keys)
        {
            var problem = !items.TryGetValue(id, out var item)
                ? IngestMessages.LedgerRectificationUnknown.With(LedgerWorkbookNames.HeaderTask, task, id, LedgerWorkbookNames.HeaderTitle)
                : !string.Equals(item.County, ledger.County.Code, StringComparison.Ordinal)
                    ? IngestMessages.LedgerRectificationOtherCounty.With(LedgerWorkbookNames.HeaderTask, task, id, ledger.County.Name, item.ResponsibleUnit)
                    : null;
            if (problem is null) continue;
            var row = ledger.TaskRows.TryGetValue(task, out var r) ? r : 0;
            errors.Add(new IngestError
            {
                Code = IngestErrorCode.UnknownValue, File = path, Sheet = LedgerWorkbookNames.ProgressSheet, Row = row,
                Column = LedgerWorkbookNames.HeaderTask, Text = problem,
            });
        }
        return errors;
    }

    private static IngestResult Load(FilingKind kind, string path, string sha, DateTime asOf, DateTime loadedAt, TemplateFile file,
        IReadOnlyDictionary<string, int>? setAside, IngestOptions options, IReadOnlyList<IngestWarning> warnings, BatchRun run)
    {
        var errors = new List<IngestError>();
        var errorCount = 0;
        var loaded = 0;
        var rejected = 0;
        var rejectsPath = options.AcceptPartial ? options.RejectsPath ?? IngestOptions.DefaultRejectsPath(path) : null;
        var rejectsTemp = rejectsPath is null ? null : rejectsPath + ".tmp";
        RejectsWriter? rejects = null;
        try
        {
            // The applications template refuses a key given twice (that row is rejected), so the store
            // may skip its own duplicate handling.
            using var writer = run.Batch.BeginFiling(kind, Path.GetFileName(path), sha, asOf, loadedAt,
                distinctKeys: kind == FilingKind.Applications);
            using var pass = file.Read(setAside);
            // This thread parses and validates; the store writes on a second one. Disposed (stopped) before the writer.
            using var writing = new WriterThread(writer);
            while (pass.MoveNext())
            {
                if (pass.Record is { } record)
                {
                    // Atomic and already failed: keep validating, stop feeding a filing that will be rolled back.
                    if (rejected == 0 || options.AcceptPartial) writing.Add(record);
                    loaded++;
                    continue;
                }
                rejected++;
                errorCount += pass.RowErrors.Count;
                foreach (var e in pass.RowErrors)
                    if (errors.Count < options.MaxErrors) errors.Add(e);
                if (rejectsTemp is not null)
                {
                    rejects ??= new RejectsWriter(rejectsTemp, pass.Binding!, options.Language);
                    rejects.Write(pass.Reader!, pass.RowNumber, pass.RowErrors);
                }
            }
            // The writer has everything (or its exception is thrown here) before anything is decided.
            writing.Finish();
            if (warnings.Count == 0) warnings = pass.Warnings.ToList();
            if (pass.FileErrors.Count > 0)
            {
                errors.InsertRange(0, pass.FileErrors);
                return Rejected(kind, path, sha, asOf, pass.RowsRead, rejected, errors, warnings, errorCount + pass.FileErrors.Count);
            }
            if (rejected > 0 && (!options.AcceptPartial || loaded == 0))
            {
                // Disposing the writer uncommitted rolls the filing back.
                var result = Rejected(kind, path, sha, asOf, pass.RowsRead, rejected, errors, warnings, errorCount);
                if (rejects is null) return result;
                rejects.Dispose();
                rejects = null;
                File.Move(rejectsTemp!, rejectsPath!, overwrite: true);
                return result with { RejectsPath = rejectsPath };
            }
            rejects?.Dispose();
            var filing = writer.Commit(pass.RowsRead, rejected);
            if (rejects is not null)
            {
                rejects = null;
                // Moved into place when the batch commits; deleted if it does not.
                run.RejectsAfterCommit(rejectsTemp!, rejectsPath!);
                rejectsTemp = null;
            }
            return new IngestResult
            {
                Kind = kind,
                Path = path,
                Outcome = rejected > 0 ? IngestOutcome.PartiallyLoaded : IngestOutcome.Loaded,
                Sha256 = sha,
                Filing = filing,
                AsOf = asOf,
                RowsRead = pass.RowsRead,
                RowsLoaded = loaded,
                RowsRejected = rejected,
                ErrorCount = errorCount,
                Errors = errors,
                Warnings = warnings,
                RejectsPath = rejected > 0 ? rejectsPath : null,
            };
        }
        finally
        {
            rejects?.Dispose();
            if (rejectsTemp is not null && File.Exists(rejectsTemp)) File.Delete(rejectsTemp);
        }
    }

    /// <summary>
    /// One <see cref="IngestAll"/>: the batch (begun, and the write lock taken, at the first file to load),
    /// the keyring (opened at the first personal data, for the store), and the rejects files that wait for the commit.
    /// </summary>
    private sealed class BatchRun(IAnalyticsStore store, string keyFile) : IDisposable
    {
        private readonly List<(string Temp, string Final)> _rejects = [];
        private IFilingBatch? _batch;
        private CustomerKeyring? _keyring;

        public bool Started => _batch is not null;

        public IFilingBatch Batch => _batch ??= store.BeginBatch();

        public CustomerKeyring Keyring() => _keyring ??= CustomerKeyring.ForStore(keyFile, store);

        public void RejectsAfterCommit(string temp, string final) => _rejects.Add((temp, final));

        public void Commit()
        {
            if (_batch is null) return;
            if (_keyring is not null) _batch.RecordCustomerKeyFingerprint(_keyring.Fingerprint);
            _batch.Commit();
            foreach (var (temp, final) in _rejects) File.Move(temp, final, overwrite: true);
            _rejects.Clear();
        }

        public void Dispose()
        {
            _batch?.Dispose();
            foreach (var (temp, _) in _rejects)
                if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static IngestResult Rejected(FilingKind kind, string path, string sha, DateTime asOf, int rowsRead, int rowsRejected,
        IReadOnlyList<IngestError> errors, IReadOnlyList<IngestWarning> warnings, int? errorCount = null) => new()
    {
        Kind = kind,
        Path = path,
        Outcome = IngestOutcome.Rejected,
        Sha256 = sha,
        AsOf = asOf,
        RowsRead = rowsRead,
        RowsRejected = rowsRejected,
        ErrorCount = errorCount ?? errors.Count,
        Errors = errors,
        Warnings = warnings,
    };
}
