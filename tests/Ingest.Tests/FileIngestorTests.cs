using System.Text;
using Analytics.Domain;
using Analytics.Store;

namespace Analytics.Ingest.Tests;

/// <summary>The ingestor against a real SQLite store in a temporary folder.</summary>
public sealed class FileIngestorTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly SqliteStore _store;
    private readonly FileIngestor _ingestor;

    public FileIngestorTests()
    {
        _store = new SqliteStore(_dir.File("analytics.db"));
        _store.EnsureSchema();
        _ingestor = new FileIngestor(_store, clock: new FixedClock(new DateTimeOffset(2022, 3, 1, 1, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private IngestOptions Options(bool partial = false, DateTime? asOf = null) => new() { AcceptPartial = partial, AsOf = asOf, KeyFile = _dir.KeyFile };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void A_good_file_loads_as_one_filing_as_of_its_newest_stage_time()
    {
        var path = TestFiles.Csv(_dir, "apps.csv", [TestFiles.Application("A-1"), TestFiles.Application("A-2").With("status", "in_progress").With("connected_at", "").With("completion_check_end", "2021-10-30 11:00")]);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options());

        Assert.Equal(IngestOutcome.Loaded, r.Outcome);
        Assert.True(r.Changed);
        Assert.Empty(r.Errors);
        Assert.Equal((2, 2, 0), (r.RowsRead, r.RowsLoaded, r.RowsRejected));
        Assert.Equal(new DateTime(2021, 10, 30, 11, 0, 0), r.AsOf);
        var filing = Assert.Single(_store.Filings());
        Assert.Equal(r.Filing!.Id, filing.Id);
        Assert.Equal("apps.csv", filing.FileName);
        Assert.Equal(new DateTime(2021, 10, 30, 11, 0, 0), filing.AsOf);
        Assert.Equal(new DateTime(2022, 3, 1, 9, 0, 0), filing.LoadedAt); // China time of the clock
        Assert.Equal(2, filing.RowsChanged);
        Assert.Equal(["A-1", "A-2"], _store.Applications().Select(a => a.ApplicationId));
    }

    [Theory]
    [MemberData(nameof(BadInputs.Names), MemberType = typeof(BadInputs))]
    public void A_bad_input_loads_nothing_and_says_where(string name)
    {
        var c = BadInputs.Make(name, _dir);
        var r = _ingestor.Ingest(c.Kind, c.Path, Options());

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.False(r.Changed);
        Assert.Null(r.Filing);
        var e = Assert.Single(r.Errors, e => e.Code == c.Code);
        Assert.Equal((c.Row, c.Column), (e.Row, e.Column));
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
        Assert.Empty(_store.Outages());
        Assert.Empty(_store.CustomersServed());
    }

    [Fact]
    public void A_file_with_one_bad_row_loads_nothing_even_with_an_as_of_given()
    {
        // With --as-of there is no validation pass: the rows stream into the filing, which is rolled back.
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyDictionary<string, string>)TestFiles.Application($"A-{i}")).ToList();
        rows[400] = TestFiles.Application("A-401").With("capacity_kw", "-1");
        var path = TestFiles.Csv(_dir, "one-bad.csv", rows);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options(asOf: new DateTime(2021, 12, 31)));

        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Equal(402, Assert.Single(r.Errors).Row);
        Assert.Equal(1, r.RowsRejected);
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
    }

    [Fact]
    public void The_same_file_twice_changes_nothing()
    {
        var path = TestFiles.Csv(_dir, "apps.csv", [TestFiles.Application("A-1")]);
        var first = _ingestor.Ingest(FilingKind.Applications, path, Options());
        var copy = _dir.File("renamed-copy.csv");
        File.Copy(path, copy);
        var second = _ingestor.Ingest(FilingKind.Applications, path, Options());
        var third = _ingestor.Ingest(FilingKind.Applications, copy, Options(asOf: new DateTime(2022, 1, 1)));

        Assert.Equal(IngestOutcome.Loaded, first.Outcome);
        Assert.Equal(IngestOutcome.AlreadyLoaded, second.Outcome);
        Assert.Equal(IngestOutcome.AlreadyLoaded, third.Outcome);
        Assert.False(second.Changed);
        Assert.Equal(first.Filing!.Id, second.Filing!.Id);
        Assert.Equal(first.Filing.Id, third.Filing!.Id);
        Assert.Single(_store.Filings());
        Assert.Single(_store.ApplicationRevisions());
    }

    [Fact]
    public void A_later_file_with_a_changed_application_becomes_its_second_revision()
    {
        var first = TestFiles.Csv(_dir, "week1.csv", [TestFiles.Application("A-1").With("status", "in_progress").With("connected_at", "")]);
        var second = TestFiles.Csv(_dir, "week2.csv", [TestFiles.Application("A-1")]);
        Assert.Equal(IngestOutcome.Loaded, _ingestor.Ingest(FilingKind.Applications, first, Options()).Outcome);
        Assert.Equal(IngestOutcome.Loaded, _ingestor.Ingest(FilingKind.Applications, second, Options()).Outcome);

        var revisions = _store.ApplicationRevisions().ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.Revision));
        Assert.Equal(ApplicationStatus.Connected, Assert.Single(_store.Applications()).Status);
    }

    [Fact]
    public void Accept_partial_loads_the_good_rows_and_writes_the_bad_ones_with_reasons()
    {
        var path = TestFiles.Csv(_dir, "mixed.csv",
        [
            TestFiles.Application("A-1"),
            TestFiles.Application("A-2").With("capacity_kw", "abc").With("customer_name", "张三").With("id_number", "141002198503154210").With("phone", "13912345678"),
            TestFiles.Application("A-3"),
            TestFiles.Application("A-4").With("county", "太原"),
        ]);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options(partial: true));

        Assert.Equal(IngestOutcome.PartiallyLoaded, r.Outcome);
        Assert.Equal((4, 2, 2), (r.RowsRead, r.RowsLoaded, r.RowsRejected));
        Assert.Equal(["A-1", "A-3"], _store.Applications().Select(a => a.ApplicationId));
        Assert.Equal(2, Assert.Single(_store.Filings()).RowsRejected);

        Assert.Equal(_dir.File("mixed.rejects.csv"), r.RejectsPath);
        var bytes = File.ReadAllBytes(r.RejectsPath!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",phone,row,column,reason,code", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("application_id,utility,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("A-2,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",3,", lines[1], StringComparison.Ordinal);
        Assert.Contains("capacity_kw", lines[1], StringComparison.Ordinal);
        Assert.Contains("“abc”不是数字", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",row.invalid_number; applications.invalid_id_number", lines[1], StringComparison.Ordinal);
        Assert.Contains("太原", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",row.unknown_county", lines[2], StringComparison.Ordinal);
        // Personal data is masked in the rejects file too.
        Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
        Assert.DoesNotContain("141002198503154210", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", text, StringComparison.Ordinal);
        Assert.Contains("张*", text, StringComparison.Ordinal);
        Assert.False(File.Exists(r.RejectsPath + ".tmp"));
    }

    [Fact]
    public void The_rejects_file_is_itself_a_readable_template_file()
    {
        var path = TestFiles.Csv(_dir, "mixed.csv", [TestFiles.Application("A-1"), TestFiles.Application("A-2").With("fee_yuan", "-5")]);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options(partial: true));
        var fixedText = File.ReadAllText(r.RejectsPath!).Replace(",-5,", ",5,", StringComparison.Ordinal);
        var fixedPath = TestFiles.Text(_dir, "fixed.csv", fixedText, new UTF8Encoding(true));
        var again = _ingestor.Ingest(FilingKind.Applications, fixedPath, Options());
        Assert.Equal(IngestOutcome.Loaded, again.Outcome);
        Assert.Contains(again.Warnings, w => w.Text.Id == "warning.unknown_columns" && w.Message.Contains("“reason”", StringComparison.Ordinal) && w.Message.Contains("“code”", StringComparison.Ordinal));
        Assert.Equal(["A-1", "A-2"], _store.Applications().Select(a => a.ApplicationId));
    }

    [Fact]
    public void Accept_partial_sets_aside_every_step_of_an_outage_with_a_bad_step()
    {
        var path = TestFiles.Csv(_dir, "outages.csv",
        [
            TestFiles.Outage("O-1", "2021-07-01 11:00", "50"),
            TestFiles.Outage("O-2", "2021-07-03 10:30", "5").With("start_at", "2021-07-03 10:00"),
            TestFiles.Outage("O-1", "2021-07-01 12:00", "-70"),
        ]);
        var r = _ingestor.Ingest(FilingKind.Outages, path, Options(partial: true));

        Assert.Equal(IngestOutcome.PartiallyLoaded, r.Outcome);
        Assert.Equal((3, 1, 2), (r.RowsRead, r.RowsLoaded, r.RowsRejected));
        Assert.Equal(["O-2"], _store.Outages().Select(o => o.OutageId));
        Assert.Contains(r.Errors, e => e.Code == IngestErrorCode.GroupRejected && e.Row == 2);
        Assert.Contains(r.Errors, e => e.Code == IngestErrorCode.Negative && e.Row == 4);
        Assert.Equal(3, File.ReadAllLines(r.RejectsPath!).Length);
        Assert.Equal(new DateTime(2021, 7, 3, 10, 30, 0), r.AsOf); // the newest end_at
    }

    [Fact]
    public void Accept_partial_with_no_good_row_loads_nothing_but_still_writes_the_rejects()
    {
        var path = TestFiles.Csv(_dir, "allbad.csv", [TestFiles.Customers(customers: "x"), TestFiles.Customers("2022", customers: "y")]);
        var rejects = _dir.File("out/rejects.csv");
        Directory.CreateDirectory(_dir.File("out"));
        var r = _ingestor.Ingest(FilingKind.Customers, path, Options(partial: true) with { RejectsPath = rejects });
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Equal(rejects, r.RejectsPath);
        Assert.Equal(3, File.ReadAllLines(rejects).Length);
        Assert.Empty(_store.Filings());
    }

    [Fact]
    public void A_file_level_error_loads_nothing_even_with_accept_partial()
    {
        var path = TestFiles.Csv(_dir, "nocol.csv", [TestFiles.Application().Without("accepted_at")]);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options(partial: true));
        Assert.Equal(IngestOutcome.Rejected, r.Outcome);
        Assert.Equal(IngestErrorCode.MissingColumn, Assert.Single(r.Errors).Code);
        Assert.Null(r.RejectsPath);
        Assert.Empty(_store.Filings());
    }

    [Fact]
    public void An_explicit_as_of_wins_and_customers_default_to_the_load_time()
    {
        var apps = TestFiles.Csv(_dir, "apps.csv", [TestFiles.Application()]);
        var asOf = new DateTime(2021, 12, 31, 18, 0, 0);
        Assert.Equal(asOf, _ingestor.Ingest(FilingKind.Applications, apps, Options(asOf: asOf)).Filing!.AsOf);
        var customers = TestFiles.Csv(_dir, "customers.csv", [TestFiles.Customers()]);
        Assert.Equal(new DateTime(2022, 3, 1, 9, 0, 0), _ingestor.Ingest(FilingKind.Customers, customers, Options()).Filing!.AsOf);
        var notes = TestFiles.Xlsx(_dir, "notes.xlsx", [TestFiles.Note(), TestFiles.Note("problems", "多行\n文字")], sheet: "半年报文字材料");
        var n = _ingestor.Ingest(FilingKind.Notes, notes, Options());
        Assert.Equal(IngestOutcome.Loaded, n.Outcome);
        Assert.Equal(2, _store.Notes().Count());
    }

    [Fact]
    public void Personal_data_is_not_in_the_database_file()
    {
        var id = TestFiles.IdNumber("14100219850315421");
        var path = TestFiles.Csv(_dir, "pd.csv", [TestFiles.Application().With("customer_name", "欧阳娜娜").With("id_number", id).With("phone", "13912345678")]);
        Assert.Equal(IngestOutcome.Loaded, _ingestor.Ingest(FilingKind.Applications, path, Options()).Outcome);
        var stored = Assert.Single(_store.Applications());
        Assert.Equal("欧*", stored.CustomerMask);
        Assert.Matches("^[0-9a-f]{64}$", stored.CustomerKey);

        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(_dir.Path, "analytics.db*").SelectMany(File.ReadAllBytes).ToArray();
        foreach (var secret in new[] { "娜娜", id, id[..14], "13912345678", "12345678" })
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
    }

    [Fact]
    public void An_XLSX_with_errors_reports_the_sheet_row()
    {
        var path = TestFiles.Xlsx(_dir, "apps.xlsx", [TestFiles.Application("A-1"), TestFiles.Application("A-2").With("area", "郊区")], sheet: "用电报装", headerRow: 3);
        var r = _ingestor.Ingest(FilingKind.Applications, path, Options());
        var e = Assert.Single(r.Errors);
        Assert.Equal(("用电报装", 5, "area"), (e.Sheet, e.Row!.Value, e.Column));
        Assert.Empty(_store.Filings());
    }

    [Fact]
    public void A_header_only_file_is_an_empty_filing_as_of_the_load_time()
    {
        var path = TestFiles.Text(_dir, "none-this-week.csv", string.Join(",", TestFiles.Outage().Keys) + "\r\n");
        var r = _ingestor.Ingest(FilingKind.Outages, path, Options());
        Assert.Equal(IngestOutcome.Loaded, r.Outcome);
        Assert.Equal((0, 0), (r.RowsRead, r.RowsLoaded));
        Assert.Equal(new DateTime(2022, 3, 1, 9, 0, 0), r.Filing!.AsOf);
        Assert.Empty(_store.Outages());
    }

    [Fact]
    public async Task Two_ingests_of_the_same_file_at_once_make_one_filing()
    {
        var path = TestFiles.Csv(_dir, "apps.csv", Enumerable.Range(1, 2_000).Select(i => (IReadOnlyDictionary<string, string>)TestFiles.Application($"A-{i:00000}")).ToList());
        using var start = new Barrier(2);
        IngestResult Run()
        {
            using var store = new SqliteStore(_dir.File("analytics.db"));
            var ingestor = new FileIngestor(store);
            start.SignalAndWait();
            return ingestor.Ingest(FilingKind.Applications, path, Options());
        }
        var results = await Task.WhenAll(Task.Run(Run), Task.Run(Run));
        Assert.Equal([IngestOutcome.Loaded, IngestOutcome.AlreadyLoaded], results.Select(r => r.Outcome).Order());
        var filing = Assert.Single(_store.Filings());
        Assert.All(results, r => Assert.Equal(filing.Id, r.Filing!.Id));
        Assert.Equal(2_000, _store.ApplicationRevisions().Count());
    }

    [Fact]
    public void The_same_file_given_twice_in_one_batch_is_one_filing()
    {
        var path = TestFiles.Csv(_dir, "apps.csv", [TestFiles.Application("A-1")]);
        var results = _ingestor.IngestAll(FilingKind.Applications, [path, path], Options());
        Assert.Equal([IngestOutcome.Loaded, IngestOutcome.AlreadyLoaded], results.Select(r => r.Outcome));
        Assert.Single(_store.Filings());
    }

    [Fact]
    public void A_rejected_file_in_a_batch_leaves_every_file_of_it_unstored()
    {
        var good = TestFiles.Csv(_dir, "good.csv", [TestFiles.Application("A-1")]);
        var bad = TestFiles.Csv(_dir, "bad.csv", [TestFiles.Application("B-1").With("voltage", "7kv")]);
        var results = _ingestor.IngestAll(FilingKind.Applications, [good, bad], Options(partial: true));
        Assert.Equal([IngestOutcome.Loaded, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Empty(_store.Filings());
        Assert.Empty(_store.Applications());
    }

    [Fact]
    public void A_nul_character_the_store_refuses_names_the_file_and_the_field_and_loads_nothing()
    {
        var good = TestFiles.Csv(_dir, "good.csv", [TestFiles.Application("A-1")]);
        var nul = TestFiles.Csv(_dir, "nul.csv", [TestFiles.Application("B-1")]);
        // Once the parsers refuse NUL themselves this is a located parse error instead; either way nothing loads.
        File.WriteAllText(nul, File.ReadAllText(nul).Replace("B-1", "B-\u00001", StringComparison.Ordinal));
        try
        {
            var results = _ingestor.IngestAll(FilingKind.Applications, [good, nul], Options());
            Assert.Equal(IngestOutcome.Rejected, results[^1].Outcome);
        }
        catch (Analytics.Domain.Storage.StoreDataException e)
        {
            Assert.StartsWith(nul + ": ", e.Message, StringComparison.Ordinal);
            Assert.Equal("application_id", e.Field);
        }
        Assert.Empty(_store.Filings());
    }
}
