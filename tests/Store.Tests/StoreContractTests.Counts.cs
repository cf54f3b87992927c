using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>
/// Issue 12, item 2: a question's applications counted by the store (<see cref="IAnalyticsStore.CountApplications"/>) —
/// on SQLite one pass into hash tables, on PostgreSQL two GROUP BYs — against the same counts made here from the records
/// the store gives back, for years, months, weeks, a county, a utility and an earlier known-at.
/// </summary>
public abstract partial class StoreContractTests
{
    /// <summary>Figures that follow from the record alone, so that the expected counts can be made from the records.</summary>
    private sealed class RecordDerivation : IRecordDerivation
    {
        public DerivationVersion Version { get; } = new("calendar-c", "policy-c", "rules-c");

        public DerivedFigures Derive(Application a)
        {
            var h = Hash(a.ApplicationId);
            var settled = new[] { a.ConnectedAt, a.WithdrawnAt, a.ApprovalGrantedAt }.Where(t => t is not null).Select(t => t!.Value)
                .Append(a.AcceptedAt).Max();
            string outcomes = new([.. Enumerable.Range(0, 4).Select(i => "-cbg"[(h >> (2 * i)) & 3])]);
            return new DerivedFigures(a.Category, settled, h % 5 == 0 ? null : h % 17, h % 7 == 0 ? null : h % 23, h % 31,
                outcomes, h % 13 == 0);
        }

        private static int Hash(string s)
        {
            var h = 17;
            foreach (var c in s) h = unchecked(h * 31 + c);
            return h & 0x7fffffff;
        }
    }

    private static readonly (string Utility, string County)[] CountGroups =
        [("sgcc-linfen", "yaodu"), ("sgcc-linfen", "houma"), ("sxdl-puxian", "puxian")];

    private static List<Application> CountSample(Random random, int n)
    {
        var list = new List<Application>();
        for (var i = 0; i < n; i++)
        {
            var (utility, county) = CountGroups[random.Next(CountGroups.Length)];
            var accepted = new DateTime(2021, 10, 1).AddHours(random.Next(24 * 400));
            var end = accepted.AddHours(random.Next(1, 24 * 60));
            var fate = random.Next(4);
            var approval = random.Next(3) == 0 ? accepted.AddHours(random.Next(1, 24 * 40)) : (DateTime?)null;
            list.Add(Samples.Minimal($"C{i:D4}", utility) with
            {
                County = county,
                Area = (Area)(1 + random.Next(4)),
                CustomerType = random.Next(2) == 0 ? CustomerType.Residential : CustomerType.NonResidential,
                Voltage = random.Next(3) == 0 ? Voltage.Kv10 : Voltage.Lv,
                Channel = random.Next(2) == 0 ? Channel.Counter : Channel.Online,
                EContract = random.Next(3) switch { 0 => null, 1 => true, _ => false },
                ApprovalSubmittedAt = approval?.AddHours(-5),
                ApprovalGrantedAt = approval,
                ApprovalMode = approval is null ? null : ApprovalMode.Filing,
                AcceptedAt = accepted,
                RecordCreatedAt = random.Next(10) == 0 ? accepted.AddDays(40) : accepted,
                ConnectedAt = fate < 2 ? end : null,
                WithdrawnAt = fate == 2 ? end : null,
                Status = fate < 2 ? ApplicationStatus.Connected : fate == 2 ? ApplicationStatus.Withdrawn : ApplicationStatus.InProgress,
            });
        }
        return list;
    }

    [Fact]
    public void The_store_counts_a_question_as_its_records_and_derived_figures_say()
    {
        var derivation = new RecordDerivation();
        Store.Derive(derivation);
        var random = new Random(1203);
        var first = CountSample(random, 400);
        Load(Store, Jan, first.ToArray());
        // A second filing in March revises a quarter of them (connected, withdrawn, rewritten) and adds new ones.
        var revised = first.Where((_, i) => i % 4 == 0)
            .Select(a => a with { ConnectedAt = a.AcceptedAt.AddDays(9), WithdrawnAt = null, Status = ApplicationStatus.Connected, PausedDays = 1 })
            .Concat(CountSample(new Random(7), 60).Select(a => a with { ApplicationId = "N" + a.ApplicationId }))
            .ToArray();
        Load(Store, Mar, revised);

        var questions = new (RecordScope Scope, DateTime? KnownAt)[]
        {
            (new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)), null),
            (new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 30)), null),
            (new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31)), null),
            (new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31)), Feb),
            (new RecordScope(new DateOnly(2022, 2, 3), new DateOnly(2022, 2, 9), county: "yaodu"), null),
            (new RecordScope(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), utility: "sxdl-puxian"), null),
            (new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), county: "houma", utility: "sgcc-linfen"), Feb),
        };
        var acceptedFrom = new DateTime(2021, 12, 1);
        foreach (var (scope, knownAt) in questions)
        {
            var counts = Reopen().CountApplications(knownAt, scope, acceptedFrom);
            Assert.NotNull(counts);
            var expected = ExpectedCounts(Reopen(), derivation, scope, knownAt, acceptedFrom);
            var what = $"{scope.From}…{scope.To} {scope.County} {scope.Utility} known at {knownAt}";
            Assert.True(expected.Volumes.Sum(v => v.Count) > 0, what);
            Assert.Equal(Sorted(expected.Targets), Sorted(counts.Targets));
            Assert.Equal(Sorted(expected.Volumes), Sorted(counts.Volumes));
            Assert.Equal(expected.Open, counts.Open);
            Assert.Equal(expected.CalendarGaps, counts.CalendarGaps);
            Assert.Equal(expected.AcceptedBefore, counts.AcceptedBefore);
        }
    }

    /// <summary>
    /// SQL taking the store back to before its head flag (the embedded store's migration 10: <c>is_head</c> and the counts'
    /// index with it); null for a store without that step (PostgreSQL finds the heads by a probe).
    /// </summary>
    protected virtual string? BackToSchemaBeforeHeadFlag => null;

    [Fact]
    public void A_store_from_before_the_head_flag_is_migrated_and_counts_the_same()
    {
        if (BackToSchemaBeforeHeadFlag is not { } back) return; // PostgreSQL: no such migration
        var derivation = new RecordDerivation();
        Store.Derive(derivation);
        var first = CountSample(new Random(1207), 300);
        Load(Store, Jan, [.. first]);
        // Revised in March: a third of them a second revision, and some of those a third in May (after the migration).
        Load(Store, Mar, [.. first.Where((_, i) => i % 3 == 0).Select(a => a with { PausedDays = 2, Status = ApplicationStatus.Connected, ConnectedAt = a.AcceptedAt.AddDays(5), WithdrawnAt = null })]);
        var questions = new[]
        {
            new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
            new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 6, 30), county: "yaodu"),
            new RecordScope(new DateOnly(2022, 2, 3), new DateOnly(2022, 2, 9), county: "houma"),
        };
        var acceptedFrom = new DateTime(2021, 12, 1);

        ExecuteRaw(back);
        var migrated = Reopen();
        migrated.Derive(derivation);
        foreach (var scope in questions) Same(migrated, scope);
        // A filing after the migration supersedes heads again (the writer clears their flag).
        Load(migrated, new DateTime(2022, 5, 31, 18, 0, 0), [.. first.Where((_, i) => i % 6 == 0).Select(a => a with { PausedDays = 3 })]);
        foreach (var scope in questions) Same(Reopen(), scope);

        void Same(IAnalyticsStore store, RecordScope scope)
        {
            var counts = store.CountApplications(null, scope, acceptedFrom);
            Assert.NotNull(counts);
            var expected = ExpectedCounts(store, derivation, scope, null, acceptedFrom);
            Assert.True(expected.Volumes.Sum(v => v.Count) > 0);
            Assert.Equal(Sorted(expected.Targets), Sorted(counts.Targets));
            Assert.Equal(Sorted(expected.Volumes), Sorted(counts.Volumes));
            Assert.Equal(expected.Open, counts.Open);
        }
    }

    /// <summary>The counts of <see cref="StoreCounts"/>' contract, made from the store's records and the derivation.</summary>
    private static StoreCounts ExpectedCounts(IAnalyticsStore store, IRecordDerivation derivation, RecordScope scope,
        DateTime? knownAt, DateTime acceptedFrom)
    {
        bool In(DateTime? t) => t is { } x && x >= scope.Start && x < scope.End;
        var targets = new List<TargetCountRow>();
        var volumes = new List<VolumeCountRow>();
        var open = new List<Application>();
        long gaps = 0, before = 0;
        foreach (var revisions in store.ApplicationRevisions(knownAt)
                     .GroupBy(r => (r.Record.Utility, r.Record.ApplicationId))
                     .Select(g => g.OrderBy(r => r.Revision).ToList())
                     .OrderBy(g => g[0].Record.Utility, StringComparer.Ordinal).ThenBy(g => g[0].Record.ApplicationId, StringComparer.Ordinal))
        {
            if (!scope.Wants(revisions)) continue;
            var a = revisions[^1].Record;
            var d = derivation.Derive(a);
            if (d.SettledAt >= scope.End || a.Status == ApplicationStatus.InProgress)
            {
                open.Add(a);
                continue;
            }
            if (In(a.ApprovalGrantedAt) || In(a.ConnectedAt))
                targets.Add(new TargetCountRow(a.County, a.Utility, a.Area, d.Category, d.Outcomes, In(a.ApprovalGrantedAt),
                    In(a.ConnectedAt), d.ApprovalDays, d.UtilityDays, d.WholeDays, 1));
            var ended = a.ConnectedAt ?? a.WithdrawnAt;
            volumes.Add(new VolumeCountRow(a.County, a.Utility, a.Area, d.Category, a.Status, a.Channel, a.Voltage,
                a.EContract == true, a.ApprovalMode, In(a.AcceptedAt), In(a.ConnectedAt), In(a.WithdrawnAt ?? a.AcceptedAt),
                ended is null || ended >= scope.Start, 1));
            if (d.CalendarGap) gaps++;
            if (a.AcceptedAt < acceptedFrom) before++;
        }
        return new StoreCounts(
            [.. targets.GroupBy(t => t with { Count = 0 }).Select(g => g.Key with { Count = g.Count() })],
            [.. volumes.GroupBy(v => v with { Count = 0 }).Select(g => g.Key with { Count = g.Count() })],
            open, gaps, before);
    }

    private static List<string> Sorted<T>(IEnumerable<T> rows) => [.. rows.Select(r => r!.ToString()!).Order(StringComparer.Ordinal)];
}
