using Sylvan.Data.Csv;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Reads an RFC 4180 CSV (comma-separated; quoted fields may hold commas, quotes and line breaks)
/// through Sylvan.Data.Csv, streaming: memory does not grow with the file. The header is the first
/// non-empty record; row numbers are record numbers (header = 1), which is what a person sees when
/// the file is opened in Excel, even when a quoted field spans several lines.
/// </summary>
public sealed class CsvTableReader : ITableReader
{
    private readonly CsvDataReader _csv;
    private readonly string[] _headers;
    private readonly int _headerRow;
    private readonly InputBounds _bounds;

    private CsvTableReader(CsvDataReader csv, string[] headers, int headerRow, InputBounds bounds)
    {
        _csv = csv;
        _headers = headers;
        _headerRow = headerRow;
        _bounds = bounds;
    }

    /// <summary>
    /// Opens a CSV stream already positioned after any BOM. Throws <see cref="TableFormatException"/> for
    /// a file without a header, a record longer than <see cref="InputBounds.MaxCsvRecordChars"/>, or a
    /// header cell that is too long or holds control characters or undecodable bytes.
    /// </summary>
    public static CsvTableReader Open(Stream stream, System.Text.Encoding encoding, InputBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(encoding);
        bounds ??= InputBounds.Default;
        // A file that is not UTF-8 is GB18030, decoded line by line so that UTF-8 lines mixed into it are found.
        TextReader text = encoding.CodePage == TextEncodings.Gb18030.CodePage
            ? new Gb18030LineReader(stream, checked(4 * bounds.MaxCsvRecordChars))
            : new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: false);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            Quote = '"',
            CsvStyle = CsvStyle.Standard,
            BufferSize = Math.Min(1 << 16, bounds.MaxCsvRecordChars),
            // The record bound: a longer record is refused (with its row) rather than buffered.
            MaxBufferSize = bounds.MaxCsvRecordChars,
            OwnsReader = true,
        };
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, options);
        }
        catch (CsvRecordTooLargeException e)
        {
            text.Dispose();
            throw TooLarge(e.RowNumber, bounds, e);
        }
        catch (CsvFormatException e)
        {
            text.Dispose();
            throw Located(e);
        }
        try
        {
            // The header: the first record with any non-blank field.
            while (Next(csv, bounds))
            {
                if (IsBlank(csv)) continue;
                var headers = new string[csv.RowFieldCount];
                for (var i = 0; i < headers.Length; i++)
                {
                    var cell = csv.GetFieldSpan(i).Trim();
                    if (CellCheck.HeaderProblem(cell, bounds) is { } problem)
                        throw new TableFormatException(Messages.IngestMessages.HeaderCellCsv.With(i + 1, problem), csv.RowNumber);
                    headers[i] = cell.ToString();
                }
                var last = headers.Length;
                while (last > 0 && headers[last - 1].Length == 0) last--; // trailing empty header cells
                return new CsvTableReader(csv, headers[..last], csv.RowNumber, bounds);
            }
            throw new TableFormatException(Messages.IngestMessages.NoHeaderText.Text(), 1);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    public string? Sheet => null;
    public IReadOnlyList<string> Headers => _headers;
    public int HeaderRow => _headerRow;
    public int RowNumber => _csv.RowNumber;
    public int FieldCount => _csv.RowFieldCount;

    public bool Read()
    {
        while (Next(_csv, _bounds))
            if (!IsBlank(_csv)) return true;
        return false;
    }

    public CellValue Cell(int ordinal) =>
        (uint)ordinal < (uint)_csv.RowFieldCount ? CellValue.OfText(_csv.GetFieldSpan(ordinal)) : CellValue.Empty;

    public string Display(int ordinal)
    {
        if ((uint)ordinal >= (uint)_csv.RowFieldCount) return "";
        var span = _csv.GetFieldSpan(ordinal);
        // The marks of a UTF-8 line in a GB18030 file are not text.
        return span.Contains(TextMarks.MixedEncoding) ? span.ToString().Replace(TextMarks.MixedEncoding.ToString(), "", StringComparison.Ordinal) : span.ToString();
    }

    /// <summary>A CSV cell is always text; its problems (control characters, bad bytes) are found by the cell check.</summary>
    public Messages.MessageText? CellProblem(int ordinal) => null;

    public void Dispose() => _csv.Dispose();

    private static bool Next(CsvDataReader csv, InputBounds bounds)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            // Sylvan numbers the record it could not hold (header = 1): that is the row to name.
            throw TooLarge(e.RowNumber, bounds, e);
        }
        catch (CsvFormatException e)
        {
            throw Located(e);
        }
    }

    private static bool IsBlank(CsvDataReader csv)
    {
        for (var i = 0; i < csv.RowFieldCount; i++)
            if (!csv.GetFieldSpan(i).IsWhiteSpace()) return false;
        return true;
    }

    private static TableFormatException TooLarge(int row, InputBounds bounds, Exception inner) =>
        new(Messages.IngestMessages.RecordTooLong.With(bounds.MaxCsvRecordChars.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
            Math.Max(1, row), inner);

    private static TableFormatException Located(CsvFormatException e)
    {
        // Sylvan's own text (English) says where the parser stopped; it is quoted as the detail.
        var what = e is CsvInvalidCharacterException
            ? Messages.IngestMessages.BrokenQuoting.With(e.Message)
            : Messages.IngestMessages.MalformedCsv.With(e.Message);
        return new TableFormatException(what, e.RowNumber, e);
    }
}
