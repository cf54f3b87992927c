namespace Analytics.Oversight.Statistics;

/// <summary>
/// The exact tests and bounds the oversight uses: binomial and hypergeometric tails summed in log space (no normal
/// approximation, so small strata and rare events are judged right), Holm's step-down correction, and the
/// Clopper–Pearson upper bound of a proportion.
/// </summary>
public static class ExactTests
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p): the one-sided p-value of "more than expected". 1 when k ≤ 0.</summary>
    public static double BinomialUpperTail(int k, int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (k <= 0) return 1;
        if (k > n) return 0;
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        var lp = Math.Log(p);
        var lq = Math.Log(1 - p);
        var terms = new double[n - k + 1];
        var max = double.NegativeInfinity;
        for (var i = k; i <= n; i++)
        {
            var t = LogChoose(n, i) + i * lp + (n - i) * lq;
            terms[i - k] = t;
            if (t > max) max = t;
        }
        var sum = 0.0;
        foreach (var t in terms) sum += Math.Exp(t - max);
        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>P(X ≤ k) for X ~ Binomial(n, p).</summary>
    public static double BinomialLowerTail(int k, int n, double p) => k >= n ? 1 : 1 - BinomialUpperTail(k + 1, n, p);

    /// <summary>
    /// One-sided Fisher exact test: P(X ≥ k) for X hypergeometric — <paramref name="n"/> draws (the unit's items) from
    /// <paramref name="total"/> items of which <paramref name="marked"/> are marked. The p-value of "the unit holds more
    /// of the marked items than its size explains".
    /// </summary>
    public static double HypergeometricUpperTail(int k, int n, int marked, int total)
    {
        if (n < 0 || marked < 0 || total < n || total < marked) throw new ArgumentOutOfRangeException(nameof(total));
        var lo = Math.Max(0, n + marked - total);
        var hi = Math.Min(n, marked);
        if (k <= lo) return 1;
        if (k > hi) return 0;
        var denom = LogChoose(total, n);
        var max = double.NegativeInfinity;
        var terms = new double[hi - k + 1];
        for (var i = k; i <= hi; i++)
        {
            var t = LogChoose(marked, i) + LogChoose(total - marked, n - i) - denom;
            terms[i - k] = t;
            if (t > max) max = t;
        }
        var sum = 0.0;
        foreach (var t in terms) sum += Math.Exp(t - max);
        return Math.Min(1, Math.Exp(max + Math.Log(sum)));
    }

    /// <summary>
    /// Stratified one-sided exact test (the exact conditional test of a common odds ratio 1, as Cochran–Mantel–Haenszel
    /// but without approximation): P(Σ Xₛ ≥ Σ kₛ) with Xₛ independent hypergeometric per stratum (nₛ draws from Tₛ items of
    /// which Mₛ are marked). One stratum: <see cref="HypergeometricUpperTail"/>.
    /// </summary>
    public static double StratifiedUpperTail(IReadOnlyList<(int K, int N, int Marked, int Total)> strata)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var dist = new double[] { 1 };
        var observed = 0;
        var offset = 0; // the lowest possible sum
        foreach (var (k, n, marked, total) in strata)
        {
            observed += k;
            var lo = Math.Max(0, n + marked - total);
            var hi = Math.Min(n, marked);
            var pmf = new double[hi - lo + 1];
            var denom = LogChoose(total, n);
            for (var i = lo; i <= hi; i++) pmf[i - lo] = Math.Exp(LogChoose(marked, i) + LogChoose(total - marked, n - i) - denom);
            var next = new double[dist.Length + pmf.Length - 1];
            for (var a = 0; a < dist.Length; a++)
            {
                if (dist[a] == 0) continue;
                for (var b = 0; b < pmf.Length; b++) next[a + b] += dist[a] * pmf[b];
            }
            dist = next;
            offset += lo;
        }
        var tail = 0.0;
        for (var i = Math.Max(0, observed - offset); i < dist.Length; i++) tail += dist[i];
        return Math.Clamp(tail, 0, 1);
    }

    /// <summary>
    /// Holm's step-down adjusted p-values (family-wise error ≤ α when flagging adjusted ≤ α), in the input order.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var r = 0; r < m; r++)
        {
            var i = order[r];
            running = Math.Max(running, Math.Min(1, (m - r) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>
    /// Clopper–Pearson (exact) one-sided upper confidence bound of a proportion: the largest p with
    /// P(X ≤ k | n, p) ≥ 1 − confidence. 1 when k = n; found by bisection on the binomial tail.
    /// </summary>
    public static double ClopperPearsonUpper(int k, int n, double confidence)
    {
        if (n <= 0) return 1;
        if (k >= n) return 1;
        var alpha = 1 - confidence;
        double lo = (double)k / n, hi = 1;
        for (var it = 0; it < 100; it++)
        {
            var mid = (lo + hi) / 2;
            if (BinomialLowerTail(k, n, mid) > alpha) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>ln C(n, k).</summary>
    public static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    private static double LogFactorial(int n)
    {
        if (n < 2) return 0;
        if (n < Small.Length) return Small[n];
        // Stirling's series; exact to double precision beyond 256.
        double x = n;
        return x * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    private static readonly double[] Small = BuildSmall();

    private static double[] BuildSmall()
    {
        var t = new double[257];
        for (var i = 2; i < t.Length; i++) t[i] = t[i - 1] + Math.Log(i);
        return t;
    }
}
