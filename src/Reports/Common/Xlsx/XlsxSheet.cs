namespace Analytics.Reports.Common.Xlsx;

/// <summary>Whether a sheet shows in Excel's tab bar.</summary>
public enum XlsxVisibility
{
    Visible = 0,
    Hidden = 1,
    /// <summary>Hidden and not listed in Excel's "Unhide" dialog.</summary>
    VeryHidden = 2,
}

/// <summary>
/// One worksheet of an <see cref="XlsxWorkbook"/>: cells by row and column (1-based), column widths and styles, row
/// heights, merged ranges, auto-filter, frozen rows, data validations and page setup. The members mirror the part of
/// ClosedXML's <c>IXLWorksheet</c> the report layouts use, so a layout reads the same on either.
/// </summary>
/// <remarks>
/// A new cell takes its column's style when the column has one, else the sheet's (as ClosedXML does); styling a range
/// creates its cells. Cells live in one array of slots per row, so a sheet of 13,000 rows × 19 columns is a few MB.
/// </remarks>
public sealed class XlsxSheet
{
    private readonly List<CellSlot[]?> _rows = [];
    private readonly SortedDictionary<int, double> _heights = [];
    private readonly SortedDictionary<int, XlsxColumn> _columns = [];
    private readonly List<XlsxRangeAddress> _merges = [];
    private readonly List<XlsxDataValidation> _validations = [];

    internal XlsxSheet(XlsxWorkbook workbook, string name)
    {
        Workbook = workbook;
        Name = name;
        Style = new XlsxStyle(new SheetTarget(this));
    }

    /// <summary>The workbook the sheet belongs to.</summary>
    public XlsxWorkbook Workbook { get; }

    /// <summary>Tab name.</summary>
    public string Name { get; }

    /// <summary>The sheet's own style: what a new cell outside a styled column takes. Changing it restyles every column and cell.</summary>
    public XlsxStyle Style { get; }

    /// <summary>Index of the sheet's style in the workbook's style table.</summary>
    internal int StyleId { get; set; }

    /// <summary>Visible, hidden or very hidden.</summary>
    public XlsxVisibility Visibility { get; set; }

    /// <summary>Rows frozen at the top (0: none).</summary>
    public int FrozenRows { get; set; }

    /// <summary>The range of the auto-filter, or null.</summary>
    public XlsxRangeAddress? AutoFilter { get; internal set; }

    /// <summary>Print settings; null until <see cref="PageSetup"/> is first used.</summary>
    internal XlsxPageSetup? Page { get; private set; }

    /// <summary>Print settings (paper, orientation, fit, rows repeated, margins, footer).</summary>
    public XlsxPageSetup PageSetup => Page ??= new XlsxPageSetup();

    /// <summary>Merged ranges in the order they were merged.</summary>
    public IReadOnlyList<XlsxRangeAddress> MergedRanges => _merges;

    /// <summary>Data validations in the order they were added.</summary>
    public IReadOnlyList<XlsxDataValidation> DataValidations => _validations;

    /// <summary>Columns with a width or style, by number.</summary>
    internal IReadOnlyDictionary<int, XlsxColumn> Columns => _columns;

    /// <summary>Row heights set explicitly, by row number.</summary>
    internal IReadOnlyDictionary<int, double> Heights => _heights;

    /// <summary>Number of the last row that has a slot array (0 when empty).</summary>
    internal int LastRow => _rows.Count - 1;

    /// <summary>A cell (1-based row and column); nothing is created until it is written or styled.</summary>
    public XlsxCell Cell(int row, int column)
    {
        XlsxRangeAddress.Check(row, column);
        return new XlsxCell(this, row, column);
    }

    /// <summary>The rectangle from (<paramref name="firstRow"/>, <paramref name="firstColumn"/>) to (<paramref name="lastRow"/>, <paramref name="lastColumn"/>), inclusive.</summary>
    public XlsxRange Range(int firstRow, int firstColumn, int lastRow, int lastColumn) =>
        new(this, new XlsxRangeAddress(firstRow, firstColumn, lastRow, lastColumn));

    /// <summary>A row, for its height.</summary>
    public XlsxRow Row(int row)
    {
        XlsxRangeAddress.Check(row, 1);
        return new XlsxRow(this, row);
    }

    /// <summary>A column, for its width and style; created (with the sheet's style) on first use.</summary>
    public XlsxColumn Column(int column)
    {
        XlsxRangeAddress.Check(1, column);
        if (!_columns.TryGetValue(column, out var c))
        {
            c = new XlsxColumn(this, column) { StyleId = StyleId };
            _columns.Add(column, c);
        }
        return c;
    }

    internal void SetHeight(int row, double height) => _heights[row] = height;

    internal double? HeightOf(int row) => _heights.TryGetValue(row, out var h) ? h : null;

    internal void AddMerge(XlsxRangeAddress range) => _merges.Add(range);

    internal void AddValidation(XlsxDataValidation validation) => _validations.Add(validation);

    /// <summary>The slots of a row, or null when the row has no cell.</summary>
    internal CellSlot[]? SlotsOf(int row) => row < _rows.Count ? _rows[row] : null;

    /// <summary>The slot of a cell, created (with its column's or the sheet's style) when absent.</summary>
    internal ref CellSlot Slot(int row, int column)
    {
        while (_rows.Count <= row) _rows.Add(null);
        var slots = _rows[row];
        if (slots is null || slots.Length <= column)
        {
            var grown = new CellSlot[Math.Max(column + 1, Math.Max(8, (slots?.Length ?? 0) * 2))];
            slots?.CopyTo(grown, 0);
            _rows[row] = slots = grown;
        }
        ref var slot = ref slots[column];
        if (slot.Kind == CellKind.Absent)
        {
            slot.Kind = CellKind.Blank;
            slot.StyleId = _columns.TryGetValue(column, out var c) ? c.StyleId : StyleId;
        }
        return ref slot;
    }

    /// <summary>The style of a cell as a reader would see it: its own, else its column's, else the sheet's.</summary>
    internal int StyleAt(int row, int column)
    {
        var slots = SlotsOf(row);
        if (slots is not null && column < slots.Length && slots[column].Kind != CellKind.Absent) return slots[column].StyleId;
        return _columns.TryGetValue(column, out var c) ? c.StyleId : StyleId;
    }

    /// <summary>Sheet style target: restyles the sheet, every column and every existing cell.</summary>
    private sealed class SheetTarget(XlsxSheet sheet) : IStyleTarget
    {
        public CellFormat Sample => sheet.Workbook.Styles[sheet.StyleId];

        public void Apply(Func<CellFormat, EdgeContext, CellFormat> change)
        {
            var styles = sheet.Workbook.Styles;
            sheet.StyleId = styles.Intern(change(styles[sheet.StyleId], EdgeContext.Single));
            foreach (var c in sheet._columns.Values) c.StyleId = styles.Intern(change(styles[c.StyleId], EdgeContext.Single));
            foreach (var slots in sheet._rows)
            {
                if (slots is null) continue;
                for (var i = 0; i < slots.Length; i++)
                    if (slots[i].Kind != CellKind.Absent) slots[i].StyleId = styles.Intern(change(styles[slots[i].StyleId], EdgeContext.Single));
            }
        }
    }
}

/// <summary>What a cell holds.</summary>
internal enum CellKind : byte
{
    Absent = 0,
    /// <summary>No value, only a style.</summary>
    Blank = 1,
    Text = 2,
    /// <summary>A number in <see cref="CellSlot.Number"/>.</summary>
    Number = 3,
    /// <summary>A number kept as its invariant text in <see cref="CellSlot.Text"/> (a decimal: written exactly as it prints).</summary>
    NumberText = 4,
}

/// <summary>One cell's storage.</summary>
internal struct CellSlot
{
    public CellKind Kind;
    public int StyleId;
    public double Number;
    public string? Text;
}

/// <summary>A row of a sheet, for its height.</summary>
public readonly struct XlsxRow
{
    private readonly XlsxSheet _sheet;
    private readonly int _row;

    internal XlsxRow(XlsxSheet sheet, int row)
    {
        _sheet = sheet;
        _row = row;
    }

    /// <summary>Height in points; null when the row keeps Excel's default.</summary>
    public double? Height
    {
        get => _sheet.HeightOf(_row);
        set
        {
            if (value is { } h) _sheet.SetHeight(_row, h);
        }
    }
}

/// <summary>A column of a sheet: width in characters and the style a new cell in it takes.</summary>
public sealed class XlsxColumn
{
    internal XlsxColumn(XlsxSheet sheet, int number)
    {
        Number = number;
        Style = new XlsxStyle(new ColumnTarget(sheet, this));
    }

    /// <summary>1-based column number.</summary>
    public int Number { get; }

    /// <summary>Width in characters (as Excel shows it); null keeps the sheet's default.</summary>
    public double? Width { get; set; }

    /// <summary>The column's style; changing it restyles the column's existing cells too.</summary>
    public XlsxStyle Style { get; }

    internal int StyleId { get; set; }

    private sealed class ColumnTarget(XlsxSheet sheet, XlsxColumn column) : IStyleTarget
    {
        public CellFormat Sample => sheet.Workbook.Styles[column.StyleId];

        public void Apply(Func<CellFormat, EdgeContext, CellFormat> change)
        {
            var styles = sheet.Workbook.Styles;
            column.StyleId = styles.Intern(change(styles[column.StyleId], EdgeContext.Single));
            for (var r = 1; r <= sheet.LastRow; r++)
            {
                var slots = sheet.SlotsOf(r);
                if (slots is null || slots.Length <= column.Number || slots[column.Number].Kind == CellKind.Absent) continue;
                slots[column.Number].StyleId = styles.Intern(change(styles[slots[column.Number].StyleId], EdgeContext.Single));
            }
        }
    }
}
