using Analytics.Ingest.Messages;
using Analytics.Ingest.Tests.Messages;

namespace Analytics.Cli.Tests;

/// <summary>Messages are Chinese by default and English with <c>--lang en</c>, in the same <c>FILE:ROW:COLUMN: message</c> frame.</summary>
public sealed class LanguageTests : IDisposable
{
    private const string Header = "application_id,utility,county,area,customer_type,voltage,capacity_kw,three_zero,channel,status,accepted_at,connected_at,customer_name,id_number,phone";

    private readonly TempDir _dir = new();
    private string Store => _dir.File("store.db");
    private string Key => _dir.File("customer.key");

    public void Dispose() => _dir.Dispose();

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", Key]);

    private string BadApplications()
    {
        var path = _dir.File("bad.csv");
        File.WriteAllText(path,
            Header + "\r\n" + "A1,sgcc-linfen,尧都县,urban,residential,lv,abc,Y,online,in_progress,2022-11-07 09:00,,,,\r\n");
        return path;
    }

    [Fact]
    public void Every_CLI_message_has_both_languages_with_the_same_placeholders_and_Chinese_in_the_Chinese()
    {
        Assert.True(CatalogueChecks.Entries(typeof(CliMessages)).Count > 50, "the CLI catalogue was not found whole");
        var problems = CatalogueChecks.Problems(typeof(CliMessages));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Ingest_errors_are_Chinese_by_default_in_the_frame_with_the_value()
    {
        var path = BadApplications();
        var r = Run("ingest", "applications", path);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains($"{path}:2:capacity_kw: “abc”不是数字，应为容量", r.Err, StringComparison.Ordinal);
        Assert.Contains($"{path}:2:county: “尧都县”不是登记的县（市、区）。您是否要输入“尧都区（yaodu）”？", r.Err, StringComparison.Ordinal);
        Assert.Contains($"{path}：共 2 处错误，未载入任何数据。", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a number", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Lang_en_gives_the_same_errors_in_English_in_the_same_frame()
    {
        var path = BadApplications();
        var r = Run("ingest", "applications", path, "--lang", "en");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains($"{path}:2:capacity_kw: \"abc\" is not a number; expected a capacity", r.Err, StringComparison.Ordinal);
        Assert.Contains($"{path}:2:county: \"尧都县\" is not a county of the registry. Did you mean 尧都区（yaodu）?", r.Err, StringComparison.Ordinal);
        Assert.Contains($"{path}: 2 error(s); nothing loaded.", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("不是数字", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "calendar", "workdays", "2026-13-01", "2026-12-31" }, "FROM：“2026-13-01”不是日期", "FROM: \"2026-13-01\" is not a date")]
    [InlineData(new[] { "metrics", "--year", "2022", "--county", "尧都县" }, "--county：“尧都县”不是本市的县（市、区）。是否指 尧都区（yaodu）？", "--county: \"尧都县\" is not a county of the city. Did you mean 尧都区 (yaodu)?")]
    [InlineData(new[] { "metrics", "--year", "2022", "--from", "2022-01-01" }, "--year 不能与 --from/--to 同时使用。", "--year cannot be combined with --from/--to.")]
    [InlineData(new[] { "ledger", "--date", "2026-11-26" }, "analytics ledger 须给出 --county C、--all 或 --city，且只能给出其一。", "ledger needs exactly one of --county C, --all or --city.")]
    [InlineData(new[] { "ingest", "bogus", "x.csv" }, "KIND：“bogus”不是可用的值，应为 applications、outages、customers、notes、ledger 之一。", "KIND: \"bogus\" is not one of applications, outages, customers, notes, ledger.")]
    public void Usage_errors_speak_the_language_asked_for(string[] args, string chinese, string english)
    {
        var zh = Run(args);
        Assert.Equal(ExitCodes.BadUsage, zh.ExitCode);
        Assert.Contains("analytics: " + chinese, zh.Err, StringComparison.Ordinal);
        var en = Run([.. args, "--lang", "en"]);
        Assert.Equal(ExitCodes.BadUsage, en.ExitCode);
        Assert.Contains("analytics: " + english, en.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(chinese, en.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parser_s_own_errors_follow_the_language_too()
    {
        var zh = CliRunner.Run("metrics", "--bogus");
        Assert.Equal(ExitCodes.BadUsage, zh.ExitCode);
        Assert.Contains("未识别命令或参数", zh.Err, StringComparison.Ordinal);
        Assert.Contains("运行 analytics --help 查看用法。", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("--lang=en", "metrics", "--bogus");
        Assert.Contains("Unrecognized command or argument", en.Err, StringComparison.Ordinal);
        Assert.Contains("Run 'analytics --help' for usage.", en.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    public void A_language_that_is_not_zh_or_en_is_a_usage_error(string lang)
    {
        var r = CliRunner.Run("calendar", "workdays", "2026-01-01", "2026-01-31", "--lang", lang);
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains($"analytics: --lang：“{lang}”不是可用的语言，应为 zh（中文）或 en（英文）。", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void The_load_summary_follows_the_language()
    {
        var path = _dir.File("good.csv");
        File.WriteAllText(path,
            Header + "\r\n" + "A1,sgcc-linfen,尧都区,urban,residential,lv,8,Y,online,in_progress,2022-11-07 09:00,,,,\r\n");
        var zh = Run("ingest", "applications", path);
        Assert.Equal(0, zh.ExitCode);
        Assert.Contains($"{path}：已载入 1 行，为第 1 号报送（数据截至 2022-11-07 09:00；新增或变更 1 行，未变 0 行）。", zh.Out, StringComparison.Ordinal);
        var en = Run("ingest", "applications", path, "--lang", "en");
        Assert.Contains($"{path}: already loaded as filing #1 on ", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_lang()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--lang", r.Out, StringComparison.Ordinal);
        Assert.Contains("zh（中文，默认）或 en（英文）", r.Out, StringComparison.Ordinal);
        Assert.Contains("ANALYTICS_LANG", r.Out, StringComparison.Ordinal);
        var en = CliRunner.Run("--help", "--lang", "en");
        Assert.Contains("zh (Chinese, the default) or en (English)", en.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--help" }, "把模板文件（CSV 或 XLSX）载入数据库", "Loads template files (CSV or XLSX) into the store")]
    [InlineData(new[] { "ingest", "--help" }, "载入正确的行，把错误的行连同原因写入", "Load the good rows and write the bad ones")]
    [InlineData(new[] { "metrics", "--help" }, "报告期第一天，yyyy-MM-dd。", "First day of the period, yyyy-MM-dd.")]
    public void Help_is_Chinese_by_default_and_English_with_lang_en(string[] args, string chinese, string english)
    {
        var zh = CliRunner.Run(args);
        Assert.Equal(0, zh.ExitCode);
        Assert.Contains(chinese, zh.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(english, zh.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", zh.Out, StringComparison.Ordinal);
        Assert.StartsWith("说明:", zh.Out, StringComparison.Ordinal);
        var en = CliRunner.Run([.. args, "--lang", "en"]);
        Assert.Equal(0, en.ExitCode);
        Assert.Contains(english, en.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(chinese, en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Chinese_help_description_is_Chinese_and_every_English_one_differs()
    {
        static IEnumerable<string> Descriptions(System.CommandLine.Command c) =>
            new[] { c.Description ?? "" }.Concat(c.Options.Select(o => o.Description ?? "")).Concat(c.Arguments.Select(a => a.Description ?? ""))
                .Concat(c.Subcommands.SelectMany(Descriptions));
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
            var zh = Descriptions(CliApp.BuildRoot(_ => throw new InvalidOperationException())).Where(d => d.Length > 0).ToList();
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            var en = Descriptions(CliApp.BuildRoot(_ => throw new InvalidOperationException())).Where(d => d.Length > 0).ToList();
            Assert.True(zh.Count > 80, $"only {zh.Count} descriptions");
            Assert.Equal(zh.Count, en.Count);
            var problems = zh.Where(d => !System.Text.RegularExpressions.Regex.IsMatch(d, CatalogueChecks.Chinese)).ToList();
            problems.AddRange(zh.Zip(en).Where(p => p.First == p.Second).Select(p => "not translated: " + p.First));
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    [Theory]
    [InlineData(new[] { "metrics", "--lang", "en" }, "en")]
    [InlineData(new[] { "--lang=zh", "metrics" }, "zh")]
    [InlineData(new[] { "--lang", "zh", "metrics", "--lang", "en" }, "en")]
    [InlineData(new[] { "metrics", "--", "--lang", "en" }, null)]
    [InlineData(new[] { "metrics" }, null)]
    public void The_language_is_read_before_parsing(string[] args, string? expected) =>
        Assert.Equal(expected, CliArgs.LanguageArgument(args));

    [Fact]
    public void The_option_wins_and_a_bad_value_falls_back_to_Chinese_with_an_error()
    {
        Assert.Equal(MessageLanguage.English, CliArgs.LanguageOf("en", out var none));
        Assert.Null(none);
        Assert.Equal(MessageLanguage.Chinese, CliArgs.LanguageOf("xx", out var error));
        Assert.Equal("cli.not_a_language", error!.Text.Id);
    }

    [Fact]
    public void Informational_lines_are_Chinese_by_default_and_English_with_lang_en()
    {
        var zh = CliRunner.Run("generate", "--applications", "20", "--outages", "3", "--out", _dir.File("zh"));
        Assert.Equal(0, zh.ExitCode);
        Assert.Matches(@"analytics: 样例数据生成完毕，用时 \d+\.\d 秒", zh.Err);
        Assert.Matches(@"\tapplications\t\d+ 行", zh.Out);
        Assert.DoesNotContain("generated in", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("--lang", "en", "generate", "--applications", "20", "--outages", "3", "--out", _dir.File("en"));
        Assert.Equal(0, en.ExitCode);
        Assert.Matches(@"analytics: generated in \d+\.\d s", en.Err);
        Assert.Matches(@"\tapplications\t\d+ rows", en.Out);
    }

    [Fact]
    public void The_risk_model_line_and_the_spot_check_errors_have_both_languages()
    {
        Assert.Equal("超期预警模型：已训练（存储中尚无模型；1.0 秒，已保存到存储，指纹 abc）；x",
            CliMessages.ModelTrained.With(CliMessages.ModelNoneStored.Text(), "1.0", CliMessages.ModelSaved, "abc", CliMessages.Verbatim.With("x")).Render(MessageLanguage.Chinese));
        Assert.Equal("early-warning model: trained (the store holds no model yet; 1.0 s, saved to the store, fingerprint abc); x",
            CliMessages.ModelTrained.With(CliMessages.ModelNoneStored.Text(), "1.0", CliMessages.ModelSaved, "abc", CliMessages.Verbatim.With("x")).Render(MessageLanguage.English));
        var missing = _dir.File("nowhere.xlsx");
        var zh = Run("spotcheck", "file", missing);
        Assert.Equal(ExitCodes.BadInput, zh.ExitCode);
        Assert.Contains($"{missing}:0:0: 文件不存在", zh.Err, StringComparison.Ordinal);
        var en = Run("spotcheck", "file", missing, "--lang", "en");
        Assert.Equal(ExitCodes.BadInput, en.ExitCode);
        Assert.Contains($"{missing}:0:0: the file does not exist", en.Err, StringComparison.Ordinal);
    }
}
