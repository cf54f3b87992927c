using System.Globalization;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Tests.Pdf;

public class PdfRendererTests
{
    private static readonly Lazy<(byte[] Bytes, IReadOnlyList<string> Pages)> Sample = new(() =>
    {
        var bytes = new PdfRenderer().RenderToBytes(SampleDocuments.Everything(tableRows: 80));
        PdfText.Keep("sample.pdf", bytes);
        return (bytes, PdfText.Pages(bytes));
    });

    [Fact]
    public void Chinese_text_reads_back_from_the_pdf()
    {
        var all = string.Concat(Sample.Value.Pages);
        Assert.Contains("一、实施进度", all);
        Assert.Contains("部分县域配网改造工程审批周期长", all);
        Assert.Contains("国网临汾供电公司", Sample.Value.Pages[0]);
    }

    [Fact]
    public void Latin_letters_and_digits_read_back_beside_chinese()
    {
        var all = string.Concat(Sample.Value.Pages).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("本期受理用电报装12,345件", all);
        Assert.Contains("Thequickbrownfox", all);
    }

    [Fact]
    public void Body_pages_are_numbered_from_the_first_page_after_the_cover()
    {
        var pages = Sample.Value.Pages;
        var total = pages.Count - 1;
        Assert.DoesNotContain("页共", pages[0].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        for (var i = 1; i < pages.Count; i++)
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"第{i}页共{total}页"), pages[i].Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_label_reads_as_the_plan_office_writes_it() =>
        Assert.Equal("第 3 页 共 12 页", PdfRenderer.PageLabel(3, 12));

    [Fact]
    public void A_table_longer_than_a_page_repeats_its_header_and_caption_on_every_page_it_continues_on()
    {
        var pages = Sample.Value.Pages.Select(p => p.Replace(" ", "", StringComparison.Ordinal)).ToList();
        var withRows = pages.Select((p, i) => (p, i)).Where(x => x.p.Contains("SQ2024", StringComparison.Ordinal)).Select(x => x.i).ToList();
        Assert.True(withRows.Count >= 3, $"the 80-row table should span at least 3 pages, spans {withRows.Count}");
        foreach (var i in withRows)
            Assert.Contains("办理时间（工作日）", pages[i]);
        foreach (var i in withRows.Skip(1))
            Assert.Contains("表1超期工单明细（续）", pages[i]);
        // Every row is there once: rows are never split or lost at a page break.
        var all = string.Concat(pages);
        for (var r = 1; r <= 80; r++)
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, string.Create(CultureInfo.InvariantCulture, $"SQ2024{r:000000}")));
    }

    [Fact]
    public void An_empty_table_prints_its_empty_text()
    {
        Assert.Contains("本期无停电事件记录", string.Concat(Sample.Value.Pages));
    }

    [Fact]
    public void The_font_is_embedded_once_as_a_small_subset()
    {
        var sizes = PdfText.EmbeddedFontSizes(Sample.Value.Bytes);
        var one = Assert.Single(sizes);
        Assert.True(one < 300_000, $"the embedded font should be a subset, is {one} bytes (the whole font is {ReportFonts.FontBytes.Length})");
        Assert.Single(PdfText.FontNames(Sample.Value.Bytes));
    }

    [Fact]
    public void Chart_labels_are_drawn_as_chinese_text_in_the_same_font()
    {
        // The chart's category ticks and axis title come from ScottPlot, drawn on the page as text.
        var chartPage = Sample.Value.Pages.Single(p => p.Contains("图1", StringComparison.Ordinal));
        Assert.Contains("高压双电源", chartPage);
        Assert.Contains("工作日", chartPage);
        Assert.Contains("27.0", chartPage);
    }

    [Fact]
    public void The_pdf_carries_the_document_date_not_the_clock()
    {
        var a = new PdfRenderer().RenderToBytes(SampleDocuments.Everything(tableRows: 3));
        var b = new PdfRenderer().RenderToBytes(SampleDocuments.Everything(tableRows: 3));
        Assert.Equal(a, b);
        using var doc = UglyToad.PdfPig.PdfDocument.Open(a);
        Assert.StartsWith("D:20250110", doc.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_body_still_has_one_numbered_page()
    {
        var bytes = new PdfRenderer().RenderToBytes(new ReportDocument { Title = "空", CreatedAt = SampleDocuments.AsOf, Body = [] });
        var pages = PdfText.Pages(bytes);
        var page = Assert.Single(pages);
        Assert.Contains("第1页共1页", page.Replace(" ", "", StringComparison.Ordinal));
    }
}
