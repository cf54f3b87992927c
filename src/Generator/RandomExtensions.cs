namespace Analytics.Generator;

/// <summary>Small drawing helpers over <see cref="Random"/> (always seeded: the generator is deterministic).</summary>
internal static class RandomExtensions
{
    /// <summary>An integer in [<paramref name="lo"/>, <paramref name="hi"/>], both inclusive.</summary>
    public static int Between(this Random rng, int lo, int hi) => hi <= lo ? lo : rng.Next(lo, hi + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>A value of a weighted table.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<(T Value, double Weight)> table)
    {
        var total = 0.0;
        foreach (var (_, w) in table) total += w;
        var x = rng.NextDouble() * total;
        foreach (var (v, w) in table)
        {
            if (x < w) return v;
            x -= w;
        }
        return table[^1].Value;
    }

    /// <summary>A value of a weighted table of plain weights (index).</summary>
    public static int PickIndex(this Random rng, ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return weights.Length - 1;
    }

    /// <summary>A uniform double in [<paramref name="lo"/>, <paramref name="hi"/>).</summary>
    public static double Uniform(this Random rng, double lo, double hi) => lo + rng.NextDouble() * (hi - lo);

    /// <summary>Y/N/empty: true with <paramref name="yes"/>, empty with <paramref name="empty"/>, else false.</summary>
    public static bool? Flag(this Random rng, double yes, double empty)
    {
        var u = rng.NextDouble();
        if (u < empty) return null;
        return u < empty + yes;
    }
}
