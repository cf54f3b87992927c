using Analytics.Reports.Pdf;

namespace Analytics.Reports.Tests.Pdf;

public class PdfRendererTests
{
    [Fact]
    public void The_sample_document_reads_back_with_its_chinese_text()
    {
        var bytes = new PdfRenderer().RenderToBytes(SampleDocuments.Everything());
        PdfText.Keep("sample.pdf", bytes);
        var pages = PdfText.Pages(bytes);
        var all = string.Concat(pages);
        Assert.Contains("一、实施进度", all);
        Assert.Contains("国网临汾供电公司", pages[0]);
    }
}
