using System.Reflection;
using System.Text.RegularExpressions;
using Analytics.Domain.Messages;
using Analytics.Domain.Output;
using Analytics.Ingest.Tests.Messages;

namespace Analytics.Cli.Tests;

/// <summary>
/// The domain's and the store's messages (<see cref="DomainMessages"/>): both languages, the same placeholders, Chinese in
/// the Chinese; and the CLI prints them in the language asked for (calendar, ledger date, store, output file).
/// </summary>
public sealed class DomainMessageTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static IReadOnlyList<DomainTemplate> Entries() =>
        [.. typeof(DomainMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DomainTemplate)).Select(f => (DomainTemplate)f.GetValue(null)!)];

    private static IEnumerable<string> Placeholders(string template) =>
        Regex.Matches(template, @"\{([a-z][a-z0-9_]*)\}").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    [Fact]
    public void Every_domain_message_has_both_languages_with_its_placeholders_and_Chinese_in_the_Chinese()
    {
        var entries = Entries();
        Assert.True(entries.Count > 30, $"only {entries.Count} entries found");
        var problems = new List<string>();
        foreach (var dup in entries.GroupBy(e => e.Id).Where(g => g.Count() > 1)) problems.Add($"{dup.Key}: id used {dup.Count()} times");
        foreach (var e in entries)
        {
            if (!Regex.IsMatch(e.Id, @"^[a-z]+(\.[a-z0-9_]+)+$")) problems.Add($"{e.Id}: not a dotted lower-case id");
            if (string.IsNullOrWhiteSpace(e.Chinese) || string.IsNullOrWhiteSpace(e.English)) problems.Add($"{e.Id}: a language is missing");
            var declared = e.Parameters.Order(StringComparer.Ordinal).ToList();
            if (!Placeholders(e.Chinese).SequenceEqual(declared)) problems.Add($"{e.Id}: Chinese placeholders are not the parameters");
            if (!Placeholders(e.English).SequenceEqual(declared)) problems.Add($"{e.Id}: English placeholders are not the parameters");
            if (CatalogueChecks.EnglishLeftIn(e.Chinese) is { } why) problems.Add($"{e.Id}: {why}: {e.Chinese}");
            if (e.Chinese == e.English) problems.Add($"{e.Id}: not translated");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_bad_calendar_file_is_reported_in_Chinese_by_default_and_in_English_with_lang_en()
    {
        var path = _dir.File("cal.json");
        File.WriteAllText(path, "{ \"years\": { \"26\": {} } }");
        var zh = CliRunner.Run("calendar", "workdays", "2026-01-01", "2026-01-31", "--calendar", path);
        Assert.Equal(ExitCodes.BadInput, zh.ExitCode);
        Assert.Contains($"analytics: {path}：years.26：应为四位数的年份。", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("calendar", "workdays", "2026-01-01", "2026-01-31", "--calendar", path, "--lang", "en");
        Assert.Equal(ExitCodes.BadInput, en.ExitCode);
        Assert.Contains($"analytics: {path}: years.26: expected a four-digit year.", en.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_file_that_is_not_JSON_is_reported_in_the_language_asked_for()
    {
        var path = _dir.File("policy.json");
        File.WriteAllText(path, "{ not json");
        var zh = CliRunner.Run("metrics", "--year", "2026", "--policy", path, "--store", _dir.File("s.db"), "--key-file", _dir.File("k"));
        Assert.Equal(ExitCodes.BadInput, zh.ExitCode);
        Assert.Contains($"analytics: {path}：不是有效的 JSON：", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("--lang", "en", "metrics", "--year", "2026", "--policy", path, "--store", _dir.File("s.db"), "--key-file", _dir.File("k"));
        Assert.Equal(ExitCodes.BadInput, en.ExitCode);
        Assert.Contains($"analytics: {path}: not valid JSON: ", en.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_date_that_is_not_a_Thursday_names_the_nearest_Thursdays_in_either_language()
    {
        var zh = CliRunner.Run("ledger", "--all", "--date", "2026-11-25", "--store", _dir.File("s.db"), "--key-file", _dir.File("k"));
        Assert.Equal(ExitCodes.BadUsage, zh.ExitCode);
        Assert.Contains("--date：2026-11-25 是星期三，不是星期四：工作台账每周四报送。最近的星期四为 2026-11-19（之前）和 2026-11-26（之后）。", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("ledger", "--all", "--date", "2026-11-25", "--store", _dir.File("s.db"), "--key-file", _dir.File("k"), "--lang", "en");
        Assert.Equal(ExitCodes.BadUsage, en.ExitCode);
        Assert.Contains("--date: 2026-11-25 is a Wednesday, not a Thursday", en.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_that_is_not_a_database_is_unreachable_in_either_language()
    {
        var store = _dir.File("not-a-db.db");
        File.WriteAllText(store, new string('x', 4096));
        var zh = CliRunner.Run("metrics", "--year", "2026", "--store", store, "--key-file", _dir.File("k"));
        Assert.Equal(ExitCodes.StoreUnreachable, zh.ExitCode);
        Assert.Contains("该文件不是 analytics 的存储（不是 SQLite 数据库）", zh.Err, StringComparison.Ordinal);
        var en = CliRunner.Run("metrics", "--year", "2026", "--store", store, "--key-file", _dir.File("k"), "--lang", "en");
        Assert.Equal(ExitCodes.StoreUnreachable, en.ExitCode);
        Assert.Contains("the file is not an analytics store (not a SQLite database)", en.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_refusal_carries_both_languages()
    {
        var e = new OutputFileException("/tmp/x.pdf", DomainMessages.NotRegularFile.With(new DomainText("output.kind.folder", "文件夹", "a folder")), null);
        Assert.Equal("无法写入 /tmp/x.pdf：已存在且不是普通文件，而是文件夹，拒绝覆盖", e.Message);
        Assert.Equal("output.cannot_write", e.Text.Id);
        Assert.Equal("cannot write /tmp/x.pdf: exists and is not a regular file but a folder; refused", e.Text.English);
        Assert.Equal(e.Text.English, CliApp.MessageOf(e, Analytics.Ingest.Messages.MessageLanguage.English));
    }
}
