using System.Diagnostics;
using Analytics.Domain.Output;
using Analytics.Reports.Common;
using Analytics.Reports.Pdf;
using Analytics.Reports.Tests.Pdf;
using ClosedXML.Excel;

namespace Analytics.Reports.Tests.Common;

/// <summary>Issue 13, items 3, 4, 12, 17: every output file is written whole or not at all, never over a device.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "analytics-out-" + Guid.NewGuid().ToString("N"));

    public OutputFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Leftovers() => Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories);

    [Fact]
    public void A_file_is_written_whole_into_a_new_folder_and_no_temporary_file_stays()
    {
        var path = Path.Combine(_dir, "sub", "a.csv");
        OutputFile.WriteText(path, System.Text.Encoding.UTF8, w => w.Write("x,y\r\n"));
        Assert.Equal("x,y\r\n", File.ReadAllText(path));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_old_file_as_it_was_and_no_temporary_file()
    {
        var path = Path.Combine(_dir, "a.pdf");
        File.WriteAllText(path, "old");
        var e = Assert.Throws<OutputFileException>(() => OutputFile.Write(path, s =>
        {
            s.Write(new byte[100_000]);
            throw new IOException("No space left on device", 28);
        }));
        Assert.Equal(Path.GetFullPath(path), e.Path);
        Assert.Contains("磁盘空间不足", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_writer_that_throws_anything_else_leaves_no_temporary_file_either()
    {
        var path = Path.Combine(_dir, "b.xlsx");
        Assert.Throws<InvalidOperationException>(() => OutputFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("bug");
        }));
        Assert.False(File.Exists(path));
        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData("/dev/null", FileKind.Device)]
    [InlineData("/dev/full", FileKind.Device)]
    public void A_device_is_refused_and_left_a_device(string device, FileKind kind)
    {
        Assert.Equal(kind, OutputFile.Kind(device));
        var e = Assert.Throws<OutputFileException>(() => OutputFile.Write(device, s => s.WriteByte(1)));
        Assert.Contains("设备", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Device, OutputFile.Kind(device));
    }

    [Fact]
    public void A_folder_and_a_pipe_are_refused()
    {
        var folder = Path.Combine(_dir, "folder");
        Directory.CreateDirectory(folder);
        Assert.Equal(FileKind.Directory, OutputFile.Kind(folder));
        Assert.Throws<OutputFileException>(() => OutputFile.Write(folder, s => s.WriteByte(1)));
        Assert.True(Directory.Exists(folder));

        var fifo = Path.Combine(_dir, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.Equal(FileKind.Pipe, OutputFile.Kind(fifo));
        Assert.Throws<OutputFileException>(() => OutputFile.Write(fifo, s => s.WriteByte(1)));
        Assert.Equal(FileKind.Pipe, OutputFile.Kind(fifo));
        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_path_is_refused(string path) =>
        Assert.Throws<OutputFileException>(() => OutputFile.Write(path, s => s.WriteByte(1)));

    [Fact]
    public void A_regular_file_and_a_link_to_one_are_replaced()
    {
        var target = Path.Combine(_dir, "real.csv");
        File.WriteAllText(target, "old");
        var link = Path.Combine(_dir, "link.csv");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(FileKind.Regular, OutputFile.Kind(link));
        OutputFile.WriteText(link, System.Text.Encoding.UTF8, w => w.Write("new"));
        Assert.Equal("new", File.ReadAllText(link));
        Assert.Equal("old", File.ReadAllText(target)); // the link is replaced, not written through
    }

    [Fact]
    public void A_pdf_whose_stream_fails_is_a_managed_exception_not_a_crash()
    {
        // SkiaSharp calls the stream from native code; the renderer must never let an exception cross it (exit 134).
        using var failing = new FailingStream();
        Assert.Throws<IOException>(() => new PdfRenderer().Render(SampleDocuments.Everything(10), failing));
    }

    [Fact]
    public void A_pdf_is_never_written_over_a_device()
    {
        Assert.Throws<OutputFileException>(() => new PdfRenderer().RenderToFile(SampleDocuments.Everything(5), "/dev/null"));
        Assert.Equal(FileKind.Device, OutputFile.Kind("/dev/null"));
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1)")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")")]
    public void Workbook_text_that_looks_like_a_formula_is_stored_as_quote_prefixed_text(string text)
    {
        var path = Path.Combine(_dir, "t.xlsx");
        using (var wb = new XLWorkbook())
        {
            var ws = wb.Worksheets.Add("s");
            WorksheetLayout.Text(ws.Cell(1, 1), text);
            WorksheetLayout.Value(ws.Cell(2, 1), -3);
            OutputFile.Write(path, s => wb.SaveAs(s));
        }
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var xml = sheet.ReadToEnd();
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal); // never a formula
            using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
            Assert.Contains("quotePrefix=\"1\"", styles.ReadToEnd(), StringComparison.Ordinal);
        }
        using var read = new XLWorkbook(path);
        var cell = read.Worksheet(1).Cell(1, 1);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text, cell.GetString()); // the value itself is unchanged (ledgers are filed back)
        Assert.False(cell.HasFormula);
        Assert.Equal(-3, read.Worksheet(1).Cell(2, 1).GetValue<int>());
    }

    private sealed class FailingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device", 28);
    }
}
