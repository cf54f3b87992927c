using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>Issue 12, item 2: derived figures stored with each revision, and derived again under another version, on both stores.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>A derivation that counts what it derives (the store's mechanics, not the figures, are under test here).</summary>
    private sealed class CountingDerivation(DerivationVersion version) : IRecordDerivation
    {
        private int _derived;

        public DerivationVersion Version { get; } = version;

        public int Derived => _derived;

        public DerivedFigures Derive(Application application)
        {
            Interlocked.Increment(ref _derived);
            return new DerivedFigures(application.Category, application.AcceptedAt, 1, 2, 3, "cb-", false);
        }
    }

    private static readonly DerivationVersion V1 = new("calendar-1", "policy-1", "rules-1");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void New_revisions_are_derived_as_they_are_filed_and_derived_again_only_under_another_version(bool distinctKeys)
    {
        var d1 = new CountingDerivation(V1);
        // An empty store: nothing to derive, and the derivation is recorded.
        Assert.Equal(new DerivationReport(0, false, false, false, First: true), Store.Derive(d1));
        Assert.Equal(V1, Store.DerivedUnder());
        Load(Store, Jan, w => { foreach (var id in new[] { "A", "B", "C" }) w.Add(Samples.Minimal(id)); }, distinctKeys);
        Load(Store, Feb, Samples.Minimal("A") with { PausedDays = 2 }, Samples.Minimal("B"));
        // Four revisions (A twice, B and C), each derived once as it was filed; the unchanged B derived but not stored.
        Assert.Equal(5, d1.Derived);
        Assert.Equal(V1, Reopen().DerivedUnder());
        Assert.Same(DerivationReport.UpToDate, Reopen().Derive(d1));

        // Another calendar: every revision derived again, in one go, and the calendar named as what changed.
        var d2 = new CountingDerivation(V1 with { Calendar = "calendar-2" });
        Assert.Equal(new DerivationReport(4, CalendarChanged: true, false, false), Reopen().Derive(d2));
        Assert.Equal(4, d2.Derived);
        Assert.Equal(d2.Version, Reopen().DerivedUnder());
        var d3 = new CountingDerivation(d2.Version with { Policy = "policy-2", Rules = "rules-2" });
        Assert.Equal(new DerivationReport(4, false, PolicyChanged: true, RulesChanged: true), Reopen().Derive(d3));

        // A filing without a derivation (another program's store object): the store no longer holds one derivation.
        Load(Reopen(), Mar, Samples.Minimal("D"));
        Assert.Null(Reopen().DerivedUnder());
        // Under the same derivation, only that filing's revision is derived.
        var d4 = new CountingDerivation(d3.Version);
        Assert.Equal(new DerivationReport(1, false, false, false, First: true), Reopen().Derive(d4));
        Assert.Equal(1, d4.Derived);
        Assert.Equal(d3.Version, Reopen().DerivedUnder());
    }

    [Fact]
    public void A_derivation_that_fails_leaves_the_store_as_it_was()
    {
        var d1 = new CountingDerivation(V1);
        Store.Derive(d1);
        Load(Store, Jan, Samples.Minimal("A"), Samples.Minimal("B"));
        var before = StoreSnapshot.Of(Reopen());
        var failing = new FailingDerivation(V1 with { Rules = "rules-2" });
        Assert.Throws<InvalidOperationException>(() => Reopen().Derive(failing));
        Assert.Equal(V1, Reopen().DerivedUnder());
        StoreSnapshot.Of(Reopen()).AssertSameAs(before);
    }

    private sealed class FailingDerivation(DerivationVersion version) : IRecordDerivation
    {
        private int _n;

        public DerivationVersion Version { get; } = version;

        public DerivedFigures Derive(Application application) =>
            ++_n > 1 ? throw new InvalidOperationException("fails on the second revision")
                : new DerivedFigures(application.Category, application.AcceptedAt, null, null, null, "", false);
    }
}
