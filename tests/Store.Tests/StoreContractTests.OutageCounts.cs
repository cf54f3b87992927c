using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>
/// Issue 12, item 2: the outage steps summed by the store for reliability (<see cref="IAnalyticsStore.OutageCells"/>) and
/// counted for the notice indicators (<see cref="IAnalyticsStore.OutageNotices"/>), against sums made here from the steps
/// by metrics.md §5 and §6, on both stores.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly long ShortTicks = 3 * TimeSpan.TicksPerMinute;

    private static OutageStep Interruption(string id, int step, string county, DateTime start, TimeSpan length, int customers,
        OutageKind kind = OutageKind.Fault, OutageCause cause = OutageCause.Internal, DateTime? notified = null, Area area = Area.Urban) =>
        Samples.Step(id, step, customers: customers) with
        {
            County = county,
            Area = area,
            StartAt = start,
            EndAt = start + length,
            Kind = kind,
            Cause = cause,
            NotifiedAt = notified,
            NotifyChannels = notified is null ? NotifyChannels.None : NotifyChannels.Sms,
        };

    private static List<OutageStep> OutageSample() =>
    [
        // Inside March, planned and notified 8 days ahead (on time with a lead of 7), two steps.
        Interruption("P1", 1, "yaodu", new DateTime(2022, 3, 10, 8, 0, 0), TimeSpan.FromHours(2), 120, OutageKind.Planned, notified: new DateTime(2022, 3, 2, 23, 0, 0)),
        Interruption("P1", 2, "yaodu", new DateTime(2022, 3, 10, 10, 0, 0), TimeSpan.FromMinutes(45), 80, OutageKind.Planned),
        // Planned, notified 6 days ahead: late.
        Interruption("P2", 1, "yaodu", new DateTime(2022, 3, 20, 8, 0, 0), TimeSpan.FromHours(1), 50, OutageKind.Planned, notified: new DateTime(2022, 3, 14, 8, 0, 0), area: Area.Town),
        // A fault across the New Year of March's window start (starts 28 Feb, ends 1 March): only its March part counts.
        Interruption("F1", 1, "yaodu", new DateTime(2022, 2, 28, 22, 0, 0), TimeSpan.FromHours(5), 30, cause: OutageCause.External),
        // A short one (2 minutes) in March, and a short one starting before March that ends in it (counts nowhere in March).
        Interruption("S1", 1, "yaodu", new DateTime(2022, 3, 5, 12, 0, 0), TimeSpan.FromMinutes(2), 900),
        Interruption("S2", 1, "yaodu", new DateTime(2022, 2, 28, 23, 59, 0), TimeSpan.FromMinutes(2), 700),
        // Another county, a supply shortage; and one after March.
        Interruption("H1", 1, "houma", new DateTime(2022, 3, 15, 1, 0, 0), TimeSpan.FromHours(3), 40, cause: OutageCause.SupplyShortage, area: Area.Rural),
        Interruption("L1", 1, "yaodu", new DateTime(2022, 4, 2, 1, 0, 0), TimeSpan.FromHours(3), 40),
        // Unplanned first step in March but planned later step: the outage's kind is its first step's in the period.
        Interruption("M1", 1, "yaodu", new DateTime(2022, 3, 25, 1, 0, 0), TimeSpan.FromMinutes(30), 10),
        Interruption("M1", 2, "yaodu", new DateTime(2022, 3, 25, 1, 30, 0), TimeSpan.FromMinutes(30), 10, OutageKind.Planned, notified: new DateTime(2022, 3, 1, 1, 0, 0)),
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("yaodu")]
    public void The_store_sums_outage_steps_by_cell_and_counts_outage_notices_as_the_rules_say(string? county)
    {
        var steps = OutageSample();
        LoadOutages(Store, Mar, [.. steps]);
        var march = new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31), county);
        var (start, end) = (march.Start, march.End);

        var cells = Reopen().OutageCells(march, start, end, ShortTicks);
        Assert.NotNull(cells);
        var expected = ExpectedCells(steps.Where(s => county is null || s.County == county), start, end);
        Assert.Equal(Sorted(expected), Sorted(cells));
        // The hand-made sums of yaodu's urban cell: P1 2 h × 120 + 45 min × 80 (planned); F1 3 h of 5 inside × 30
        // (external, a fault) and M1 2 × 30 min × 10; interrupted: P1's and M1's customers (F1 starts before March).
        var urban = cells.Single(c => c.County == "yaodu" && c.Area == Area.Urban);
        Assert.Equal(2 * 3600 * 120 + 45 * 60 * 80 + 3 * 3600 * 30 + 2 * 1800 * 10, urban.CustomerSeconds);
        Assert.Equal(2 * 3600 * 120 + 45 * 60 * 80 + 1800 * 10, urban.PlannedCustomerSeconds);
        Assert.Equal(3 * 3600 * 30, urban.ExternalCustomerSeconds);
        Assert.Equal(120 + 80 + 10 + 10, urban.Interrupted);
        Assert.Equal((1, 900), (urban.ShortCount, urban.ShortCustomers));

        // Outages with a step in March: P1, P2, S1, M1 (+ H1 for the city); notified P1, P2, M1; planned P1, P2; on time P1.
        var notices = Reopen().OutageNotices(march, leadDays: 7);
        Assert.Equal(county is null ? new OutageNoticeCounts(5, 3, 2, 1) : new OutageNoticeCounts(4, 3, 2, 1), notices);
    }

    /// <summary>
    /// SQL taking the store back to before its outage sums' index in group order (the embedded store's migration 9: the
    /// steps' seconds as virtual columns and the index over them); null for a store without that step (PostgreSQL sums
    /// with its own epoch function and has no such index).
    /// </summary>
    protected virtual string? BackToSchemaBeforeOutageSeconds => null;

    [Fact]
    public void A_store_from_before_the_outage_sums_index_is_migrated_and_sums_the_same()
    {
        if (BackToSchemaBeforeOutageSeconds is not { } back) return; // PostgreSQL: no such migration
        LoadOutages(Store, Mar, [.. OutageSample()]);
        var march = new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31));
        var year = new RecordScope(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31), county: "yaodu");
        var before = (Sorted(Reopen().OutageCells(march, march.Start, march.End, ShortTicks)!), Sorted(Reopen().OutageCells(year, year.Start, year.End, ShortTicks)!));
        var notices = Reopen().OutageNotices(march, leadDays: 7);

        ExecuteRaw(back);
        var migrated = Reopen();
        Assert.Equal(before.Item1, Sorted(migrated.OutageCells(march, march.Start, march.End, ShortTicks)!));
        Assert.Equal(before.Item2, Sorted(migrated.OutageCells(year, year.Start, year.End, ShortTicks)!));
        Assert.Equal(notices, migrated.OutageNotices(march, leadDays: 7));
        // The sums read the seconds columns by name: the migration added them (a store without them fails the query).
        Assert.NotEmpty(before.Item1);
    }

    [Fact]
    public void A_step_timed_to_a_fraction_of_a_second_is_not_summed_in_whole_seconds()
    {
        LoadOutages(Store, Mar, Interruption("X1", 1, "yaodu", new DateTime(2022, 3, 10, 8, 0, 0).AddMilliseconds(500), TimeSpan.FromHours(1), 10));
        var march = new RecordScope(new DateOnly(2022, 3, 1), new DateOnly(2022, 3, 31));
        Assert.Null(Reopen().OutageCells(march, march.Start, march.End, ShortTicks));
        // Another window without it is summed.
        var april = new RecordScope(new DateOnly(2022, 4, 1), new DateOnly(2022, 4, 30));
        Assert.Equal([], Reopen().OutageCells(april, april.Start, april.End, ShortTicks));
    }

    /// <summary>metrics.md §5 over the steps: long steps' customer-seconds inside the window, short ones starting in it counted.</summary>
    private static List<OutageCellRow> ExpectedCells(IEnumerable<OutageStep> steps, DateTime start, DateTime end)
    {
        var rows = new List<OutageCellRow>();
        foreach (var g in steps.GroupBy(s => (s.Utility, s.County, s.Area)))
        {
            long cs = 0, planned = 0, fault = 0, external = 0, shortage = 0, interrupted = 0, shortCount = 0, shortCustomers = 0;
            var any = false;
            foreach (var s in g)
            {
                var startsIn = s.StartAt >= start && s.StartAt < end;
                if ((s.EndAt - s.StartAt).Ticks <= ShortTicks)
                {
                    if (!startsIn) continue;
                    any = true;
                    shortCount++;
                    shortCustomers += s.Customers;
                    continue;
                }
                var inside = (long)((s.EndAt < end ? s.EndAt : end) - (s.StartAt > start ? s.StartAt : start)).TotalSeconds;
                if (!startsIn && inside <= 0) continue;
                any = true;
                if (startsIn) interrupted += s.Customers;
                if (inside <= 0) continue;
                var c = s.Customers * inside;
                cs += c;
                if (s.Kind == OutageKind.Planned) planned += c;
                if (s.Kind == OutageKind.Fault) fault += c;
                if (s.Cause == OutageCause.External) external += c;
                if (s.Cause == OutageCause.SupplyShortage) shortage += c;
            }
            if (any)
                rows.Add(new OutageCellRow(g.Key.Utility, g.Key.County, g.Key.Area, cs, planned, fault, external, shortage,
                    interrupted, shortCount, shortCustomers));
        }
        return rows;
    }
}
