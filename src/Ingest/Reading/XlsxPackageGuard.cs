using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Looks inside an XLSX (a ZIP of XML parts) before ClosedXML opens it, so that a decompression bomb
/// is refused after inflating at most <see cref="InputBounds.MaxXlsxPartBytes"/> of it, instead of
/// being read into memory whole. Every part is inflated and its bytes counted as they come: the sizes
/// in the ZIP directory are checked too, but never trusted alone.
/// </summary>
/// <remarks>
/// Bounds (<see cref="InputBounds"/>): the number of entries, each part's inflated size, the total,
/// and each part's compression ratio once it passes <see cref="InputBounds.RatioCheckFromBytes"/>.
/// The cost is one inflation of at most <see cref="InputBounds.MaxXlsxInflatedBytes"/>, into a small
/// reused buffer.
/// </remarks>
public static class XlsxPackageGuard
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Checks the package in <paramref name="stream"/> (seekable; left at position 0). Returns null when
    /// it is within the bounds, else what is wrong, naming the part (a sentence for an error message).
    /// A stream that is not a readable ZIP returns null: ClosedXML says what is wrong with it.
    /// </summary>
    public static MessageText? Check(Stream stream, InputBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(bounds);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            stream.Position = 0;
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException)
            {
                return null; // not a ZIP, or a damaged one: ClosedXML reports it as "not a readable workbook"
            }
            using (zip) return Check(zip, bounds, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            stream.Position = 0;
        }
    }

    private static MessageText? Check(ZipArchive zip, InputBounds bounds, byte[] buffer)
    {
        if (zip.Entries.Count > bounds.MaxXlsxEntries)
            return IngestMessages.XlsxTooManyParts.With(zip.Entries.Count.ToString("N0", CultureInfo.InvariantCulture), bounds.MaxXlsxEntries.ToString("N0", CultureInfo.InvariantCulture));
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var name = EchoText.Of(entry.FullName);
            if (entry.Length > bounds.MaxXlsxPartBytes)
                return IngestMessages.XlsxPartDeclaredTooLarge.With(name, InputBounds.Bytes(entry.Length), InputBounds.Bytes(bounds.MaxXlsxPartBytes));
            if (entry.Length > bounds.RatioCheckFromBytes && entry.Length > (double)bounds.MaxXlsxCompressionRatio * Math.Max(1, entry.CompressedLength))
                return Ratio(name, entry.Length, entry.CompressedLength, bounds);
            long counted = 0;
            try
            {
                using var part = entry.Open();
                int n;
                while ((n = part.Read(buffer, 0, BufferSize)) > 0)
                {
                    counted += n;
                    total += n;
                    if (counted > bounds.MaxXlsxPartBytes)
                        return IngestMessages.XlsxPartInflatesTooLarge.With(name, InputBounds.Bytes(bounds.MaxXlsxPartBytes), InputBounds.Bytes(entry.CompressedLength));
                    if (counted > bounds.RatioCheckFromBytes && counted > (double)bounds.MaxXlsxCompressionRatio * Math.Max(1, entry.CompressedLength))
                        return Ratio(name, counted, entry.CompressedLength, bounds);
                    if (total > bounds.MaxXlsxInflatedBytes)
                        return IngestMessages.XlsxTotalTooLarge.With(InputBounds.Bytes(bounds.MaxXlsxInflatedBytes), name);
                }
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
            {
                // A damaged part, a size that does not match what inflates, an unknown compression method.
                return IngestMessages.XlsxPartUnreadable.With(name, EchoText.Of(e.Message, 200));
            }
            if (counted != entry.Length)
                return IngestMessages.XlsxPartSizeMismatch.With(name, entry.Length.ToString("N0", CultureInfo.InvariantCulture), counted.ToString("N0", CultureInfo.InvariantCulture));
        }
        return null;
    }


    private static MessageText Ratio(string name, long inflated, long stored, InputBounds bounds) =>
        IngestMessages.XlsxCompressionRatio.With(name, bounds.MaxXlsxCompressionRatio.ToString(CultureInfo.InvariantCulture), InputBounds.Bytes(inflated), InputBounds.Bytes(stored));

    private static string Echo(string name) => name.Length <= 80 ? name : string.Concat(name.AsSpan(0, 80), "…");

}
