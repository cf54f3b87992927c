using System.Collections.Concurrent;
using System.Net;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Analytics.Web.Tests;

/// <summary>
/// Issue 14: the web reads per question. The server runs over the fixture's real SQLite store wrapped by
/// <see cref="RecordingStore"/>, which records every read of records (the scope asked for, or null for a whole-store read).
/// </summary>
[Collection(WebServerGroup.Name)]
public sealed class ScopedReadTests(WebFixture web)
{
    [Fact]
    public async Task A_county_users_pages_and_api_load_only_that_countys_records_and_a_repeated_question_loads_nothing()
    {
        using var recording = new RecordingWeb(web);
        using var yd = await recording.Login("yd");
        foreach (var url in new[] { "/county/yaodu", "/api/metrics", "/api/metrics?from=2025-01-01&to=2025-03-31", "/findings", "/api/ledger?county=yaodu" })
        {
            using var response = await yd.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var scopes = recording.Store.Reads.ToList();
        Assert.NotEmpty(scopes);
        Assert.All(scopes, s =>
        {
            Assert.NotNull(s); // never a whole-store read
            Assert.Equal("yaodu", s!.County);
        });
        // The same question again is answered from the kept answers: nothing more is read.
        var before = recording.Store.Reads.Count;
        using (var again = await yd.GetAsync("/api/metrics?from=2025-01-01&to=2025-03-31")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, recording.Store.Reads.Count);
    }

    [Fact]
    public async Task The_bureau_overview_reads_its_period_once_for_the_page_and_its_months_and_never_the_whole_store()
    {
        using var recording = new RecordingWeb(web);
        using var boss = await recording.Login("boss");
        using var response = await boss.GetAsync("/bureau?from=2025-01-01&to=2025-06-30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scopes = recording.Store.Reads.ToList();
        Assert.NotEmpty(scopes);
        Assert.All(scopes, s => Assert.NotNull(s));
        // One load (applications, outages, customers) for the period's answer and its six months' answers.
        var applications = recording.Store.ApplicationReads.ToList();
        Assert.Single(applications);
        Assert.Equal(new DateOnly(2025, 1, 1), applications[0]!.From);
        Assert.Equal(new DateOnly(2025, 6, 30), applications[0]!.To);
        Assert.Null(applications[0]!.County);
    }

    [Fact]
    public async Task Each_month_of_the_overview_answered_on_the_pages_load_is_the_bytes_of_metrics_for_that_month()
    {
        using var recording = new RecordingWeb(web);
        using var boss = await recording.Login("boss");
        using (var page = await boss.GetAsync("/bureau?from=2025-01-01&to=2025-06-30")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var reads = recording.Store.ApplicationReads.Count;
        for (var m = 1; m <= 6; m++)
        {
            var from = new DateOnly(2025, m, 1);
            var to = from.AddMonths(1).AddDays(-1);
            string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            // The month's kept answer (made on the part of the half-year's load the month's scope selects) ...
            var api = await boss.GetByteArrayAsync($"/api/metrics?from={Day(from)}&to={Day(to)}");
            // ... is what the command line answers on the month's own scope read from the store.
            var expected = System.Text.Encoding.UTF8.GetBytes(web.Cli("metrics", "--format", "json", "--from", Day(from), "--to", Day(to)));
            Assert.True(expected.AsSpan().SequenceEqual(api), $"month {m}: the page's month differs from metrics for that month");
        }
        Assert.Equal(reads, recording.Store.ApplicationReads.Count); // the months were kept, not read again
    }

    [Fact]
    public void A_narrowed_snapshot_holds_what_the_store_selects_for_the_narrower_scope()
    {
        var year = new RecordScope(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var march = new RecordScope(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), "yaodu");
        var loaded = RecordSnapshot.Load(web.Store, null, year);
        var narrowed = StoreReader.Narrow(loaded, year, march);
        var direct = RecordSnapshot.Load(web.Store, null, march);
        Assert.NotEmpty(direct.Applications);
        Assert.True(narrowed.Applications.Count < loaded.Applications.Count);
        Assert.Equal(direct.Revisions.Select(r => (r.Record.Utility, r.Record.ApplicationId, r.Revision)), narrowed.Revisions.Select(r => (r.Record.Utility, r.Record.ApplicationId, r.Revision)));
        Assert.Equal(direct.Applications, narrowed.Applications);
        Assert.Equal(direct.Outages, narrowed.Outages);
        Assert.Equal(direct.CustomersServed, narrowed.CustomersServed);
        Assert.Same(loaded, StoreReader.Narrow(loaded, year, year));
    }

    [Fact]
    public async Task At_start_up_the_server_answers_the_default_overview_in_the_background_and_the_page_shows_its_progress()
    {
        using var gate = new ManualResetEventSlim(false);
        using var recording = new RecordingWeb(web, warmOverview: true);
        recording.Store.Gate = gate; // the warm-up's load waits: the store is slow
        using var boss = await recording.Login("boss");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (recording.Store.ApplicationReads.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Single(recording.Store.ApplicationReads); // the warm-up has started its one load

        using (var waiting = await boss.GetAsync("/bureau"))
        {
            Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
            var page = await waiting.Content.ReadAsStringAsync();
            Assert.Contains("id=\"overview-warming\"", page, StringComparison.Ordinal);
            Assert.Contains("id=\"overview-progress\"", page, StringComparison.Ordinal);
            Assert.Contains("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"city-targets\"", page, StringComparison.Ordinal);
        }
        gate.Set();
        string overview;
        deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await Task.Delay(100);
            overview = await boss.GetStringAsync("/bureau");
        }
        while (overview.Contains("id=\"overview-warming\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("id=\"city-targets\"", overview, StringComparison.Ordinal);
        Assert.Contains("id=\"trend-table\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", overview, StringComparison.Ordinal);
        // The page was made from the warm-up's answers: no load of its own.
        Assert.Single(recording.Store.ApplicationReads);
    }

    [Fact]
    public async Task A_new_filing_drops_the_kept_answers()
    {
        using var recording = new RecordingWeb(web);
        using var sg = await recording.Login("sg");
        var first = await sg.GetStringAsync("/api/metrics?from=2025-01-01&to=2025-12-31");
        var reads = recording.Store.Reads.Count;
        // Another process files a customers snapshot: the next request sees a new store and asks it again.
        var customers = web.File("customers-scoped-read.csv", ["period,utility,county,area,customers", "2023,sgcc-linfen,yaodu,central,777"]);
        web.Cli("ingest", "customers", customers);
        var second = await sg.GetStringAsync("/api/metrics?from=2025-01-01&to=2025-12-31");
        Assert.True(recording.Store.Reads.Count > reads, "a new filing must be read, not answered from the kept answers");
        Assert.Equal(first.Length > 0, second.Length > 0);
    }
}

/// <summary>The web application over the fixture's settings and a <see cref="RecordingStore"/> around its store.</summary>
internal sealed class RecordingWeb(WebFixture web, bool warmOverview = false) : WebApplicationFactory<WebFixture>
{
    public RecordingStore Store { get; } = new(web.Store);

    public async Task<HttpClient> Login(string name)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await Sessions.Login(client, name, WebFixture.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHostDefaults(w => w
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(s => WebApp.ConfigureServices(s, web.Settings with { WarmOverview = warmOverview }, Store))
            .Configure(WebApp.Configure));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);
}

/// <summary>
/// A real store (the fixture's SQLite store underneath) that records the scope of every read of records: the scope the
/// reader asked for, or null when it asked for every record. Everything else is passed through. Disposing does not close
/// the fixture's store.
/// </summary>
internal sealed class RecordingStore(IAnalyticsStore inner) : IAnalyticsStore, IAccountStore, IRiskModelStore
{
    private readonly ConcurrentQueue<RecordScope?> _reads = new();
    private readonly ConcurrentQueue<RecordScope?> _applicationReads = new();

    /// <summary>Every read of applications, outages or customers, in order.</summary>
    public IReadOnlyCollection<RecordScope?> Reads => _reads;

    /// <summary>The reads of application revisions only.</summary>
    public IReadOnlyCollection<RecordScope?> ApplicationReads => _applicationReads;

    private IAccountStore AccountStore => (IAccountStore)inner;
    private IRiskModelStore Models => (IRiskModelStore)inner;

    /// <summary>When set, a read of applications waits until it is set (a slow store, for the overview's warm-up).</summary>
    public ManualResetEventSlim? Gate { get; set; }

    private void Read(RecordScope? scope, bool applications = false)
    {
        _reads.Enqueue(scope);
        if (applications) _applicationReads.Enqueue(scope);
        if (applications) Gate?.Wait(TimeSpan.FromMinutes(2));
    }

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt = null)
    {
        Read(null, applications: true);
        return inner.ApplicationRevisions(knownAt);
    }

    public IEnumerable<ApplicationRevision> ApplicationRevisions(DateTime? knownAt, RecordScope scope)
    {
        Read(scope, applications: true);
        return inner.ApplicationRevisions(knownAt, scope);
    }

    public IEnumerable<Application> Applications(DateTime? knownAt = null)
    {
        Read(null, applications: true);
        return inner.Applications(knownAt);
    }

    public IEnumerable<OutageStep> Outages()
    {
        Read(null);
        return inner.Outages();
    }

    public IEnumerable<OutageStep> Outages(RecordScope scope)
    {
        Read(scope);
        return inner.Outages(scope);
    }

    public IEnumerable<OutageStep> OutagesStarting(RecordScope scope)
    {
        Read(scope);
        return inner.OutagesStarting(scope);
    }

    public IEnumerable<CustomersServed> CustomersServed()
    {
        Read(null);
        return inner.CustomersServed();
    }

    public IEnumerable<CustomersServed> CustomersServed(RecordScope scope)
    {
        Read(scope);
        return inner.CustomersServed(scope);
    }

    public string Description => inner.Description;
    public void EnsureSchema() => inner.EnsureSchema();
    public Filing? FindFiling(FilingKind kind, string sha256) => inner.FindFiling(kind, sha256);
    public IFilingBatch BeginBatch() => inner.BeginBatch();
    public string? CustomerKeyFingerprint() => inner.CustomerKeyFingerprint();
    public bool HoldsCustomerKeys() => inner.HoldsCustomerKeys();
    public IFilingWriter BeginFiling(FilingKind kind, string fileName, string sha256, DateTime asOf, DateTime loadedAt, bool distinctKeys = false) =>
        inner.BeginFiling(kind, fileName, sha256, asOf, loadedAt, distinctKeys);
    public IReadOnlyList<Filing> Filings() => inner.Filings();
    public IEnumerable<ReportNote> Notes() => inner.Notes();
    public IEnumerable<LedgerNote> LedgerNotes() => inner.LedgerNotes();
    public IEnumerable<LedgerFiling> LedgerFilings() => inner.LedgerFilings();

    public void AddAccount(Account account) => AccountStore.AddAccount(account);
    public Account? FindAccount(string name) => AccountStore.FindAccount(name);
    public IReadOnlyList<Account> Accounts() => AccountStore.Accounts();
    public bool RemoveAccount(string name) => AccountStore.RemoveAccount(name);
    public void SetLoginState(string name, int failedLogins, DateTime? lockedUntil) => AccountStore.SetLoginState(name, failedLogins, lockedUntil);
    public void Audit(AuditEntry entry) => AccountStore.Audit(entry);
    public IReadOnlyList<AuditEntry> AuditLog(int limit = 1000) => AccountStore.AuditLog(limit);

    public StoredRiskModel? FindRiskModel(string fingerprint) => Models.FindRiskModel(fingerprint);
    public bool SaveRiskModel(StoredRiskModel model, int keep = RiskModelStore.Keep) => Models.SaveRiskModel(model, keep);
    public IReadOnlyList<string> RiskModelFingerprints() => Models.RiskModelFingerprints();

    public void Dispose() { }
}
