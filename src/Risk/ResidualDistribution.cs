using Analytics.Domain;

namespace Analytics.Risk;

/// <summary>
/// The empirical distribution of prediction errors (actual final days − predicted days) on a
/// calibration set, per category and per horizon (predicted days still to go), from which the
/// probability of missing the limit follows:
/// P(miss) = P(max(ŷ + r, c) &gt; L) = share of residuals r &gt; L − ŷ when c ≤ L, and 1 when the days
/// already counted c exceed L.
/// </summary>
/// <remarks>
/// The spread of the final days grows with the time still to go, so residuals are kept apart by
/// horizon bins [0,1), [1,3), [3,7), [7,15), [15,∞) working days; a bin with fewer than
/// <see cref="MinimumPerBin"/> residuals falls back to its whole category. A category without any
/// residual gives the point answer (1 when ŷ &gt; L, else 0).
/// </remarks>
internal sealed class ResidualDistribution
{
    public const int MinimumPerBin = 50;
    private static readonly double[] HorizonEdges = [1, 3, 7, 15];

    // [category][bin] sorted residuals; bin HorizonEdges.Length + 1 is the whole category.
    private readonly double[][][] _sorted;

    private ResidualDistribution(double[][][] sorted) => _sorted = sorted;

    /// <summary>The sorted residuals, [category][bin] (the last bin is the whole category), for saving.</summary>
    internal IReadOnlyList<IReadOnlyList<double[]>> Sorted => _sorted;

    /// <summary>A distribution from saved sorted residuals (<see cref="Sorted"/>).</summary>
    internal static ResidualDistribution FromSorted(double[][][] sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length != (int)Category.HvDual + 1 || sorted.Any(c => c.Length != HorizonEdges.Length + 2))
            throw new InvalidDataException("The saved residual distribution does not have the expected categories and bins.");
        return new ResidualDistribution(sorted);
    }

    /// <summary>Builds the distribution from (category, predicted days, days counted so far, actual final days) rows.</summary>
    public static ResidualDistribution From(IEnumerable<(Category Category, double Predicted, int Counted, int Actual)> rows)
    {
        var bins = HorizonEdges.Length + 2;
        var lists = new List<double>[(int)Category.HvDual + 1][];
        for (var c = 0; c < lists.Length; c++)
        {
            lists[c] = new List<double>[bins];
            for (var b = 0; b < bins; b++) lists[c][b] = [];
        }
        foreach (var (cat, predicted, counted, actual) in rows)
        {
            var r = actual - predicted;
            lists[(int)cat][Bin(predicted - counted)].Add(r);
            lists[(int)cat][bins - 1].Add(r);
        }
        var sorted = lists.Select(perCat => perCat.Select(l =>
        {
            var a = l.ToArray();
            Array.Sort(a);
            return a;
        }).ToArray()).ToArray();
        return new ResidualDistribution(sorted);
    }

    /// <summary>Number of residuals of a category.</summary>
    public int Count(Category category) => _sorted[(int)category][^1].Length;

    /// <summary>
    /// P(final days &gt; <paramref name="limit"/>) for an application of <paramref name="category"/>
    /// predicted at <paramref name="predicted"/> days (already floored at the days counted) with
    /// <paramref name="counted"/> days counted so far.
    /// </summary>
    public double MissProbability(Category category, double predicted, int counted, double limit)
    {
        if (counted > limit) return 1;
        var perCat = _sorted[(int)category];
        var r = perCat[Bin(predicted - counted)];
        if (r.Length < MinimumPerBin) r = perCat[^1];
        if (r.Length == 0) return predicted > limit ? 1 : 0;
        // Share of residuals strictly above limit − predicted.
        var threshold = limit - predicted;
        var lo = 0;
        var hi = r.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (r[mid] > threshold) hi = mid; else lo = mid + 1;
        }
        return (double)(r.Length - lo) / r.Length;
    }

    private static int Bin(double horizon)
    {
        var b = 0;
        while (b < HorizonEdges.Length && horizon >= HorizonEdges[b]) b++;
        return b;
    }
}
