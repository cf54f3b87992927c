using System.IO.Hashing;
using System.Text;

namespace Analytics.Store;

/// <summary>
/// The keys a filing writer has seen, as 64-bit fingerprints (XxHash3 of the UTF-8 key parts with a
/// separator): 8 to 16 bytes a key instead of its strings, so a million-row filing costs 16 MB, not
/// hundreds. A fingerprint may collide, so "seen before" means "possibly given twice": the writer
/// treats such a row as a possible duplicate and resolves it exactly by key at commit, never drops it
/// on the fingerprint's word.
/// </summary>
/// <remarks>
/// An open-addressing table of the fingerprints themselves (linear probing, at most half full): one
/// cache miss a key, where <see cref="HashSet{T}"/> of a million entries cost two (buckets, then
/// entries) and showed as 6 % of a million-row load.
/// </remarks>
internal sealed class KeyFingerprints
{
    private ulong[] _slots = new ulong[1024];
    private int _count;

    /// <summary>True when <paramref name="first"/>, <paramref name="second"/> was certainly not given before.</summary>
    public bool Add(string first, string second)
    {
        var length = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length + 1);
        var rented = length <= 512 ? null : new byte[length];
        Span<byte> buffer = rented ?? stackalloc byte[512];
        var n = Encoding.UTF8.GetBytes(first, buffer);
        buffer[n++] = 0;
        n += Encoding.UTF8.GetBytes(second, buffer[n..]);
        // 0 marks an empty slot, so the one fingerprint 0 is stored as 1 (a collision like any other).
        var fingerprint = Math.Max(1UL, XxHash3.HashToUInt64(buffer[..n]));
        if (!Insert(_slots, fingerprint)) return false;
        if (++_count * 2 > _slots.Length) Grow();
        return true;
    }

    private static bool Insert(ulong[] slots, ulong fingerprint)
    {
        var mask = slots.Length - 1;
        for (var i = (int)(fingerprint & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (slots[i] == fingerprint) return false;
            if (slots[i] != 0) continue;
            slots[i] = fingerprint;
            return true;
        }
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var f in _slots)
            if (f != 0) Insert(bigger, f);
        _slots = bigger;
    }
}
