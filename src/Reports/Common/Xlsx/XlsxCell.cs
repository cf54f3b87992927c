using System.Globalization;

namespace Analytics.Reports.Common.Xlsx;

/// <summary>A cell of an <see cref="XlsxSheet"/>: a handle, cheap to make; the cell exists once written or styled.</summary>
public readonly struct XlsxCell
{
    private readonly XlsxSheet _sheet;

    internal XlsxCell(XlsxSheet sheet, int row, int column)
    {
        _sheet = sheet;
        Row = row;
        Column = column;
    }

    public int Row { get; }
    public int Column { get; }

    /// <summary>The cell's style (see <see cref="XlsxStyle"/>).</summary>
    public XlsxStyle Style => AsRange().Style;

    /// <summary>The one-cell range.</summary>
    public XlsxRange AsRange() => new(_sheet, new XlsxRangeAddress(Row, Column, Row, Column));

    /// <summary>
    /// Stores <paramref name="text"/> as text (never parsed: <c>0012</c> stays <c>0012</c>). With
    /// <paramref name="quotePrefix"/> the cell also gets the "quote prefix" style, so text that looks like a formula is
    /// shown as text and stays text when edited; the value itself is unchanged.
    /// </summary>
    public void SetText(string text, bool quotePrefix = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ref var s = ref _sheet.Slot(Row, Column);
        s.Kind = CellKind.Text;
        s.Text = text;
        if (quotePrefix)
        {
            var styles = _sheet.Workbook.Styles;
            s.StyleId = styles.Intern(styles[s.StyleId] with { QuotePrefix = true });
        }
    }

    /// <summary>Stores a number.</summary>
    public void SetNumber(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "A cell holds a finite number.");
        ref var s = ref _sheet.Slot(Row, Column);
        s.Kind = CellKind.Number;
        s.Number = value;
        s.Text = null;
    }

    /// <summary>Stores a decimal exactly as it prints in the invariant culture.</summary>
    public void SetNumber(decimal value)
    {
        ref var s = ref _sheet.Slot(Row, Column);
        s.Kind = CellKind.NumberText;
        s.Text = value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Stores a date and time as Excel's serial day number; the cell's number format decides how it shows.</summary>
    public void SetDateTime(DateTime value) => SetNumber(value.ToOADate());
}

/// <summary>A rectangle of cells of an <see cref="XlsxSheet"/>.</summary>
public sealed class XlsxRange
{
    private readonly XlsxSheet _sheet;

    internal XlsxRange(XlsxSheet sheet, XlsxRangeAddress address)
    {
        _sheet = sheet;
        Address = address;
        Style = new XlsxStyle(new RangeTarget(this));
    }

    public XlsxRangeAddress Address { get; }

    /// <summary>Style of every cell in the range (creating them).</summary>
    public XlsxStyle Style { get; }

    /// <summary>The top-left cell.</summary>
    public XlsxCell FirstCell() => _sheet.Cell(Address.FirstRow, Address.FirstColumn);

    /// <summary>Merges the range into one cell shown across it.</summary>
    public XlsxRange Merge()
    {
        _sheet.AddMerge(Address);
        return this;
    }

    /// <summary>Puts the sheet's auto-filter on this range (header row first).</summary>
    public XlsxRange SetAutoFilter()
    {
        _sheet.AutoFilter = Address;
        return this;
    }

    /// <summary>Adds a data validation over this range; fill it in through the returned object.</summary>
    public XlsxDataValidation SetDataValidation()
    {
        var v = new XlsxDataValidation(Address);
        _sheet.AddValidation(v);
        return v;
    }

    private sealed class RangeTarget(XlsxRange range) : IStyleTarget
    {
        public CellFormat Sample
        {
            get
            {
                var a = range.Address;
                return range._sheet.Workbook.Styles[range._sheet.StyleAt(a.FirstRow, a.FirstColumn)];
            }
        }

        public void Apply(Func<CellFormat, EdgeContext, CellFormat> change)
        {
            var a = range.Address;
            var sheet = range._sheet;
            var styles = sheet.Workbook.Styles;
            for (var r = a.FirstRow; r <= a.LastRow; r++)
            {
                for (var c = a.FirstColumn; c <= a.LastColumn; c++)
                {
                    ref var slot = ref sheet.Slot(r, c);
                    var edge = new EdgeContext(r == a.FirstRow, r == a.LastRow, c == a.FirstColumn, c == a.LastColumn);
                    slot.StyleId = styles.Intern(change(styles[slot.StyleId], edge));
                }
            }
        }
    }
}
