using System.Text;
using Analytics.Domain.Output;
using Sylvan.Data.Csv;

namespace Analytics.Generator.Output;

/// <summary>
/// Writes generated rows as CSV: UTF-8 with BOM (so Excel on a Chinese Windows opens 中文 right),
/// CRLF line ends and RFC 4180 quoting by Sylvan's <see cref="CsvDataWriter"/>. Streams: one row is
/// in memory at a time; the file through <see cref="OutputFile"/> (whole or not at all). Generated data is input
/// in the template format, so cells are written as generated (no formula neutralising: it would change the data).
/// </summary>
internal static class CsvTableWriter
{
    private const int BufferSize = 1 << 16;

    /// <summary>Writes the header and every row; returns the number of data rows.</summary>
    public static long Write(string path, IReadOnlyList<string> headers, IEnumerable<RowBuffer> rows)
    {
        long count = 0;
        OutputFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), BufferSize, leaveOpen: true);
            var options = new CsvDataWriterOptions { NewLine = "\r\n", WriteHeaders = true, BufferSize = BufferSize };
            using var reader = new RowDataReader(headers, rows);
            using (var csv = CsvDataWriter.Create(text, options))
            {
                csv.Write(reader);
            }
            count = reader.RowsRead;
        });
        return count;
    }
}
