namespace Analytics.Domain.Storage;

/// <summary>
/// The part of the store a question needs (metrics.md §8): one county and/or utility (null = all) and the records
/// that can change the answer for periods within [<see cref="From"/>, <see cref="To"/>] (dates inclusive). The store
/// selects them with its own engine, so a command for one county and one week reads that county's week, not the store.
/// </summary>
/// <remarks>
/// What is selected, and why:
/// <list type="bullet">
/// <item>an application (every revision known at the as-of) when its latest revision belongs to the group, was
/// accepted by the end of <see cref="To"/>, and is still open, or ended (connected or withdrawn) on or after
/// <see cref="LifeFrom"/> (31 days before <see cref="From"/>: a withdrawal that a re-application in the period
/// follows, 重走流程), or had its record created on or after <see cref="From"/> (后补); or when any of its
/// revisions was filed within the period (改写, 后补 are dated by the filing);</item>
/// <item>outage steps overlapping [1 January of the year before <see cref="From"/>, end of <see cref="To"/>): the
/// same dates a year earlier (同比) and the whole previous year (目标5 in a year in progress);</item>
/// <item>customers-served snapshots of those years.</item>
/// </list>
/// A question whose period lies outside [From, To] may get a wrong answer from a scoped snapshot: ask with the
/// scope of the periods the command will ask about.
/// </remarks>
public sealed record RecordScope
{
    /// <summary>A scope for periods within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public RecordScope(DateOnly from, DateOnly to, string? county = null, string? utility = null)
    {
        if (to < from) throw new ArgumentException("The scope ends before it starts.", nameof(to));
        From = from;
        To = to;
        County = county;
        Utility = utility;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public string? County { get; }
    public string? Utility { get; }

    /// <summary>The end of <see cref="To"/>, exclusive (the next day 00:00).</summary>
    public DateTime End => To == DateOnly.MaxValue ? DateTime.MaxValue : To.AddDays(1).ToDateTime(TimeOnly.MinValue);

    /// <summary>The start of <see cref="From"/>.</summary>
    public DateTime Start => From.ToDateTime(TimeOnly.MinValue);

    /// <summary>Applications that ended before this are left out (31 days before <see cref="From"/>).</summary>
    public DateTime LifeFrom => From.DayNumber > 31 ? From.AddDays(-31).ToDateTime(TimeOnly.MinValue) : DateTime.MinValue;

    /// <summary>Outage steps ending before this are left out: 1 January of the year before <see cref="From"/>.</summary>
    public DateTime OutagesFrom => From.Year > 1 ? new DateTime(From.Year - 1, 1, 1) : DateTime.MinValue;

    /// <summary>The first year of customers-served snapshots kept.</summary>
    public int FirstYear => From.Year - 1;

    /// <summary>The last year of customers-served snapshots kept.</summary>
    public int LastYear => To.Year;

    /// <summary>True when the record belongs to the scope's county and utility.</summary>
    public bool InGroup(string county, string utility) =>
        (County is null || string.Equals(county, County, StringComparison.Ordinal))
        && (Utility is null || string.Equals(utility, Utility, StringComparison.Ordinal));

    /// <summary>The selection rule of the remarks, for an application's revisions known at the as-of (latest last).</summary>
    public bool Wants(IReadOnlyList<ApplicationRevision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        if (revisions.Count == 0) return false;
        var a = revisions[^1].Record;
        if (!InGroup(a.County, a.Utility)) return false;
        if (a.AcceptedAt < End)
        {
            var ended = a.ConnectedAt ?? a.WithdrawnAt;
            if (ended is null || ended >= LifeFrom || a.RecordCreatedAt >= Start) return true;
        }
        foreach (var r in revisions)
            if (r.FilingAsOf >= Start && r.FilingAsOf < End) return true;
        return false;
    }

    /// <summary>True when the outage step overlaps the scope's outage window and belongs to its group.</summary>
    public bool Wants(OutageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return InGroup(step.County, step.Utility) && step.StartAt < End && step.EndAt >= OutagesFrom;
    }

    /// <summary>True when the snapshot is of a year the scope keeps and belongs to its group.</summary>
    public bool Wants(CustomersServed snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return InGroup(snapshot.County, snapshot.Utility) && snapshot.Year >= FirstYear && snapshot.Year <= LastYear;
    }
}
