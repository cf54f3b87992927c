using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Reports.Oversight;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Everything a ledger is made from: the records as known at the as-of (<see cref="RecordSnapshot"/>, every county), the
/// as-of instant the figures speak of, and the policy, calendar and registries in use. Each ledger takes only its own
/// county's records.
/// </summary>
public sealed record LedgerInputs
{
    /// <summary>The records as known at <see cref="AsOf"/>.</summary>
    public required RecordSnapshot Records { get; init; }
    /// <summary>The as-of instant (metrics.md §8); null: the records' <c>data_through</c>, else the week's end.</summary>
    public DateTime? AsOf { get; init; }
    public required DomainPolicy Policy { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    public required Registries Registries { get; init; }
    /// <summary>The bureau's oversight (spot checks, forensics flags, rectification), composed by the caller; none by default.</summary>
    public OversightInputs Oversight { get; init; } = OversightInputs.None;

    /// <summary>
    /// The store the ledgers read from (issue 12): each ledger loads its own week and takes its year to date from the
    /// store's counts, and <see cref="Records"/> holds only the head (filings, ledger notes and filings,
    /// <see cref="LedgerStore.Head"/>). Null: every question is the engine over <see cref="Records"/>.
    /// </summary>
    public LedgerStore? Store { get; init; }

    /// <summary>The latest revision of each application (<see cref="RecordSnapshot.Applications"/>).</summary>
    public IReadOnlyList<Application> Applications => Records.Applications;
    /// <summary>Every outage step (<see cref="RecordSnapshot.Outages"/>).</summary>
    public IReadOnlyList<OutageStep> Outages => Records.Outages;
    /// <summary>Every customers-served snapshot (<see cref="RecordSnapshot.CustomersServed"/>).</summary>
    public IReadOnlyList<CustomersServed> CustomersServed => Records.CustomersServed;

    /// <summary>"数据截至" of the week's ledger: its last day, or the records' <c>data_through</c> when that is earlier.</summary>
    public DateOnly CutOffFor(LedgerWeek week) =>
        Records.DataThrough is { } dt && DateOnly.FromDateTime(dt) < week.LastDay ? DateOnly.FromDateTime(dt) : week.LastDay;

    /// <summary>The as-of of the figures of the week's ledger.</summary>
    public DateTime AsOfFor(LedgerWeek week) => AsOf ?? Records.DataThrough ?? week.AsOf;
}
