namespace Analytics.Reports.Pdf.Model;

/// <summary>
/// A report as a document model: metadata, running header and footer, an optional cover, and the
/// body as a list of blocks. <see cref="PdfRenderer"/> lays it out on A4 pages and writes the PDF;
/// body pages are numbered 第 N 页 共 M 页 (the cover is not counted).
/// </summary>
public sealed record ReportDocument
{
    /// <summary>PDF title (shown by viewers) and the header's left text unless <see cref="HeaderLeft"/> is set.</summary>
    public required string Title { get; init; }
    /// <summary>PDF author: the reporting body.</summary>
    public string Author { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Keywords { get; init; } = "";
    /// <summary>The document's date (the as-of instant), written as the PDF's creation date; never the clock.</summary>
    public required DateTime CreatedAt { get; init; }
    public string? HeaderLeft { get; init; }
    public string? HeaderRight { get; init; }
    public string? FooterLeft { get; init; }
    public CoverPage? Cover { get; init; }
    /// <summary>GB/T 9704 版头 and title on the first body page (the official theme).</summary>
    public OfficialHead? Head { get; init; }
    /// <summary>GB/T 9704 版记 at the foot of the last page (the official theme).</summary>
    public OfficialImprint? Imprint { get; init; }
    public required IReadOnlyList<Block> Body { get; init; }
}
