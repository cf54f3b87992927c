using Analytics.Domain;
using Analytics.Domain.Storage;

namespace Analytics.Store.Tests.Support;

/// <summary>Everything a store holds, read through its public reads, for "exactly as before" comparisons.</summary>
public sealed record StoreSnapshot(
    IReadOnlyList<Filing> Filings,
    IReadOnlyList<ApplicationRevision> Revisions,
    IReadOnlyList<Application> Latest,
    IReadOnlyList<OutageStep> Outages,
    IReadOnlyList<CustomersServed> Customers,
    IReadOnlyList<ReportNote> Notes,
    IReadOnlyList<LedgerNote> LedgerNotes)
{
    public static StoreSnapshot Of(IAnalyticsStore store) => new(
        store.Filings(),
        store.ApplicationRevisions().ToList(),
        store.Applications().ToList(),
        store.Outages().ToList(),
        store.CustomersServed().ToList(),
        store.Notes().ToList(),
        store.LedgerNotes().ToList());

    /// <summary>Asserts every list equal, element by element, with a message naming the first difference.</summary>
    public void AssertSameAs(StoreSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Assert.Equal(other.Filings, Filings);
        Assert.Equal(other.Revisions.Count, Revisions.Count);
        Assert.Equal(other.Revisions, Revisions);
        Assert.Equal(other.Latest, Latest);
        Assert.Equal(other.Outages, Outages);
        Assert.Equal(other.Customers, Customers);
        Assert.Equal(other.Notes, Notes);
        Assert.Equal(other.LedgerNotes, LedgerNotes);
    }
}
