using System.Collections;

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
    /// <remarks>
    /// The parts are read-only views of one ordered list: of <paramref name="items"/> itself when it is a list already in
    /// order (the training's are: a million applications are then split without a copy), else of a sorted copy.
    /// </remarks>
    public static (IReadOnlyList<T> Earlier, IReadOnlyList<T> Later, DateOnly? Cut) Split<T>(
        IEnumerable<T> items, Func<T, DateOnly> acceptedDate, double laterFraction)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(acceptedDate);
        if (laterFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(laterFraction), laterFraction, "Expected 0 ≤ fraction < 1.");
        var sorted = items is IReadOnlyList<T> list && InOrder(list, acceptedDate) ? list : items.OrderBy(acceptedDate).ToList();
        if (sorted.Count == 0) return ([], [], null);
        var want = (int)Math.Ceiling(sorted.Count * laterFraction);
        if (want == 0) return (sorted, [], null);
        var index = sorted.Count - want;
        var cut = acceptedDate(sorted[index]);
        // Keep one day on one side: move the cut forward past the first date if the earlier part would be empty.
        var first = FirstFrom(sorted, acceptedDate, cut, inclusive: true);
        if (first == 0)
        {
            var next = FirstFrom(sorted, acceptedDate, cut, inclusive: false);
            if (next < 0) return (sorted, [], null);
            cut = acceptedDate(sorted[next]);
            first = next;
        }
        return (new Slice<T>(sorted, 0, first), new Slice<T>(sorted, first, sorted.Count - first), cut);
    }

    private static bool InOrder<T>(IReadOnlyList<T> list, Func<T, DateOnly> acceptedDate)
    {
        for (var i = 1; i < list.Count; i++)
            if (acceptedDate(list[i]) < acceptedDate(list[i - 1])) return false;
        return true;
    }

    // The first index whose date is on or after (inclusive) or after the cut; -1 when none.
    private static int FirstFrom<T>(IReadOnlyList<T> sorted, Func<T, DateOnly> acceptedDate, DateOnly cut, bool inclusive)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            var d = acceptedDate(sorted[i]);
            if (inclusive ? d >= cut : d > cut) return i;
        }
        return -1;
    }

    /// <summary>A read-only view of <c>count</c> items of a list from <c>start</c>.</summary>
    private sealed class Slice<T>(IReadOnlyList<T> list, int start, int count) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] =>
            (uint)index < (uint)count ? list[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++) yield return list[start + i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
