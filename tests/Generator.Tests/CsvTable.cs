using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Analytics.Generator.Tests;

/// <summary>A generated CSV read back with Sylvan's reader: the header and every row as text.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index;

    private CsvTable(string[] headers, List<string[]> rows)
    {
        Headers = headers;
        Rows = rows;
        _index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
    }

    public string[] Headers { get; }
    public List<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
            rows.Add(row);
        }
        return new CsvTable(headers, rows);
    }

    public int Column(string name) => _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException(name);

    public string Get(string[] row, string column) => row[Column(column)];

    public DateTime? Date(string[] row, string column)
    {
        var s = Get(row, column);
        if (s.Length == 0) return null;
        return DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public decimal? Number(string[] row, string column)
    {
        var s = Get(row, column);
        return s.Length == 0 ? null : decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
