namespace Analytics.Generator;

/// <summary>The file format of generated data (templates.md §1).</summary>
public enum OutputFormat
{
    Invalid = 0,
    /// <summary>CSV, UTF-8 with BOM, RFC 4180 quoting, CRLF line ends; streamed.</summary>
    Csv = 1,
    /// <summary>
    /// XLSX, one sheet named like the template, real Excel date cells. ClosedXML builds the workbook
    /// in memory (about 25 KB per application, 20,000 applications ≈ 0.5 GB), so XLSX is for samples
    /// and demos; large sets go to CSV.
    /// </summary>
    Xlsx = 2,
}
