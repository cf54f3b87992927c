using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Analytics.Ingest.Templates;

/// <summary>
/// The key set of a rule across rows (one row per key): each key is kept as its 128-bit XxHash128
/// fingerprint with the number of the first row that carried it, in an open-addressing table of
/// 20-byte slots kept between ⅜ and ¾ full: 27–53 bytes a key however long the keys are (plus the old
/// table while it doubles), instead of the key strings themselves (about 130 bytes a row before).
/// Memory still grows with the number of keys, as any exact duplicate check must, but slowly.
/// </summary>
/// <remarks>
/// Two different keys share a fingerprint with probability about n²/2¹²⁹: for 10⁷ keys in one file,
/// about 1.5·10⁻²⁵, far below the chance of a memory or disk error, so the set is treated as exact:
/// a fingerprint seen before means the key was seen before. The key parts are hashed as their UTF-16
/// code units with a U+0000 between them; the first part is a registry code, which never holds
/// U+0000, so ("a", "bc") and ("ab", "c") are different byte strings.
/// </remarks>
internal sealed class KeyFingerprints
{
    // One array of 20-byte slots, so a probe touches one cache line, not two; row 0 marks an empty
    // slot (row numbers start at 1, the header).
    private Slot[] _slots = new Slot[1024];
    private int _count;

    public int Count => _count;

    /// <summary>The fingerprint of a one-part key.</summary>
    public static UInt128 Of(ReadOnlySpan<char> key) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key));

    /// <summary>The fingerprint of the two-part key (<paramref name="first"/>, <paramref name="second"/>).</summary>
    public static UInt128 Of(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var length = first.Length + 1 + second.Length;
        char[]? rented = null;
        var buffer = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        first.CopyTo(buffer);
        buffer[first.Length] = '\0';
        second.CopyTo(buffer[(first.Length + 1)..]);
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(buffer[..length]));
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return hash;
    }

    /// <summary>
    /// Adds <paramref name="key"/> first seen in <paramref name="row"/> (≥ 1); when it was already
    /// there, returns false and the row that first carried it in <paramref name="firstRow"/>.
    /// </summary>
    public bool TryAdd(UInt128 key, int row, out int firstRow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        if ((_count + 1) * 4L > _slots.Length * 3L) Grow();
        var lo = (ulong)key;
        var hi = (ulong)(key >> 64);
        var mask = _slots.Length - 1;
        // The fingerprint is already uniformly spread: its low bits index the table (linear probing).
        for (var i = (int)lo & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Row == 0)
            {
                slot = new Slot { Lo = lo, Hi = hi, Row = row };
                _count++;
                firstRow = 0;
                return true;
            }
            if (slot.Lo == lo && slot.Hi == hi)
            {
                firstRow = slot.Row;
                return false;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var s in old)
        {
            if (s.Row == 0) continue;
            var i = (int)s.Lo & mask;
            while (_slots[i].Row != 0) i = (i + 1) & mask;
            _slots[i] = s;
        }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong Lo;
        public ulong Hi;
        public int Row;
    }
}
