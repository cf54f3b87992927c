using System.Security.Cryptography;
using ClosedXML.Excel;
using Analytics.Ingest.Messages;

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
    private readonly InputBounds _bounds;
    private HashingReadStream? _lastStream;

    private TableSource(FileProbe probe, Func<string, bool> isTemplateSheet, XLWorkbook? workbook, InputBounds bounds)
    {
        _probe = probe;
        _bounds = bounds;
        _isTemplateSheet = isTemplateSheet;
        _workbook = workbook;
    }

    public FileProbe Probe => _probe;

    /// <summary>The bounds the file is held to.</summary>
    public InputBounds Bounds => _bounds;

    /// <summary>
    /// Opens a probed file. For a file named <c>.xlsx</c> whose bytes are not a workbook, or a ZIP that
    /// is not a workbook, returns null and the error.
    /// </summary>
    public static TableSource? Open(FileProbe probe, Func<string, bool> isTemplateSheet, out IngestError? error) =>
        Open(probe, isTemplateSheet, InputBounds.Default, out error);

    /// <summary>
    /// Opens a probed file within <paramref name="bounds"/>: an XLSX is inspected part by part
    /// (<see cref="XlsxPackageGuard"/>) before ClosedXML reads it.
    /// </summary>
    public static TableSource? Open(FileProbe probe, Func<string, bool> isTemplateSheet, InputBounds bounds, out IngestError? error)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(bounds);
        error = null;
        var ext = Path.GetExtension(probe.Path);
        if (probe.Format == FileFormat.Csv)
        {
            if (ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
            {
                error = FileProbe.FileError(probe.Path, IngestErrorCode.NotAWorkbook,
                    IngestMessages.FileTextNamedXlsx.With(ext));
                return null;
            }
            return new TableSource(probe, isTemplateSheet, null, bounds);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(probe.Path);
        }
        catch (IOException e) { error = FileProbe.FileError(probe.Path, IngestErrorCode.FileUnreadable, IngestMessages.FileUnreadable.With(e.Message)); return null; }
        catch (UnauthorizedAccessException e) { error = FileProbe.FileError(probe.Path, IngestErrorCode.FileUnreadable, IngestMessages.FileUnreadable.With(e.Message)); return null; }
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), probe.Sha256, StringComparison.Ordinal))
        {
            error = FileProbe.FileError(probe.Path, IngestErrorCode.FileChanged, IngestMessages.FileChangedWhileRead.Text());
            return null;
        }
        var package = new MemoryStream(bytes, writable: false);
        if (XlsxPackageGuard.Check(package, bounds) is { } bomb)
        {
            error = FileProbe.FileError(probe.Path, IngestErrorCode.TooLarge, IngestMessages.FileRefused.With(bomb));
            return null;
        }
        try
        {
            return new TableSource(probe, isTemplateSheet, new XLWorkbook(package), bounds);
        }
#pragma warning disable CA1031 // ClosedXML throws many types for a ZIP that is not a workbook; all mean the same to the user.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = FileProbe.FileError(probe.Path, IngestErrorCode.NotAWorkbook,
                IngestMessages.FileNotAWorkbook.With(EchoText.Of(e.Message, 200)));
            return null;
        }
    }

    /// <summary>The workbook of an XLSX source (null for CSV), for readers of a named sheet (<see cref="XlsxTableReader.OpenSheet"/>).</summary>
    public XLWorkbook? Workbook => _workbook;

    /// <summary>Opens a reader at the start of the data. Throws <see cref="TableFormatException"/> when there is no header.</summary>
    public ITableReader OpenReader()
    {
        if (_workbook is not null) return XlsxTableReader.Open(_workbook, _isTemplateSheet, _bounds);
        var stream = new HashingReadStream(new FileStream(_probe.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            Span<byte> skip = stackalloc byte[4];
            if (_probe.PreambleLength > 0) stream.ReadExactly(skip[.._probe.PreambleLength]);
            _lastStream = stream;
            return CsvTableReader.Open(stream, _probe.Encoding!, _bounds);
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
