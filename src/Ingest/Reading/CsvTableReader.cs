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

    private CsvTableReader(CsvDataReader csv, string[] headers, int headerRow)
    {
        _csv = csv;
        _headers = headers;
        _headerRow = headerRow;
    }

    /// <summary>Opens a CSV stream already positioned after any BOM. Throws <see cref="TableFormatException"/> for a file without a header.</summary>
    public static CsvTableReader Open(Stream stream, System.Text.Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: false);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            Quote = '"',
            CsvStyle = CsvStyle.Standard,
            BufferSize = 1 << 16,
            // A note may be long; a record beyond this is not a template row.
            MaxBufferSize = 1 << 24,
            OwnsReader = true,
        };
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(text, options);
        }
        catch (CsvFormatException e)
        {
            text.Dispose();
            throw Located(e);
        }
        try
        {
            // The header: the first record with any non-blank field.
            while (Next(csv))
            {
                if (IsBlank(csv)) continue;
                var headers = new string[csv.RowFieldCount];
                for (var i = 0; i < headers.Length; i++) headers[i] = csv.GetFieldSpan(i).Trim().ToString();
                var last = headers.Length;
                while (last > 0 && headers[last - 1].Length == 0) last--; // trailing empty header cells
                return new CsvTableReader(csv, headers[..last], csv.RowNumber);
            }
            throw new TableFormatException("has no header row: the file holds no text.", 1);
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
        while (Next(_csv))
            if (!IsBlank(_csv)) return true;
        return false;
    }

    public CellValue Cell(int ordinal) =>
        (uint)ordinal < (uint)_csv.RowFieldCount ? CellValue.OfText(_csv.GetFieldSpan(ordinal)) : CellValue.Empty;

    public string Display(int ordinal) =>
        (uint)ordinal < (uint)_csv.RowFieldCount ? _csv.GetFieldSpan(ordinal).ToString() : "";

    public void Dispose() => _csv.Dispose();

    private static bool Next(CsvDataReader csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new TableFormatException("a record is larger than 16 MB; a quote is probably left open somewhere above this row.", csv.RowNumber + 1, e);
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

    private static TableFormatException Located(CsvFormatException e)
    {
        var what = e is CsvInvalidCharacterException
            ? "broken quoting: " + e.Message + " Every field that starts with a double quote must end with one, and a quote inside a quoted field is written twice (\"\")."
            : "not a well-formed CSV: " + e.Message;
        return new TableFormatException(what, e.RowNumber, e);
    }
}
