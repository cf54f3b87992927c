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
        // Row 4 = 任务1, row 6 = 任务3 (the county's tasks are 任务1、2、3、10), rows 8–12 are the free rows,
        // rows 14–17 the signature block (label in A, value in C).
        ws.Cell(4, 4).Value = "已与市政务平台完成对接";
        ws.Cell(4, 5).Value = "已完成";
        ws.Cell(6, 4).Value = "制定并联审批办法";
        ws.Cell(6, 5).Value = "推进中";
        ws.Cell(6, 6).Value = "住建部门意见未反馈";
        ws.Cell(8, 3).Value = "迎峰度冬保供电";
        ws.Cell(8, 4).Value = "完成重要用户巡视";
        ws.Cell(SignRow(ws, "填报人"), 3).Value = "王建国";
        ws.Cell(SignRow(ws, "审核人"), 3).Value = "李秀英";
        ws.Cell(SignRow(ws, "联系电话"), 3).Value = "0357-2345678";
        ws.Cell(SignRow(ws, "报送日期"), 3).Value = new DateTime(2026, 11, 26);
        alsoDo?.Invoke(wb);
        var path = _dir.File(name);
        // A formula the test sets is written without a value, as a hostile tool would (not computed here).
        wb.SaveAs(path, new SaveOptions { EvaluateFormulasBeforeSaving = false });
        return path;
    }

    /// <summary>The row of a signature label in column A of 工作进展.</summary>
    private static int SignRow(IXLWorksheet ws, string label) =>
        ws.Column(1).CellsUsed().Single(c => c.GetString() == label).Address.RowNumber;

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
    public void Rectification_keys_are_read_normalised_and_a_title_that_merely_starts_with_zhenggai_is_other_work()
    {
        var filed = Good(FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(9, 2).Value = "整改 07";
            ws.Cell(9, 4).Value = "已核查12件";
            ws.Cell(9, 5).Value = "推进中";
            ws.Cell(10, 3).Value = "整改材料归档";
            ws.Cell(10, 4).Value = "已归档";
            ws.Cell(11, 3).Value = "整改12";
            ws.Cell(11, 4).Value = "已约谈";
        }));

        Assert.Equal(["任务1", "任务3", "迎峰度冬保供电", "整改7", "整改材料归档", "整改12"], filed.Notes.Select(n => n.Task));
        Assert.Equal(9, filed.TaskRows["整改7"]);
        Assert.Equal(11, filed.TaskRows["整改12"]);
    }

    [Theory]
    [InlineData(2, "整改x")]
    [InlineData(2, "整改0")]
    [InlineData(2, "整改99999999999999999999")]
    [InlineData(3, "整改0")]
    public void A_malformed_rectification_key_is_a_located_error(int column, string key)
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(9, column).Value = key;
            ws.Cell(9, 4).Value = "已核查";
        });

        var error = Assert.Single(Bad(path));

        Assert.Equal(9, error.Row);
        Assert.Equal(column == 2 ? "任务" : "任务名称", error.Column);
        Assert.StartsWith($"{path}[工作进展]:9:{error.Column}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("不是整改事项编号", error.Message, StringComparison.Ordinal);
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
        Assert.Equal("ledger.unidentified", error.MessageId);
        Assert.Contains("无法确定本台账所属的县（市、区）", error.Message, StringComparison.Ordinal);
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
            ws.Cell(9, 4).Value = "没有任务名称的进展";
            ws.Cell(10, 2).Value = "任务3";
            ws.Cell(10, 4).Value = "又写了一次任务3";
        });

        var errors = Bad(path);

        Assert.Equal([9, 10], errors.Select(x => x.Row!.Value));
        Assert.Equal([IngestErrorCode.Required, IngestErrorCode.DuplicateKey], errors.Select(x => x.Code));
        Assert.All(errors, x => Assert.Equal("任务", x.Column));
        Assert.StartsWith($"{path}[工作进展]:9:任务: ", errors[0].ToString(), StringComparison.Ordinal);
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
        Assert.Equal("ledger.cell", error.MessageId);
        Assert.Contains("含有公式但没有保存计算结果", error.Message, StringComparison.Ordinal);
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
        Assert.Equal(4, first.RowsLoaded); // three notes and the signature
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
        var bad = FilledByClerk(wb => wb.Worksheet("工作进展").Cell(9, 4).Value = "没有任务", name: "bad.xlsx");
        using var store = new SqliteStore(_dir.File("analytics.db"));

        var results = new FileIngestor(store).IngestAll(FilingKind.Ledger, [good, bad], new IngestOptions { KeyFile = _dir.KeyFile });

        Assert.Equal([IngestOutcome.Loaded, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Equal(9, Assert.Single(results[1].Errors).Row);
        Assert.Empty(store.Filings());
    }

    // ---- Issue 15 item 6: the signature block and the county's own tasks ----

    [Fact]
    public void The_signature_is_read_back_with_the_names_masked_and_the_phone_dropped()
    {
        var path = FilledByClerk();
        var filed = Good(path);

        Assert.Equal(new LedgerSignature("王*", "李*", new DateOnly(2026, 11, 26)), filed.Signature);
        var stored = filed.StoredNotes.Single(LedgerSignature.IsSignature);
        Assert.Equal(("yaodu", Thursday), (stored.County, stored.Thursday));
        Assert.Equal(filed.Signature, LedgerSignature.FromNote(stored));
        Assert.DoesNotContain(filed.StoredNotes, n => n.Text.Contains("王建国", StringComparison.Ordinal)
            || n.Text.Contains("李秀英", StringComparison.Ordinal) || n.Text.Contains("2345678", StringComparison.Ordinal));

        // Nor does the store hold them anywhere: not in the notes, not in the database file.
        var db = _dir.File("signed.db");
        using (var store = new SqliteStore(db))
        {
            var loaded = new FileIngestor(store).Ingest(FilingKind.Ledger, path, new IngestOptions { KeyFile = _dir.KeyFile });
            Assert.Equal(IngestOutcome.Loaded, loaded.Outcome);
            Assert.Equal("王*", LedgerSignature.FromNote(store.LedgerNotes().Single(LedgerSignature.IsSignature))!.FiledBy);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(db);
        foreach (var secret in new[] { "王建国", "李秀英", "2345678" })
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)));
    }

    [Fact]
    public void A_missing_signer_on_a_ledger_with_progress_is_located_at_its_cell()
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "填报人"), 3).Clear();
        });

        var error = Assert.Single(Bad(path));

        Assert.Equal(IngestErrorCode.InvalidText, error.Code);
        Assert.StartsWith($"{path}[工作进展]:14:C: 填报人（C14）未填写", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_with_progress_and_no_signature_block_is_refused_under_the_table()
    {
        var path = FilledByClerk(wb => wb.Worksheet("工作进展").Rows(14, 17).Delete());

        var error = Assert.Single(Bad(path));

        Assert.Equal((IngestErrorCode.Required, "A"), (error.Code, error.Column));
        Assert.Equal(13, error.Row); // the row under the last row read (the free row 12 is styled, not filled: row 8 is the last)
        Assert.Contains("签字栏", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("138001380001")]
    [InlineData("电话待定")]
    public void A_phone_that_is_no_phone_is_refused_without_echoing_it(string phone)
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "联系电话"), 3).Value = phone;
        });

        var error = Assert.Single(Bad(path));

        Assert.Equal((16, "C"), (error.Row, error.Column));
        Assert.Contains("不是有效的电话号码", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("(0357)2345678")]
    [InlineData("0357-2345678转801")]
    public void Phones_as_clerks_write_them_are_accepted(string phone)
    {
        var filed = Good(FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "联系电话"), 3).Value = phone;
        }));

        Assert.NotNull(filed.Signature);
    }

    [Fact]
    public void A_name_holding_digits_is_refused_without_echoing_it()
    {
        var error = Assert.Single(Bad(FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "审核人"), 3).Value = "李秀英13800138000";
        })));

        Assert.Equal((15, "C"), (error.Row, error.Column));
        Assert.DoesNotContain("13800138000", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("李秀英", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026年11月26日", "2026-11-26")]
    [InlineData("2026/11/25", "2026-11-25")]
    [InlineData("2026-12-01", "2026-12-01")] // late: kept as filed, the roll-up shows the date
    public void The_filing_date_may_be_typed_as_text(string typed, string expected)
    {
        var filed = Good(FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "报送日期"), 3).Value = typed;
        }));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), filed.Signature!.FiledOn);
    }

    [Theory]
    [InlineData("下周四", "不是日期")]
    [InlineData("2025-11-26", "早于本台账所报的一周")]
    public void A_filing_date_that_is_no_date_or_before_the_week_is_a_located_error(string typed, string says)
    {
        var error = Assert.Single(Bad(FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(SignRow(ws, "报送日期"), 3).Value = typed;
        })));

        Assert.Equal((17, "C"), (error.Row, error.Column));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_lists_the_tasks_the_policy_gives_the_counties()
    {
        using var wb = new XLWorkbook(FilledByClerk());
        var ws = wb.Worksheet("工作进展");

        var listed = Enumerable.Range(4, 4).Select(r => ws.Cell(r, 2).GetString()).ToList();

        Assert.Equal(DomainPolicy.Default.TasksFor(Domain.Policy.ResponsibleUnit.County).Select(t => t.Id), listed);
        Assert.Equal(["任务1", "任务2", "任务3", "任务10"], listed);
        Assert.Equal("", ws.Cell(8, 2).GetString());
    }

    [Theory]
    [InlineData("任务5", "各供电企业")]
    [InlineData("9", "各供电企业")]
    [InlineData("任务13", "没有任务13")]
    public void A_task_that_is_not_the_countys_is_a_located_error(string task, string says)
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(9, 2).Value = task;
            ws.Cell(9, 4).Value = "线上办电率提升";
        });

        var error = Assert.Single(Bad(path));

        Assert.Equal((IngestErrorCode.UnknownValue, 9, "任务"), (error.Code, error.Row, error.Column));
        Assert.StartsWith($"{path}[工作进展]:9:任务: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_policy_gives_the_counties_other_tasks()
    {
        var path = FilledByClerk(wb =>
        {
            var ws = wb.Worksheet("工作进展");
            ws.Cell(9, 2).Value = "任务5";
            ws.Cell(9, 4).Value = "线上办电率提升";
        });
        var policy = DomainPolicy.Default with
        {
            Tasks = [.. DomainPolicy.Default.Tasks.Select(t => t.Id == "任务5"
                ? t with { Responsible = [Domain.Policy.ResponsibleUnit.County, Domain.Policy.ResponsibleUnit.Utility] } : t)],
        };

        var r = LedgerTemplate.Read(path, Registries.Default, policy: policy);

        Assert.Empty(r.Errors);
        Assert.Contains(r.Ledger!.Notes, n => n.Task == "任务5");
    }
}
