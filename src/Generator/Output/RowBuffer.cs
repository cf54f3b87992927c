using System.Globalization;

namespace Analytics.Generator.Output;

/// <summary>What a cell of a generated row holds.</summary>
internal enum CellKind : byte { Empty = 0, Text = 1, DateTime = 2, Number = 3 }

/// <summary>
/// One row of a generated table, reused from row to row so that writing a million rows does
/// not allocate a million arrays. Cells are typed so that the XLSX writer can store real date
/// and number cells; the CSV writer formats them with the invariant culture.
/// </summary>
internal sealed class RowBuffer
{
    /// <summary>How date-times are written to CSV (templates.md §1 accepts <c>2021-09-22 10:30</c>).</summary>
    public const string CsvDateTimeFormat = "yyyy-MM-dd HH:mm";

    private readonly CellKind[] _kinds;
    private readonly string?[] _texts;
    private readonly DateTime[] _dates;
    private readonly decimal[] _numbers;

    public RowBuffer(int width)
    {
        _kinds = new CellKind[width];
        _texts = new string?[width];
        _dates = new DateTime[width];
        _numbers = new decimal[width];
    }

    public int Width => _kinds.Length;

    public void Clear()
    {
        Array.Clear(_kinds);
        Array.Clear(_texts);
    }

    public void Text(int i, string? value)
    {
        if (string.IsNullOrEmpty(value)) { _kinds[i] = CellKind.Empty; _texts[i] = null; return; }
        _kinds[i] = CellKind.Text;
        _texts[i] = value;
    }

    public void Date(int i, DateTime? value)
    {
        if (value is null) { _kinds[i] = CellKind.Empty; return; }
        _kinds[i] = CellKind.DateTime;
        _dates[i] = value.Value;
    }

    public void Number(int i, decimal? value)
    {
        if (value is null) { _kinds[i] = CellKind.Empty; return; }
        _kinds[i] = CellKind.Number;
        _numbers[i] = value.Value;
    }

    public CellKind KindAt(int i) => _kinds[i];

    public string TextAt(int i) => _texts[i] ?? "";

    public DateTime DateAt(int i) => _dates[i];

    public decimal NumberAt(int i) => _numbers[i];

    /// <summary>The cell as CSV text (invariant culture); empty for an empty cell.</summary>
    public string Format(int i) => _kinds[i] switch
    {
        CellKind.Text => _texts[i] ?? "",
        CellKind.DateTime => _dates[i].ToString(CsvDateTimeFormat, CultureInfo.InvariantCulture),
        CellKind.Number => _numbers[i].ToString("0.##", CultureInfo.InvariantCulture),
        _ => "",
    };
}
