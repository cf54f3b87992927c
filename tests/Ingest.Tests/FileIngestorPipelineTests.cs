using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store;

namespace Analytics.Ingest.Tests;

/// <summary>
/// The two-thread load of <see cref="FileIngestor"/> (parsing on the caller's thread, the store's
/// writer on a second one), against a real SQLite store. The store is wrapped, not mocked: the
/// wrapper passes every call to the real writer and records, or fails, where a test asks it to.
/// </summary>
public sealed class FileIngestorPipelineTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly SqliteStore _store;

    public FileIngestorPipelineTests()
    {
        _store = new SqliteStore(_dir.File("analytics.db"));
        _store.EnsureSchema();
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private IngestOptions Options(bool partial = false) => new() { AcceptPartial = partial, AsOf = new DateTime(2021, 12, 31), KeyFile = _dir.KeyFile };

    private string Applications(int count, Func<int, Dictionary<string, string>>? row = null) =>
        TestFiles.Csv(_dir, $"apps-{count}.csv",
            Enumerable.Range(1, count).Select(i => (IReadOnlyDictionary<string, string>)(row?.Invoke(i) ?? TestFiles.Application($"A-{i:00000}"))).ToList());

    [Theory]
    [InlineData(1, false)]
    [InlineData(700, false)]
    [InlineData(2_999, true)]
    [InlineData(3_000, true)]
    public void A_writer_that_fails_on_the_nth_row_fails_the_ingest_with_its_own_exception_and_commits_nothing(int failAt, bool unavailable)
    {
        var path = Applications(3_000);
        Exception thrown = unavailable ? new StoreUnavailableException($"connection lost at row {failAt}") : new InvalidOperationException($"constraint broken at row {failAt}");
        var store = new WrappedStore(_store) { FailAt = failAt, Failure = thrown };

        var e = Assert.ThrowsAny<Exception>(() => new FileIngestor(store).Ingest(FilingKind.Applications, path, Options()));

        Assert.Same(thrown, e);
        var writer = Assert.Single(store.Writers);
        Assert.Equal(failAt - 1, writer.Added.Count); // nothing given to the writer after it failed
        Assert.False(writer.Committed);
        Assert.True(writer.Disposed);
        Assert.Equal(Environment.CurrentManagedThreadId, writer.DisposedOnThread);
        Assert.False(writer.UsedByTwoThreadsAtOnce);
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(511)]
    [InlineData(513)]
    [InlineData(5_000)]
    public void Records_reach_the_writer_in_file_order_and_commit_on_the_callers_thread(int rows)
    {
        var path = Applications(rows);
        var store = new WrappedStore(_store);

        var r = new FileIngestor(store).Ingest(FilingKind.Applications, path, Options());

        Assert.Equal(IngestOutcome.Loaded, r.Outcome);
        var writer = Assert.Single(store.Writers);
        Assert.Equal(Enumerable.Range(1, rows).Select(i => $"A-{i:00000}"), writer.Added.Select(a => ((Application)a).ApplicationId));
        Assert.True(writer.Committed);
        Assert.Equal(Environment.CurrentManagedThreadId, writer.CommittedOnThread);
        Assert.False(writer.UsedByTwoThreadsAtOnce);
        Assert.Equal(rows, _store.Applications().Count());
    }

    [Fact]
    public void A_bad_row_after_many_written_batches_still_loads_nothing()
    {
        var path = Applications(5_000, i => i == 4_321 ? TestFiles.Application($"A-{i:00000}").With("capacity_kw", "-1") : TestFiles.Application($"A-{i:00000}"));
        var store = new WrappedStore(_store);

        var r = new FileIngestor(store).Ingest(FilingKind.Applications, path, Options());

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Equal(4_322, Assert.Single(r.Errors).Row);
        var writer = Assert.Single(store.Writers);
        Assert.Equal(4_320, writer.Added.Count); // fed until the bad row, then rolled back
        Assert.False(writer.Committed);
        Assert.True(writer.Disposed);
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
    }

    [Fact]
    public void Accept_partial_writes_every_good_row_in_order_around_the_bad_ones()
    {
        var path = Applications(2_000, i => i % 300 == 0 ? TestFiles.Application($"A-{i:00000}").With("voltage", "7kv") : TestFiles.Application($"A-{i:00000}"));
        var store = new WrappedStore(_store);

        var r = new FileIngestor(store).Ingest(FilingKind.Applications, path, Options(partial: true));

        Assert.Equal(IngestOutcome.PartiallyLoaded, r.Outcome);
        var good = Enumerable.Range(1, 2_000).Where(i => i % 300 != 0).Select(i => $"A-{i:00000}").ToList();
        Assert.Equal(good, Assert.Single(store.Writers).Added.Select(a => ((Application)a).ApplicationId));
        Assert.Equal(good, _store.Applications().Select(a => a.ApplicationId));
    }

    [Fact]
    public void A_store_failure_on_the_second_file_leaves_the_first_unstored_too()
    {
        var first = Applications(700);
        var second = TestFiles.Csv(_dir, "second.csv", [TestFiles.Application("B-1"), TestFiles.Application("B-2")]);
        var store = new WrappedStore(_store) { FailFiling = 2, FailAt = 2, Failure = new StoreUnavailableException("disk full (simulated)") };

        var ex = Assert.Throws<StoreUnavailableException>(() => new FileIngestor(store).IngestAll(FilingKind.Applications, [first, second], Options()));

        Assert.Equal("disk full (simulated)", ex.Message);
        Assert.Equal(2, store.Writers.Count);
        Assert.True(store.Writers[0].Committed);
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
        // The store is free again: the same two files load, together.
        var results = new FileIngestor(_store).IngestAll(FilingKind.Applications, [first, second], Options());
        Assert.All(results, r => Assert.Equal(IngestOutcome.Loaded, r.Outcome));
        Assert.Equal(2, _store.Filings().Count);
    }

    /// <summary>A store that hands out <see cref="WrappedWriter"/>s around the real store's writers (in batches too).</summary>
    internal sealed class WrappedStore(IAnalyticsStore inner) : IAnalyticsStore
    {
        public int FailAt { get; init; } = int.MaxValue;
        public Exception? Failure { get; init; }
        /// <summary>Which filing (1-based, in the order begun) fails at <see cref="FailAt"/>; 0: every one.</summary>
        public int FailFiling { get; init; }
        public List<WrappedWriter> Writers { get; } = [];
        public string Description => inner.Description;
        public void EnsureSchema() => inner.EnsureSchema();
        public Filing? FindFiling(FilingKind kind, string sha256) => inner.FindFiling(kind, sha256);
        public string? CustomerKeyFingerprint() => inner.CustomerKeyFingerprint();
        public bool HoldsCustomerKeys() => inner.HoldsCustomerKeys();
        public IFilingBatch BeginBatch() => new WrappedBatch(this, inner.BeginBatch());

        public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) =>
            Wrap(inner.BeginFiling(kind, fileName, sha256, asOf, loadedAt, distinctKeys));

        internal WrappedWriter Wrap(IFilingWriter writer)
        {
            var fails = FailFiling == 0 || FailFiling == Writers.Count + 1;
            var w = new WrappedWriter(writer, fails ? FailAt : int.MaxValue, fails ? Failure : null);
            Writers.Add(w);
            return w;
        }

        public IReadOnlyList<Filing> Filings() => inner.Filings();
        public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null) => inner.ApplicationRevisions(knownAt);
        public IEnumerable<Application> Applications(DateTime? knownAt = null) => inner.Applications(knownAt);
        public IEnumerable<OutageStep> Outages() => inner.Outages();
        public IEnumerable<CustomersServed> CustomersServed() => inner.CustomersServed();
        public IEnumerable<ReportNote> Notes() => inner.Notes();
        public IEnumerable<LedgerNote> LedgerNotes() => inner.LedgerNotes();
        public void Dispose() { }
    }

    private sealed class WrappedBatch(WrappedStore store, IFilingBatch inner) : IFilingBatch
    {
        public Filing? FindFiling(FilingKind kind, string sha256) => inner.FindFiling(kind, sha256);
        public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) =>
            store.Wrap(inner.BeginFiling(kind, fileName, sha256, asOf, loadedAt, distinctKeys));
        public void RecordCustomerKeyFingerprint(string fingerprint) => inner.RecordCustomerKeyFingerprint(fingerprint);
        public void Commit() => inner.Commit();
        public void Dispose() => inner.Dispose();
    }

    /// <summary>Passes calls to the real writer; records what it got and on which thread; throws on the FailAt-th Add.</summary>
    internal sealed class WrappedWriter(IFilingWriter inner, int failAt, Exception? failure) : IFilingWriter
    {
        private int _busy;
        public List<object> Added { get; } = [];
        public bool Committed { get; private set; }
        public int CommittedOnThread { get; private set; }
        public bool Disposed { get; private set; }
        public int DisposedOnThread { get; private set; }
        public bool UsedByTwoThreadsAtOnce { get; private set; }

        public void Add(Application application) => Call(() => { Count(application); inner.Add(application); });
        public void Add(OutageStep step) => Call(() => { Count(step); inner.Add(step); });
        public void Add(CustomersServed snapshot) => Call(() => { Count(snapshot); inner.Add(snapshot); });
        public void Add(ReportNote note) => Call(() => { Count(note); inner.Add(note); });
        public void Add(LedgerNote note) => Call(() => { Count(note); inner.Add(note); });

        public Filing Commit(int rowsRead, int rowsRejected)
        {
            Filing? f = null;
            Call(() => f = inner.Commit(rowsRead, rowsRejected));
            Committed = true;
            CommittedOnThread = Environment.CurrentManagedThreadId;
            return f!;
        }

        public void Dispose()
        {
            Call(inner.Dispose);
            Disposed = true;
            DisposedOnThread = Environment.CurrentManagedThreadId;
        }

        private void Count(object record)
        {
            if (Added.Count + 1 == failAt && failure is not null) throw failure;
            Added.Add(record);
        }

        private void Call(Action action)
        {
            if (Interlocked.Exchange(ref _busy, 1) == 1) UsedByTwoThreadsAtOnce = true;
            try
            {
                action();
            }
            finally
            {
                Volatile.Write(ref _busy, 0);
            }
        }
    }
}
