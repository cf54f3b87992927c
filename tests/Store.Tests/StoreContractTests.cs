using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Testing;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>
/// The one test suite of the <see cref="IAnalyticsStore"/> contract, run against every store
/// (<see cref="SqliteStoreTests"/>, <see cref="PostgresStoreTests"/>). Each test gets a fresh, empty store.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private static readonly DateTime Jan = new(2022, 1, 31, 18, 0, 0);
    private static readonly DateTime Feb = new(2022, 2, 28, 18, 0, 0);
    private static readonly DateTime Mar = new(2022, 3, 31, 18, 0, 0);
    private static readonly DateTime Loaded = new(2022, 4, 1, 9, 0, 0);

    private readonly List<IAnalyticsStore> _opened = [];
    private IAnalyticsStore? _store;

    /// <summary>The <c>--store</c> argument of this test's fresh store.</summary>
    protected abstract string StoreArgument { get; }

    /// <summary>A <c>--store</c> argument that names a store that cannot be reached or opened.</summary>
    protected abstract string UnreachableArgument { get; }

    /// <summary>A secret in <see cref="UnreachableArgument"/> that no message may show (null when it has none).</summary>
    protected virtual string? SecretInUnreachableArgument => null;

    /// <summary>Runs SQL on this test's store behind the store's back (to fake a newer schema).</summary>
    protected abstract void ExecuteRaw(string sql);

    /// <summary>Every column of every table of this test's store, as <c>table.column</c>.</summary>
    protected abstract IReadOnlyList<string> StoredColumns();

    /// <summary>
    /// Makes the store itself fail (a trigger raising an error: SQLite's constraint abort, PostgreSQL's
    /// 53100 disk full) when the filing named <paramref name="fileName"/> is completed.
    /// </summary>
    protected abstract void FailWhenFilingCompletes(string fileName);

    /// <summary>Holds the store's write lock from another connection (as another process would) until disposed.</summary>
    protected abstract IDisposable HoldWriteLock();

    /// <summary>SQL that takes this test's store back to the schema before the marker and the unique (kind, sha256).</summary>
    protected abstract string BackToSchemaBeforeTheMarker { get; }

    // ---- issue 17: the hand-written writers and readers against the one field list

    [Fact]
    public void The_application_table_has_a_column_for_every_stored_field_of_the_list_and_no_other()
    {
        Assert.NotNull(Store); // creates the schema
        string[] housekeeping = ["utility", "application_id", "revision", "filing_id", "filing_as_of", "content_hash",
            // the derived figures (issue 12), written beside the fields, not fields of the record
            "d_category", "d_settled_at", "d_approval_days", "d_utility_days", "d_whole_days", "d_outcomes", "d_calendar_gap",
            // the embedded store's head flag (issue 12): the latest revision of its application or not
            "is_head"];
        var columns = StoredColumns().Where(c => c.StartsWith("application_revisions.", StringComparison.Ordinal))
            .Select(c => c["application_revisions.".Length..]).Except(housekeeping).Order(StringComparer.Ordinal);
        Assert.Equal(ApplicationFields.StoreData.Select(f => f.Name).Order(StringComparer.Ordinal), columns);
    }

    [Fact]
    public void Every_stored_field_of_the_list_is_written_and_read_back_in_its_own_place()
    {
        // One row a field: the minimal application with only that field set to another value. A writer or
        // reader that binds a field at another's position gives some row back wrong.
        var full = Samples.Full();
        var rows = ApplicationFields.StoreData.Select((f, i) => f.With!(Samples.Minimal($"F-{i:D2}-{f.Name}"), f.Get(full))).ToList();
        Load(Store, Feb, [.. rows]);
        var back = Reopen().Applications().OrderBy(a => a.ApplicationId, StringComparer.Ordinal).ToList();
        Assert.Equal(rows.OrderBy(a => a.ApplicationId, StringComparer.Ordinal), back);
    }

    // ---- issue 13: batches (5), NUL (6), key fingerprint (9), busy (11), one filing per file (13), foreign databases (16)

    [Fact]
    public void A_batch_makes_its_filings_visible_together_at_its_commit()
    {
        using var batch = Store.BeginBatch();
        using (var a = batch.BeginFiling(FilingKind.Applications, "a.csv", "sha-a", Jan, Loaded))
        {
            a.Add(Samples.Full());
            a.Commit(1, 0);
        }
        using (var b = batch.BeginFiling(FilingKind.Outages, "b.csv", "sha-b", Feb, Loaded))
        {
            b.Add(Samples.Step("T-1", 1));
            b.Commit(1, 0);
        }
        Assert.NotNull(batch.FindFiling(FilingKind.Applications, "sha-a"));
        Assert.Empty(Reopen().Filings());
        batch.Commit();
        var after = Reopen();
        Assert.Equal(["a.csv", "b.csv"], after.Filings().Select(f => f.FileName));
        Assert.Equal([Samples.Full()], after.Applications());
        Assert.Single(after.Outages());
    }

    [Fact]
    public void A_store_failure_on_the_second_filing_of_a_batch_leaves_the_first_unstored_too()
    {
        Load(Store, Jan, Samples.Minimal());
        var before = StoreSnapshot.Of(Store);
        FailWhenFilingCompletes("b.csv");
        var batch = Store.BeginBatch();
        using (var a = batch.BeginFiling(FilingKind.Applications, "a.csv", "sha-a", Feb, Loaded))
        {
            a.Add(Samples.Full());
            a.Add(Samples.Minimal() with { PausedDays = 9 });
            a.Commit(2, 0);
        }
        var b = batch.BeginFiling(FilingKind.Applications, "b.csv", "sha-b", Feb, Loaded);
        b.Add(Samples.Full("SG-2022-000777"));
        Assert.ThrowsAny<Exception>(() => b.Commit(1, 0));
        b.Dispose();
        Assert.Throws<InvalidOperationException>(batch.Commit);
        batch.Dispose();

        StoreSnapshot.Of(Reopen()).AssertSameAs(before);
        Assert.Null(Reopen().FindFiling(FilingKind.Applications, "sha-a"));
    }

    [Fact]
    public void A_writer_disposed_uncommitted_abandons_its_batch()
    {
        var before = StoreSnapshot.Of(Store);
        using (var batch = Store.BeginBatch())
        {
            using (var a = batch.BeginFiling(FilingKind.Applications, "a.csv", "sha-a", Jan, Loaded))
            {
                a.Add(Samples.Full());
                a.Commit(1, 0);
            }
            using (var b = batch.BeginFiling(FilingKind.Applications, "b.csv", "sha-b", Jan, Loaded))
                b.Add(Samples.Minimal());
            Assert.Throws<InvalidOperationException>(batch.Commit);
        }
        StoreSnapshot.Of(Reopen()).AssertSameAs(before);
        // Nothing is left locked or staged: the next filing goes through.
        Load(Store, Feb, Samples.Full());
        Assert.Single(Store.Filings());
    }

    [Theory]
    [InlineData("county")]
    [InlineData("application_id")]
    [InlineData("customer_mask")]
    [InlineData("feeder")]
    [InlineData("text")]
    public void A_nul_character_in_text_is_refused_as_bad_data_naming_the_field(string field)
    {
        Load(Store, Jan, Samples.Minimal());
        var before = StoreSnapshot.Of(Store);
        var ex = Assert.Throws<StoreDataException>(() => Load(Store, Feb, w =>
        {
            w.Add(Samples.Full("SG-2022-000100"));
            switch (field)
            {
                case "county": w.Add(Samples.Full() with { County = "yao\0du" }); break;
                case "application_id": w.Add(Samples.Full("SG\0-1")); break;
                case "customer_mask": w.Add(Samples.Full() with { CustomerMask = "张*\0" }); break;
                case "feeder": w.Add(Samples.Step("T-1", 1) with { Feeder = "10kV\0线" }); break;
                default: w.Add(Samples.Note(NoteSection.Progress, "进度\0")); break;
            }
        }));
        Assert.Equal(field, ex.Field);
        Assert.Contains("NUL", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', ex.Message);
        StoreSnapshot.Of(Reopen()).AssertSameAs(before);
    }

    [Fact]
    public void The_customer_key_fingerprint_is_recorded_once_and_another_one_is_refused()
    {
        Assert.Null(Store.CustomerKeyFingerprint());
        Assert.False(Store.HoldsCustomerKeys());
        var first = new string('a', 64);
        using (var batch = Store.BeginBatch())
        {
            using (var w = batch.BeginFiling(FilingKind.Applications, "a.csv", "sha-a", Jan, Loaded))
            {
                w.Add(Samples.Full());
                w.Commit(1, 0);
            }
            batch.RecordCustomerKeyFingerprint(first);
            batch.Commit();
        }
        Assert.Equal(first, Reopen().CustomerKeyFingerprint());
        Assert.True(Reopen().HoldsCustomerKeys());

        using (var same = Store.BeginBatch())
        {
            same.RecordCustomerKeyFingerprint(first);
            same.Commit();
        }
        using (var other = Store.BeginBatch())
        {
            var ex = Assert.Throws<CustomerKeyMismatchException>(() => other.RecordCustomerKeyFingerprint(new string('b', 64)));
            Assert.Contains(first[..16], ex.Message, StringComparison.Ordinal);
        }
        Assert.Equal(first, Reopen().CustomerKeyFingerprint());
    }

    [Fact]
    public void A_busy_store_waits_its_timeout_then_fails_as_busy_naming_the_cause()
    {
        Store.EnsureSchema();
        using var impatient = StoreFactory.Open(StoreArgument, busyTimeout: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        StoreBusyException ex;
        using (HoldWriteLock())
            ex = Assert.Throws<StoreBusyException>(() =>
            {
                using var w = impatient.BeginFiling(FilingKind.Applications, "a.csv", "sha-busy", Jan, Loaded);
                w.Add(Samples.Full());
                w.Commit(1, 0);
            });
        clock.Stop();
        Assert.IsAssignableFrom<StoreUnavailableException>(ex);
        Assert.Contains("ANALYTICS_BUSY_TIMEOUT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("正忙", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(20));
        // Once the other writer is gone, the same store writes.
        Load(impatient, Jan, Samples.Full());
        Assert.Single(Reopen().Filings());
    }

    [Fact]
    public void A_file_is_filed_once_per_kind()
    {
        Load(Store, Jan, "same-sha", Samples.Full());
        Assert.Throws<DuplicateFilingException>(() => Load(Store, Feb, "same-sha", Samples.Minimal()));
        using (var outages = Store.BeginFiling(FilingKind.Outages, "o.csv", "same-sha", Feb, Loaded))
        {
            outages.Add(Samples.Step("T-1", 1));
            outages.Commit(1, 0);
        }
        Assert.Equal(2, Reopen().Filings().Count);
        Assert.Equal([Samples.Full()], Reopen().Applications());
    }

    [Fact]
    public async Task Two_loads_of_the_same_file_at_once_make_one_filing()
    {
        Store.EnsureSchema();
        using var start = new Barrier(2);
        string LoadOnce()
        {
            var store = Reopen();
            start.SignalAndWait();
            using var batch = store.BeginBatch();
            if (batch.FindFiling(FilingKind.Applications, "racing-sha") is not null) return "already loaded";
            using (var w = batch.BeginFiling(FilingKind.Applications, "a.csv", "racing-sha", Jan, Loaded))
            {
                foreach (var a in SyntheticApplications.Range(0, 300)) w.Add(a);
                w.Commit(300, 0);
            }
            batch.Commit();
            return "loaded";
        }
        var outcomes = await Task.WhenAll(Task.Run(LoadOnce), Task.Run(LoadOnce));
        Assert.Equal(["already loaded", "loaded"], outcomes.Order());
        Assert.Single(Reopen().Filings());
        Assert.Equal(300, Reopen().ApplicationRevisions().Count());
    }

    [Fact]
    public void A_store_from_before_the_marker_is_migrated_and_keeps_its_duplicate_filings()
    {
        Store.EnsureSchema();
        ExecuteRaw(BackToSchemaBeforeTheMarker);
        var first = Load(Store, Jan, "dup-sha", Samples.Full());
        var second = Load(Store, Feb, "dup-sha", Samples.Full() with { PausedDays = 2 });

        var migrated = Reopen();
        Assert.Equal(first, migrated.FindFiling(FilingKind.Applications, "dup-sha"));
        Assert.Equal(["dup-sha", "dup-sha#duplicate-" + second.Id.ToString(CultureInfo.InvariantCulture)], migrated.Filings().Select(f => f.Sha256));
        Assert.Equal(2, migrated.ApplicationRevisions().Count());
        Assert.Throws<DuplicateFilingException>(() => Load(migrated, Mar, "dup-sha", Samples.Minimal()));
        Assert.Contains("analytics_meta.value", StoredColumns());
    }

    [Theory]
    [InlineData("CREATE TABLE filings (id integer PRIMARY KEY, note text)")]
    [InlineData("CREATE TABLE customers (id integer PRIMARY KEY, city text); CREATE TABLE schema_version (version integer, description text)")]
    [InlineData("CREATE TABLE analytics_meta (item text, value text); INSERT INTO analytics_meta VALUES ('application_id', 'something else')")]
    public void A_foreign_database_is_refused_and_nothing_is_added_to_it(string theirs)
    {
        ExecuteRaw(theirs);
        var columns = StoredColumns();
        var ex = Assert.Throws<StoreUnavailableException>(() => StoreFactory.Open(StoreArgument));
        Assert.Contains("不是 analytics 的存储", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Equal(columns, StoredColumns());
    }

    /// <summary>The store under test, opened (schema ensured) on first use.</summary>
    protected IAnalyticsStore Store => _store ??= Reopen();

    /// <summary>Another instance over the same data, as a second process would see it.</summary>
    protected IAnalyticsStore Reopen()
    {
        var s = StoreFactory.Open(StoreArgument);
        _opened.Add(s);
        return s;
    }

    [Fact]
    public void Schema_creation_is_idempotent()
    {
        Store.EnsureSchema();
        Store.EnsureSchema();
        Load(Store, Jan, Samples.Full());
        using var again = StoreFactory.Create(StoreArgument);
        again.EnsureSchema();
        again.EnsureSchema();
        Assert.Equal([Samples.Full()], again.Applications());
        Assert.Single(again.Filings());
    }

    [Fact]
    public void No_column_can_hold_personal_data_in_clear()
    {
        Store.EnsureSchema();
        var columns = StoredColumns();
        Assert.Contains("application_revisions.customer_key", columns);
        Assert.Contains("application_revisions.customer_mask", columns);
        string[] forbidden = ["name", "id_number", "phone", "customer_name", "id_card", "mobile", "address"];
        Assert.DoesNotContain(columns, c => forbidden.Contains(c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public void A_schema_newer_than_the_program_is_refused()
    {
        Store.EnsureSchema();
        ExecuteRaw("INSERT INTO schema_version (version, description, applied_at) VALUES (999, 'from the future', '2030-01-01 00:00:00')");
        using var newer = StoreFactory.Create(StoreArgument);
        var ex = Assert.Throws<StoreUnavailableException>(newer.EnsureSchema);
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_application_field_round_trips_exactly()
    {
        var full = Samples.Full();
        var minimal = Samples.Minimal();
        var filing = Load(Store, Jan, full, minimal);

        var latest = Reopen().Applications().ToList();
        Assert.Equal([full, minimal], latest);
        AssertSameDetail(full, latest[0]);
        AssertSameDetail(minimal, latest[1]);

        var revisions = Store.ApplicationRevisions().ToList();
        Assert.Equal(
            [new ApplicationRevision(full, 1, filing.Id, Jan), new ApplicationRevision(minimal, 1, filing.Id, Jan)],
            revisions);
        Assert.All(revisions, r => Assert.Equal(DateTimeKind.Unspecified, r.FilingAsOf.Kind));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("zh-CN")]
    [InlineData("ar-SA")]
    public void Values_do_not_depend_on_the_machine_culture(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var full = Samples.Full();
            Load(Store, Jan, full);
            var back = Reopen().Applications().Single();
            Assert.Equal(full, back);
            AssertSameDetail(full, back);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Every_synthetic_row_round_trips()
    {
        var rows = SyntheticApplications.Range(0, 500).ToList();
        Load(Store, Jan, [.. rows]);
        var back = Reopen().Applications().ToList();
        Assert.Equal(rows.OrderBy(a => a.Utility, StringComparer.Ordinal).ThenBy(a => a.ApplicationId, StringComparer.Ordinal), back);
    }

    [Fact]
    public void Applications_are_ordered_by_utility_then_id_ordinally()
    {
        string[] ids = ["b-1", "B-2", "a10", "a9", "A-3", "中-1", "Z", "a-10"];
        var apps = ids.SelectMany(id => new[] { Samples.Minimal(id, "sxdl-puxian"), Samples.Minimal(id, "hzmd-pilot") }).ToArray();
        Load(Store, Jan, apps);
        var expected = apps.OrderBy(a => a.Utility, StringComparer.Ordinal).ThenBy(a => a.ApplicationId, StringComparer.Ordinal)
            .Select(a => (a.Utility, a.ApplicationId));
        Assert.Equal(expected, Store.Applications().Select(a => (a.Utility, a.ApplicationId)));
        Assert.Equal(expected, Store.ApplicationRevisions().Select(r => (r.Record.Utility, r.Record.ApplicationId)));
    }

    [Fact]
    public void A_filing_is_recorded_and_found_by_kind_and_sha256()
    {
        var asOf = new DateTime(2022, 6, 30, 23, 59, 59).AddTicks(9_999_990);
        Filing committed;
        using (var w = Store.BeginFiling(FilingKind.Applications, "国网临汾 2022H1.xlsx", "ab12", asOf, Loaded))
        {
            w.Add(Samples.Full());
            w.Add(Samples.Minimal());
            committed = w.Commit(rowsRead: 3, rowsRejected: 1);
        }
        var expected = new Filing
        {
            Id = committed.Id, Kind = FilingKind.Applications, FileName = "国网临汾 2022H1.xlsx", Sha256 = "ab12",
            AsOf = asOf, LoadedAt = Loaded, RowsRead = 3, RowsChanged = 2, RowsUnchanged = 0, RowsRejected = 1,
        };
        Assert.Equal(expected, committed);

        var again = Reopen();
        Assert.Equal(expected, again.FindFiling(FilingKind.Applications, "ab12"));
        Assert.Null(again.FindFiling(FilingKind.Outages, "ab12"));
        Assert.Null(again.FindFiling(FilingKind.Applications, "ab13"));
        Assert.Equal([expected], again.Filings());
        Assert.Equal(DateTimeKind.Unspecified, again.Filings()[0].AsOf.Kind);
    }

    [Fact]
    public void Instants_are_kept_to_the_microsecond_in_every_store()
    {
        var fine = new DateTime(2022, 6, 30, 23, 59, 59).AddTicks(9_999_999);
        var micro = new DateTime(2022, 6, 30, 23, 59, 59).AddTicks(9_999_990);
        var app = Samples.Minimal() with { AcceptedAt = fine, ConnectedAt = fine.AddTicks(-5) };
        Filing committed;
        using (var w = Store.BeginFiling(FilingKind.Applications, "a.csv", "t1", fine, fine))
        {
            w.Add(app);
            committed = w.Commit(1, 0);
        }
        Assert.Equal(micro, committed.AsOf);
        Assert.Equal(micro, Reopen().Filings().Single().AsOf);
        var back = Reopen().Applications().Single();
        Assert.Equal(micro, back.AcceptedAt);
        Assert.Equal(micro, back.ConnectedAt);
        // The truncated value is what the store holds, so filing the fine value again changes nothing.
        Assert.Equal(0, Load(Store, Feb, app).RowsChanged);
        Assert.Equal(0, Load(Store, Feb, back).RowsChanged);
    }

    [Fact]
    public void Filings_are_listed_oldest_first()
    {
        var a = Load(Store, Feb, Samples.Full());
        var b = Load(Store, Jan, Samples.Minimal());
        Assert.Equal([a.Id, b.Id], Store.Filings().Select(f => f.Id));
        Assert.True(b.Id > a.Id);
    }

    [Fact]
    public void Rows_are_invisible_until_commit()
    {
        using var w = Store.BeginFiling(FilingKind.Applications, "a.csv", "s1", Jan, Loaded);
        w.Add(Samples.Full());
        var reader = Reopen();
        Assert.Empty(reader.Applications());
        Assert.Empty(reader.Filings());
        w.Commit(1, 0);
        Assert.Equal([Samples.Full()], reader.Applications());
        Assert.Single(reader.Filings());
    }

    [Fact]
    public void Disposing_without_commit_leaves_nothing()
    {
        Load(Store, Jan, Samples.Minimal());
        var before = StoreSnapshot.Of(Store);
        using (var w = Store.BeginFiling(FilingKind.Applications, "a.csv", "s2", Feb, Loaded))
        {
            w.Add(Samples.Full());
            w.Add(Samples.Minimal() with { PausedDays = 4 });
            w.Add(Samples.Step("T-1", 1));
            w.Add(Samples.Customers(2022, null, 5));
            w.Add(Samples.Note(NoteSection.Progress, "进度"));
            w.Add(Samples.Ledger("任务1", "推进中"));
        }
        StoreSnapshot.Of(Reopen()).AssertSameAs(before);
        Assert.Null(Store.FindFiling(FilingKind.Applications, "s2"));
        // The store is still writable: no lock or staging table was left behind.
        Load(Store, Feb, Samples.Full());
        Assert.Equal(2, Store.Applications().Count());
    }

    [Fact]
    public void The_same_rows_again_change_nothing()
    {
        var rows = SyntheticApplications.Range(0, 200).Append(Samples.Full()).ToArray();
        Load(Store, Jan, rows);
        var before = Store.ApplicationRevisions().ToList();

        var again = Load(Store, Feb, rows);
        Assert.Equal(0, again.RowsChanged);
        Assert.Equal(rows.Length, again.RowsUnchanged);
        Assert.Equal(before, Store.ApplicationRevisions());
    }

    [Fact]
    public void A_changed_row_becomes_a_new_revision_and_the_earlier_one_is_kept()
    {
        var first = Samples.Full();
        var other = Samples.Minimal();
        var f1 = Load(Store, Jan, first, other);
        var changed = first with { ConnectedAt = first.ConnectedAt!.Value.AddDays(-1), Status = ApplicationStatus.Connected };
        var f2 = Load(Store, Feb, changed, other);
        Assert.Equal(1, f2.RowsChanged);
        Assert.Equal(1, f2.RowsUnchanged);
        var changedAgain = changed with { CustomerMask = null };
        var f3 = Load(Store, Mar, changedAgain);
        Assert.Equal(1, f3.RowsChanged);

        Assert.Equal([changedAgain, other], Store.Applications());
        Assert.Equal(
        [
            new ApplicationRevision(first, 1, f1.Id, Jan),
            new ApplicationRevision(changed, 2, f2.Id, Feb),
            new ApplicationRevision(changedAgain, 3, f3.Id, Mar),
            new ApplicationRevision(other, 1, f1.Id, Jan),
        ], Store.ApplicationRevisions());
    }

    [Fact]
    public void A_decimal_written_with_another_scale_is_the_same_row()
    {
        Load(Store, Jan, Samples.Full() with { CapacityKw = 1250.5m });
        var again = Load(Store, Feb, Samples.Full() with { CapacityKw = 1250.500m });
        Assert.Equal(0, again.RowsChanged);
        Assert.Single(Store.ApplicationRevisions());
    }

    [Fact]
    public void Known_at_shows_what_was_known_then()
    {
        var a1 = Samples.Full();
        var a2 = a1 with { PlanRepliedAt = a1.PlanRepliedAt!.Value.AddHours(-5) };
        var b = Samples.Minimal();
        Load(Store, Jan, a1);
        Load(Store, Mar, a2, b);

        Assert.Empty(Store.Applications(Jan.AddTicks(-1)));
        Assert.Equal([a1], Store.Applications(Jan));
        Assert.Equal([a1], Store.Applications(Feb));
        Assert.Equal([a2, b], Store.Applications(Mar));
        Assert.Equal([a2, b], Store.Applications());
        Assert.Equal([a1], Store.ApplicationRevisions(Feb).Select(r => r.Record));
        Assert.Equal([a1, a2, b], Store.ApplicationRevisions(Mar).Select(r => r.Record));
        Assert.Empty(Store.ApplicationRevisions(new DateTime(2021, 1, 1)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0001")]
    [InlineData("0.00001")]
    [InlineData("1.5")]
    [InlineData("1.50")]
    [InlineData("10000")]
    [InlineData("100000000")]
    [InlineData("12345.6789")]
    [InlineData("123456789012.345678")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-3.25")]
    public void Decimals_of_every_shape_read_back_with_their_value_and_scale(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        // The first filing of an empty store with distinct keys, then a staged later one: every write path.
        var first = Samples.Full() with { CapacityKw = value, FeeYuan = value, CustomerInvestmentYuan = value };
        var later = Samples.Minimal() with { CapacityKw = value, FeeYuan = -value, CustomerInvestmentYuan = null };
        LoadDistinct(Store, Jan, first);
        Load(Store, Feb, later);
        var back = Reopen().Applications().ToList();
        Assert.Equal([first, later], back);
        AssertSameDetail(first, back[0]);
        AssertSameDetail(later, back[1]);
        // The revisions' read (every read command's) is a separate code path: the same values and scales.
        var revisions = Reopen().ApplicationRevisions().Select(r => r.Record).ToList();
        Assert.Equal([first, later], revisions);
        AssertSameDetail(first, revisions[0]);
        AssertSameDetail(later, revisions[1]);
    }

    [Fact]
    public void A_key_given_twice_in_a_later_filing_keeps_the_last_row()
    {
        Load(Store, Jan, Samples.Minimal());
        var last = Samples.Full() with { PausedDays = 9 };
        var changed = Samples.Minimal() with { PausedDays = 4 };
        var filing = Load(Store, Feb, Samples.Full(), changed, Samples.Full() with { PausedDays = 5 }, last, Samples.Minimal(), changed);
        Assert.Equal(2, filing.RowsChanged);
        Assert.Equal([last, changed], Store.Applications());
        Assert.Equal([1, 1, 2], Store.ApplicationRevisions().Select(r => r.Revision));
    }

    [Fact]
    public void A_long_first_filing_with_keys_given_twice_keeps_every_key_once_with_its_last_row()
    {
        // Enough rows for several COPY buffers; every 97th key comes back later with other content.
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => Samples.Full(id: string.Create(CultureInfo.InvariantCulture, $"SG-{i:D6}")) with { PausedDays = 0 })
            .ToList();
        var again = rows.Where((_, i) => i % 97 == 0).Select(a => a with { PausedDays = 7 }).ToList();
        var filing = Load(Store, Jan, [.. rows, .. again]);
        Assert.Equal(rows.Count, filing.RowsChanged);
        var back = Reopen().Applications().ToList();
        Assert.Equal(rows.Count, back.Count);
        Assert.Equal(again.Count, back.Count(a => a.PausedDays == 7));
        Assert.All(back, a => Assert.Equal(a.PausedDays == 7, int.Parse(a.ApplicationId[3..], CultureInfo.InvariantCulture) % 97 == 0));
        Assert.All(Store.ApplicationRevisions(), r => Assert.Equal(1, r.Revision));
    }

    [Fact]
    public void Filings_with_distinct_keys_read_back_like_any_other()
    {
        // The first into an empty store (PostgreSQL copies it straight into place), then a staged one.
        var rows = Enumerable.Range(0, 5_000)
            .Select(i => Samples.Full(id: string.Create(CultureInfo.InvariantCulture, $"SG-{i:D6}")))
            .ToList();
        var first = LoadDistinct(Store, Jan, [.. rows, Samples.Minimal()]);
        Assert.Equal(rows.Count + 1, first.RowsChanged);
        var changed = rows[17] with { PausedDays = 41 };
        var second = LoadDistinct(Store, Feb, changed, rows[18], Samples.Minimal() with { PausedDays = 42 });
        Assert.Equal((2, 1), (second.RowsChanged, second.RowsUnchanged));
        var back = Reopen().Applications().ToList();
        Assert.Equal(rows.Count + 1, back.Count);
        Assert.Equal(changed, back[17]);
        AssertSameDetail(rows[0], back[0]);
        Assert.Equal(rows.Count + 3, Store.ApplicationRevisions().Count());
        Assert.Equal([first.Id], Store.ApplicationRevisions(Jan).Select(r => r.FilingId).Distinct());
    }

    [Fact]
    public void A_key_given_twice_despite_the_promise_is_never_stored_twice()
    {
        var before = StoreSnapshot.Of(Store);
        var last = Samples.Full() with { PausedDays = 9 };
        try
        {
            LoadDistinct(Store, Jan, Samples.Full(), Samples.Minimal(), last);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            // Refusing the filing is allowed: then nothing of it is stored.
            StoreSnapshot.Of(Reopen()).AssertSameAs(before);
            return;
        }
        Assert.Equal([last, Samples.Minimal()], Reopen().Applications());
        Assert.Equal(2, Store.ApplicationRevisions().Count());
    }

    [Fact]
    public void A_key_given_twice_in_one_filing_keeps_the_last_row()
    {
        var last = Samples.Full() with { PausedDays = 9 };
        var filing = Load(Store, Jan, Samples.Full(), Samples.Minimal(), last);
        Assert.Equal([last, Samples.Minimal()], Store.Applications());
        Assert.Equal(2, filing.RowsChanged);
        Assert.Single(Store.ApplicationRevisions(), r => r.Record.ApplicationId == last.ApplicationId);
    }

    [Fact]
    public void An_outage_filed_again_replaces_all_its_steps()
    {
        OutageStep[] t1 = [Samples.Step("T-1", 1), Samples.Step("T-1", 2), Samples.Step("T-1", 3)];
        var t2 = Samples.Step("T-2", 1);
        var otherUtility = Samples.Step("T-1", 1, utility: "sxdl-anze");
        var f1 = LoadOutages(Store, Jan, [.. t1, t2, otherUtility]);
        Assert.Equal(5, f1.RowsChanged);
        Assert.Equal(Sorted([.. t1, t2, otherUtility]), Reopen().Outages());

        // T-1 of sgcc-linfen again, now in two steps: its third step goes, the other outages stay.
        OutageStep[] t1Again = [Samples.Step("T-1", 1, customers: 60), Samples.Step("T-1", 2, customers: 40)];
        var f2 = LoadOutages(Store, Feb, t1Again);
        Assert.Equal(2, f2.RowsChanged);
        Assert.Equal(Sorted([.. t1Again, t2, otherUtility]), Store.Outages());

        // Filed exactly as stored: unchanged.
        var f3 = LoadOutages(Store, Mar, [.. t1Again, t2]);
        Assert.Equal(0, f3.RowsChanged);
        Assert.Equal(3, f3.RowsUnchanged);
        Assert.Equal(Sorted([.. t1Again, t2, otherUtility]), Store.Outages());

        // Only a step's content changes: the whole outage is replaced.
        var f4 = LoadOutages(Store, Mar, [t1Again[0], t1Again[1] with { EndAt = t1Again[1].EndAt.AddMinutes(1) }]);
        Assert.Equal(2, f4.RowsChanged);
        Assert.Equal(t1Again[1].EndAt.AddMinutes(1), Store.Outages().Single(o => o.OutageId == "T-1" && o.Utility == "sgcc-linfen" && o.Step == 2).EndAt);
    }

    [Fact]
    public void Customers_are_replaced_by_key()
    {
        var yearly = Samples.Customers(2022, null, 1000);
        var june = Samples.Customers(2022, 6, 990);
        var other = Samples.Customers(2022, 6, 77, county: "houma");
        Load(Store, Jan, w => { w.Add(yearly); w.Add(june); w.Add(other); });
        Assert.Equal([yearly, other, june], Reopen().CustomersServed().OrderBy(c => c.Month ?? 0).ThenBy(c => c.County, StringComparer.Ordinal));

        var juneAgain = june with { Customers = 995 };
        var f = Load(Store, Feb, w => { w.Add(yearly); w.Add(juneAgain); });
        Assert.Equal(1, f.RowsChanged);
        Assert.Equal(1, f.RowsUnchanged);
        var stored = Store.CustomersServed().ToList();
        Assert.Equal(3, stored.Count);
        Assert.Contains(juneAgain, stored);
        Assert.Contains(yearly, stored);
        Assert.Contains(other, stored);
        Assert.Null(stored.Single(c => c.Customers == 1000).Month);
    }

    [Fact]
    public void Notes_and_ledger_notes_are_replaced_by_key()
    {
        var progress = Samples.Note(NoteSection.Progress, "一、实施进度\n按计划推进。");
        var problems = Samples.Note(NoteSection.Problems, "存在问题：审批时限偏长。");
        var h2 = Samples.Note(NoteSection.Progress, "下半年", half: 2);
        var task1 = Samples.Ledger("任务1", "已完成线上办电推广", "已完成");
        var task2 = Samples.Ledger("任务2", "推进中", null);
        Load(Store, Jan, w => { w.Add(progress); w.Add(problems); w.Add(h2); w.Add(task1); w.Add(task2); });
        Assert.Equal([progress, problems, h2], Reopen().Notes().OrderBy(n => n.Half.Half).ThenBy(n => n.Section));
        Assert.Equal([task1, task2], Reopen().LedgerNotes());

        var progressAgain = progress with { Text = "一、实施进度\n已全面完成。" };
        var task2Again = task2 with { Status = "已完成" };
        var f = Load(Store, Feb, w => { w.Add(progressAgain); w.Add(problems); w.Add(task2Again); });
        Assert.Equal(2, f.RowsChanged);
        Assert.Equal(1, f.RowsUnchanged);
        Assert.Equal([progressAgain, problems, h2], Store.Notes().OrderBy(n => n.Half.Half).ThenBy(n => n.Section));
        Assert.Equal([task1, task2Again], Store.LedgerNotes());
    }

    [Fact]
    public void A_store_that_cannot_be_reached_fails_quickly_with_its_own_error()
    {
        var sw = Stopwatch.StartNew();
        var ex = Assert.Throws<StoreUnavailableException>(() => StoreFactory.Open(UnreachableArgument).Dispose());
        sw.Stop();
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"took {sw.Elapsed}");
        Assert.DoesNotContain('\n', ex.Message);
        if (SecretInUnreachableArgument is { } secret) Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_never_shows_a_password()
    {
        Assert.DoesNotContain("Password", Store.Description, StringComparison.OrdinalIgnoreCase);
        using var unreachable = StoreFactory.Create(UnreachableArgument);
        if (SecretInUnreachableArgument is { } secret) Assert.DoesNotContain(secret, unreachable.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_killed_writer_leaves_the_store_exactly_as_before()
    {
        SeedForCrash();
        var before = StoreSnapshot.Of(Store);

        using (var probe = CrashProbe.Start(StoreArgument, "hold", rows: 20_000, first: 100, seed: 2))
        {
            probe.WaitFor("ready", TimeSpan.FromMinutes(3));
            probe.Kill();
        }

        var after = Reopen();
        StoreSnapshot.Of(after).AssertSameAs(before);
        // Not locked either: the next filing goes through.
        var next = Load(after, Mar, Samples.Minimal("after-crash"));
        Assert.Equal(1, next.RowsChanged);
    }

    [Fact]
    public void A_writer_killed_during_the_first_load_of_an_empty_store_leaves_it_empty()
    {
        // Distinct keys into a store without applications: PostgreSQL copies straight into application_revisions.
        Store.EnsureSchema();
        var before = StoreSnapshot.Of(Store);

        using (var probe = CrashProbe.Start(StoreArgument, "hold", rows: 20_000, first: 0, seed: 4, distinctKeys: true))
        {
            probe.WaitFor("ready", TimeSpan.FromMinutes(3));
            probe.Kill();
        }

        var after = Reopen();
        StoreSnapshot.Of(after).AssertSameAs(before);
        Assert.Empty(after.ApplicationRevisions());
        var next = LoadDistinct(after, Mar, Samples.Minimal("after-crash"));
        Assert.Equal(1, next.RowsChanged);
    }

    [Fact]
    public void A_writer_killed_while_committing_leaves_the_old_store_or_the_new_one_never_a_mix()
    {
        SeedForCrash();
        var before = StoreSnapshot.Of(Store);
        const long rows = 60_000;

        using (var probe = CrashProbe.Start(StoreArgument, "commit", rows, first: 100, seed: 3))
        {
            probe.WaitFor("committing", TimeSpan.FromMinutes(5));
            probe.Kill();
        }

        var after = StoreSnapshot.Of(Reopen());
        if (after.Filings.Count == before.Filings.Count)
        {
            after.AssertSameAs(before);
            return;
        }
        // The commit won the race: every row of the filing is there, nothing else moved.
        var filing = Assert.Single(after.Filings.Skip(before.Filings.Count));
        Assert.Equal(rows + 1, filing.RowsChanged);
        Assert.Equal(before.Filings, after.Filings.Take(before.Filings.Count));
        Assert.Equal(before.Revisions.Count + rows, after.Revisions.Count);
        Assert.Equal(before.Outages.Count + 1, after.Outages.Count);
    }

    public void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        DisposeStore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the test's store (file or schema).</summary>
    protected abstract void DisposeStore();

    /// <summary>A store with something of every kind, some of it in two revisions.</summary>
    private void SeedForCrash()
    {
        Load(Store, Jan, w =>
        {
            foreach (var a in SyntheticApplications.Range(0, 300, seed: 1)) w.Add(a);
            w.Add(Samples.Step("T-9", 1));
            w.Add(Samples.Customers(2022, null, 1000));
            w.Add(Samples.Note(NoteSection.Results, "成效"));
            w.Add(Samples.Ledger("任务3", "按期推进"));
        });
        Load(Store, Feb, [.. SyntheticApplications.Range(150, 300, seed: 2)]);
    }

    private static Filing Load(IAnalyticsStore store, DateTime asOf, params Application[] rows) =>
        Load(store, asOf, w => { foreach (var a in rows) w.Add(a); });

    private static Filing Load(IAnalyticsStore store, DateTime asOf, string sha256, params Application[] rows)
    {
        using var w = store.BeginFiling(FilingKind.Applications, "f.csv", sha256, asOf, Loaded);
        foreach (var a in rows) w.Add(a);
        return w.Commit(rows.Length, 0);
    }

    private static Filing LoadOutages(IAnalyticsStore store, DateTime asOf, params OutageStep[] rows) =>
        Load(store, asOf, w => { foreach (var o in rows) w.Add(o); });

    private static Filing Load(IAnalyticsStore store, DateTime asOf, Action<IFilingWriter> add, bool distinctKeys = false)
    {
        using var w = store.BeginFiling(FilingKind.Applications, "f.csv", Guid.NewGuid().ToString("N"), asOf, Loaded, distinctKeys);
        add(w);
        return w.Commit(0, 0);
    }

    private static Filing LoadDistinct(IAnalyticsStore store, DateTime asOf, params Application[] rows) =>
        Load(store, asOf, w => { foreach (var a in rows) w.Add(a); }, distinctKeys: true);

    private static List<OutageStep> Sorted(params OutageStep[] steps) =>
        [.. steps.OrderBy(o => o.Utility, StringComparer.Ordinal).ThenBy(o => o.OutageId, StringComparer.Ordinal).ThenBy(o => o.Step)];

    /// <summary>What record equality does not show: instants' kind and decimals' scale.</summary>
    private static void AssertSameDetail(Application expected, Application actual)
    {
        DateTime?[] e = Instants(expected), a = Instants(actual);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.Equal(e[i], a[i]);
            if (a[i] is { } t) Assert.Equal(DateTimeKind.Unspecified, t.Kind);
        }
        Assert.Equal(expected.CapacityKw.ToString(CultureInfo.InvariantCulture), actual.CapacityKw.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected.FeeYuan?.ToString(CultureInfo.InvariantCulture), actual.FeeYuan?.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected.CustomerInvestmentYuan?.ToString(CultureInfo.InvariantCulture), actual.CustomerInvestmentYuan?.ToString(CultureInfo.InvariantCulture));
    }

    private static DateTime?[] Instants(Application a) =>
    [
        a.RecordCreatedAt, a.AcceptedAt, a.PlanRepliedAt, a.DesignReviewStart, a.DesignReviewEnd, a.CustomerWorksStart,
        a.CustomerWorksEnd, a.MidCheckStart, a.MidCheckEnd, a.ExternalWorksStart, a.ExternalWorksEnd,
        a.ApprovalSubmittedAt, a.ApprovalGrantedAt, a.CompletionCheckStart, a.CompletionCheckEnd, a.ConnectedAt, a.WithdrawnAt,
    ];
}
