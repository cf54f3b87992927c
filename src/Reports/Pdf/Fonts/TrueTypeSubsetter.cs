using System.Buffers.Binary;

namespace Analytics.Reports.Pdf.Fonts;

/// <summary>
/// Cuts a TrueType (glyf) font down to the characters a document draws, with the glyphs renumbered
/// compactly (0 = .notdef, then the glyphs of the characters, then composite components). SkiaSharp's
/// native build here embeds fonts whole, so <see cref="PdfRenderer"/> hands it this subset instead of the
/// 5 MB report font: the PDF carries only what it shows, and writing it stays fast. Hinting tables stay,
/// layout tables (GSUB, GPOS, kern …) and vertical metrics go: a PDF viewer draws glyphs by id and never shapes.
/// </summary>
internal sealed class TrueTypeSubsetter
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx", "LTSH", "VDMX", "vhea", "vmtx", "DSIG", "FFTM",
    };

    private readonly Dictionary<string, byte[]> _tables;
    private readonly Dictionary<int, int> _cmap;
    private readonly int _numGlyphs;
    private readonly bool _longLoca;
    private readonly int _numHMetrics;

    /// <summary>Reads the font once; <see cref="Subset"/> can then be called for many documents.</summary>
    /// <exception cref="InvalidDataException">Not a TrueType font with glyf outlines.</exception>
    public TrueTypeSubsetter(ReadOnlySpan<byte> font)
    {
        _tables = ReadTables(font);
        foreach (var required in new[] { "glyf", "loca", "head", "maxp", "hhea", "hmtx", "cmap" })
            if (!_tables.ContainsKey(required))
                throw new InvalidDataException($"Not a TrueType font with glyf outlines (no {required} table).");
        _numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(_tables["maxp"].AsSpan(4));
        _longLoca = BinaryPrimitives.ReadInt16BigEndian(_tables["head"].AsSpan(50)) == 1;
        _numHMetrics = BinaryPrimitives.ReadUInt16BigEndian(_tables["hhea"].AsSpan(34));
        _cmap = ReadCmap(_tables["cmap"]);
    }

    /// <summary>The font with only the glyphs of <paramref name="codePoints"/> (those it maps) and their components.</summary>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var tables = _tables;
        var glyf = tables["glyf"];
        var loca = tables["loca"];
        var head = tables["head"];
        var maxp = tables["maxp"];
        var hhea = tables["hhea"];
        var hmtx = tables["hmtx"];
        var numGlyphs = _numGlyphs;
        var longLoca = _longLoca;
        var numHMetrics = _numHMetrics;
        int Offset(int g) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * g))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(2 * g));
        byte[] Glyph(int g) => glyf.AsSpan(Offset(g), Offset(g + 1) - Offset(g)).ToArray();
        (ushort Advance, short Lsb) Metric(int g)
        {
            var m = Math.Min(g, numHMetrics - 1);
            var advance = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(4 * m));
            var lsb = g < numHMetrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan(4 * g + 2))
                : BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan(4 * numHMetrics + 2 * (g - numHMetrics)));
            return (advance, lsb);
        }

        // New order: .notdef, the characters' glyphs (by old id), then components as they are found.
        var full = _cmap;
        var map = new SortedDictionary<int, int>();
        foreach (var cp in codePoints)
            if (full.TryGetValue(cp, out var g) && g < numGlyphs) map[cp] = g;
        var order = new List<int> { 0 };
        var newId = new Dictionary<int, int> { [0] = 0 };
        foreach (var g in map.Values.Distinct().Order())
            if (newId.TryAdd(g, order.Count)) order.Add(g);
        for (var i = 0; i < order.Count; i++)
            foreach (var c in Components(Glyph(order[i])))
                if (c < numGlyphs && newId.TryAdd(c, order.Count)) order.Add(c);

        var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * (order.Count + 1)];
        var newHmtx = new byte[4 * order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * i), (uint)newGlyf.Length);
            var data = Glyph(order[i]);
            Renumber(data, newId);
            newGlyf.Write(data);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
            var (advance, lsb) = Metric(order[i]);
            BinaryPrimitives.WriteUInt16BigEndian(newHmtx.AsSpan(4 * i), advance);
            BinaryPrimitives.WriteInt16BigEndian(newHmtx.AsSpan(4 * i + 2), lsb);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * order.Count), (uint)newGlyf.Length);

        var newHead = (byte[])head.Clone();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        var newMaxp = (byte[])maxp.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(4), (ushort)order.Count);
        var newHhea = (byte[])hhea.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(newHhea.AsSpan(34), (ushort)order.Count);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, data) in tables)
            if (!Dropped.Contains(tag)) output[tag] = data;
        output["glyf"] = newGlyf.ToArray();
        output["loca"] = newLoca;
        output["hmtx"] = newHmtx;
        output["head"] = newHead;
        output["maxp"] = newMaxp;
        output["hhea"] = newHhea;
        output["cmap"] = WriteCmap(map.Where(kv => kv.Key <= 0xFFFF).ToDictionary(kv => kv.Key, kv => newId[kv.Value]));
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Glyph names (post format 2) are indexed by the old ids: keep the header only, as format 3.
            var p3 = post.AsSpan(0, 32).ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(p3, 0x00030000);
            output["post"] = p3;
        }
        return Assemble(output);
    }

    /// <summary>Rewrites the component glyph ids of a composite glyph in place.</summary>
    private static void Renumber(Span<byte> glyph, Dictionary<int, int> newId)
    {
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return;
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            var old = BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]);
            BinaryPrimitives.WriteUInt16BigEndian(glyph[(p + 2)..], (ushort)newId[old]);
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
            if ((flags & 0x0020) == 0) break;
        }
    }

    /// <summary>The glyph ids a composite glyph refers to (none for a simple glyph).</summary>
    private static List<int> Components(ReadOnlySpan<byte> glyph)
    {
        var result = new List<int>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return result;
        var p = 10;
        while (p + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]));
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
            if ((flags & 0x0020) == 0) break;
        }
        return result;
    }

    private static Dictionary<string, byte[]> ReadTables(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12) throw new InvalidDataException("Not a TrueType font.");
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565)
            throw new InvalidDataException("Not a TrueType font (sfnt version).");
        var n = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var rec = font.Slice(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(rec[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(rec[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(rec[12..]);
            tables[tag] = font.Slice(offset, length).ToArray();
        }
        return tables;
    }

    /// <summary>Code point → glyph id from the Windows Unicode subtable (format 12 preferred, else 4).</summary>
    private static Dictionary<int, int> ReadCmap(byte[] cmap)
    {
        var map = new Dictionary<int, int>();
        var n = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(2));
        int? f12 = null, f4 = null;
        for (var i = 0; i < n; i++)
        {
            var pid = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(4 + 8 * i));
            var eid = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(6 + 8 * i));
            var off = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(8 + 8 * i));
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(off));
            if (format == 12 && (pid == 3 || pid == 0)) f12 = off;
            else if (format == 4 && (pid == 3 || pid == 0)) f4 ??= off;
        }
        if (f12 is { } o12)
        {
            var groups = BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(o12 + 12));
            for (var g = 0; g < groups; g++)
            {
                var s = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(o12 + 16 + 12 * g));
                var e = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(o12 + 20 + 12 * g));
                var gid = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(o12 + 24 + 12 * g));
                for (var cp = s; cp <= e; cp++) map[cp] = gid + cp - s;
            }
            return map;
        }
        if (f4 is not { } o) return map;
        var segCount = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(o + 6)) / 2;
        var ends = o + 14;
        var starts = ends + 2 * segCount + 2;
        var deltas = starts + 2 * segCount;
        var ranges = deltas + 2 * segCount;
        for (var i = 0; i < segCount; i++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(ends + 2 * i));
            int start = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(starts + 2 * i));
            int delta = BinaryPrimitives.ReadInt16BigEndian(cmap.AsSpan(deltas + 2 * i));
            int range = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(ranges + 2 * i));
            for (var cp = start; cp <= end && cp != 0xFFFF; cp++)
            {
                int gid;
                if (range == 0) gid = (cp + delta) & 0xFFFF;
                else
                {
                    var p = ranges + 2 * i + range + 2 * (cp - start);
                    gid = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(p));
                    if (gid != 0) gid = (gid + delta) & 0xFFFF;
                }
                if (gid != 0) map[cp] = gid;
            }
        }
        return map;
    }

    /// <summary>A cmap with one Windows BMP subtable (format 4), one segment a run of consecutive code points and glyph ids.</summary>
    private static byte[] WriteCmap(Dictionary<int, int> map)
    {
        var segments = new List<(int Start, int End, int Delta)>();
        foreach (var cp in map.Keys.Order())
        {
            var delta = (map[cp] - cp) & 0xFFFF;
            if (segments.Count > 0 && segments[^1].End == cp - 1 && segments[^1].Delta == delta)
                segments[^1] = (segments[^1].Start, cp, delta);
            else
                segments.Add((cp, cp, delta));
        }
        segments.Add((0xFFFF, 0xFFFF, 1));
        var n = segments.Count;
        var log = 31 - int.LeadingZeroCount(n);
        var searchRange = 2 * (1 << log);
        var length = 16 + 8 * n;
        var sub = new byte[length];
        var s = sub.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(s, 4);
        BinaryPrimitives.WriteUInt16BigEndian(s[2..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(s[6..], (ushort)(2 * n));
        BinaryPrimitives.WriteUInt16BigEndian(s[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(s[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(s[12..], (ushort)(2 * n - searchRange));
        for (var i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s[(14 + 2 * i)..], (ushort)segments[i].End);
            BinaryPrimitives.WriteUInt16BigEndian(s[(16 + 2 * n + 2 * i)..], (ushort)segments[i].Start);
            BinaryPrimitives.WriteUInt16BigEndian(s[(16 + 4 * n + 2 * i)..], (ushort)segments[i].Delta);
        }
        var table = new byte[12 + length];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(4), 3);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(6), 1);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(8), 12);
        sub.CopyTo(table, 12);
        return table;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var n = tables.Count;
        var log = 31 - int.LeadingZeroCount(n);
        var headerLength = 12 + 16 * n;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        var f = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(f, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(f[4..], (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(f[6..], (ushort)(16 * (1 << log)));
        BinaryPrimitives.WriteUInt16BigEndian(f[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(f[10..], (ushort)(16 * n - 16 * (1 << log)));
        var offset = headerLength;
        var i = 0;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            var rec = f.Slice(12 + 16 * i, 16);
            System.Text.Encoding.ASCII.GetBytes(tag, rec);
            BinaryPrimitives.WriteUInt32BigEndian(rec[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(rec[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(rec[12..], (uint)data.Length);
            data.CopyTo(font, offset);
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
            i++;
        }
        BinaryPrimitives.WriteUInt32BigEndian(f[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }
}
