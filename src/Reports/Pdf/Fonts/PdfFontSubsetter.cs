using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Reports.Pdf.Fonts;

/// <summary>
/// Replaces the whole embedded report font in a PDF written by SkiaSharp with a subset holding only
/// the glyphs the document draws. SkiaSharp's native build here has no font subsetter, so without
/// this every report would carry all 5 MB of the CJK font.
/// </summary>
/// <remarks>
/// Skia embeds the font as a CIDFontType2 with Identity-H encoding and <c>/CIDToGIDMap /Identity</c>,
/// so content streams name glyphs by id; the subset keeps glyph ids (<see cref="TrueTypeSubsetter"/>)
/// and nothing else in the file changes but that one stream and the cross-reference offsets after it.
/// The glyphs used are read from the font's ToUnicode map, which Skia writes for exactly the glyphs it
/// drew (that map is also what keeps the text searchable). A PDF that does not look like Skia's output
/// (no classic xref table, no matching font stream) is returned unchanged.
/// </remarks>
internal static partial class PdfFontSubsetter
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>The PDF with every embedded copy of <paramref name="font"/> cut to the glyphs used.</summary>
    public static byte[] Subset(byte[] pdf, byte[] font)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(font);
        var text = Latin1.GetString(pdf);
        if (!TryReadXref(text, out var xrefAt, out var entries)) return pdf;

        var fontLength = font.Length.ToString(CultureInfo.InvariantCulture);
        var glyphs = new HashSet<int>();
        foreach (Match m in ToUnicodeRef().Matches(text))
        {
            var obj = int.Parse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (obj >= entries.Count || !TryReadStream(pdf, text, entries[obj].Offset, out _, out var start, out var length, out var dict)) return pdf;
            var cmap = dict.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(pdf, start, length) : pdf.AsSpan(start, length).ToArray();
            CollectGlyphs(Latin1.GetString(cmap), glyphs);
        }
        if (glyphs.Count == 0) return pdf;

        // The font streams: /Length1 equal to the font's size, and the bytes are the font.
        var replacements = new List<(int Start, int End, byte[] With)>();
        for (var obj = 1; obj < entries.Count; obj++)
        {
            var (offset, inUse) = entries[obj];
            if (!inUse) continue;
            if (!TryReadStream(pdf, text, offset, out var end, out var start, out var length, out var dict)) continue;
            var l1 = Length1().Match(dict);
            if (!l1.Success || l1.Groups[1].Value != fontLength) continue;
            var data = dict.Contains("/FlateDecode", StringComparison.Ordinal) ? Inflate(pdf, start, length) : pdf.AsSpan(start, length).ToArray();
            if (!data.AsSpan().SequenceEqual(font)) continue;
            var subset = TrueTypeSubsetter.RetainGids(font, glyphs);
            var packed = Deflate(subset);
            var header = string.Create(CultureInfo.InvariantCulture,
                $"{obj} 0 obj\n<</Length1 {subset.Length}\n/Filter /FlateDecode\n/Length {packed.Length}>> stream\n");
            var bytes = new MemoryStream();
            bytes.Write(Latin1.GetBytes(header));
            bytes.Write(packed);
            bytes.Write(Latin1.GetBytes("\nendstream\nendobj\n"));
            replacements.Add((offset, end, bytes.ToArray()));
        }
        if (replacements.Count == 0) return pdf;
        replacements.Sort((a, b) => a.Start.CompareTo(b.Start));

        // Copy the file with the new streams, then write a new xref with the shifted offsets.
        var output = new MemoryStream(pdf.Length / 2);
        var position = 0;
        foreach (var (start, end, with) in replacements)
        {
            output.Write(pdf, position, start - position);
            output.Write(with);
            position = end;
        }
        output.Write(pdf, position, xrefAt - position);
        int Shift(int offset)
        {
            var delta = 0;
            foreach (var (start, end, with) in replacements)
                if (offset > start) delta += with.Length - (end - start);
            return offset + delta;
        }
        var newXref = (int)output.Length;
        var trailer = text.IndexOf("trailer", xrefAt, StringComparison.Ordinal);
        var startxref = text.IndexOf("startxref", trailer, StringComparison.Ordinal);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {entries.Count}\n");
        for (var i = 0; i < entries.Count; i++)
        {
            var (offset, inUse) = entries[i];
            sb.Append(inUse
                ? string.Create(CultureInfo.InvariantCulture, $"{Shift(offset):D10} 00000 n \n")
                : "0000000000 65535 f \n");
        }
        sb.Append(text, trailer, startxref - trailer);
        sb.Append(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(sb.ToString()));
        return output.ToArray();
    }

    private static bool TryReadXref(string text, out int xrefAt, out List<(int Offset, bool InUse)> entries)
    {
        entries = [];
        xrefAt = 0;
        var sx = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (sx < 0) return false;
        var m = StartXref().Match(text, sx);
        if (!m.Success) return false;
        xrefAt = int.Parse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var h = XrefHeader().Match(text, xrefAt);
        if (!h.Success || h.Index != xrefAt || h.Groups[1].Value != "0") return false;
        var count = int.Parse(h.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var p = h.Index + h.Length;
        for (var i = 0; i < count; i++, p += 20)
        {
            if (p + 20 > text.Length) return false;
            var line = text.AsSpan(p, 20);
            if (!int.TryParse(line[..10], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return false;
            entries.Add((offset, line[17] == 'n'));
        }
        return true;
    }

    /// <summary>Reads the stream object at <paramref name="offset"/>: its dictionary, its data, and where the object ends.</summary>
    private static bool TryReadStream(byte[] pdf, string text, int offset, out int objectEnd, out int dataStart, out int dataLength, out string dict)
    {
        objectEnd = dataStart = dataLength = 0;
        dict = "";
        var m = StreamHeader().Match(text, offset);
        if (!m.Success || m.Index != offset) return false;
        dict = m.Groups[1].Value;
        var len = Length().Match(dict);
        if (!len.Success) return false;
        dataStart = m.Index + m.Length;
        dataLength = int.Parse(len.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var endobj = text.IndexOf("endobj", dataStart + dataLength, StringComparison.Ordinal);
        if (endobj < 0 || dataStart + dataLength > pdf.Length) return false;
        objectEnd = endobj + "endobj".Length;
        if (objectEnd < text.Length && text[objectEnd] == '\n') objectEnd++;
        return true;
    }

    private static void CollectGlyphs(string cmap, HashSet<int> glyphs)
    {
        foreach (Match section in BfSection().Matches(cmap))
        {
            var body = section.Groups[2].Value;
            if (section.Groups[1].Value == "bfchar")
            {
                foreach (Match pair in BfCharPair().Matches(body))
                    glyphs.Add(int.Parse(pair.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
            else
            {
                foreach (Match range in BfRange().Matches(body))
                {
                    var a = int.Parse(range.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var b = int.Parse(range.Groups[2].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    for (var g = a; g <= b; g++) glyphs.Add(g);
                }
            }
        }
    }

    private static byte[] Inflate(byte[] pdf, int start, int length)
    {
        using var input = new MemoryStream(pdf, start, length, writable: false);
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        z.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(data);
        return output.ToArray();
    }

    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")]
    private static partial Regex ToUnicodeRef();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\r?\n(\d+) (\d+)\r?\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex(@"\G\d+ 0 obj\s*(<<(?:[^<>]|<<[^<>]*>>|<[0-9A-Fa-f]*>)*>>)\s*stream\r?\n")]
    private static partial Regex StreamHeader();

    [GeneratedRegex(@"/Length (\d+)")]
    private static partial Regex Length();

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex Length1();

    [GeneratedRegex(@"begin(bfchar|bfrange)(.*?)end\1", RegexOptions.Singleline)]
    private static partial Regex BfSection();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>")]
    private static partial Regex BfCharPair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<[0-9A-Fa-f]+>|\[[^\]]*\])")]
    private static partial Regex BfRange();
}
