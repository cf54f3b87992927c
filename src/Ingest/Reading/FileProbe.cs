using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Reading;

/// <summary>
/// What a file is, from its bytes: one streaming pass computes the SHA-256 (the filing's identity),
/// recognises XLSX by its ZIP signature, and for text decides the encoding — a BOM wins; else bytes
/// that are entirely valid UTF-8 are UTF-8; else GB18030. Binary garbage (NUL or many control bytes
/// in the first block) is refused rather than decoded into nonsense; a file larger than its bound (InputBounds) is refused as soon as its format is known.
/// </summary>
public sealed record FileProbe
{
    private const int BlockSize = 1 << 16;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public required string Path { get; init; }
    public required long Length { get; init; }
    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public required string Sha256 { get; init; }
    public required FileFormat Format { get; init; }
    /// <summary>For CSV: the encoding detected.</summary>
    public Encoding? Encoding { get; init; }
    /// <summary>For CSV: bytes of BOM to skip.</summary>
    public int PreambleLength { get; init; }

    /// <summary>Inspects <paramref name="path"/>; returns null and an error when the file cannot be a template file.</summary>
    public static FileProbe? Inspect(string path, out IngestError? error) => Inspect(path, InputBounds.Default, out error);

    /// <summary>
    /// Inspects <paramref name="path"/> within <paramref name="bounds"/> (a CSV or XLSX larger than its
    /// bound is refused as soon as its format is known, before the rest is read).
    /// </summary>
    public static FileProbe? Inspect(string path, InputBounds bounds, out IngestError? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bounds);
        error = null;
        if (Directory.Exists(path)) { error = FileError(path, IngestErrorCode.FileNotFound, IngestMessages.FileIsFolder.Text()); return null; }
        if (!File.Exists(path)) { error = FileError(path, IngestErrorCode.FileNotFound, IngestMessages.FileNotFound.Text()); return null; }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return Inspect(stream, path, bounds, out error);
        }
        catch (IOException e) { error = FileError(path, IngestErrorCode.FileUnreadable, IngestMessages.FileUnreadable.With(e.Message)); }
        catch (UnauthorizedAccessException e) { error = FileError(path, IngestErrorCode.FileUnreadable, IngestMessages.FileUnreadable.With(e.Message)); }
        return null;
    }

    private static FileProbe? Inspect(Stream stream, string path, InputBounds bounds, out IngestError? error)
    {
        error = null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(BlockSize + 4);
        try
        {
            long length = 0;
            var format = FileFormat.Invalid;
            Encoding? encoding = null;
            var preamble = 0;
            var utf8Valid = true;
            var carry = 0; // bytes of an incomplete UTF-8 sequence carried to the next block
            var first = true;
            int read;
            while ((read = stream.Read(buffer, carry, BlockSize)) > 0)
            {
                hash.AppendData(buffer, carry, read);
                length += read;
                var block = buffer.AsSpan(0, carry + read);
                // Checked on the bytes read, so a file that grows while it is read is held to the bound too.
                if (format != FileFormat.Invalid && TooLarge(path, format, length, bounds) is { } tooLarge)
                {
                    error = tooLarge;
                    return null;
                }
                if (first)
                {
                    first = false;
                    if (block.StartsWith(ZipMagic) || block.StartsWith(EmptyZipMagic)) format = FileFormat.Xlsx;
                    else if (block.StartsWith(Ole2Magic))
                    {
                        error = FileError(path, IngestErrorCode.UnsupportedFormat,
                            IngestMessages.FileOldXls.Text());
                        return null;
                    }
                    else
                    {
                        format = FileFormat.Csv;
                        if (block.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { encoding = new UTF8Encoding(false); preamble = 3; }
                        else if (block.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { encoding = Encoding.Unicode; preamble = 2; }
                        else if (block.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { encoding = Encoding.BigEndianUnicode; preamble = 2; }
                        if (encoding is null && LooksBinary(block))
                        {
                            error = FileError(path, IngestErrorCode.BinaryFile,
                                IngestMessages.FileBinary.Text());
                            return null;
                        }
                        if (preamble == 3) { block = block[3..]; }
                    }
                    if (TooLarge(path, format, Math.Max(length, stream.Length), bounds) is { } fileTooLarge)
                    {
                        error = fileTooLarge;
                        return null;
                    }
                }
                if (format == FileFormat.Csv && encoding is null && utf8Valid)
                {
                    var status = Utf8.ToUtf16(block, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
                    if (status == System.Buffers.OperationStatus.InvalidData) utf8Valid = false;
                    else
                    {
                        carry = block.Length - consumed;
                        if (carry > 0) block[consumed..].CopyTo(buffer);
                        continue;
                    }
                }
                carry = 0;
            }
            if (carry > 0) utf8Valid = false; // the file ends inside a UTF-8 sequence

            if (length == 0)
            {
                error = FileError(path, IngestErrorCode.EmptyFile, IngestMessages.FileEmpty.Text());
                return null;
            }
            if (format == FileFormat.Csv && encoding is null)
                encoding = utf8Valid ? new UTF8Encoding(false) : TextEncodings.Gb18030;
            return new FileProbe
            {
                Path = path,
                Length = length,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
                Format = format,
                Encoding = encoding,
                PreambleLength = preamble,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Text files (UTF-8 or GB18030) hardly hold any NUL or C0 control bytes besides tab and line
    /// breaks; random or compressed bytes (or UTF-16 without a BOM) hold many. A few stray ones in text
    /// are left to the cell check, which reports each with its row and column.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> block)
    {
        var sample = block[..Math.Min(block.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C or 0x1A)) controls++;
        return controls > 0 && controls * 50 > sample.Length; // more than 2 %
    }

    private static IngestError? TooLarge(string path, FileFormat format, long length, InputBounds bounds)
    {
        var (max, message) = format == FileFormat.Xlsx
            ? (bounds.MaxXlsxFileBytes, IngestMessages.FileTooLargeXlsx)
            : (bounds.MaxCsvFileBytes, IngestMessages.FileTooLargeCsv);
        if (length <= max) return null;
        return FileError(path, IngestErrorCode.TooLarge, message.With(InputBounds.Bytes(max)));
    }

    internal static IngestError FileError(string path, IngestErrorCode code, MessageText message) =>
        new() { Code = code, File = path, Text = message };
}
