namespace Analytics.Reports.Common.Xlsx;

/// <summary>Border line of an edge; the reports use thin lines only.</summary>
public enum XlsxBorderStyle
{
    None = 0,
    Thin = 1,
}

/// <summary>Where a cell sits in the range being styled, for borders drawn around or inside it.</summary>
internal readonly record struct EdgeContext(bool Top, bool Bottom, bool Left, bool Right)
{
    /// <summary>A lone cell (or a column or sheet): on every outer edge.</summary>
    public static EdgeContext Single { get; } = new(true, true, true, true);
}

/// <summary>What a style edit applies to: a range of cells, a column or a sheet.</summary>
internal interface IStyleTarget
{
    /// <summary>The format a getter reports (the first cell's).</summary>
    CellFormat Sample { get; }

    /// <summary>Replaces each cell's format by <paramref name="change"/> of it.</summary>
    void Apply(Func<CellFormat, EdgeContext, CellFormat> change);
}

/// <summary>
/// Edits the style of a range, column or sheet, with ClosedXML's shape (<c>Style.Font.Bold</c>,
/// <c>Style.Fill.BackgroundColor</c>, <c>Style.Alignment.WrapText</c>, <c>Style.Border.OutsideBorder</c>,
/// <c>Style.NumberFormat.Format</c>). Getters report the first cell's value.
/// </summary>
public sealed class XlsxStyle
{
    internal XlsxStyle(IStyleTarget target)
    {
        Font = new XlsxFontStyle(target);
        Fill = new XlsxFillStyle(target);
        Alignment = new XlsxAlignmentStyle(target);
        Border = new XlsxBorderStyleEditor(target);
        NumberFormat = new XlsxNumberFormatStyle(target);
    }

    public XlsxFontStyle Font { get; }
    public XlsxFillStyle Fill { get; }
    public XlsxAlignmentStyle Alignment { get; }
    public XlsxBorderStyleEditor Border { get; }
    public XlsxNumberFormatStyle NumberFormat { get; }
}

/// <summary>Font of a style.</summary>
public sealed class XlsxFontStyle
{
    private readonly IStyleTarget _t;
    internal XlsxFontStyle(IStyleTarget target) => _t = target;

    public bool Bold
    {
        get => _t.Sample.Bold;
        set => _t.Apply((f, _) => f with { Bold = value });
    }

    public double FontSize
    {
        get => _t.Sample.FontSize;
        set => _t.Apply((f, _) => f with { FontSize = value });
    }

    public string FontName
    {
        get => _t.Sample.FontName;
        set => _t.Apply((f, _) => f with { FontName = value });
    }
}

/// <summary>Solid background fill of a style.</summary>
public sealed class XlsxFillStyle
{
    private readonly IStyleTarget _t;
    internal XlsxFillStyle(IStyleTarget target) => _t = target;

    public XlsxColor? BackgroundColor
    {
        get => _t.Sample.Fill;
        set => _t.Apply((f, _) => f with { Fill = value });
    }
}

/// <summary>Alignment and wrapping of a style.</summary>
public sealed class XlsxAlignmentStyle
{
    private readonly IStyleTarget _t;
    internal XlsxAlignmentStyle(IStyleTarget target) => _t = target;

    public XlsxHorizontal Horizontal
    {
        get => _t.Sample.Horizontal;
        set => _t.Apply((f, _) => f with { Horizontal = value });
    }

    public XlsxVertical Vertical
    {
        get => _t.Sample.Vertical;
        set => _t.Apply((f, _) => f with { Vertical = value });
    }

    public bool WrapText
    {
        get => _t.Sample.WrapText;
        set => _t.Apply((f, _) => f with { WrapText = value });
    }
}

/// <summary>Thin borders around (<see cref="OutsideBorder"/>) and between (<see cref="InsideBorder"/>) the cells of a range.</summary>
public sealed class XlsxBorderStyleEditor
{
    private readonly IStyleTarget _t;
    internal XlsxBorderStyleEditor(IStyleTarget target) => _t = target;

    /// <summary>The range's outer edges.</summary>
    public XlsxBorderStyle OutsideBorder
    {
        get => _t.Sample.Borders == XlsxEdges.None ? XlsxBorderStyle.None : XlsxBorderStyle.Thin;
        set => _t.Apply((f, e) => f with { Borders = Set(f.Borders, Outer(e), value) });
    }

    /// <summary>The edges between the range's cells.</summary>
    public XlsxBorderStyle InsideBorder
    {
        get => _t.Sample.Borders == XlsxEdges.None ? XlsxBorderStyle.None : XlsxBorderStyle.Thin;
        set => _t.Apply((f, e) => f with { Borders = Set(f.Borders, XlsxEdges.All & ~Outer(e), value) });
    }

    private static XlsxEdges Outer(EdgeContext e) =>
        (e.Top ? XlsxEdges.Top : 0) | (e.Bottom ? XlsxEdges.Bottom : 0) | (e.Left ? XlsxEdges.Left : 0) | (e.Right ? XlsxEdges.Right : 0);

    private static XlsxEdges Set(XlsxEdges current, XlsxEdges edges, XlsxBorderStyle style) =>
        style == XlsxBorderStyle.Thin ? current | edges : current & ~edges;
}

/// <summary>Number format of a style: an Excel format code.</summary>
public sealed class XlsxNumberFormatStyle
{
    private readonly IStyleTarget _t;
    internal XlsxNumberFormatStyle(IStyleTarget target) => _t = target;

    /// <summary>Excel format code (<c>#,##0</c>, <c>yyyy-mm-dd</c>, <c>@</c>); empty or null for General.</summary>
    public string? Format
    {
        get => _t.Sample.NumberFormat;
        set => _t.Apply((f, _) => f with { NumberFormat = string.IsNullOrEmpty(value) ? null : value, NumberFormatId = 0 });
    }
}
