using System.IO.Hashing;
using System.Text;

namespace Analytics.Store;

/// <summary>
/// The keys a filing writer has seen, as 64-bit fingerprints (XxHash3 of the UTF-8 key parts with a
/// separator): 8 bytes a key instead of its strings, so a million-row filing costs tens of MB, not
/// hundreds. A fingerprint may collide, so "seen before" means "possibly given twice": the writer
/// treats such a row as a possible duplicate and resolves it exactly by key at commit, never drops it
/// on the fingerprint's word.
/// </summary>
internal sealed class KeyFingerprints
{
    private readonly HashSet<ulong> _seen = [];

    /// <summary>True when <paramref name="first"/>, <paramref name="second"/> was certainly not given before.</summary>
    public bool Add(string first, string second)
    {
        var length = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length + 1);
        var rented = length <= 512 ? null : new byte[length];
        Span<byte> buffer = rented ?? stackalloc byte[512];
        var n = Encoding.UTF8.GetBytes(first, buffer);
        buffer[n++] = 0;
        n += Encoding.UTF8.GetBytes(second, buffer[n..]);
        return _seen.Add(XxHash3.HashToUInt64(buffer[..n]));
    }
}
