namespace Analytics.Risk;

/// <summary>
/// The time-based split of the honest evaluation: the applications accepted before a cut date form
/// the earlier part, those accepted on or after it the later part, so no later-part application was
/// accepted before the last earlier-part one (applications of one day never straddle the cut).
/// </summary>
public static class TimeSplit
{
    /// <summary>
    /// Splits <paramref name="items"/> (in any order) so that about <paramref name="laterFraction"/>
    /// of them, the latest accepted, form the later part. Both parts are ordered by accepted date
    /// (ties keep their input order). When every item shares one date, the later part is empty.
    /// </summary>
    public static (IReadOnlyList<T> Earlier, IReadOnlyList<T> Later, DateOnly? Cut) Split<T>(
        IEnumerable<T> items, Func<T, DateOnly> acceptedDate, double laterFraction)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(acceptedDate);
        if (laterFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(laterFraction), laterFraction, "Expected 0 ≤ fraction < 1.");
        var sorted = items.OrderBy(acceptedDate).ToList();
        if (sorted.Count == 0) return ([], [], null);
        var want = (int)Math.Ceiling(sorted.Count * laterFraction);
        if (want == 0) return (sorted, [], null);
        var index = sorted.Count - want;
        var cut = acceptedDate(sorted[index]);
        // Keep one day on one side: move the cut forward past the first date if the earlier part would be empty.
        var first = sorted.FindIndex(x => acceptedDate(x) >= cut);
        if (first == 0)
        {
            var next = sorted.FindIndex(x => acceptedDate(x) > cut);
            if (next < 0) return (sorted, [], null);
            cut = acceptedDate(sorted[next]);
            first = next;
        }
        return (sorted.GetRange(0, first), sorted.GetRange(first, sorted.Count - first), cut);
    }
}
