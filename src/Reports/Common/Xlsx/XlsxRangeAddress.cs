using System.Globalization;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>A rectangle of cells, 1-based and inclusive at both ends, as Excel's <c>A1:C3</c>.</summary>
public readonly record struct XlsxRangeAddress
{
    /// <summary>Excel's last row.</summary>
    public const int MaxRow = 1_048_576;
    /// <summary>Excel's last column (XFD).</summary>
    public const int MaxColumn = 16_384;

    public XlsxRangeAddress(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        Check(firstRow, firstColumn);
        Check(lastRow, lastColumn);
        FirstRow = Math.Min(firstRow, lastRow);
        LastRow = Math.Max(firstRow, lastRow);
        FirstColumn = Math.Min(firstColumn, lastColumn);
        LastColumn = Math.Max(firstColumn, lastColumn);
    }

    public int FirstRow { get; }
    public int FirstColumn { get; }
    public int LastRow { get; }
    public int LastColumn { get; }

    /// <summary><c>A1:C3</c>, or <c>A1</c> for one cell; with <paramref name="absolute"/>, <c>$A$1:$C$3</c>.</summary>
    public string ToA1(bool absolute = false)
    {
        var d = absolute ? "$" : "";
        var first = string.Create(CultureInfo.InvariantCulture, $"{d}{ColumnName(FirstColumn)}{d}{FirstRow}");
        if (!absolute && FirstRow == LastRow && FirstColumn == LastColumn) return first;
        return string.Create(CultureInfo.InvariantCulture, $"{first}:{d}{ColumnName(LastColumn)}{d}{LastRow}");
    }

    public override string ToString() => ToA1();

    /// <summary>Excel's letters of a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        Span<char> buf = stackalloc char[3];
        var i = buf.Length;
        for (var n = column; n > 0; n = (n - 1) / 26) buf[--i] = (char)('A' + (n - 1) % 26);
        return new string(buf[i..]);
    }

    internal static void Check(int row, int column)
    {
        if (row is < 1 or > MaxRow) throw new ArgumentOutOfRangeException(nameof(row), row, "A row is 1 … 1,048,576.");
        if (column is < 1 or > MaxColumn) throw new ArgumentOutOfRangeException(nameof(column), column, "A column is 1 … 16,384.");
    }
}
