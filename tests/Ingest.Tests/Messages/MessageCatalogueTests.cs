using Analytics.Domain;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Tests.Messages;

public class MessageCatalogueTests
{
    [Fact]
    public void Every_ingest_message_has_both_languages_with_the_same_placeholders_and_Chinese_in_the_Chinese()
    {
        Assert.True(CatalogueChecks.Entries(typeof(IngestMessages)).Count > 120, "the ingest catalogue was not found whole");
        var problems = CatalogueChecks.Problems(typeof(IngestMessages));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("“{value}”必须大于 0。", null)]
    [InlineData("请先运行 analytics user add NAME --role bureau。", null)]
    [InlineData("{value}应在 {min} 至 {max} 之间。", null)]
    [InlineData("{column}{problem}", null)]
    [InlineData("是 ZIP 文件，但不是可读取的 Excel 工作簿（.xlsx）：{reason}", null)]
    [InlineData("{value} must be between {min} and {max}.", "English word(s): must be between and")]
    [InlineData("“{value}”不是数字; expected a number", "English word(s): expected a number")]
    [InlineData("abc", "English word(s): abc")]
    public void The_check_for_English_in_Chinese_texts_catches_English(string chinese, string? expected) =>
        Assert.Equal(expected, CatalogueChecks.EnglishLeftIn(chinese));

    [Fact]
    public void A_template_with_a_placeholder_missing_in_one_language_is_caught()
    {
        var bad = new MessageTemplate<int, int>("test.bad", "min", "max", "应在 {min} 至 {max} 之间。", "must be at least {min}.");
        Assert.Equal(["min"], MessageTemplate.Placeholders(bad.English));
        Assert.Equal(["min", "max"], MessageTemplate.Placeholders(bad.Chinese));
    }

    [Fact]
    public void Arguments_are_typed_and_rendered_in_each_language()
    {
        var m = IngestMessages.CountBetween.With(new Localized("“0”", "\"0\""), 1, int.MaxValue);
        Assert.Equal("row.count_between", m.Id);
        Assert.Equal("“0”应在 1 至 2147483647 之间。", m.Render(MessageLanguage.Chinese));
        Assert.Equal("\"0\" must be between 1 and 2147483647.", m.Render(MessageLanguage.English));
        Assert.Equal(m.Render(MessageLanguage.Chinese), m.ToString());
        Assert.Throws<ArgumentException>(() => m.ArgText("nothing"));
        Assert.Equal("2147483647", m.ArgText("max"));
    }

    [Fact]
    public void Lists_and_nested_messages_follow_the_language()
    {
        var m = IngestMessages.LedgerMissingHeaders.With(ListText.Of(["任务", "状态"]), ListText.Of(["a", "b", "c"]));
        Assert.Equal("表头行缺少任务、状态；应有以下各列：a、b、c。", m.Render(MessageLanguage.Chinese));
        Assert.Equal("the header row lacks 任务, 状态; expected the columns a, b, c.", m.Render(MessageLanguage.English));
        var nested = IngestMessages.ImpossibleDateTime.With(Localized.Same("“2021-02-30”"), IngestMessages.DaysInMonth.With("2021-02", 28));
        Assert.Equal("“2021-02-30”不是真实存在的日期时间：2021-02 只有 28 天。", nested.ToString());
        Assert.EndsWith("is not a real date-time: 2021-02 has 28 days.", nested.Render(MessageLanguage.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", MessageLanguage.Chinese)]
    [InlineData("zh-CN", MessageLanguage.Chinese)]
    [InlineData("zh_CN.UTF-8", MessageLanguage.Chinese)]
    [InlineData("EN", MessageLanguage.English)]
    [InlineData("en_US.UTF-8", MessageLanguage.English)]
    public void Language_names_are_read_as_people_and_locales_write_them(string text, MessageLanguage expected)
    {
        Assert.True(MessageLanguages.TryParse(text, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("english please")]
    public void Other_languages_are_not_taken(string text) => Assert.False(MessageLanguages.TryParse(text, out _));

    [Fact]
    public void A_row_error_keeps_its_frame_and_value_in_both_languages()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "apps.csv", [TestFiles.Application().With("capacity_kw", "about 250").With("county", "尧都县")]);
        var result = TestFiles.Read(dir, FilingKind.Applications, path);

        var number = Assert.Single(result.Errors, e => e.Code == IngestErrorCode.InvalidNumber);
        Assert.Equal("row.invalid_number", number.MessageId);
        Assert.Equal($"{path}:2:capacity_kw: “about 250”不是数字，应为容量，如 250、250kW 或 1,250 kVA（“.”为小数点）。", number.ToString());
        Assert.Equal($"{path}:2:capacity_kw: \"about 250\" is not a number; expected a capacity such as 250, 250kW or 1,250 kVA (\".\" is the decimal point).",
            number.ToString(MessageLanguage.English));

        // A near miss is named first, in either language.
        var county = Assert.Single(result.Errors, e => e.Code == IngestErrorCode.UnknownCounty);
        Assert.StartsWith($"{path}:2:county: “尧都县”不是登记的县（市、区）。您是否要输入“尧都区（yaodu）”？可填代码或名称：", county.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"{path}:2:county: \"尧都县\" is not a county of the registry. Did you mean 尧都区（yaodu）? Accepted", county.ToString(MessageLanguage.English), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "in_progres", "在途（in_progress）")]
    [InlineData("area", "rurl", "农村（rural）")]
    public void A_near_miss_code_is_named_before_the_accepted_values(string column, string typed, string suggested)
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "apps.csv", [TestFiles.Application().With(column, typed)]);
        var e = Assert.Single(TestFiles.Read(dir, FilingKind.Applications, path).Errors, e => e.Code == IngestErrorCode.UnknownValue);
        Assert.StartsWith($"{path}:2:{column}: “{typed}”不是可填的值。您是否要输入“{suggested}”？可填：", e.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"{path}:2:{column}: \"{typed}\" is not an accepted value. Did you mean {suggested}? Accepted: ", e.ToString(MessageLanguage.English),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_like_no_code_gets_no_suggestion()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "apps.csv", [TestFiles.Application().With("area", "郊外山区乡镇")]);
        var e = Assert.Single(TestFiles.Read(dir, FilingKind.Applications, path).Errors, e => e.Code == IngestErrorCode.UnknownValue);
        Assert.StartsWith($"{path}:2:area: “郊外山区乡镇”不是可填的值。可填：", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_out_of_range_reads_as_a_Chinese_official_writes_it()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "outages.csv", [TestFiles.Outage(customers: "0")]);
        var e = TestFiles.OnlyError(TestFiles.Read(dir, FilingKind.Outages, path));
        Assert.Equal((IngestErrorCode.OutOfRange, "row.count_between"), (e.Code, e.MessageId));
        Assert.EndsWith(": “0”应在 1 至 2147483647 之间。", e.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(": \"0\" must be between 1 and 2147483647.", e.ToString(MessageLanguage.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_Chinese_by_default_and_English_on_request()
    {
        using var dir = new TempFolder();
        var path = TestFiles.Csv(dir, "extra.csv", [TestFiles.Application().With("remark", "x")]);
        var w = Assert.Single(TestFiles.Read(dir, FilingKind.Applications, path).Warnings);
        Assert.Equal($"{path}: 警告: 以下列不在模板中，已忽略：“remark”。", w.ToString());
        Assert.Equal($"{path}: warning: columns not in the template, ignored: \"remark\".", w.ToString(MessageLanguage.English));
    }
}
