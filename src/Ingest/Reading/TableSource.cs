using System.Security.Cryptography;
using ClosedXML.Excel;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A probed file ready to be read, any number of times (validation pass, then load pass), always as
/// the same bytes: an XLSX is read into memory once; a CSV is streamed again and its hash compared.
/// </summary>
public sealed class TableSource : IDisposable
{
    private readonly FileProbe _probe;
    private readonly Func<string, bool> _isTemplateSheet;
    private readonly XLWorkbook? _workbook;
    private HashingReadStream? _lastStream;

    private TableSource(FileProbe probe, Func<string, bool> isTemplateSheet, XLWorkbook? workbook)
    {
        _probe = probe;
        _isTemplateSheet = isTemplateSheet;
        _workbook = workbook;
    }

    public FileProbe Probe => _probe;

    /// <summary>
    /// Opens a probed file. For a file named <c>.xlsx</c> whose bytes are not a workbook, or a ZIP that
    /// is not a workbook, returns null and the error.
    /// </summary>
    public static TableSource? Open(FileProbe probe, Func<string, bool> isTemplateSheet, out IngestError? error)
    {
        ArgumentNullException.ThrowIfNull(probe);
        error = null;
        var ext = Path.GetExtension(probe.Path);
        if (probe.Format == FileFormat.Csv)
        {
            if (ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
            {
                error = FileProbe.FileError(probe.Path, IngestErrorCode.NotAWorkbook,
                    $"is named {ext} but is not an Excel workbook: its bytes are plain text. If it is a CSV, rename it to .csv; otherwise save it again from Excel as .xlsx.");
                return null;
            }
            return new TableSource(probe, isTemplateSheet, null);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(probe.Path);
        }
        catch (IOException e) { error = FileProbe.FileError(probe.Path, IngestErrorCode.FileUnreadable, $"cannot read the file: {e.Message}"); return null; }
        catch (UnauthorizedAccessException e) { error = FileProbe.FileError(probe.Path, IngestErrorCode.FileUnreadable, $"cannot read the file: {e.Message}"); return null; }
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), probe.Sha256, StringComparison.Ordinal))
        {
            error = FileProbe.FileError(probe.Path, IngestErrorCode.FileChanged, "the file changed while it was being read; load it again when it is complete.");
            return null;
        }
        try
        {
            return new TableSource(probe, isTemplateSheet, new XLWorkbook(new MemoryStream(bytes, writable: false)));
        }
#pragma warning disable CA1031 // ClosedXML throws many types for a ZIP that is not a workbook; all mean the same to the user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = FileProbe.FileError(probe.Path, IngestErrorCode.NotAWorkbook,
                $"is a ZIP file but not a readable Excel workbook (.xlsx): {e.Message}");
            return null;
        }
    }

    /// <summary>Opens a reader at the start of the data. Throws <see cref="TableFormatException"/> when there is no header.</summary>
    public ITableReader OpenReader()
    {
        if (_workbook is not null) return XlsxTableReader.Open(_workbook, _isTemplateSheet);
        var stream = new HashingReadStream(new FileStream(_probe.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            Span<byte> skip = stackalloc byte[4];
            if (_probe.PreambleLength > 0) stream.ReadExactly(skip[.._probe.PreambleLength]);
            _lastStream = stream;
            return CsvTableReader.Open(stream, _probe.Encoding!);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// After a reader of this source was read to its end: false when the bytes differed from the
    /// probed ones (the file changed between passes).
    /// </summary>
    public bool LastPassReadSameBytes() =>
        _lastStream is null || string.Equals(_lastStream.Sha256, _probe.Sha256, StringComparison.Ordinal);

    public void Dispose() => _workbook?.Dispose();
}
