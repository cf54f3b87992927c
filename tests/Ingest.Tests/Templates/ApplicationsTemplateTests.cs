using System.Text;
using Analytics.Domain;
using Analytics.Ingest.Templates;

namespace Analytics.Ingest.Tests.Templates;

public class ApplicationsTemplateTests
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["application_id"] = "工单编号", ["utility"] = "供电企业", ["county"] = "县（市、区）", ["area"] = "供电区域",
        ["customer_type"] = "用户类型", ["voltage"] = "电压等级", ["power_sources"] = "电源数", ["capacity_kw"] = "报装容量（kW）",
        ["three_zero"] = "三零服务", ["small_micro"] = "小微企业", ["important_user"] = "重要用户", ["channel"] = "申请渠道",
        ["e_contract"] = "电子合同", ["materials"] = "申请资料", ["fee_yuan"] = "收费金额(元)", ["customer_investment_yuan"] = "用户投资(元)",
        ["status"] = "状态", ["record_created_at"] = "工单创建时间", ["accepted_at"] = "申请受理时间", ["plan_replied_at"] = "供电方案答复时间",
        ["design_review_start"] = "设计审查开始", ["design_review_end"] = "设计审查完成", ["customer_works_start"] = "客户工程开始",
        ["customer_works_end"] = "客户工程完成", ["mid_check_start"] = "中间检查开始", ["mid_check_end"] = "中间检查完成",
        ["external_works_start"] = "外部工程开始", ["external_works_end"] = "外部工程完成", ["approval_submitted_at"] = "行政审批申请时间",
        ["approval_granted_at"] = "行政审批办结时间", ["approval_mode"] = "审批方式", ["completion_check_start"] = "竣工检验开始",
        ["completion_check_end"] = "竣工检验完成", ["connected_at"] = "装表接电时间", ["paused_days"] = "客户原因暂停（工作日）",
        ["withdrawn_at"] = "撤销时间", ["previous_application_id"] = "原工单编号", ["customer_name"] = "户名", ["id_number"] = "证件号码",
        ["phone"] = "联系电话",
    };

    [Fact]
    public void A_good_row_maps_every_field()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "good.csv", [TestFiles.Application()]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        Assert.Empty(result.Errors);
        var a = Assert.IsType<Application>(Assert.Single(result.Records));
        Assert.Equal("A-001", a.ApplicationId);
        Assert.Equal("sgcc-linfen", a.Utility);
        Assert.Equal("yaodu", a.County);
        Assert.Equal(Area.Urban, a.Area);
        Assert.Equal(CustomerType.NonResidential, a.CustomerType);
        Assert.Equal(Voltage.Kv10, a.Voltage);
        Assert.Equal(1, a.PowerSources);
        Assert.Equal(250m, a.CapacityKw);
        Assert.False(a.ThreeZero);
        Assert.False(a.SmallMicro);
        Assert.Equal(Channel.Online, a.Channel);
        Assert.True(a.EContract);
        Assert.Equal(Materials.IdCard | Materials.PropertyCert, a.Materials);
        Assert.Equal(0m, a.FeeYuan);
        Assert.Equal(12000m, a.CustomerInvestmentYuan);
        Assert.Equal(ApplicationStatus.Connected, a.Status);
        Assert.Equal(new DateTime(2021, 9, 22, 10, 30, 0), a.AcceptedAt);
        Assert.Equal(new DateTime(2021, 10, 12, 15, 0, 0), a.ConnectedAt);
        Assert.Equal(ApprovalMode.NotifyCommit, a.ApprovalMode);
        Assert.Null(a.DesignReviewStart);
        Assert.Null(a.CustomerKey);
        Assert.Equal(Category.HvSingle, a.Category);
        Assert.Equal(new DateTime(2021, 10, 12, 15, 0, 0), result.Newest);
    }

    [Fact]
    public void A_GB18030_file_with_Chinese_headers_and_labels_loads()
    {
        using var dir = new TempFolder();
        var row = TestFiles.Application("临汾-2021-0001")
            .With("utility", "国网临汾").With("county", "尧都区").With("area", "市中心区").With("customer_type", "非居民")
            .With("voltage", "低压").With("power_sources", "").With("capacity_kw", "1,250 kVA").With("three_zero", "是")
            .With("channel", "网上国网").With("materials", "身份证明、营业执照").With("status", "已接电")
            .With("approval_mode", "告知承诺").With("accepted_at", "2021年9月22日 10:30").With("customer_name", "张三")
            .With("fee_yuan", "无").With("e_contract", "否");
        var path = TestFiles.Csv(dir, "gbk.csv", [row], TestFiles.Gb18030, Chinese);
        // The bytes really are GB18030, not UTF-8.
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(File.ReadAllBytes(path)));

        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var a = Assert.IsType<Application>(Assert.Single(result.Records));
        Assert.Equal("临汾-2021-0001", a.ApplicationId);
        Assert.Equal("sgcc-linfen", a.Utility);
        Assert.Equal("yaodu", a.County);
        Assert.Equal(Area.Central, a.Area);
        Assert.Equal(Voltage.Lv, a.Voltage);
        Assert.Equal(1250m, a.CapacityKw);
        Assert.True(a.ThreeZero);
        Assert.Equal(Category.LvThreeZero, a.Category);
        Assert.Equal(Channel.Online, a.Channel);
        Assert.Equal(Materials.IdCard | Materials.BusinessLicense, a.Materials);
        Assert.Null(a.FeeYuan);
        Assert.False(a.EContract);
        Assert.Equal("张*", a.CustomerMask);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("utf8-bom")]
    [InlineData("utf16-bom")]
    [InlineData("gb18030")]
    public void Chinese_text_survives_every_accepted_encoding(string encoding)
    {
        using var dir = new TempFolder();
        Encoding enc = encoding switch
        {
            "utf8" => new UTF8Encoding(false),
            "utf8-bom" => new UTF8Encoding(true),
            "utf16-bom" => new UnicodeEncoding(false, true),
            _ => TestFiles.Gb18030,
        };
        var path = TestFiles.Csv(dir, "enc.csv", [TestFiles.Application("报装-甲").With("county", "隰县")], enc, Chinese);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        var a = Assert.IsType<Application>(Assert.Single(result.Records));
        Assert.Equal("报装-甲", a.ApplicationId);
        Assert.Equal("xixian", a.County);
    }

    [Theory]
    [InlineData("0.4kV", Voltage.Lv)]
    [InlineData("380V", Voltage.Lv)]
    [InlineData("220V", Voltage.Lv)]
    [InlineData("低压", Voltage.Lv)]
    [InlineData("LV", Voltage.Lv)]
    [InlineData("10kV", Voltage.Kv10)]
    [InlineData("10千伏", Voltage.Kv10)]
    [InlineData("35kv", Voltage.Kv35)]
    [InlineData("110kV及以上", Voltage.Kv110)]
    [InlineData("220kV", Voltage.Kv110)]
    public void Voltage_forms(string text, Voltage expected)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "v.csv", [TestFiles.Application().With("voltage", text)]);
        var a = Assert.IsType<Application>(Assert.Single(TestFiles.Read(dir, FilingKind.Applications, path).Records));
        Assert.Equal(expected, a.Voltage);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    [InlineData("双电源", 2)]
    [InlineData("单电源", 1)]
    public void Power_sources_empty_means_one(string text, int expected)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "p.csv", [TestFiles.Application().With("power_sources", text)]);
        var a = Assert.IsType<Application>(Assert.Single(TestFiles.Read(dir, FilingKind.Applications, path).Records));
        Assert.Equal(expected, a.PowerSources);
    }

    [Theory]
    [InlineData("power_sources", "2", "voltage", "lv", IngestErrorCode.DualSourceOnLowVoltage, "power_sources")]
    [InlineData("power_sources", "3", null, null, IngestErrorCode.OutOfRange, "power_sources")]
    [InlineData("capacity_kw", "0", null, null, IngestErrorCode.OutOfRange, "capacity_kw")]
    [InlineData("capacity_kw", "", null, null, IngestErrorCode.Required, "capacity_kw")]
    [InlineData("three_zero", "maybe", null, null, IngestErrorCode.InvalidBoolean, "three_zero")]
    [InlineData("materials", "身份证明、户口本", null, null, IngestErrorCode.UnknownValue, "materials")]
    [InlineData("paused_days", "1.5", null, null, IngestErrorCode.InvalidNumber, "paused_days")]
    [InlineData("paused_days", "-1", null, null, IngestErrorCode.Negative, "paused_days")]
    [InlineData("status", "withdrawn", "withdrawn_at", "2021-10-13 09:00", IngestErrorCode.StatusMismatch, "connected_at")]
    [InlineData("status", "withdrawn", "connected_at", "", IngestErrorCode.StatusMismatch, "withdrawn_at")]
    [InlineData("status", "in_progress", null, null, IngestErrorCode.StatusMismatch, "connected_at")]
    [InlineData("accepted_at", "", null, null, IngestErrorCode.Required, "accepted_at")]
    [InlineData("accepted_at", "tomorrow", null, null, IngestErrorCode.InvalidDateTime, "accepted_at")]
    [InlineData("completion_check_end", "2021-10-11 08:00", null, null, IngestErrorCode.EndBeforeStart, "completion_check_end")]
    [InlineData("approval_granted_at", "2021-09-26 08:00", null, null, IngestErrorCode.EndBeforeStart, "approval_granted_at")]
    [InlineData("customer_works_start", "2021-09-01 08:00", null, null, IngestErrorCode.BeforeAccepted, "customer_works_start")]
    [InlineData("channel", "微信", null, null, IngestErrorCode.UnknownValue, "channel")]
    public void Field_and_cross_field_rules(string column, string value, string? column2, string? value2, IngestErrorCode code, string errorColumn)
    {
        using var dir = new TempFolder();
        var row = TestFiles.Application().With(column, value);
        if (column2 is not null) row = row.With(column2, value2!);
        var path = TestFiles.Csv(dir, "rule.csv", [TestFiles.Application("OK-1"), row]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        var e = TestFiles.OnlyError(result);
        Assert.Equal(code, e.Code);
        Assert.Equal(3, e.Row);
        Assert.Equal(errorColumn, e.Column);
        Assert.Equal("OK-1", ((Application)Assert.Single(result.Records)).ApplicationId);
    }

    [Fact]
    public void Every_error_of_a_file_is_collected_not_only_the_first()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "many.csv",
        [
            TestFiles.Application("A-1").With("capacity_kw", "x").With("county", "nowhere"),
            TestFiles.Application("A-2"),
            TestFiles.Application("A-3").With("accepted_at", "2021-02-30"),
        ]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Equal(
            [(2, "county"), (2, "capacity_kw"), (4, "accepted_at")],
            result.Errors.Select(e => (e.Row!.Value, e.Column!)).OrderBy(x => x.Item1).ThenBy(x => x.Item2 == "capacity_kw" ? 1 : 0).ToList());
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal(3, result.RowsRead);
    }

    [Fact]
    public void Headers_match_whatever_their_case_spacing_or_bracket_width()
    {
        using var dir = new TempFolder();
        var rename = new Dictionary<string, string>
        {
            ["application_id"] = " Application_ID ", ["capacity_kw"] = "报装容量 (kW)", ["county"] = "县(市、区)*",
            ["paused_days"] = "客户原因暂停（工作日）", ["three_zero"] = "THREE_ZERO",
        };
        var path = TestFiles.Csv(dir, "h.csv", [TestFiles.Application()], rename: rename);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Single(result.Records);
    }

    [Fact]
    public void Column_order_is_free_and_unknown_columns_give_one_warning_naming_them()
    {
        using var dir = new TempFolder();
        var row = TestFiles.Application();
        var reordered = row.Reverse().ToDictionary(kv => kv.Key, kv => kv.Value);
        reordered["备注"] = "加急";
        reordered["经办人"] = "王";
        var path = TestFiles.Csv(dir, "order.csv", [reordered]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        var w = Assert.Single(result.Warnings);
        Assert.Contains("备注", w.Message, StringComparison.Ordinal);
        Assert.Contains("经办人", w.Message, StringComparison.Ordinal);
        Assert.Equal(250m, ((Application)Assert.Single(result.Records)).CapacityKw);
    }

    [Fact]
    public void Quoted_fields_hold_commas_and_quotes_and_blank_lines_are_skipped()
    {
        // Line breaks in quoted fields belong to running text only (notes): see HostileInputTests.
        using var dir = new TempFolder();
        var header = string.Join(",", TestFiles.Application().Keys);
        var a = TestFiles.Application("A,1").With("capacity_kw", "1,250.5").With("previous_application_id", "old \"7\", line two");
        var b = TestFiles.Application("A-2");
        var text = header + "\r\n" + string.Join(",", a.Values.Select(TestFiles.Quote)) + "\r\n\r\n" + string.Join(",", b.Values.Select(TestFiles.Quote)) + ",,\r\n";
        var path = TestFiles.Text(dir, "quoted.csv", text);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        var apps = result.Records.Cast<Application>().ToList();
        Assert.Equal(["A,1", "A-2"], apps.Select(x => x.ApplicationId));
        Assert.Equal(1250.5m, apps[0].CapacityKw);
        Assert.Equal("old \"7\", line two", apps[0].PreviousApplicationId);
    }

    [Fact]
    public void Row_numbers_count_records_as_Excel_shows_them()
    {
        using var dir = new TempFolder();
        var header = string.Join(",", TestFiles.Application().Keys);
        var a = TestFiles.Application("A-1").With("previous_application_id", "two\nlines");
        var b = TestFiles.Application("A-2").With("capacity_kw", "x");
        var path = TestFiles.Text(dir, "rows.csv", header + "\n" + string.Join(",", a.Values.Select(TestFiles.Quote)) + "\n" + string.Join(",", b.Values.Select(TestFiles.Quote)) + "\n");
        var errors = TestFiles.Read(dir, FilingKind.Applications, path).Errors;
        // The record spanning two lines is row 2 (where its line break is refused); the next one is row 3.
        Assert.Equal([(IngestErrorCode.InvalidText, 2), (IngestErrorCode.InvalidNumber, 3)], errors.Select(e => (e.Code, e.Row ?? 0)));
    }

    [Fact]
    public void Personal_data_never_reaches_the_record_in_clear()
    {
        using var dir = new TempFolder();
        var id = TestFiles.IdNumber("14100219850315421");
        var path = TestFiles.Csv(dir, "pd.csv",
        [
            TestFiles.Application("A-1").With("customer_name", "张三丰").With("id_number", id).With("phone", "13912345678"),
            TestFiles.Application("A-2").With("customer_name", "张三丰").With("id_number", id.ToLowerInvariant()).With("phone", ""),
            TestFiles.Application("A-3").With("customer_name", "李四").With("phone", "13800001111"),
        ]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        var apps = result.Records.Cast<Application>().ToList();

        foreach (var a in apps)
        {
            var text = string.Join("|", typeof(Application).GetProperties().Select(p => Convert.ToString(p.GetValue(a), System.Globalization.CultureInfo.InvariantCulture)));
            Assert.DoesNotContain("三丰", text, StringComparison.Ordinal);
            Assert.DoesNotContain("李四", text, StringComparison.Ordinal);
            Assert.DoesNotContain(id[..10], text, StringComparison.Ordinal);
            Assert.DoesNotContain("12345678", text, StringComparison.Ordinal);
            Assert.DoesNotContain("00001111", text, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{64}$", a.CustomerKey);
        }
        Assert.Equal(apps[0].CustomerKey, apps[1].CustomerKey);
        Assert.NotEqual(apps[0].CustomerKey, apps[2].CustomerKey);
        Assert.Equal("张*", apps[0].CustomerMask);
        Assert.Equal("李*", apps[2].CustomerMask);
        Assert.True(File.Exists(dir.KeyFile));
    }

    [Fact]
    public void Errors_on_personal_columns_mask_the_value_in_every_field()
    {
        using var dir = new TempFolder();
        const string bad = "141002198503154210";
        var path = TestFiles.Csv(dir, "pd-bad.csv", [TestFiles.Application().With("id_number", bad).With("customer_name", "王五")]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Applications, path));
        Assert.Equal(IngestErrorCode.InvalidIdNumber, e.Code);
        Assert.DoesNotContain(bad, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bad, e.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("王五", e.ToString(), StringComparison.Ordinal);
        Assert.Equal("1410**********4210", e.Value);
    }

    [Fact]
    public void A_file_without_personal_data_does_not_create_a_key_file()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "nopd.csv", [TestFiles.Application()]);
        Assert.Empty(TestFiles.Read(dir, FilingKind.Applications, path).Errors);
        Assert.False(File.Exists(dir.KeyFile));
    }

    [Fact]
    public void An_application_of_another_utility_may_reuse_an_id()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "ids.csv", [TestFiles.Application("A-1"), TestFiles.Application("A-1").With("utility", "sxdl-puxian").With("county", "puxian")]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);
        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public void A_duplicate_key_among_thousands_is_reported_with_both_rows_and_only_within_one_utility()
    {
        using var dir = new TempFolder();
        // Enough keys for the fingerprint table to grow several times; the duplicates name early and late rows.
        var rows = Enumerable.Range(1, 5_000).Select(i => (IReadOnlyDictionary<string, string>)TestFiles.Application($"A-{i}")).ToList();
        rows.Add(TestFiles.Application("A-7"));                                  // row 5002: A-7 is row 8
        rows.Add(TestFiles.Application("A-4999"));                               // row 5003: A-4999 is row 5000
        rows.Add(TestFiles.Application("A-7").With("utility", "sxdl-anze"));     // another utility: not a duplicate
        rows.Add(TestFiles.Application("A-7").With("utility", "sxdl-anze"));     // row 5005: duplicate of row 5004
        var path = TestFiles.Csv(dir, "dups.csv", rows);

        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        Assert.All(result.Errors, e => Assert.Equal((IngestErrorCode.DuplicateKey, "application_id"), (e.Code, e.Column)));
        Assert.Equal(
            [
                (5002, "sgcc-linfen 的工单 A-7 已在第 8 行出现，每张工单在一个文件中只能有一行。"),
                (5003, "sgcc-linfen 的工单 A-4999 已在第 5000 行出现，每张工单在一个文件中只能有一行。"),
                (5005, "sxdl-anze 的工单 A-7 已在第 5004 行出现，每张工单在一个文件中只能有一行。"),
            ],
            result.Errors.Select(e => (e.Row!.Value, e.Message)));
        Assert.Equal(5_001, result.Records.Count);
    }
}
