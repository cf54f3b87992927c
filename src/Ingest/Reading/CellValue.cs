namespace Analytics.Ingest.Reading;

/// <summary>
/// One cell of a row as the reader found it, before any template rule: raw text for CSV (and XLSX
/// text or formula cells), or the typed value of an XLSX number, date or boolean cell. A ref struct
/// so CSV text is a view into the reader's buffer, never a copied string.
/// </summary>
public readonly ref struct CellValue
{
    private CellValue(CellKind kind, ReadOnlySpan<char> text, double number, DateTime dateTime, bool boolean)
    {
        Kind = kind;
        Text = text;
        Number = number;
        DateTime = dateTime;
        Boolean = boolean;
    }

    public CellKind Kind { get; }

    /// <summary>The text of a <see cref="CellKind.Text"/> cell, untrimmed.</summary>
    public ReadOnlySpan<char> Text { get; }

    /// <summary>The value of a <see cref="CellKind.Number"/> cell.</summary>
    public double Number { get; }

    /// <summary>The value of a <see cref="CellKind.DateTime"/> cell (Excel's serial already converted).</summary>
    public DateTime DateTime { get; }

    /// <summary>The value of a <see cref="CellKind.Boolean"/> cell.</summary>
    public bool Boolean { get; }

    public static CellValue Empty => default;

    public static CellValue OfText(ReadOnlySpan<char> text) => new(CellKind.Text, text, 0, default, false);

    public static CellValue OfNumber(double number) => new(CellKind.Number, default, number, default, false);

    public static CellValue OfDateTime(DateTime value) => new(CellKind.DateTime, default, 0, value, false);

    public static CellValue OfBoolean(bool value) => new(CellKind.Boolean, default, 0, default, value);
}
