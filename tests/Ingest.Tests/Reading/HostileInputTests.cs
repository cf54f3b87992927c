using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Analytics.Domain;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Templates;
using static Analytics.Ingest.Tests.Reading.HandMadeXlsx;

namespace Analytics.Ingest.Tests.Reading;

/// <summary>
/// Issue 13, the input side: hostile files are refused, or loaded, within bounded memory and time, and
/// every refusal is located (FILE:ROW:COLUMN). Allocation figures are this thread's
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), which is where reading happens.
/// </summary>
public class HostileInputTests
{
    private const long MiB = 1L << 20;

    private static TemplateReadResult Read(TempFolder dir, FilingKind kind, string path, InputBounds? bounds = null) =>
        TemplateReader.Read(kind, path, TestFiles.Context(dir), bounds: bounds);

    private static (T Result, TimeSpan Elapsed, long Allocated) Measure<T>(Func<T> run)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = run();
        return (result, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // ---- 1. Formulas are never evaluated -------------------------------------------------------

    [Fact]
    public void A_formula_with_a_saved_value_gives_that_value_and_is_not_computed()
    {
        using var dir = new TempFolder();
        // Computed, this would be a 300-million-character county; saved, it is "yaodu".
        var path = Write(dir.File("saved.xlsx"), Customers(F("C2", "REPT(\"A\",300000000)", saved: "yaodu")));

        var (result, elapsed, _) = Measure(() => Read(dir, FilingKind.Customers, path));

        NoErrors(result);
        var record = Assert.IsType<CustomersServed>(Assert.Single(result.Records));
        Assert.Equal("yaodu", record.County);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void A_REPT_formula_without_a_saved_value_is_a_quick_located_error()
    {
        using var dir = new TempFolder();
        var path = Write(dir.File("rept.xlsx"), Customers(F("C2", "REPT(\"A\",300000000)")));

        var (result, elapsed, allocated) = Measure(() => Read(dir, FilingKind.Customers, path));

        var error = TestFiles.OnlyError(result);
        Assert.Equal(IngestErrorCode.FormulaWithoutValue, error.Code);
        Assert.Equal((2, "county", "customers"), (error.Row, error.Column, error.Sheet));
        Assert.Equal("=REPT(\"A\",300000000)", error.Value);
        Assert.StartsWith(path + "[customers]:2:county: ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Records);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        Assert.True(allocated < 100 * MiB, $"allocated {allocated / MiB} MiB");
    }

    [Fact]
    public void A_778_KB_chain_of_formulas_does_not_overflow_the_stack()
    {
        using var dir = new TempFolder();
        // calc!A1 = 1, calc!An = calc!A(n-1)+1 … and the county cell refers to the end of the chain:
        // evaluated, that recursion is 25,000 deep. No cell has a saved value.
        const int n = 25_000;
        var chain = new List<Cell> { new("A1", Number: 1) };
        for (var i = 2; i <= n; i++) chain.Add(F($"A{i}", $"A{i - 1}+1"));
        var sheets = Customers(F("E2", $"calc!A{n}")).Append(("calc", (IEnumerable<Cell>)chain)).ToList();
        var path = Write(dir.File("chain.xlsx"), sheets);
        Assert.InRange(Inflated(path), 700_000, 2_000_000);

        var (result, elapsed, _) = Measure(() => Read(dir, FilingKind.Customers, path));

        var error = TestFiles.OnlyError(result);
        Assert.Equal((IngestErrorCode.FormulaWithoutValue, 2, "customers"), (error.Code, error.Row, error.Column));
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed}");
    }

    // ---- 2. Decompression bombs and size bounds ----------------------------------------------------

    [Fact]
    public void An_xlsx_whose_shared_strings_inflate_to_400_MB_is_refused_quickly_naming_the_part()
    {
        using var dir = new TempFolder();
        var parts = new Dictionary<string, Action<Stream>> { ["xl/sharedStrings.xml"] = s => Repeat(s, 400 * MiB) };
        var path = Write(dir.File("bomb.xlsx"), Customers(), parts, CompressionLevel.SmallestSize);
        Assert.InRange(new FileInfo(path).Length, 100_000, 2 * MiB);

        var (result, elapsed, allocated) = Measure(() => Read(dir, FilingKind.Customers, path));

        var error = TestFiles.OnlyError(result);
        Assert.Equal(IngestErrorCode.TooLarge, error.Code);
        Assert.Null(error.Row);
        Assert.Contains("xl/sharedStrings.xml", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", error.ToString(), StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        Assert.True(allocated < 64 * MiB, $"allocated {allocated / MiB} MiB");
    }

    [Fact]
    public void A_part_whose_zip_directory_declares_another_size_than_it_holds_is_refused()
    {
        using var dir = new TempFolder();
        // 3 MB of text that hardly compresses (no ratio alarm), declared as 5,000,000 bytes. (Declared
        // smaller, .NET inflates no more than declared, for the guard and ClosedXML alike.)
        var random = new Random(13);
        var text = new StringBuilder();
        while (text.Length < 3 * MiB) text.Append(Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64())));
        var parts = new Dictionary<string, Action<Stream>> { ["xl/media/filler.txt"] = s => s.Write(Encoding.ASCII.GetBytes(text.ToString())) };
        var path = Write(dir.File("liar.xlsx"), Customers(), parts);
        DeclareSize(path, "xl/media/filler.txt", 5_000_000);

        var result = Read(dir, FilingKind.Customers, path);

        var error = TestFiles.OnlyError(result);
        Assert.Equal(IngestErrorCode.TooLarge, error.Code);
        Assert.Contains("xl/media/filler.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xlsx_bounds_are_settable_and_a_workbook_within_them_loads()
    {
        using var dir = new TempFolder();
        var path = Write(dir.File("ok.xlsx"), Customers());

        NoErrors(Read(dir, FilingKind.Customers, path));
        var tight = new InputBounds { MaxXlsxPartBytes = 200 };
        var error = TestFiles.OnlyError(Read(dir, FilingKind.Customers, path, tight));
        Assert.Equal(IngestErrorCode.TooLarge, error.Code);
        Assert.Contains("200 bytes", error.Message, StringComparison.Ordinal);
        var small = new InputBounds { MaxXlsxFileBytes = 100 };
        Assert.Equal(IngestErrorCode.TooLarge, TestFiles.OnlyError(Read(dir, FilingKind.Customers, path, small)).Code);
    }

    [Fact]
    public void A_csv_larger_than_its_bound_is_refused_before_it_is_read()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "c.csv", [TestFiles.Customers()]);

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Customers, path, new InputBounds { MaxCsvFileBytes = 50 }));

        Assert.Equal(IngestErrorCode.TooLarge, error.Code);
        Assert.Contains("50 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_the_bound_is_a_located_error()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "c.csv", [TestFiles.Customers("2019"), TestFiles.Customers("2020"), TestFiles.Customers("2021")]);

        var result = Read(dir, FilingKind.Customers, path, new InputBounds { MaxRows = 2 });

        var error = Assert.Single(result.Errors, e => e.Code == IngestErrorCode.TooLarge);
        Assert.Equal(4, error.Row);
        Assert.True(result.FileRejected);
    }

    [Fact]
    public void A_50_MB_header_cell_is_refused_without_costing_a_gigabyte_nor_being_echoed()
    {
        using var dir = new TempFolder();
        var path = dir.File("header.csv");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("period,utility,county,area,customers,");
            var block = new string('表', 1 << 16);
            for (var i = 0; i < 50 * MiB / 3 / block.Length; i++) w.Write(block); // ~50 MB of UTF-8
            w.Write("\r\n2021,sgcc-linfen,yaodu,urban,1500,\r\n");
        }

        var (result, elapsed, allocated) = Measure(() => Read(dir, FilingKind.Customers, path));

        var error = TestFiles.OnlyError(result);
        Assert.Equal(1, error.Row);
        Assert.True(error.ToString().Length < 1000, error.ToString());
        Assert.True(allocated < 100 * MiB, $"allocated {allocated / MiB} MiB");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void A_header_cell_longer_than_its_bound_is_named_and_cut_in_the_message()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Text(dir, "h.csv", "period,utility,county,area,customers," + new string('x', 300) + "\r\n2021,sgcc-linfen,yaodu,urban,1500,\r\n");

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Customers, path));

        Assert.Equal(1, error.Row);
        Assert.Equal("table.header_cell_csv", error.MessageId);
        Assert.Contains("表头第 6 列长 300 个字符", error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('x', 80) + "…", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 81), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_longer_than_32767_characters_is_a_located_error_with_its_value_cut()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "n.csv", [TestFiles.Note(text: new string('长', 40_000))]);

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Notes, path));

        Assert.Equal((IngestErrorCode.TooLong, 2, "text"), (error.Code, error.Row, error.Column));
        Assert.Equal(new string('长', 80) + "…", error.Value);
        Assert.Contains("40,000", error.Message, StringComparison.Ordinal);
    }

    // ---- 3. Text validation ---------------------------------------------------------------------

    [Theory]
    [InlineData("A\0-1", "A␀-1", "U+0000")]
    [InlineData("\u001B]0;pwned\u0007", "␛]0;pwned␇", "U+001B")]
    [InlineData("A\u0008-1", "A␈-1", "U+0008")]
    public void A_control_character_in_a_field_is_a_located_error_shown_harmlessly(string id, string shown, string named)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "ctl.csv", [TestFiles.Application("A-0"), TestFiles.Application(id)]);

        var result = Read(dir, FilingKind.Applications, path);

        var error = TestFiles.OnlyError(result);
        Assert.Equal((IngestErrorCode.InvalidText, 3, "application_id", shown), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Single(result.Records);
    }

    [Fact]
    public void A_tab_is_text_but_a_line_break_belongs_only_in_running_text()
    {
        using var dir = new TempFolder();
        var notes = TestFiles.Csv(dir, "n.csv", [TestFiles.Note(text: "第一段\r\n第二段\t完")]);
        var feeder = TestFiles.Csv(dir, "o.csv", [TestFiles.Outage().With("feeder", "10kV 城北线\n2号台区")]);

        NoErrors(Read(dir, FilingKind.Notes, notes));
        var error = TestFiles.OnlyError(Read(dir, FilingKind.Outages, feeder));
        Assert.Equal((IngestErrorCode.InvalidText, 2, "feeder"), (error.Code, error.Row, error.Column));
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_in_a_file_with_a_UTF_8_BOM_are_a_located_error()
    {
        using var dir = new TempFolder();
        var path = dir.File("bom.csv");
        var bytes = new List<byte> { 0xEF, 0xBB, 0xBF };
        bytes.AddRange(Encoding.UTF8.GetBytes("period,utility,county,area,customers\r\n2021,sgcc-linfen,yaodu,urban,1500\r\n2022,sgcc-linfen,"));
        bytes.AddRange([0xC3, 0x28, 0xFF]); // invalid UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(",urban,1500\r\n"));
        File.WriteAllBytes(path, [.. bytes]);

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Customers, path));

        Assert.Equal((IngestErrorCode.InvalidEncoding, 3, "county"), (error.Code, error.Row, error.Column));
    }

    [Fact]
    public void A_file_mixing_UTF_8_and_GBK_lines_gives_a_located_error_on_each_UTF_8_cell()
    {
        using var dir = new TempFolder();
        var path = dir.File("mixed.csv");
        var gbk = TestFiles.Gb18030;
        using (var f = File.Create(path))
        {
            f.Write(gbk.GetBytes("统计期,供电企业,县（市、区）,供电区域,用户数\r\n2021,国网临汾供电公司,尧都区,市区,1500\r\n"));
            f.Write(Encoding.UTF8.GetBytes("2022,sgcc-linfen,尧都区,农村,1600\r\n"));
            f.Write(gbk.GetBytes("2023,国网临汾供电公司,尧都区,市区,1700\r\n"));
        }

        var result = Read(dir, FilingKind.Customers, path);

        Assert.Equal(2, result.Records.Count); // the GBK rows read correctly
        Assert.All(result.Errors, e => Assert.Equal((IngestErrorCode.InvalidEncoding, 3), (e.Code, e.Row)));
        Assert.Equal(["县（市、区）", "供电区域"], result.Errors.Select(e => e.Column));
        Assert.Equal("尧都区", result.Errors[0].Value); // shown as the UTF-8 it is, not as mojibake
        Assert.Contains("UTF-8", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pure_GBK_file_with_a_quoted_multi_line_note_still_loads()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "gbk.csv", [TestFiles.Note(text: "一、进展\r\n二、问题：\"暂无\""), TestFiles.Note(section: "problems", text: "无重大问题")], TestFiles.Gb18030);

        var result = Read(dir, FilingKind.Notes, path);

        NoErrors(result);
        Assert.Equal("一、进展\n二、问题：\"暂无\"", Assert.IsType<ReportNote>(result.Records[0]).Text);
    }

    [Fact]
    public void Bytes_that_are_not_GB18030_are_a_located_error_not_a_question_mark()
    {
        using var dir = new TempFolder();
        var path = dir.File("badgb.csv");
        using (var f = File.Create(path))
        {
            f.Write(TestFiles.Gb18030.GetBytes("统计期,供电企业,县（市、区）,供电区域,用户数\r\n2021,国网临汾供电公司,"));
            f.Write([0x81, 0x20]); // a lead byte followed by a space: not GB18030
            f.Write(TestFiles.Gb18030.GetBytes(",市区,1500\r\n"));
        }

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Customers, path));

        Assert.Equal((IngestErrorCode.InvalidEncoding, 2, "县（市、区）"), (error.Code, error.Row, error.Column));
    }

    // ---- 4. Row numbers after long records ------------------------------------------------------

    [Fact]
    public void A_100_MB_line_is_a_located_error_on_its_own_row_read_in_bounded_memory()
    {
        using var dir = new TempFolder();
        var path = dir.File("long.csv");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("period,utility,county,area,customers\r\n2021,sgcc-linfen,yaodu,urban,1500\r\n2022,sgcc-linfen,yaodu,urban,1600\r\n");
            w.Write("2023,sgcc-linfen,");
            var block = new string('y', 1 << 16);
            for (var i = 0; i < 100 * MiB / block.Length; i++) w.Write(block);
            w.Write(",urban,1700\r\n2024,sgcc-linfen,yaodu,urban,1800\r\n");
        }

        var (result, elapsed, allocated) = Measure(() => Read(dir, FilingKind.Customers, path));

        var error = TestFiles.OnlyError(result);
        Assert.Equal((IngestErrorCode.MalformedCsv, 4), (error.Code, error.Row));
        Assert.True(allocated < 100 * MiB, $"allocated {allocated / MiB} MiB");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public void Rows_keep_their_numbers_after_a_long_quoted_multi_line_record()
    {
        using var dir = new TempFolder();
        var longText = string.Join("\r\n", Enumerable.Repeat(new string('文', 500), 60)); // 60 lines, 30,000+ characters
        var path = TestFiles.Csv(dir, "n.csv",
            [TestFiles.Note(text: longText), TestFiles.Note(section: "problems"), TestFiles.Note(section: "nonsense")]);

        var error = TestFiles.OnlyError(Read(dir, FilingKind.Notes, path));

        Assert.Equal((IngestErrorCode.UnknownValue, 4, "section"), (error.Code, error.Row, error.Column));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void NoErrors(TemplateReadResult result) =>
        Assert.True(result.Errors.Count == 0, "expected no error, got: " + string.Join(" | ", result.Errors));

    private static void Repeat(Stream s, long bytes)
    {
        var head = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
        s.Write(head);
        var block = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
        for (long n = 0; n < bytes; n += block.Length) s.Write(block);
        s.Write(Encoding.UTF8.GetBytes("</t></si></sst>"));
    }

    private static long Inflated(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Sum(e => e.Length);
    }

    /// <summary>Overwrites the uncompressed size of <paramref name="entry"/> in its local header and in the central directory.</summary>
    private static void DeclareSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var sig = BitConverter.ToUInt32(bytes, i);
            if (sig == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), size);
                patched++;
            }
            else if (sig == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), size);
                patched++;
            }
        }
        Assert.Equal(2, patched);
        File.WriteAllBytes(path, bytes);
    }
}
