using Analytics.Domain;
using System.IO.Compression;
using Analytics.Domain.Output;
using ClosedXML.Excel;

namespace Analytics.Generator.Output;

/// <summary>
/// Writes generated rows as an XLSX workbook with one sheet (named like the template, which
/// templates.md §1 accepts): bold frozen header row, text cells for identifiers, number cells,
/// and real Excel date cells. Column widths are set from the column kind, never by
/// <c>AdjustToContents</c> (which needs system fonts and throws on Linux).
/// </summary>
/// <remarks>
/// ClosedXML builds the whole workbook in memory, so XLSX is meant for samples and demos;
/// large sets go to CSV. The file is made byte-for-byte reproducible: the document
/// properties and every zip entry carry the given stamp instead of the clock.
/// </remarks>
internal static class XlsxTableWriter
{
    /// <summary>Excel's date-time display for date cells.</summary>
    public const string ExcelDateTimeFormat = "yyyy-mm-dd hh:mm";

    /// <summary>The most data rows a worksheet holds (Excel's limit less the header).</summary>
    public const int MaxRows = 1_048_575;

    public static long Write(string path, string sheetName, IReadOnlyList<TemplateField> columns, HeaderLanguage language,
        IEnumerable<RowBuffer> rows, DateTime stamp, Action<XLWorkbook>? extra = null)
    {
        long count = 0;
        using var saved = new MemoryStream();
        using (var wb = new XLWorkbook())
        {
            var ws = wb.Worksheets.Add(sheetName);
            for (var c = 0; c < columns.Count; c++)
                ws.Cell(1, c + 1).SetValue(columns[c].Header(language));
            var header = ws.Range(1, 1, 1, columns.Count);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromArgb(0xDD, 0xEB, 0xF7);
            ws.SheetView.FreezeRows(1);

            // Column formats first: cells created afterwards take them, which is far cheaper than restyling filled columns.
            for (var c = 0; c < columns.Count; c++)
            {
                var col = ws.Column(c + 1);
                col.Width = Width(columns[c], language);
                if (columns[c].Kind == FieldKind.Instant)
                    col.Style.DateFormat.Format = ExcelDateTimeFormat;
                else if (columns[c].IsText())
                    col.Style.NumberFormat.Format = "@"; // identifiers stay text even when a user types into the blank template
                else if (columns[c].Kind == FieldKind.LongText)
                    col.Style.Alignment.WrapText = true;
            }

            var r = 1;
            foreach (var row in rows)
            {
                if (count >= MaxRows)
                    throw new InvalidOperationException($"{Path.GetFileName(path)}: more than {MaxRows} rows do not fit in one worksheet; write CSV instead.");
                r++;
                count++;
                for (var c = 0; c < row.Width; c++)
                {
                    switch (row.KindAt(c))
                    {
                        case CellKind.Text:
                            ws.Cell(r, c + 1).SetValue(row.TextAt(c));
                            break;
                        case CellKind.DateTime:
                            ws.Cell(r, c + 1).SetValue(row.DateAt(c));
                            break;
                        case CellKind.Number:
                            ws.Cell(r, c + 1).SetValue(row.NumberAt(c));
                            break;
                    }
                }
            }

            extra?.Invoke(wb);
            wb.Properties.Author = "Analytics.Generator";
            wb.Properties.Created = stamp;
            wb.Properties.Modified = stamp;
            wb.SaveAs(saved);
        }
        saved.Position = 0;
        OutputFile.Write(path, s => Normalize(saved, s, stamp));
        return count;
    }

    /// <summary>Display width of a column in Excel character units: CJK characters count double.</summary>
    internal static double Width(TemplateField column, HeaderLanguage language)
    {
        var header = column.Header(language);
        var headerWidth = header.Sum(ch => ch > 0x2E80 ? 2 : 1);
        var contentWidth = column.Kind switch
        {
            FieldKind.Instant => 17,
            FieldKind.Bool => 6,
            FieldKind.Amount or FieldKind.Count => 10,
            FieldKind.Registry or FieldKind.Enum or FieldKind.Flags => language == HeaderLanguage.Chinese ? 18 : 14,
            FieldKind.LongText => 80,
            _ => 16,
        };
        if (column.Name is "utility" && language == HeaderLanguage.Chinese) contentWidth = 40;
        if (column.Name is "id_number") contentWidth = 21;
        if (column.Name is "customer_name") contentWidth = 28;
        return Math.Max(headerWidth, contentWidth) + 2;
    }

    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";
    private const string CorePropertiesPart = CorePropertiesFolder + "core.psmdcp";

    /// <summary>
    /// Rewrites the zip so that the same content gives the same bytes: fixed entry times, the
    /// core-properties part (which System.IO.Packaging names by a random GUID) under a fixed name,
    /// and the package relationships' random ids replaced by sequential ones.
    /// </summary>
    private static void Normalize(Stream saved, Stream output, DateTime stamp)
    {
        var entryTime = new DateTimeOffset(stamp < new DateTime(1980, 1, 2) ? new DateTime(1980, 1, 2) : stamp, TimeSpan.Zero);
        using (var src = new ZipArchive(saved, ZipArchiveMode.Read, leaveOpen: true))
        using (var dst = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entries = src.Entries.Select(e => (Entry: e, Name: Rename(e.FullName))).OrderBy(e => e.Name, StringComparer.Ordinal);
            foreach (var (e, name) in entries)
            {
                var copy = dst.CreateEntry(name, CompressionLevel.Optimal);
                copy.LastWriteTime = entryTime;
                using var from = e.Open();
                using var to = copy.Open();
                if (string.Equals(name, "_rels/.rels", StringComparison.Ordinal))
                    CopyPackageRelationships(from, to);
                else
                    from.CopyTo(to);
            }
        }
    }

    private static string Rename(string name) =>
        name.StartsWith(CorePropertiesFolder, StringComparison.Ordinal) && name.EndsWith(".psmdcp", StringComparison.Ordinal)
            ? CorePropertiesPart
            : name;

    private static void CopyPackageRelationships(Stream from, Stream to)
    {
        using var reader = new StreamReader(from, detectEncodingFromByteOrderMarks: true);
        var xml = reader.ReadToEnd();
        xml = System.Text.RegularExpressions.Regex.Replace(xml, "/" + CorePropertiesFolder + "[0-9a-f]+\\.psmdcp", "/" + CorePropertiesPart);
        var n = 0;
        xml = System.Text.RegularExpressions.Regex.Replace(xml, "Id=\"R[0-9a-f]{16}\"",
            _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Id=\"rIdPkg{++n}\""));
        using var writer = new StreamWriter(to, new System.Text.UTF8Encoding(true));
        writer.Write(xml);
    }
}
