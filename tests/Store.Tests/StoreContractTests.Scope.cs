using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>Issue 12: a question's records selected by the store's own engine (<see cref="RecordScope"/>), on both stores.</summary>
public abstract partial class StoreContractTests
{
    private static Application Scoped(string id, string county, string accepted, string? connected = null, string? withdrawn = null) =>
        Samples.Minimal(id) with
        {
            County = county,
            AcceptedAt = DateTime.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture),
            ConnectedAt = connected is null ? null : DateTime.Parse(connected, System.Globalization.CultureInfo.InvariantCulture),
            WithdrawnAt = withdrawn is null ? null : DateTime.Parse(withdrawn, System.Globalization.CultureInfo.InvariantCulture),
            Status = connected is not null ? ApplicationStatus.Connected : withdrawn is not null ? ApplicationStatus.Withdrawn : ApplicationStatus.InProgress,
        };

    private void LoadScopeSample()
    {
        var e = Scoped("E", "yaodu", "2021-06-01 09:00", "2021-07-01 10:00");
        Load(Store, Jan,
            Scoped("A", "yaodu", "2022-03-01 09:00", "2022-03-05 10:00"),
            Scoped("B", "yaodu", "2021-01-01 09:00", "2021-02-01 10:00"),
            Scoped("C", "yaodu", "2022-02-20 09:00"),
            Scoped("D", "houma", "2022-03-02 09:00", "2022-03-04 10:00"),
            e,
            Scoped("F", "yaodu", "2022-01-20 09:00", withdrawn: "2022-02-10 10:00"),
            Scoped("G", "yaodu", "2022-04-10 09:00"),
            Scoped("H", "yaodu", "2021-11-01 09:00", "2021-12-01 10:00") with { RecordCreatedAt = new DateTime(2022, 3, 3, 9, 0, 0) });
        // A March filing rewrites E's connection time (改写, dated by the filing): E belongs to March's questions.
        Load(Store, Mar, e with { ConnectedAt = new DateTime(2021, 7, 2, 10, 0, 0) });
        LoadOutages(Store, Mar,
            Samples.Step("O-2022", 1) with { County = "yaodu", StartAt = new DateTime(2022, 3, 10, 8, 0, 0), EndAt = new DateTime(2022, 3, 10, 9, 0, 0) },
            Samples.Step("O-2021", 1) with { County = "yaodu", StartAt = new DateTime(2021, 3, 10, 8, 0, 0), EndAt = new DateTime(2021, 3, 10, 9, 0, 0) },
            Samples.Step("O-2020", 1) with { County = "yaodu", StartAt = new DateTime(2020, 3, 10, 8, 0, 0), EndAt = new DateTime(2020, 3, 10, 9, 0, 0) },
            Samples.Step("O-HOUMA", 1) with { StartAt = new DateTime(2022, 3, 10, 8, 0, 0), EndAt = new DateTime(2022, 3, 10, 9, 0, 0) });
        using var w = Store.BeginFiling(FilingKind.Customers, "c.csv", "sha-c", Mar, Loaded);
        w.Add(Samples.Customers(2020, null, 10));
        w.Add(Samples.Customers(2021, null, 10));
        w.Add(Samples.Customers(2022, null, 10));
        w.Add(Samples.Customers(2022, null, 10, county: "houma") with { Utility = "sxdl-puxian" });
        w.Commit(4, 0);
    }

    [Fact]
    public void A_scope_selects_the_records_a_question_about_its_period_and_group_needs()
    {
        LoadScopeSample();
        var march = new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), county: "yaodu");
        var ids = Store.ApplicationRevisions(null, march).Select(r => r.Record.ApplicationId).Distinct().ToList();
        // A connected in March; C in progress; F withdrawn 19 days before; H created in March (后补); E rewritten by a
        // March filing. B ended a year before, D is another county, G was accepted after the period.
        Assert.Equal(["A", "C", "E", "F", "H"], ids.Order(StringComparer.Ordinal));
        Assert.Equal(2, Store.ApplicationRevisions(null, march).Count(r => r.Record.ApplicationId == "E"));
        // Known at the end of February, E's March revision is not known: nothing of E's falls in March then.
        var feb = Store.ApplicationRevisions(Feb, march).Select(r => r.Record.ApplicationId).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["A", "C", "F", "H"], feb);
        // Outages of the group from 1 January of the year before; customers of those years.
        Assert.Equal(["O-2021", "O-2022"], Store.Outages(march).Select(o => o.OutageId).Order(StringComparer.Ordinal));
        Assert.Equal([2021, 2022], Store.CustomersServed(march).Select(c => c.Year).Order());
        // The steps starting in March alone (a ledger's list): not the year before, not another county's.
        Assert.Equal(["O-2022"], Store.OutagesStarting(march).Select(o => o.OutageId));
        Assert.Empty(Store.OutagesStarting(new RecordScope(new DateOnly(2022, 3, 11), new DateOnly(2022, 3, 31), county: "yaodu")));
    }

    [Fact]
    public void The_store_selects_exactly_what_the_scope_rule_selects_in_memory()
    {
        LoadScopeSample();
        foreach (var (scope, knownAt) in new (RecordScope, DateTime?)[]
        {
            (new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), county: "yaodu"), null),
            (new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31)), Feb),
            (new RecordScope(new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), utility: "sxdl-puxian"), null),
            (new RecordScope(new DateOnly(2022, 2, 1), new DateOnly(2022, 2, 7), county: "houma"), null),
        })
        {
            var expected = InMemory(Store.ApplicationRevisions(knownAt), scope).ToList();
            Assert.Equal(expected, Store.ApplicationRevisions(knownAt, scope).ToList());
            Assert.Equal(Store.Outages().Where(scope.Wants).ToList(), Store.Outages(scope).ToList());
            Assert.Equal(Store.Outages().Where(o => scope.InGroup(o.County, o.Utility) && o.StartAt >= scope.Start && o.StartAt < scope.End).ToList(),
                Store.OutagesStarting(scope).ToList());
            Assert.Equal(Store.CustomersServed().Where(scope.Wants).ToList(), Store.CustomersServed(scope).ToList());
            // The withdrawn applications of the selection alone (重走流程's index of a streamed question), in the same order.
            Assert.Equal(expected.GroupBy(r => (r.Record.Utility, r.Record.ApplicationId))
                    .Where(g => g.Last().Record is { Status: ApplicationStatus.Withdrawn, WithdrawnAt: not null }).SelectMany(g => g).ToList(),
                Store.WithdrawnRevisions(knownAt, scope).ToList());
        }
        // Not vacuous: F, withdrawn 19 days before March, is the March question's one withdrawal; B, connected, is none.
        var march = new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), county: "yaodu");
        Assert.Equal(["F"], Store.WithdrawnRevisions(null, march).Select(r => r.Record.ApplicationId));
        Assert.Empty(Store.WithdrawnRevisions(null, new RecordScope(march.From, march.To, county: "houma")));
    }

    private static IEnumerable<ApplicationRevision> InMemory(IEnumerable<ApplicationRevision> all, RecordScope scope) =>
        all.GroupBy(r => (r.Record.Utility, r.Record.ApplicationId)).Where(g => scope.Wants(g.ToList())).SelectMany(g => g);
}
