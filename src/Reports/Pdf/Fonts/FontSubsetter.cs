using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace Analytics.Reports.Pdf.Fonts;

/// <summary>
/// Cuts a font down to the characters a document draws with HarfBuzz's subsetter (hb-subset, the library behind
/// fontTools' and Chrome's font subsetting), which ships inside HarfBuzzSharp's native library. SkiaSharp's native
/// build here is made without it and embeds every font whole into a PDF (a 5 MB report font per document), so
/// <see cref="PdfRenderer"/> draws with these subsets instead and Skia embeds them as they are. The source font is
/// read once (HarfBuzzSharp's <see cref="Blob"/> and <see cref="Face"/>); only the <c>hb_subset_*</c> calls, the
/// sets they fill and the result's bytes go through <see cref="NativeMethods"/>, because HarfBuzzSharp does not
/// wrap them.
/// </summary>
/// <remarks>
/// Hinting and the layout tables (GSUB, GPOS …) are dropped: a PDF viewer draws glyphs by id and never shapes, and
/// without GSUB no alternate forms are pulled into the subset. Glyphs are renumbered; the cmap maps the kept
/// characters, so Skia draws from the subset exactly as from the whole font. HarfBuzz reads TrueType (glyf) and
/// CFF outlines alike. A <see cref="Face"/> is immutable and HarfBuzz's subsetter is thread-safe on it, so one
/// instance serves documents rendered in parallel.
/// </remarks>
internal sealed class FontSubsetter : IDisposable
{
    /// <summary>Tables a PDF viewer never reads, on top of those hb-subset drops by default.</summary>
    private static readonly string[] Dropped =
    [
        "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx", "LTSH", "VDMX", "vhea", "vmtx", "DSIG", "FFTM",
    ];

    private readonly Blob _blob;
    private readonly Face _face;

    /// <summary>Reads the font once; <see cref="Subset"/> can then be called for many documents.</summary>
    /// <exception cref="InvalidDataException">Not a font HarfBuzz can read (no glyphs).</exception>
    public FontSubsetter(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        // The font is copied into native memory that HarfBuzz frees with the blob. A face over HarfBuzzSharp 14.4's
        // Blob.FromStream crashed the process on the first subset after a garbage collection (the blob's bytes are a
        // managed array HarfBuzz reads without the collector knowing); FontSubsetterTests repeats that case.
        var data = Marshal.AllocHGlobal(font.Length);
        Marshal.Copy(font, 0, data, font.Length);
        _blob = new Blob(data, font.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(data));
        _blob.MakeImmutable();
        _face = new Face(_blob, 0);
        _face.MakeImmutable();
        if (_face.GlyphCount == 0)
        {
            Dispose();
            throw new InvalidDataException("Not a font HarfBuzz can read (no glyphs).");
        }
    }

    /// <summary>The font with only the glyphs of <paramref name="codePoints"/> (those it maps) and the glyphs they are built from.</summary>
    /// <exception cref="InvalidOperationException">HarfBuzz could not subset the font (out of memory, a malformed table).</exception>
    public byte[] Subset(IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var input = NativeMethods.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not create a subset input (out of memory).");
        try
        {
            var unicodes = NativeMethods.hb_subset_input_unicode_set(input);
            foreach (var cp in codePoints)
                if (cp is >= 0 and <= 0x10FFFF) NativeMethods.hb_set_add(unicodes, (uint)cp);
            var dropTables = NativeMethods.hb_subset_input_set(input, NativeMethods.SetsDropTableTag);
            foreach (var tag in Dropped) NativeMethods.hb_set_add(dropTables, Tag.Parse(tag));
            NativeMethods.hb_subset_input_set_flags(input, NativeMethods.FlagsNoHinting);

            var subset = NativeMethods.hb_subset_or_fail(_face.Handle, input);
            GC.KeepAlive(this);
            if (subset == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not subset the font.");
            try
            {
                var blob = NativeMethods.hb_face_reference_blob(subset);
                try
                {
                    var data = NativeMethods.hb_blob_get_data(blob, out var length);
                    if (data == IntPtr.Zero || length == 0) throw new InvalidOperationException("HarfBuzz's subset of the font is empty.");
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    NativeMethods.hb_blob_destroy(blob);
                }
            }
            finally
            {
                NativeMethods.hb_face_destroy(subset);
            }
        }
        finally
        {
            NativeMethods.hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        _face.Dispose();
        _blob.Dispose();
    }

    /// <summary>
    /// The parts of HarfBuzz's C API that HarfBuzzSharp does not wrap, bound to the same native library it loads
    /// (<c>libHarfBuzzSharp</c>, which exports hb-subset). Signatures from <c>hb-subset.h</c>, <c>hb-set.h</c>,
    /// <c>hb-face.h</c> and <c>hb-blob.h</c>.
    /// </summary>
    private static class NativeMethods
    {
        private const string Library = "libHarfBuzzSharp";

        /// <summary><c>HB_SUBSET_SETS_DROP_TABLE_TAG</c> of <c>hb_subset_sets_t</c>.</summary>
        public const int SetsDropTableTag = 3;

        /// <summary><c>HB_SUBSET_FLAGS_NO_HINTING</c> of <c>hb_subset_flags_t</c>.</summary>
        public const uint FlagsNoHinting = 0x1;

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(Library, ExactSpelling = true)]
        public static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_subset_input_set(IntPtr input, int setType);

        [DllImport(Library, ExactSpelling = true)]
        public static extern void hb_subset_input_set_flags(IntPtr input, uint value);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

        [DllImport(Library, ExactSpelling = true)]
        public static extern void hb_set_add(IntPtr set, uint codepoint);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(Library, ExactSpelling = true)]
        public static extern void hb_face_destroy(IntPtr face);

        [DllImport(Library, ExactSpelling = true)]
        public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(Library, ExactSpelling = true)]
        public static extern void hb_blob_destroy(IntPtr blob);
    }
}
