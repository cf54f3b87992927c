using System.Globalization;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The limits every input file is held to (docs/input-bounds.md), checked while the file streams so
/// that any file is refused or loaded within bounded memory and in time proportional to its size.
/// The defaults keep one ingest under 500 MB: a CSV streams (memory does not grow with its rows beyond
/// the key sets of the rules across rows), an XLSX is read by ClosedXML into memory, so its inflated
/// size is what is bounded.
/// </summary>
/// <remarks>
/// Sizes of XLSX parts are counted while inflating, never taken from the ZIP directory alone (a
/// hostile file can declare any size). A value in an error message is cut to
/// <see cref="MaxEchoChars"/> characters.
/// </remarks>
public sealed record InputBounds
{
    /// <summary>The bounds used when none are given.</summary>
    public static InputBounds Default { get; } = new();

    /// <summary>Largest CSV file, in bytes (default 4 GiB, about 10 million application rows).</summary>
    public long MaxCsvFileBytes { get; init; } = 4L << 30;

    /// <summary>Largest XLSX file, in bytes, as stored (compressed). Default 32 MiB.</summary>
    public long MaxXlsxFileBytes { get; init; } = 32L << 20;

    /// <summary>
    /// Largest inflated size of one part of an XLSX (a sheet, the shared strings), in bytes. Default
    /// 48 MiB: ClosedXML holds about 7 bytes of memory per byte of sheet XML (a 62 MB sheet of 1.7
    /// million cells peaked at 506 MB for the whole process), so this keeps one ingest under 500 MB.
    /// </summary>
    public long MaxXlsxPartBytes { get; init; } = 48L << 20;

    /// <summary>Largest inflated size of all parts of an XLSX together, in bytes. Default 64 MiB.</summary>
    public long MaxXlsxInflatedBytes { get; init; } = 64L << 20;

    /// <summary>
    /// Largest compression ratio (inflated ÷ stored) of an XLSX part larger than
    /// <see cref="RatioCheckFromBytes"/>. Default 100: worksheet XML compresses 5–30 times; a
    /// decompression bomb hundreds or thousands of times.
    /// </summary>
    public int MaxXlsxCompressionRatio { get; init; } = 100;

    /// <summary>Parts inflating to less than this are not held to the ratio (tiny XML compresses well). Default 1 MiB.</summary>
    public long RatioCheckFromBytes { get; init; } = 1L << 20;

    /// <summary>Most entries an XLSX (ZIP) may hold. Default 10,000.</summary>
    public int MaxXlsxEntries { get; init; } = 10_000;

    /// <summary>Longest text of one cell, in characters (Excel's own limit: 32,767).</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Longest header cell, in characters. Default 256.</summary>
    public int MaxHeaderCellChars { get; init; } = 256;

    /// <summary>
    /// Longest CSV record (one row, including line breaks inside quoted fields), in characters.
    /// Default 1,048,576 (1 Mi): room for every column of a template at <see cref="MaxCellChars"/>.
    /// </summary>
    public int MaxCsvRecordChars { get; init; } = 1 << 20;

    /// <summary>Most data rows of one file. Default 10 million.</summary>
    public int MaxRows { get; init; } = 10_000_000;

    /// <summary>A value quoted in an error message is cut to this many characters, with "…". Default 80.</summary>
    public int MaxEchoChars { get; init; } = 80;

    /// <summary>Throws when a bound is not positive.</summary>
    public InputBounds Validated()
    {
        Positive(MaxCsvFileBytes, nameof(MaxCsvFileBytes));
        Positive(MaxXlsxFileBytes, nameof(MaxXlsxFileBytes));
        Positive(MaxXlsxPartBytes, nameof(MaxXlsxPartBytes));
        Positive(MaxXlsxInflatedBytes, nameof(MaxXlsxInflatedBytes));
        Positive(MaxXlsxCompressionRatio, nameof(MaxXlsxCompressionRatio));
        Positive(MaxXlsxEntries, nameof(MaxXlsxEntries));
        Positive(MaxCellChars, nameof(MaxCellChars));
        Positive(MaxHeaderCellChars, nameof(MaxHeaderCellChars));
        Positive(MaxCsvRecordChars, nameof(MaxCsvRecordChars));
        Positive(MaxRows, nameof(MaxRows));
        Positive(MaxEchoChars, nameof(MaxEchoChars));
        return this;
    }

    /// <summary>A size for messages: <c>64 MiB</c>, <c>1.5 GiB</c>, <c>12,345 bytes</c>.</summary>
    public static string Bytes(long n) => n switch
    {
        >= 1L << 30 => (n / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (n / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => n.ToString("N0", CultureInfo.InvariantCulture) + " bytes",
    };

    private static void Positive(long value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be greater than 0.");
    }
}
