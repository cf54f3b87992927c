using System.Security.Cryptography;
using System.Text;
using Analytics.Ingest.Reading;

namespace Analytics.Ingest.Tests.Reading;

public class FileProbeTests
{
    /// <summary>Long enough that three-byte characters straddle many 64 KiB read blocks.</summary>
    private static readonly string LongChinese = "工单编号,县（市、区）\r\n" + string.Concat(Enumerable.Repeat("临汾市尧都区获得电力,霍州\r\n", 20_000));

    [Fact]
    public void Long_UTF8_text_without_BOM_is_UTF8_across_block_boundaries()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "u.csv", LongChinese, new UTF8Encoding(false));
        var probe = FileProbe.Inspect(path, out var error);
        Assert.Null(error);
        Assert.Equal(FileFormat.Csv, probe!.Format);
        Assert.Equal(Encoding.UTF8.WebName, probe.Encoding!.WebName);
        Assert.Equal(0, probe.PreambleLength);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), probe.Sha256);
    }

    [Fact]
    public void Long_GB18030_text_is_GB18030()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "g.csv", LongChinese, TestFiles.Gb18030);
        var probe = FileProbe.Inspect(path, out _);
        Assert.Equal(54936, probe!.Encoding!.CodePage);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, 3, 65001)]
    [InlineData(new byte[] { 0xFF, 0xFE }, 2, 1200)]
    [InlineData(new byte[] { 0xFE, 0xFF }, 2, 1201)]
    public void A_BOM_decides_the_encoding(byte[] bom, int preamble, int codePage)
    {
        using var dir = new TempFolder();
        var path = dir.File("bom.csv");
        Encoding encoding = codePage switch { 1200 => Encoding.Unicode, 1201 => Encoding.BigEndianUnicode, _ => new UTF8Encoding(false) };
        var body = encoding.GetBytes("a,b\r\n");
        File.WriteAllBytes(path, [.. bom, .. body]);
        var probe = FileProbe.Inspect(path, out _);
        Assert.Equal((preamble, codePage), (probe!.PreambleLength, probe.Encoding!.CodePage));
    }

    [Fact]
    public void Text_that_ends_inside_a_UTF8_sequence_is_not_UTF8()
    {
        using var dir = new TempFolder();
        var path = dir.File("cut.csv");
        var bytes = Encoding.UTF8.GetBytes("a,b\r\n临汾");
        File.WriteAllBytes(path, bytes[..^1]);
        Assert.Equal(54936, FileProbe.Inspect(path, out _)!.Encoding!.CodePage);
    }

    [Fact]
    public void A_folder_is_not_a_file()
    {
        using var dir = new TempFolder();
        Assert.Null(FileProbe.Inspect(dir.Path, out var error));
        Assert.Equal(IngestErrorCode.FileNotFound, error!.Code);
    }
}
