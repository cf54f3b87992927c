using Analytics.Domain.Registry;
using Analytics.Reports.Ledger;
using ClosedXML.Excel;
using static Analytics.Reports.Tests.Ledger.LedgerTestData;

namespace Analytics.Reports.Tests.Ledger;

public class LedgerReaderTests
{
    /// <summary>A yaodu ledger as the clerk fills it: two tasks, a problem, a free row; then saved.</summary>
    private static MemoryStream FilledByClerk(Action<XLWorkbook>? alsoDo = null)
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([Residential("A1", "yaodu", At(11, 20), At(11, 24))]), "yaodu", Week);
        using var wb = Roundtrip(ledger);
        var ws = wb.Worksheet("工作进展");
        // Row 4 = 任务1, row 6 = 任务3, rows 16+ are the free rows.
        ws.Cell(4, 4).Value = "已与市政务平台完成对接";
        ws.Cell(4, 5).Value = "已完成";
        ws.Cell(6, 4).Value = "制定并联审批办法";
        ws.Cell(6, 5).Value = "推进中";
        ws.Cell(6, 6).Value = "住建部门意见未反馈";
        ws.Cell(16, 3).Value = "迎峰度冬保供电";
        ws.Cell(16, 4).Value = "完成重要用户巡视";
        alsoDo?.Invoke(wb);
        var ms = new MemoryStream();
        // A formula the test sets is written without a value, as a hostile tool would (not computed here).
        wb.SaveAs(ms, new SaveOptions { EvaluateFormulasBeforeSaving = false });
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void A_filled_ledger_reads_back_into_ledger_notes_for_its_county_and_Thursday()
    {
        using var file = FilledByClerk();

        var filed = LedgerReader.Read(file, "工作台账_尧都区_2026-11-26.xlsx", Registries.Default);

        Assert.Equal("yaodu", filed.County.Code);
        Assert.Equal(Thursday, filed.Thursday);
        Assert.Equal(["任务1", "任务3", "迎峰度冬保供电"], filed.Notes.Select(n => n.Task));
        Assert.All(filed.Notes, n => Assert.Equal("yaodu", n.County));
        Assert.All(filed.Notes, n => Assert.Equal(Thursday, n.Thursday));
        var t3 = filed.Notes[1];
        Assert.Equal("推进中", t3.Status);
        Assert.Equal(("制定并联审批办法", "住建部门意见未反馈"), LedgerNoteText.Split(t3.Text));
        Assert.Null(filed.Notes[2].Status);
    }

    [Fact]
    public void Notes_read_back_prefill_the_next_weeks_ledger()
    {
        using var file = FilledByClerk();
        var filed = LedgerReader.Read(file, "x.xlsx", Registries.Default);

        var next = WeeklyLedgers.ComposeCounty(Inputs([], notes: filed.Notes), "yaodu", Week.Next);

        var t3 = next.Progress.Single(p => p.Task == "任务3");
        Assert.Equal("制定并联审批办法", t3.Text);
        Assert.Equal("住建部门意见未反馈", t3.Problems);
        Assert.Contains(next.Progress, p => p.Title == "迎峰度冬保供电" && p.Text == "完成重要用户巡视");
        Assert.Equal(Thursday, next.ProgressPrefilledFrom);
    }

    [Fact]
    public void A_ledger_whose_hidden_sheet_was_lost_is_identified_by_its_title()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("台账信息").Delete());

        var filed = LedgerReader.Read(file, "x.xlsx", Registries.Default);

        Assert.Equal("yaodu", filed.County.Code);
        Assert.Equal(Thursday, filed.Thursday);
        Assert.Equal(3, filed.Notes.Count);
    }

    [Fact]
    public void A_workbook_without_the_progress_sheet_is_refused_as_not_a_ledger()
    {
        using var wb = new XLWorkbook();
        wb.Worksheets.Add("Sheet1").Cell(1, 1).Value = "hello";
        var ms = new MemoryStream();
        wb.SaveAs(ms);
        ms.Position = 0;

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(ms, "other.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal("other.xlsx", error.Source);
        Assert.Contains("工作进展", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sheet1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_progress_sheet_with_wrong_headers_is_refused_at_the_header_row()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(3, 6).Value = "备注");

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal("工作进展", error.Sheet);
        Assert.Equal(3, error.Row);
        Assert.Contains("存在问题", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_with_no_county_or_date_to_be_found_is_refused()
    {
        using var file = FilledByClerk(wb =>
        {
            wb.Worksheet("台账信息").Delete();
            wb.Worksheet("工作进展").Cell(1, 1).Value = "工作进展";
        });

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal(1, error.Row);
        Assert.Equal("A", error.Column);
        Assert.Contains("county", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_naming_another_county_than_the_ledger_was_written_for_is_refused()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(1, 1).Value = "侯马市工作进展（2026-11-26报送）");

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        Assert.Contains(e.Errors, x => x.Message.Contains("侯马市", StringComparison.Ordinal) && x.Message.Contains("尧都区", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_outside_the_sheets_list_is_a_located_error_with_a_suggestion()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 5).Value = "进行中");

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal(6, error.Row);
        Assert.Equal("状态", error.Column);
        Assert.StartsWith("x.xlsx:6:状态:", error.Located, StringComparison.Ordinal);
        Assert.Contains("“进行中”不在下拉列表中", error.Located, StringComparison.Ordinal);
        Assert.Contains("是否指“推进中”", error.Located, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_with_progress_but_no_task_and_tasks_written_twice_are_each_located()
    {
        using var file = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(17, 4).Value = "没有任务名称的进展";
            ws.Cell(18, 2).Value = "任务3";
            ws.Cell(18, 4).Value = "又写了一次任务3";
        });

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        Assert.Equal([17, 18], e.Errors.Select(x => x.Row));
        Assert.All(e.Errors, x => Assert.Equal("任务", x.Column));
        Assert.StartsWith("x.xlsx:17:任务:", e.Errors[0].Located, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        using var ms = new MemoryStream("application_id,county\nA1,yaodu\n"u8.ToArray());

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(ms, "data.csv", Registries.Default));

        Assert.Contains("XLSX", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untouched_ledger_reads_back_with_no_notes()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([]), "houma", Week);
        var ms = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, ms);
        ms.Position = 0;

        var filed = LedgerReader.Read(ms, "x.xlsx", Registries.Default);

        Assert.Equal("houma", filed.County.Code);
        Assert.Empty(filed.Notes);
    }

    // ---- Issue 13: hostile workbooks are refused quickly, with the place ----

    [Fact]
    public void A_formula_without_a_saved_value_is_a_quick_located_error_never_computed()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(4, 4).FormulaA1 = "REPT(\"A\",300000000)");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var error = Assert.Single(e.Errors);
        Assert.Equal(("工作进展", 4, "D"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("formula without a saved value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_chain_of_formulas_does_not_overflow_the_stack()
    {
        using var file = FilledByClerk(wb =>
        {
            var calc = wb.AddWorksheet("calc");
            calc.Cell(1, 1).Value = 1;
            for (var r = 2; r <= 25_000; r++) calc.Cell(r, 1).FormulaA1 = $"A{r - 1}+1";
            wb.Worksheet("工作进展").Cell(6, 6).FormulaA1 = "calc!A25000";
        });

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal((6, "F"), (error.Row, error.Column));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_naming_the_part()
    {
        using var file = FilledByClerk();
        using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/media/image1.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 200; i++) part.Write(block);
        }
        file.Position = 0;
        Assert.InRange(file.Length, 1, 2 << 20);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var error = Assert.Single(e.Errors);
        Assert.Contains("xl/media/image1.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_the_progress_text_is_a_located_error()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 4).Value = "推进中\u001B[2J");

        var e = Assert.Throws<LedgerReadException>(() => LedgerReader.Read(file, "x.xlsx", Registries.Default));

        var error = Assert.Single(e.Errors);
        Assert.Equal((6, "D"), (error.Row, error.Column));
        Assert.Contains("U+001B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_the_progress_text_are_running_text()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 4).Value = "第一步完成\n第二步推进中");

        var filed = LedgerReader.Read(file, "x.xlsx", Registries.Default);

        Assert.StartsWith("第一步完成\n第二步推进中", filed.Notes.Single(n => n.Task == "任务3").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_far_down_the_sheet_does_not_make_a_million_rows()
    {
        using var file = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(1_048_576, 20).Value = "x");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var filed = LedgerReader.Read(file, "x.xlsx", Registries.Default);

        Assert.Equal(3, filed.Notes.Count);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 200L << 20, $"allocated {allocated >> 20} MiB");
    }
}
