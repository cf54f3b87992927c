namespace Analytics.Risk;

/// <summary>
/// Replays prediction moments of finished applications honestly: a moment is the end of a calendar
/// day d with accepted date ≤ d &lt; connected date (the application was still in progress then),
/// taken every <c>stride</c> days from a per-application random phase. Only what was recorded by
/// the moment feeds the features (<see cref="FeatureLayout"/>), and the days elapsed are those up to it.
/// </summary>
/// <remarks>
/// Taking moments at a fixed stride makes an application's share of moments proportional to how long
/// it stayed in progress, as in the in-progress list a utility looks at on any given day (a two-day
/// residential connection rarely appears there; a 60-day 10 kV one appears on many days). One random
/// moment per application instead would under-weight the slow ones and bias the predictions short.
/// The phase is a hash of (seed, utility, application id), so it does not move when other data is added.
/// </remarks>
internal static class MomentSampler
{
    /// <summary>The stride: the option when set, else the smallest that keeps the moments under the maximum.</summary>
    public static int Stride(IEnumerable<LabeledApplication> items, RiskModelOptions options)
    {
        if (options.MomentStrideDays > 0) return options.MomentStrideDays;
        long total = 0;
        foreach (var x in items) total += InProgressDays(x);
        var max = Math.Max(1, options.MaximumMoments);
        return (int)Math.Max(1, (total + max - 1) / max);
    }

    public static List<Moment> Sample(IReadOnlyList<LabeledApplication> items, int stride, int seed, TargetClock clock)
    {
        // Counted first, so that the list is made once at its size (hundreds of thousands of moments on a large store).
        var count = 0;
        foreach (var x in items)
        {
            var (start, end) = Days(x, stride, seed);
            if (start < end) count += (end - start + stride - 1) / stride;
        }
        var moments = new List<Moment>(count);
        foreach (var x in items)
        {
            var a = x.App;
            var first = DateOnly.FromDateTime(a.AcceptedAt);
            var end = DateOnly.FromDateTime(a.ConnectedAt!.Value);
            var phase = Phase(x, stride, seed);
            for (var d = first.AddDays(phase); d < end; d = d.AddDays(stride))
            {
                var asOf = d.ToDateTime(TimeOnly.MaxValue);
                var m = new MomentFigures(clock.ElapsedDays(a, asOf), clock.CountedDays(a, x.Kind, asOf), x.Limit);
                moments.Add(new Moment(x, asOf, m));
            }
        }
        return moments;
    }

    /// <summary>True when <see cref="Sample"/> replays at least one moment of <paramref name="x"/> at this stride and seed.</summary>
    public static bool HasMoments(LabeledApplication x, int stride, int seed)
    {
        var (start, end) = Days(x, stride, seed);
        return start < end;
    }

    // The application's first moment's day number (first day + phase) and the connection's.
    private static (int Start, int End) Days(LabeledApplication x, int stride, int seed) =>
        (x.AcceptedDate.DayNumber + Phase(x, stride, seed), DateOnly.FromDateTime(x.App.ConnectedAt!.Value).DayNumber);

    private static int Phase(LabeledApplication x, int stride, int seed) => stride == 1 ? 0 : (int)(x.App.Phase(seed) % (ulong)stride);

    private static long InProgressDays(LabeledApplication x) =>
        Math.Max(0, DateOnly.FromDateTime(x.App.ConnectedAt!.Value).DayNumber - x.AcceptedDate.DayNumber);

    /// <summary>FNV-1a over the seed and the record key: stable across runs and machines.</summary>
    internal static ulong Phase(int seed, string utility, string id)
    {
        var h = 14695981039346656037UL;
        void Mix(int v)
        {
            h ^= (uint)v;
            h *= 1099511628211UL;
        }
        Mix(seed);
        foreach (var c in utility) Mix(c);
        Mix(0x1F);
        foreach (var c in id) Mix(c);
        // Final avalanche so that neighbouring ids spread over the phases.
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        return h;
    }
}
