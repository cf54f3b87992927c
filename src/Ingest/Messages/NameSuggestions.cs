using Analytics.Domain;
using Analytics.Domain.Registry;

namespace Analytics.Ingest.Messages;

/// <summary>
/// "Did you mean 尧都区?" for a near-miss county or utility: the registry entry whose code, name, short name or alias
/// is closest to what was typed — by shared characters for Chinese (尧都县 ↔ 尧都区 share two of three), by edit
/// distance for a Latin code (yoadu ↔ yaodu). No pinyin: a name typed in pinyin matches only through the code.
/// </summary>
public static class NameSuggestions
{
    /// <summary>The closest entry when it is close enough to be a likely slip, else null.</summary>
    public static RegistryEntry? Closest(string text, IEnumerable<RegistryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entries);
        var typed = text.Trim();
        if (typed.Length == 0) return null;
        RegistryEntry? best = null;
        var bestScore = 0.0;
        foreach (var e in entries)
        {
            foreach (var candidate in new[] { e.Code, e.Name, e.ShortName }.Concat(e.Aliases))
            {
                var score = Similarity(typed, candidate);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = e;
                }
            }
        }
        return bestScore >= 0.5 ? best : null;
    }

    /// <summary>
    /// The value of a closed set (category, status, area…) whose code or label is closest to what was typed, when close
    /// enough to be a likely slip (<c>in_progres</c> → in_progress, 城区 → 市区), else null.
    /// </summary>
    public static T? ClosestCode<T>(string text) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = text.Trim();
        if (typed.Length == 0) return null;
        T? best = null;
        var bestScore = 0.0;
        foreach (var value in Codes.All<T>())
        {
            foreach (var candidate in new[] { Codes.Of(value), Codes.Label(value) })
            {
                var score = Similarity(typed, candidate);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = value;
                }
            }
        }
        return bestScore >= 0.5 ? best : null;
    }

    /// <summary>1 for equal texts, 0 for nothing in common: 1 − edit distance ÷ the longer length (case-insensitive).</summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)Distance(a, b) / longer;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
