namespace Analytics.Ingest.Parsing;

/// <summary>
/// Memoizes a text → value lookup whose source of truth is slower (<c>Codes.TryParse</c>,
/// <c>Registries.TryCounty</c>): a column holds a handful of distinct spellings, so each is resolved
/// once per file and afterwards found by span without allocating. Misses are remembered too. The memo
/// stops growing at <see cref="Capacity"/> entries, so a column of garbage cannot make it large.
/// </summary>
public sealed class MemoLookup<T>
{
    public const int Capacity = 512;
    private readonly Dictionary<string, (bool Found, T Value)> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Found, T Value)>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly TryResolve _resolve;

    /// <summary>The slow lookup.</summary>
    public delegate bool TryResolve(string text, out T value);

    public MemoLookup(TryResolve resolve)
    {
        _resolve = resolve;
        _bySpan = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> text, out T value)
    {
        if (_bySpan.TryGetValue(text, out var hit))
        {
            value = hit.Value;
            return hit.Found;
        }
        var s = text.ToString();
        var found = _resolve(s, out value);
        if (_memo.Count < Capacity) _memo[s] = (found, value);
        return found;
    }
}
