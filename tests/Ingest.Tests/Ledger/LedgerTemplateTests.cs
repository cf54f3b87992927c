using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Ingest.Ledger;
using Analytics.Reports.Ledger;
using Analytics.Store;
using ClosedXML.Excel;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Ingest.Tests.Ledger;

/// <summary>
/// A filed weekly ledger read back by Ingest (issue 17 item 4): the behaviour the old Reports LedgerReader tests
/// checked, now through FileProbe/TableSource/XlsxTableReader and located as <see cref="IngestError"/>s.
/// </summary>
public sealed class LedgerTemplateTests : IDisposable
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);
    private static LedgerWeek Week => LedgerWeek.For(Thursday);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static LedgerInputs Inputs(IEnumerable<Application> apps, IEnumerable<LedgerNote>? notes = null) => new()
    {
        Records = new RecordSnapshot { Applications = [.. apps], LedgerNotes = [.. notes ?? []] },
        Policy = DomainPolicy.Default,
        Calendar = WorkingDayCalendar.Default,
        Registries = Registries.Default,
    };

    private static Application Residential(string id) => new()
    {
        ApplicationId = id, Utility = "sgcc-linfen", County = "yaodu", Area = Area.Urban, CustomerType = CustomerType.Residential,
        Voltage = Voltage.Lv, CapacityKw = 8, ThreeZero = true, Channel = Channel.Online, Status = ApplicationStatus.Connected,
        AcceptedAt = new DateTime(2026, 11, 20, 9, 0, 0), ConnectedAt = new DateTime(2026, 11, 24, 9, 0, 0), CustomerMask = "张*",
    };

    /// <summary>A yaodu ledger as the clerk fills it: two tasks, a problem, a free row; then saved to <c>name</c>.</summary>
    private string FilledByClerk(Action<XLWorkbook>? alsoDo = null, string name = "x.xlsx")
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([Residential("A1")]), "yaodu", Week);
        var ms = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, ms);
        ms.Position = 0;
        using var wb = new XLWorkbook(ms);
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
        var path = _dir.File(name);
        // A formula the test sets is written without a value, as a hostile tool would (not computed here).
        wb.SaveAs(path, new SaveOptions { EvaluateFormulasBeforeSaving = false });
        return path;
    }

    private static FiledLedger Good(string path)
    {
        var r = LedgerTemplate.Read(path, Registries.Default);
        Assert.Empty(r.Errors);
        return r.Ledger!;
    }

    private static IReadOnlyList<IngestError> Bad(string path)
    {
        var r = LedgerTemplate.Read(path, Registries.Default);
        Assert.Null(r.Ledger);
        Assert.NotEmpty(r.Errors);
        Assert.All(r.Errors, e => Assert.Equal(path, e.File));
        return r.Errors;
    }

    [Fact]
    public void A_status_outside_the_sheets_list_is_a_located_error_with_a_suggestion()
    {
        var path = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 5).Value = "进行中");

        var error = Assert.Single(Bad(path));

        Assert.Equal(IngestErrorCode.UnknownValue, error.Code);
        Assert.Equal(6, error.Row);
        Assert.Equal("状态", error.Column);
        Assert.StartsWith($"{path}[工作进展]:6:状态: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("“进行中”不在下拉列表中", error.Message, StringComparison.Ordinal);
        Assert.Contains("是否指“推进中”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filled_ledger_reads_back_into_ledger_notes_for_its_county_and_Thursday()
    {
        var filed = Good(FilledByClerk());

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
        var filed = Good(FilledByClerk());

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
        var filed = Good(FilledByClerk(wb => wb.Worksheet("台账信息").Delete()));

        Assert.Equal("yaodu", filed.County.Code);
        Assert.Equal(Thursday, filed.Thursday);
        Assert.Equal(3, filed.Notes.Count);
    }

    [Fact]
    public void A_workbook_without_the_progress_sheet_is_refused_as_not_a_ledger()
    {
        var path = _dir.File("other.xlsx");
        using (var wb = new XLWorkbook())
        {
            wb.Worksheets.Add("Sheet1").Cell(1, 1).Value = "hello";
            wb.SaveAs(path);
        }

        var error = Assert.Single(Bad(path));

        Assert.Equal(IngestErrorCode.NotAWorkbook, error.Code);
        Assert.Null(error.Row);
        Assert.Contains("工作进展", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sheet1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_progress_sheet_with_wrong_headers_is_refused_at_the_header_row()
    {
        var error = Assert.Single(Bad(FilledByClerk(wb => wb.Worksheet("工作进展").Cell(3, 6).Value = "备注")));

        Assert.Equal(IngestErrorCode.MissingColumn, error.Code);
        Assert.Equal(("工作进展", 3), (error.Sheet, error.Row));
        Assert.Contains("存在问题", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_with_no_county_or_date_to_be_found_is_refused()
    {
        var error = Assert.Single(Bad(FilledByClerk(wb =>
        {
            wb.Worksheet("台账信息").Delete();
            wb.Worksheet("工作进展").Cell(1, 1).Value = "工作进展";
        })));

        Assert.Equal((1, "A"), (error.Row, error.Column));
        Assert.Contains("county", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_naming_another_county_than_the_ledger_was_written_for_is_refused()
    {
        var errors = Bad(FilledByClerk(wb => wb.Worksheet("工作进展").Cell(1, 1).Value = "侯马市工作进展（2026-11-26报送）"));

        Assert.Contains(errors, x => x.Message.Contains("侯马市", StringComparison.Ordinal) && x.Message.Contains("尧都区", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_with_progress_but_no_task_and_tasks_written_twice_are_each_located_FILE_SHEET_ROW_COLUMN()
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(17, 4).Value = "没有任务名称的进展";
            ws.Cell(18, 2).Value = "任务3";
            ws.Cell(18, 4).Value = "又写了一次任务3";
        });

        var errors = Bad(path);

        Assert.Equal([17, 18], errors.Select(x => x.Row!.Value));
        Assert.Equal([IngestErrorCode.Required, IngestErrorCode.DuplicateKey], errors.Select(x => x.Code));
        Assert.All(errors, x => Assert.Equal("任务", x.Column));
        Assert.StartsWith($"{path}[工作进展]:17:任务: ", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused()
    {
        var path = _dir.File("data.csv");
        File.WriteAllText(path, "application_id,county\nA1,yaodu\n");

        var error = Assert.Single(Bad(path));

        Assert.Equal(IngestErrorCode.NotAWorkbook, error.Code);
        Assert.Contains("XLSX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untouched_ledger_reads_back_with_no_notes()
    {
        var ledger = WeeklyLedgers.ComposeCounty(Inputs([]), "houma", Week);
        var path = _dir.File("houma.xlsx");
        using (var fs = File.Create(path)) WeeklyLedgerWorkbook.Write(ledger, fs);

        var filed = Good(path);

        Assert.Equal("houma", filed.County.Code);
        Assert.Empty(filed.Notes);
    }

    // ---- Issue 13: hostile workbooks are refused quickly, with the place ----

    [Fact]
    public void A_formula_without_a_saved_value_is_a_quick_located_error_never_computed()
    {
        var path = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(4, 4).FormulaA1 = "REPT(\"A\",300000000)");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Single(Bad(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(IngestErrorCode.FormulaWithoutValue, error.Code);
        Assert.Equal(("工作进展", 4, "进展情况"), (error.Sheet, error.Row, error.Column));
        Assert.Contains("D4", error.Message, StringComparison.Ordinal);
        Assert.Contains("formula without a saved value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deep_chain_of_formulas_does_not_overflow_the_stack()
    {
        var path = FilledByClerk(wb =>
        {
            var calc = wb.AddWorksheet("calc");
            calc.Cell(1, 1).Value = 1;
            for (var r = 2; r <= 25_000; r++) calc.Cell(r, 1).FormulaA1 = $"A{r - 1}+1";
            wb.Worksheet("工作进展").Cell(6, 6).FormulaA1 = "calc!A25000";
        });

        var error = Assert.Single(Bad(path));

        Assert.Equal((6, "存在问题"), (error.Row, error.Column));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_naming_the_part()
    {
        var path = FilledByClerk();
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            using var part = zip.CreateEntry("xl/media/image1.bin", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 200; i++) part.Write(block);
        }
        Assert.InRange(new FileInfo(path).Length, 1, 2 << 20);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Single(Bad(path));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(IngestErrorCode.TooLarge, error.Code);
        Assert.Contains("xl/media/image1.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_bound_is_refused_before_it_is_read()
    {
        var path = FilledByClerk();
        var bounds = Analytics.Ingest.Reading.InputBounds.Default with { MaxXlsxFileBytes = 1024 };

        var r = LedgerTemplate.Read(path, Registries.Default, bounds);

        Assert.Equal(IngestErrorCode.TooLarge, Assert.Single(r.Errors).Code);
    }

    [Fact]
    public void A_control_character_in_the_progress_text_is_a_located_error()
    {
        var error = Assert.Single(Bad(FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 4).Value = "推进中\u001B[2J")));

        Assert.Equal((6, "进展情况"), (error.Row, error.Column));
        Assert.Contains("U+001B", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_breaks_in_the_progress_text_are_running_text()
    {
        var filed = Good(FilledByClerk(wb => wb.Worksheet("工作进展").Cell(6, 4).Value = "第一步完成\n第二步推进中"));

        Assert.StartsWith("第一步完成\n第二步推进中", filed.Notes.Single(n => n.Task == "任务3").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_far_down_the_sheet_does_not_make_a_million_rows()
    {
        var path = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(1_048_576, 20).Value = "x");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var filed = Good(path);

        Assert.Equal(3, filed.Notes.Count);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 200L << 20, $"allocated {allocated >> 20} MiB");
    }

    // ---- filed through FileIngestor like every kind ----

    [Fact]
    public void A_ledger_is_filed_through_the_ingestor_once_as_of_its_Thursday()
    {
        var path = FilledByClerk();
        using var store = new SqliteStore(_dir.File("analytics.db"));
        var ingestor = new FileIngestor(store, clock: Domain.ChinaTime.Fixed(new DateTime(2026, 11, 27, 8, 0, 0)));

        var first = ingestor.Ingest(FilingKind.Ledger, path, new IngestOptions { KeyFile = _dir.KeyFile });
        var again = ingestor.Ingest(FilingKind.Ledger, path, new IngestOptions { KeyFile = _dir.KeyFile });

        Assert.Equal(IngestOutcome.Loaded, first.Outcome);
        Assert.Equal(3, first.RowsLoaded);
        Assert.Equal(new DateTime(2026, 11, 26, 0, 0, 0), first.Filing!.AsOf);
        Assert.Equal(new DateTime(2026, 11, 27, 8, 0, 0), first.Filing.LoadedAt);
        Assert.Equal(IngestOutcome.AlreadyLoaded, again.Outcome);
        Assert.Equal(first.Filing.Id, again.Filing!.Id);
        Assert.Single(store.Filings());
    }

    [Fact]
    public void A_bad_ledger_in_a_batch_leaves_the_good_one_unfiled()
    {
        var good = FilledByClerk(name: "good.xlsx");
        var bad = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(17, 4).Value = "没有任务", name: "bad.xlsx");
        using var store = new SqliteStore(_dir.File("analytics.db"));

        var results = new FileIngestor(store).IngestAll(FilingKind.Ledger, [good, bad], new IngestOptions { KeyFile = _dir.KeyFile });

        Assert.Equal([IngestOutcome.Loaded, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Equal(17, Assert.Single(results[1].Errors).Row);
        Assert.Empty(store.Filings());
    }
}
