using System.IO.Compression;
using System.Security;
using System.Text;

namespace Analytics.Ingest.Tests.Reading;

/// <summary>
/// Writes XLSX packages part by part, the way a hostile tool could: formulas without saved values,
/// parts that inflate to hundreds of megabytes, ZIP directories that lie. ClosedXML cannot be used to
/// write these (it would compute the formulas, and it writes honest packages).
/// </summary>
public static class HandMadeXlsx
{
    /// <summary>A cell of the first sheet: inline text, a number, or a formula with or without a saved value.</summary>
    public sealed record Cell(string Ref, string? Text = null, string? Formula = null, string? Saved = null, double? Number = null);

    public static Cell T(string r, string text) => new(r, Text: text);

    public static Cell F(string r, string formula, string? saved = null) => new(r, Formula: formula, Saved: saved);

    /// <summary>Writes a workbook whose sheets hold <paramref name="sheets"/> (name → cells); extra parts (name → content) are added as they are.</summary>
    public static string Write(string path, IReadOnlyList<(string Name, IEnumerable<Cell> Cells)> sheets, IReadOnlyDictionary<string, Action<Stream>>? extraParts = null, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", level, """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """ + string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + """
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>
            """);
        Part(zip, "_rels/.rels", level, """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part(zip, "xl/workbook.xml", level, """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """ + string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""")) + "</sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels", level, """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """ + string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))
            + $"""<Relationship Id="rId{sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"""
            + "</Relationships>");
        for (var i = 0; i < sheets.Count; i++)
        {
            var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", level);
            using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            foreach (var row in sheets[i].Cells.GroupBy(c => RowOf(c.Ref)).OrderBy(g => g.Key))
            {
                w.Write($"""<row r="{row.Key}">""");
                foreach (var c in row) w.Write(Xml(c));
                w.Write("</row>");
            }
            w.Write("</sheetData></worksheet>");
        }
        if (extraParts is null || !extraParts.ContainsKey("xl/sharedStrings.xml"))
            Part(zip, "xl/sharedStrings.xml", level, """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>""");
        foreach (var (name, write) in extraParts ?? new Dictionary<string, Action<Stream>>())
        {
            var entry = zip.CreateEntry(name, level);
            using var s = entry.Open();
            write(s);
        }
        return path;
    }

    /// <summary>A customers file (templates.md §5) whose first data row is <paramref name="row2"/> (cells of row 2).</summary>
    public static IReadOnlyList<(string, IEnumerable<Cell>)> Customers(params Cell[] row2)
    {
        Cell[] header = [T("A1", "period"), T("B1", "utility"), T("C1", "county"), T("D1", "area"), T("E1", "customers")];
        var good = new Dictionary<string, Cell> { ["A2"] = T("A2", "2021"), ["B2"] = T("B2", "sgcc-linfen"), ["C2"] = T("C2", "yaodu"), ["D2"] = T("D2", "urban"), ["E2"] = T("E2", "1500") };
        foreach (var c in row2) good[c.Ref] = c;
        return [("customers", header.Concat(good.Values))];
    }

    private static int RowOf(string cellRef) => int.Parse(cellRef.AsSpan(cellRef.AsSpan().IndexOfAnyInRange('0', '9')), System.Globalization.CultureInfo.InvariantCulture);

    private static string Xml(Cell c)
    {
        if (c.Formula is not null)
            return c.Saved is null
                ? $"""<c r="{c.Ref}"><f>{SecurityElement.Escape(c.Formula)}</f></c>"""
                : $"""<c r="{c.Ref}" t="str"><f>{SecurityElement.Escape(c.Formula)}</f><v>{SecurityElement.Escape(c.Saved)}</v></c>""";
        if (c.Number is { } n) return $"""<c r="{c.Ref}"><v>{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>""";
        return $"""<c r="{c.Ref}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(c.Text)}</t></is></c>""";
    }

    private static void Part(ZipArchive zip, string name, CompressionLevel level, string xml)
    {
        var entry = zip.CreateEntry(name, level);
        using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        w.Write(xml);
    }
}
