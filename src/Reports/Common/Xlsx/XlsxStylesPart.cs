namespace Analytics.Reports.Common.Xlsx;

/// <summary>
/// Writes styles.xml from the formats a workbook uses (the default first): each becomes the <c>&lt;xf&gt;</c> of the
/// same index in cellXfs, pointing at shared fonts, fills, borders and custom number formats (ids from 164).
/// </summary>
internal static class XlsxStylesPart
{
    private const string Black = "FF000000";

    public static void Write(XmlEmitter x, IReadOnlyList<CellFormat> formats)
    {
        var numFmts = new Dictionary<string, int>(StringComparer.Ordinal);
        var fonts = new Dictionary<(string Name, double Size, bool Bold), int>();
        var fills = new Dictionary<XlsxColor, int>();
        var borders = new Dictionary<XlsxEdges, int> { [XlsxEdges.None] = 0 };
        var xfs = new (int NumFmt, int Font, int Fill, int Border)[formats.Count];
        for (var i = 0; i < formats.Count; i++)
        {
            var f = formats[i];
            var numFmt = f.NumberFormatId;
            if (f.NumberFormat is { } code && !numFmts.TryGetValue(code, out numFmt)) numFmts.Add(code, numFmt = 164 + numFmts.Count);
            var fontKey = (f.FontName, f.FontSize, f.Bold);
            if (!fonts.TryGetValue(fontKey, out var font)) fonts.Add(fontKey, font = fonts.Count);
            var fill = 0;
            // Fills 0 and 1 are Excel's reserved "none" and "gray125".
            if (f.Fill is { } color && !fills.TryGetValue(color, out fill)) fills.Add(color, fill = 2 + fills.Count);
            if (!borders.TryGetValue(f.Borders, out var border)) borders.Add(f.Borders, border = borders.Count);
            xfs[i] = (numFmt, font, fill, border);
        }

        x.Raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        if (numFmts.Count > 0)
        {
            x.Raw("<numFmts");
            x.Attr("count", numFmts.Count);
            x.Raw('>');
            foreach (var (code, id) in numFmts)
            {
                x.Raw("<numFmt");
                x.Attr("numFmtId", id);
                x.Attr("formatCode", code);
                x.Raw("/>");
            }
            x.Raw("</numFmts>");
        }

        x.Raw("<fonts");
        x.Attr("count", fonts.Count);
        x.Raw('>');
        foreach (var (name, size, bold) in fonts.Keys)
        {
            x.Raw(bold ? "<font><b/><sz" : "<font><sz");
            x.Attr("val", size);
            x.Raw($"/><color rgb=\"{Black}\"/><name");
            x.Attr("val", name);
            x.Raw("/><family val=\"2\"/></font>");
        }
        x.Raw("</fonts>");

        x.Raw("<fills");
        x.Attr("count", 2 + fills.Count);
        x.Raw("><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>");
        foreach (var color in fills.Keys)
        {
            x.Raw("<fill><patternFill patternType=\"solid\"><fgColor");
            x.Attr("rgb", color.ToArgbHex());
            x.Raw("/><bgColor indexed=\"64\"/></patternFill></fill>");
        }
        x.Raw("</fills>");

        x.Raw("<borders");
        x.Attr("count", borders.Count);
        x.Raw('>');
        foreach (var edges in borders.Keys)
        {
            x.Raw("<border>");
            Edge(x, "left", edges.HasFlag(XlsxEdges.Left));
            Edge(x, "right", edges.HasFlag(XlsxEdges.Right));
            Edge(x, "top", edges.HasFlag(XlsxEdges.Top));
            Edge(x, "bottom", edges.HasFlag(XlsxEdges.Bottom));
            x.Raw("<diagonal/></border>");
        }
        x.Raw("</borders>");

        x.Raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        x.Raw("<cellXfs");
        x.Attr("count", formats.Count);
        x.Raw('>');
        for (var i = 0; i < formats.Count; i++)
        {
            var f = formats[i];
            var (numFmt, font, fill, border) = xfs[i];
            x.Raw("<xf");
            x.Attr("numFmtId", numFmt);
            x.Attr("fontId", font);
            x.Attr("fillId", fill);
            x.Attr("borderId", border);
            x.Raw(" xfId=\"0\"");
            if (f.QuotePrefix) x.Raw(" quotePrefix=\"1\"");
            x.Raw(" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"");
            var aligned = f.Horizontal != XlsxHorizontal.General || f.Vertical != XlsxVertical.Bottom || f.WrapText;
            if (!aligned)
            {
                x.Raw("/>");
                continue;
            }
            x.Raw("><alignment");
            if (f.Horizontal != XlsxHorizontal.General)
                x.Attr("horizontal", f.Horizontal switch { XlsxHorizontal.Left => "left", XlsxHorizontal.Center => "center", _ => "right" });
            if (f.Vertical != XlsxVertical.Bottom) x.Attr("vertical", f.Vertical == XlsxVertical.Top ? "top" : "center");
            if (f.WrapText) x.Raw(" wrapText=\"1\"");
            x.Raw("/></xf>");
        }
        x.Raw("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
    }

    private static void Edge(XmlEmitter x, string name, bool thin)
    {
        if (!thin)
        {
            x.Raw($"<{name}/>");
            return;
        }
        x.Raw($"<{name} style=\"thin\"><color rgb=\"{Black}\"/></{name}>");
    }
}
