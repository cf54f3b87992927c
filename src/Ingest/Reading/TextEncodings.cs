using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The encodings a CSV may come in (templates.md §1, Formats): UTF-8 with or without BOM, UTF-16
/// with BOM (Excel's "Unicode text"), or GB18030 — the superset of GBK and GB2312 that Excel on a
/// Chinese Windows writes.
/// </summary>
public static class TextEncodings
{
    private static readonly Lazy<Encoding> LazyGb18030 = new(() =>
    {
        // .NET Core ships only the Unicode encodings; the code pages come from this provider.
        // Registering twice is harmless, but Lazy makes it once per process anyway.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // Bytes that are not GB18030 decode to U+FFFD (not "?"), which the cell check reports with its place.
        return Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    });

    /// <summary>GB18030 (code page 54936), which reads GBK and GB2312 files too.</summary>
    public static Encoding Gb18030 => LazyGb18030.Value;

    /// <summary>UTF-8 that writes a BOM (for files Excel opens correctly).</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
