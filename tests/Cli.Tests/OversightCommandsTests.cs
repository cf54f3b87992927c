using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Domain.Storage;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;
using Analytics.Oversight.Forensics;
using Analytics.Reports.Oversight;
using Analytics.Oversight.SpotChecks;
using ClosedXML.Excel;
using UglyToad.PdfPig;

namespace Analytics.Cli.Tests;

/// <summary>
/// The oversight commands end to end (issue 16, cli.md §6): spotcheck draw and file, forensics, rectify, and what they
/// put into the county ledger's 问题清单, the city roll-up and the circular.
/// </summary>
public sealed partial class OversightCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs with the clock at <paramref name="now"/> (China local time).</summary>
    private CliRunner.Result At(DateTime now, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = CliApp.Run([.. args, "--store", Store, "--key-file", _dir.File("key")], o, e, () => now);
        return new CliRunner.Result(code, o.ToString(), e.ToString());
    }

    private static readonly DateTime Nov20 = new(2026, 11, 20, 9, 0, 0);
    private static readonly DateTime Nov22 = new(2026, 11, 22, 15, 0, 0);

    private void Load(int applications = 1500)
    {
        var data = _dir.File("data");
        Assert.Equal(0, At(Nov20, "generate", "--applications", applications.ToString(System.Globalization.CultureInfo.InvariantCulture), "--outages", "0", "--seed", "11", "--out", data).ExitCode);
        Assert.Equal(0, At(Nov20, "ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-25").ExitCode);
    }

    private string Draw(DateTime at, int seed, string name)
    {
        var r = At(at, "spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", _dir.File(name));
        Assert.True(r.ExitCode == 0, r.Err);
        return r.Out;
    }

    private static List<string> Keys(string path)
    {
        using var wb = new XLWorkbook(path);
        var ws = wb.Worksheet(SpotCheckForm.ListSheet);
        return [.. Enumerable.Range(2, ws.LastRowUsed()!.RowNumber() - 1).Select(r => ws.Cell(r, SpotCheckForm.KeyColumn).GetString())];
    }

    private static void Fill(string path, Action<IXLWorksheet> fill)
    {
        using var wb = new XLWorkbook(path);
        fill(wb.Worksheet(SpotCheckForm.ListSheet));
        wb.Save();
    }

    private static string SheetText(string path, string sheet)
    {
        using var wb = new XLWorkbook(path);
        return string.Join("\n", wb.Worksheet(sheet).RowsUsed().Select(r => string.Join("\t", r.CellsUsed().Select(c => c.GetString()))));
    }

    [Fact]
    public void The_same_seed_draws_the_same_sample_and_the_seed_and_the_risk_draws_are_stated()
    {
        Load();
        var first = Draw(Nov20, 4242, "a.xlsx");
        Assert.Contains("种子 4242", first, StringComparison.Ordinal);
        Assert.Contains("风险加抽", first, StringComparison.Ordinal);
        // Another day, same seed: another batch id, the same applications in the same order.
        Draw(Nov22, 4242, "b.xlsx");
        var a = Keys(_dir.File("a.xlsx"));
        Assert.NotEmpty(a);
        Assert.Equal(a, Keys(_dir.File("b.xlsx")));
        Draw(Nov22, 4243, "c.xlsx");
        Assert.NotEqual(a, Keys(_dir.File("c.xlsx")));
        // The published rule in the workbook says how the risk draws were made, and the seed.
        var published = SheetText(_dir.File("a.xlsx"), SpotCheckForm.PublicSheet);
        Assert.Contains("风险加抽", published, StringComparison.Ordinal);
        Assert.Contains("随机数种子 4242", published, StringComparison.Ordinal);
        // Same day, same seed: the batch exists; a user's mistake, exit 1.
        var again = At(Nov20, "spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--seed", "4242", "--out", _dir.File("d.xlsx"));
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
    }

    private CliRunner.Result DrawJson(DateTime at, string name) =>
        At(at, "spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--seed", "7", "--out", _dir.File(name), "--format", "json");

    private static List<string> Drawn(JsonElement root) =>
        [.. root.GetProperty("strata").EnumerateArray().SelectMany(s => s.GetProperty("applications").EnumerateArray())
            .Select(a => a.GetProperty("utility").GetString() + "/" + a.GetProperty("application_id").GetString() + "/" + a.GetProperty("draw").GetString())];

    [Fact]
    public void The_draw_scores_the_register_with_the_stored_model_states_it_reproduces_from_its_seed_and_without_a_model_says_so()
    {
        // Enough applications for strata larger than the base sample (risk draws) and a model whose scores differ.
        Load(6000);
        // No model stored yet: the draw says so (JSON, workbook) and draws on the other criteria.
        var none = DrawJson(Nov20, "n.xlsx");
        Assert.True(none.ExitCode == 0, none.Err);
        List<string> withoutModel;
        using (var j = JsonDocument.Parse(none.Out))
        {
            var m = j.RootElement.GetProperty("model_risk");
            Assert.False(m.GetProperty("available").GetBoolean());
            Assert.Contains("没有按当前数据训练的超期预警模型", m.GetProperty("statement").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, m.GetProperty("scored").GetInt32());
            Assert.NotEmpty(j.RootElement.GetProperty("strata").EnumerateArray());
            Assert.Contains("本次未按模型风险加抽", j.RootElement.GetProperty("method").GetString(), StringComparison.Ordinal);
            withoutModel = Drawn(j.RootElement);
        }
        Assert.Contains("本次未按模型风险加抽", SheetText(_dir.File("n.xlsx"), SpotCheckForm.PublicSheet), StringComparison.Ordinal);

        // risk trains the model of the current data and keeps it; the next draw loads it and scores the register.
        var risk = At(Nov20, "risk");
        Assert.True(risk.ExitCode == 0, risk.Err);
        var first = DrawJson(Nov22, "a.xlsx");
        Assert.True(first.ExitCode == 0, first.Err);
        using var a = JsonDocument.Parse(first.Out);
        var model = a.RootElement.GetProperty("model_risk");
        Assert.True(model.GetProperty("available").GetBoolean());
        var fingerprint = model.GetProperty("fingerprint").GetString()!;
        Assert.Equal(64, fingerprint.Length);
        Assert.Equal("end_of_accepted_day", model.GetProperty("moment").GetString());
        Assert.Equal(0.1, model.GetProperty("top_share").GetDouble());
        var threshold = model.GetProperty("threshold").GetDouble();
        var median = model.GetProperty("median").GetDouble();
        var scored = model.GetProperty("scored").GetInt32();
        Assert.True(scored > 0);
        var apps = a.RootElement.GetProperty("strata").EnumerateArray().SelectMany(s => s.GetProperty("applications").EnumerateArray()).ToList();
        Assert.Contains(apps, x => x.GetProperty("model_probability").ValueKind == JsonValueKind.Number);
        foreach (var x in apps)
        {
            var p = x.GetProperty("model_probability");
            var reasons = x.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
            // Rounded to 4 places in the JSON, like the threshold: the comparison holds on the rounded values too.
            var high = p.ValueKind == JsonValueKind.Number && p.GetDouble() >= threshold && p.GetDouble() > median;
            Assert.Equal(high, reasons.Contains("model_risk"));
        }
        var highCount = model.GetProperty("high").GetInt32();
        Assert.Equal(a.RootElement.GetProperty("strata").EnumerateArray().Sum(s => s.GetProperty("model_risky").GetInt32()), highCount);
        // The top tenth of the register (and ties at its line), above the median: some, never most; some of them drawn as risk draws.
        Assert.InRange(highCount, 1, scored / 2);
        Assert.Contains(apps, x => x.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == "model_risk") && x.GetProperty("draw").GetString() == "risk");
        // The base sample does not depend on the risk criteria: the random draws are those drawn without the model.
        Assert.Equal(withoutModel.Where(x => x.EndsWith("/random", StringComparison.Ordinal)), Drawn(a.RootElement).Where(x => x.EndsWith("/random", StringComparison.Ordinal)));
        Assert.Contains(fingerprint[..12], SheetText(_dir.File("a.xlsx"), SpotCheckForm.PublicSheet), StringComparison.Ordinal);

        // Same seed, same data, same stored model, another day: the same draw.
        var again = At(new DateTime(2026, 11, 23, 10, 0, 0), "spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--seed", "7",
            "--out", _dir.File("b.xlsx"), "--format", "json");
        Assert.True(again.ExitCode == 0, again.Err);
        using var b = JsonDocument.Parse(again.Out);
        Assert.Equal(Drawn(a.RootElement), Drawn(b.RootElement));
        Assert.Equal(Keys(_dir.File("a.xlsx")), Keys(_dir.File("b.xlsx")));
    }

    [Fact]
    public void The_demo_exercises_the_oversight_and_its_ledgers_and_circular_carry_it()
    {
        var dir = _dir.File("demo");
        using var o = new StringWriter();
        using var e = new StringWriter();
        Assert.True(CliApp.Run(["demo", "--applications", "3000", "--outages", "10", "--out", dir], o, e, () => Nov20) == 0, e.ToString());
        var output = o.ToString();
        Assert.Matches(@"监督检查：抽查、现场核查结果、整改：抽查批次 2026-04-01-189：抽取 \d+ 件", output);
        var reports = Path.Combine(dir, "reports");
        Assert.True(File.Exists(Path.Combine(reports, "抽查_2026-04-01-189.xlsx")));
        // The circular's 监督检查 section: the half's spot checks, the forensics, the rectification ledger with its overdue item.
        using (var doc = PdfDocument.Open(Path.Combine(reports, "通报_临汾市_2026H1.pdf")))
        {
            var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
            Assert.Contains("监督检查发现的问题", text, StringComparison.Ordinal);
            Assert.Contains("双随机抽查", text, StringComparison.Ordinal);
            Assert.Contains("数据造假风险检验", text, StringComparison.Ordinal);
            Assert.Contains("超过完成时限仍未销号1项", text, StringComparison.Ordinal);
        }
        // The roll-up's 整改逾期 sheet lists the item still open; its county's 问题清单 carries it and the week's field results.
        var roll = Directory.GetFiles(reports, "工作台账_临汾市汇总_*.xlsx").Single();
        var overdue = SheetText(roll, "整改逾期");
        Assert.Contains("现场核查：工单", overdue, StringComparison.Ordinal);
        var store = Path.Combine(dir, "analytics-demo.db");
        using (var s = Analytics.Store.StoreFactory.Open(store))
        {
            var items = ((IOversightStore)s).Rectifications();
            Assert.Equal(2, items.Count);
            var open = items.Single(i => i.Status != RectificationStatus.Closed);
            var countyName = Analytics.Domain.Registry.Registries.Default.County(open.County!).Name;
            var countyLedger = Directory.GetFiles(reports, $"工作台账_{countyName}_*.xlsx").Single();
            Assert.Contains("rectification_overdue", SheetText(countyLedger, "问题清单"), StringComparison.Ordinal);
            Assert.Equal([RectificationAction.Added, RectificationAction.Updated, RectificationAction.FollowUpFailed],
                ((IOversightStore)s).RectificationHistory(open.Id).Select(h => h.Action));
        }
        Assert.Contains(Directory.GetFiles(reports, "工作台账_*.xlsx"), f => SheetText(f, "问题清单").Contains("field_discrepancy", StringComparison.Ordinal));
    }

    [Fact]
    public void A_filed_discrepancy_becomes_a_finding_and_a_stratum_rate_in_that_countys_ledger_only()
    {
        Load();
        Draw(Nov20, 7, "draw.xlsx");
        string county = "", key = "";
        Fill(_dir.File("draw.xlsx"), ws =>
        {
            county = ws.Cell(2, 2).GetString();
            key = ws.Cell(2, SpotCheckForm.KeyColumn).GetString();
            ws.Cell(2, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Discrepant;
            ws.Cell(2, SpotCheckForm.ItemColumn).Value = "收费";
            ws.Cell(2, SpotCheckForm.CustomerColumn).Value = "客户称另付 300 元";
            ws.Cell(3, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Verified;
        });
        var filed = At(Nov22, "spotcheck", "file", _dir.File("draw.xlsx"));
        Assert.True(filed.ExitCode == 0, filed.Err);
        Assert.Contains("不一致 1 项", filed.Out, StringComparison.Ordinal);

        // The ledger of the week the result was filed in (Thursday 2026-11-26: 11-19 … 11-25).
        var ledger = At(Nov22, "ledger", "--county", county, "--date", "2026-11-26", "--no-risk", "--out", _dir.File("ledgers"));
        Assert.True(ledger.ExitCode == 0, ledger.Err);
        var issues = SheetText(ledger.Out.Trim(), "问题清单");
        var appId = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var line = issues.Split('\n').Single(l => l.Contains("field_discrepancy", StringComparison.Ordinal));
        Assert.Contains(appId, line, StringComparison.Ordinal);
        Assert.Contains("客户所述为“客户称另付 300 元”", line, StringComparison.Ordinal);
        var rate = issues.Split('\n').Single(l => l.Contains("spotcheck_rate", StringComparison.Ordinal) && l.Contains("不一致1件", StringComparison.Ordinal));
        Assert.Matches(RateLine(), rate);

        // Another county's ledger does not carry it.
        var other = county == "尧都区" ? "洪洞县" : "尧都区";
        var otherLedger = At(Nov22, "ledger", "--county", other, "--date", "2026-11-26", "--no-risk", "--out", _dir.File("ledgers"));
        Assert.Equal(0, otherLedger.ExitCode);
        Assert.DoesNotContain(appId + "\t", SheetText(otherLedger.Out.Trim(), "问题清单"), StringComparison.Ordinal);
        Assert.DoesNotContain("不一致1件", SheetText(otherLedger.Out.Trim(), "问题清单"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"已核查\d+件，不一致1件，不一致率\d+\.\d%，单侧95%置信上限\d+\.\d%")]
    private static partial Regex RateLine();

    [Fact]
    public void A_bad_results_file_exits_1_with_located_errors_and_leaves_the_store_unchanged()
    {
        Load();
        Draw(Nov20, 8, "draw.xlsx");
        Fill(_dir.File("draw.xlsx"), ws =>
        {
            ws.Cell(2, SpotCheckForm.ResultColumn).Value = "也许";
            ws.Cell(3, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Discrepant;
            ws.Cell(3, SpotCheckForm.ItemColumn).Value = "收费";
            ws.Cell(4, SpotCheckForm.ResultColumn).Value = SpotCheckForm.Verified;
        });
        var r = At(Nov22, "spotcheck", "file", _dir.File("draw.xlsx"));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains($"draw.xlsx:2:{SpotCheckForm.ResultColumn}: ", r.Err, StringComparison.Ordinal);
        Assert.Contains($"draw.xlsx:3:{SpotCheckForm.CustomerColumn}: ", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        // Row 4 was fine, yet nothing was taken.
        using var store = Analytics.Store.StoreFactory.Open(Store);
        Assert.Empty(((IOversightStore)store).SpotCheckResults());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("2026-01-01", "2026-06-30")]
    [InlineData("2026-03-01", null)]
    public void Forensics_streamed_from_the_store_is_the_engines_answer_over_every_record(string? from, string? to)
    {
        Load();
        string[] period = [.. from is null ? [] : new[] { "--from", from }, .. to is null ? [] : new[] { "--to", to }];
        var r = At(Nov22, ["forensics", .. period, "--format", "json"]);
        Assert.True(r.ExitCode == 0, r.Err);

        // What the command computed before issue 12: the engine's answer over every record loaded, then the tests.
        string expected;
        using (var store = Analytics.Store.StoreFactory.Open(Store))
        {
            var data = RecordSnapshot.Load(store, null);
            var asOf = data.DataThrough!.Value;
            var range = new PeriodRequest(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
                to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), AllData: true).Resolve(data, asOf);
            var result = MetricsEngine.Compute(MetricsInput.Of(data, Policy.Default, WorkingDayCalendar.Default, range, asOf));
            using var ms = new MemoryStream();
            ForensicsJsonWriter.Write(GamingForensics.Run(result, WorkingDayCalendar.Default), ms);
            expected = System.Text.Encoding.UTF8.GetString(ms.ToArray());
        }
        Assert.Equal(expected.Trim(), r.Out.Trim());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.NotEmpty(doc.RootElement.EnumerateArray());
    }

    [Fact]
    public void Forensics_json_has_the_fields_of_cli_md_section_6()
    {
        Load();
        var r = At(Nov22, "forensics", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.NotEmpty(doc.RootElement.EnumerateArray());
        string[] tests = ["bunching", "non_working_day", "off_hours", "identical_durations", "deadline_burst", "pause_to_limit"];
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            Assert.Contains(e.GetProperty("test").GetString(), tests);
            foreach (var name in new[] { "target", "utility", "county" })
                Assert.True(e.GetProperty(name).ValueKind is JsonValueKind.String or JsonValueKind.Null, name);
            Assert.True(e.GetProperty("flag").ValueKind is JsonValueKind.True or JsonValueKind.False);
            var p = e.GetProperty("p_value").GetDouble();
            Assert.InRange(p, 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("evidence").GetString()));
        }
        // Bunching is per day target; every test names a utility or a county.
        Assert.All(doc.RootElement.EnumerateArray().Where(e => e.GetProperty("test").GetString() == "bunching"),
            e => Assert.Equal(JsonValueKind.String, e.GetProperty("target").ValueKind));
    }

    [Fact]
    public void A_rectification_item_goes_through_its_life_and_its_overdue_days_reach_the_ledgers()
    {
        Load();
        var add = At(Nov20, "rectify", "add", "--problem", "收费与客户所述不一致", "--unit", "国网临汾", "--deadline", "2026-11-10",
            "--measures", "退还多收费用并通报", "--county", "尧都区", "--utility", "国网临汾", "--by", "张局");
        Assert.True(add.ExitCode == 0, add.Err);
        var id = add.Out.Trim();
        var later = At(Nov20, "rectify", "add", "--problem", "暂停压线", "--unit", "洪洞县", "--deadline", "2026-12-31", "--measures", "逐件核查", "--county", "洪洞县");
        var laterId = later.Out.Trim();

        var overdue = At(Nov22, "rectify", "list", "--overdue", "--today", "2026-11-22");
        Assert.Equal(0, overdue.ExitCode);
        Assert.Contains("收费与客户所述不一致", overdue.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("暂停压线", overdue.Out, StringComparison.Ordinal);

        // Overdue on the week's last day: in 尧都区's 问题清单 (not 洪洞县's) and on the city roll-up's 整改逾期.
        var county = At(Nov22, "ledger", "--county", "尧都区", "--date", "2026-11-26", "--no-risk", "--out", _dir.File("l"));
        Assert.True(county.ExitCode == 0, county.Err);
        Assert.Contains("rectification_overdue", SheetText(county.Out.Trim(), "问题清单"), StringComparison.Ordinal);
        var hongtong = At(Nov22, "ledger", "--county", "洪洞县", "--date", "2026-11-26", "--no-risk", "--out", _dir.File("l"));
        Assert.DoesNotContain("rectification_overdue", SheetText(hongtong.Out.Trim(), "问题清单"), StringComparison.Ordinal);
        var city = At(Nov22, "ledger", "--city", "--date", "2026-11-26", "--out", _dir.File("l"));
        Assert.True(city.ExitCode == 0, city.Err);
        var sheet = SheetText(city.Out.Trim(), "整改逾期");
        Assert.Contains("尧都区·国网临汾供电公司1项", sheet, StringComparison.Ordinal);
        Assert.Contains("收费与客户所述不一致", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("暂停压线", sheet, StringComparison.Ordinal);

        // The follow-up check finds the problem still there: it stays open (整改中) and overdue.
        var notYet = At(Nov22, "rectify", "close", id, "--checked-on", "2026-11-22", "--finding", "尚未退费", "--not-resolved", "--by", "检查员甲");
        Assert.Equal(0, notYet.ExitCode);
        Assert.Contains("整改中", notYet.Out, StringComparison.Ordinal);
        Assert.Contains("收费与客户所述不一致", At(Nov22, "rectify", "list", "--overdue", "--today", "2026-11-22").Out, StringComparison.Ordinal);
        // Found gone: closed (已销号), no longer overdue, and it cannot be closed or updated again.
        var done = At(Nov22.AddHours(2), "rectify", "close", id, "--checked-on", "2026-11-23", "--finding", "已退费", "--resolved", "--by", "检查员乙");
        Assert.Contains("已销号", done.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("收费与客户所述不一致", At(Nov22, "rectify", "list", "--overdue", "--today", "2026-11-22").Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, At(Nov22, "rectify", "close", id, "--checked-on", "2026-11-24", "--finding", "x", "--resolved").ExitCode);
        Assert.Equal(ExitCodes.BadInput, At(Nov22, "rectify", "update", id, "--measures", "x").ExitCode);
        Assert.Equal(0, At(Nov22, "rectify", "update", laterId, "--measures", "已约谈").ExitCode);
        var closedLedger = At(Nov22, "ledger", "--county", "尧都区", "--date", "2026-11-26", "--no-risk", "--out", _dir.File("l2"));
        Assert.DoesNotContain("rectification_overdue", SheetText(closedLedger.Out.Trim(), "问题清单"), StringComparison.Ordinal);

        // rectify show: the item and its history, oldest first — who, when, what, the status left; refused changes left nothing.
        var show = At(Nov22, "rectify", "show", id);
        Assert.True(show.ExitCode == 0, show.Err);
        var lines = show.Out.Split('\n').SkipWhile(l => !l.StartsWith("# 状态变更记录", StringComparison.Ordinal)).Skip(2)
            .Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        Assert.Contains("# 状态变更记录（3 条）", show.Out, StringComparison.Ordinal);
        Assert.Equal(["2026-11-20 09:00:00", "2026-11-22 15:00:00", "2026-11-22 17:00:00"], lines.Select(l => l[0]));
        Assert.Equal(["张局", "检查员甲", "检查员乙"], lines.Select(l => l[1]));
        Assert.Equal(["立项", "回头看未通过", "销号"], lines.Select(l => l[2]));
        Assert.Equal(["待整改", "整改中", "已销号"], lines.Select(l => l[3]));
        Assert.Contains("尚未退费", lines[1][4], StringComparison.Ordinal);
        Assert.Contains("已退费", lines[2][4], StringComparison.Ordinal);
        // Without --by the operator's account is kept.
        var updated = At(Nov22, "rectify", "show", laterId);
        Assert.Contains("命令行用户 " + Environment.UserName, updated.Out, StringComparison.Ordinal);
        Assert.Contains("整改措施 逐件核查 → 已约谈", updated.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, At(Nov22, "rectify", "show", "999").ExitCode);
    }

    [Fact]
    public void A_county_reports_progress_on_its_open_items_through_its_ledger_and_rectify_list_shows_it()
    {
        Load();
        string Add(string problem, string county)
        {
            var r = At(Nov20, "rectify", "add", "--problem", problem, "--unit", county, "--deadline", "2026-12-31", "--measures", "逐件核查", "--county", county);
            Assert.True(r.ExitCode == 0, r.Err);
            return r.Out.Trim();
        }
        var ours = Add("暂停压线待核查", "尧都区");
        var closed = Add("收费不一致已退还", "尧都区");
        var theirs = Add("洪洞县资料缺失", "洪洞县");
        Assert.Equal(0, At(Nov20, "rectify", "close", closed, "--checked-on", "2026-11-21", "--finding", "已退费", "--resolved").ExitCode);

        // The ledger lists the county's open items only, under 整改N with the problem as the title.
        var ledger = At(Nov22, "ledger", "--county", "尧都区", "--date", "2026-11-26", "--no-risk", "--out", _dir.File("l"));
        Assert.True(ledger.ExitCode == 0, ledger.Err);
        var path = ledger.Out.Trim();
        using (var wb = new XLWorkbook(path))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().Single(x => x.Cell(2).GetString() == "整改" + ours);
            Assert.Equal("暂停压线待核查", row.Cell(3).GetString());
            Assert.DoesNotContain(progress.RowsUsed(), x => x.Cell(2).GetString() == "整改" + closed || x.Cell(2).GetString() == "整改" + theirs);
            row.Cell(4).Value = "已核查12件，退回3件";
            row.Cell(5).Value = "推进中";
            row.Cell(6).Value = "2件客户联系不上";
            LedgerSignature.Sign(progress, new DateTime(2026, 11, 26));
            wb.Save();
        }
        File.Copy(path, _dir.File("bad.xlsx"));
        File.Copy(path, _dir.File("other.xlsx"));
        // A malformed key is a located error, nothing is loaded.
        using (var wb = new XLWorkbook(_dir.File("bad.xlsx")))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().Single(x => x.Cell(2).GetString() == "整改" + ours);
            row.Cell(2).Value = "整改x";
            wb.Save();
            var bad = At(Nov22, "ingest", "ledger", _dir.File("bad.xlsx"));
            Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[工作进展]:{row.RowNumber()}:"), bad.Err, StringComparison.Ordinal);
            Assert.Contains("整改x", bad.Err, StringComparison.Ordinal);
        }
        // Another county's item is refused at its row (the store check at ingest).
        using (var wb = new XLWorkbook(_dir.File("other.xlsx")))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().Single(x => x.Cell(2).GetString() == "整改" + ours);
            row.Cell(2).Value = "整改" + theirs;
            wb.Save();
            var other = At(Nov22, "ingest", "ledger", _dir.File("other.xlsx"));
            Assert.Equal(ExitCodes.BadInput, other.ExitCode);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[工作进展]:{row.RowNumber()}:"), other.Err, StringComparison.Ordinal);
            Assert.Contains("不属于尧都区", other.Err, StringComparison.Ordinal);
        }
        // An id the rectification ledger does not have is refused at its row too.
        File.Copy(path, _dir.File("unknown.xlsx"));
        using (var wb = new XLWorkbook(_dir.File("unknown.xlsx")))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().Single(x => x.Cell(2).GetString() == "整改" + ours);
            row.Cell(2).Value = "整改9999";
            wb.Save();
            var unknown = At(Nov22, "ingest", "ledger", _dir.File("unknown.xlsx"));
            Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
            Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[工作进展]:{row.RowNumber()}:"), unknown.Err, StringComparison.Ordinal);
            Assert.Contains("没有编号为 9999 的事项", unknown.Err, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("已核查12件", At(Nov22, "rectify", "list").Out, StringComparison.Ordinal);

        var filed = At(Nov22, "ingest", "ledger", path);
        Assert.True(filed.ExitCode == 0, filed.Err);
        var list = At(Nov22, "rectify", "list", "--today", "2026-11-27");
        Assert.Equal(0, list.ExitCode);
        var line = list.Out.Split('\n').Single(l => l.Contains("暂停压线待核查", StringComparison.Ordinal));
        Assert.Contains("2026-11-26 推进中：已核查12件，退回3件（存在问题：2件客户联系不上）", line, StringComparison.Ordinal);
        // Reporting progress never closes the item: it is still 待整改 until rectify close.
        Assert.Contains("待整改", line, StringComparison.Ordinal);
        // Its history shows the ledger's report, by the ledger's 填报人 (masked), changing nothing.
        var shown = At(Nov22, "rectify", "show", ours).Out.Split('\n').Single(l => l.Contains("台账报送", StringComparison.Ordinal)).Split('\t');
        Assert.Equal(Analytics.Domain.PersonalDataMask.Name(LedgerSignature.FiledBy), shown[1]);
        Assert.Equal("（不改变事项）", shown[3]);
        Assert.Contains("2026-11-26 工作台账 推进中：已核查12件，退回3件（存在问题：2件客户联系不上）", shown[4], StringComparison.Ordinal);

        // The city roll-up's 工作进展 shows the row with the item's problem; the ledger regenerated pre-fills it.
        var city = At(Nov22, "ledger", "--city", "--date", "2026-11-26", "--out", _dir.File("l"));
        Assert.True(city.ExitCode == 0, city.Err);
        var cityText = SheetText(city.Out.Trim(), "工作进展");
        Assert.Contains("整改" + ours, cityText, StringComparison.Ordinal);
        Assert.Contains("暂停压线待核查", cityText, StringComparison.Ordinal);
        Assert.Contains("已核查12件，退回3件", cityText, StringComparison.Ordinal);
        var next = At(Nov22, "ledger", "--county", "尧都区", "--date", "2026-11-26", "--no-risk", "--out", _dir.File("l3"));
        Assert.True(next.ExitCode == 0, next.Err);
        using var nextWb = new XLWorkbook(next.Out.Trim());
        var nextRow = nextWb.Worksheet("工作进展").RowsUsed().Single(x => x.Cell(2).GetString() == "整改" + ours);
        Assert.Equal("已核查12件，退回3件", nextRow.Cell(4).GetString());
    }

    [Fact]
    public void The_circular_reports_spot_checks_forensics_and_rectification_for_the_half()
    {
        Load();
        var add = At(new DateTime(2026, 6, 1, 9, 0, 0), "rectify", "add", "--problem", "时限日堆积待核查", "--unit", "国网临汾",
            "--deadline", "2026-06-15", "--measures", "逐件核查", "--utility", "国网临汾");
        Assert.True(add.ExitCode == 0, add.Err);
        var r = At(Nov22, "report", "city", "--half", "2026H1", "--out", _dir.File("c.pdf"));
        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = PdfDocument.Open(_dir.File("c.pdf"));
        var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("监督检查发现的问题", text, StringComparison.Ordinal);
        Assert.Contains("数据造假风险检验", text, StringComparison.Ordinal);
        Assert.Contains("超过完成时限仍未销号1项", text, StringComparison.Ordinal);
        Assert.Contains("时限日堆积待核查", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spotcheck", "draw", "--from", "2026-13-01", "--to", "2026-06-30")]
    [InlineData("spotcheck", "draw", "--from", "2026-06-30", "--to", "2026-01-01")]
    [InlineData("spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--inspectors", "no-such-register.xlsx")]
    [InlineData("spotcheck", "draw", "--from", "2030-01-01", "--to", "2030-06-30")]
    [InlineData("spotcheck", "draw", "--from", "2026-01-01", "--to", "2026-06-30", "--out", "draw.pdf")]
    [InlineData("spotcheck", "file", "no-such-results.xlsx")]
    [InlineData("spotcheck", "file", "GARBAGE")]
    [InlineData("forensics", "--format", "xml")]
    [InlineData("rectify", "add", "--problem", "p", "--unit", "u", "--deadline", "tomorrow", "--measures", "m")]
    [InlineData("rectify", "add", "--problem", " ", "--unit", "u", "--deadline", "2026-12-01", "--measures", "m")]
    [InlineData("rectify", "add", "--problem", "p", "--unit", "u", "--deadline", "2026-12-01", "--measures", "m", "--application", "A1")]
    [InlineData("rectify", "close", "999", "--checked-on", "2026-11-22", "--finding", "f", "--resolved")]
    [InlineData("rectify", "close", "1", "--checked-on", "2026-11-22", "--finding", "f")]
    [InlineData("rectify", "update", "999", "--measures", "m")]
    [InlineData("rectify", "show", "999")]
    [InlineData("rectify", "show", "x")]
    [InlineData("rectify", "list", "--today", "someday")]
    public void A_users_mistake_never_exits_4_nor_prints_a_stack_trace(params string[] args)
    {
        Load();
        var garbage = _dir.File("garbage.xlsx");
        File.WriteAllText(garbage, "not a workbook");
        var r = At(Nov22, [.. args.Select(a => a == "GARBAGE" ? garbage : a)]);
        Assert.NotEqual(ExitCodes.Internal, r.ExitCode);
        Assert.True(r.ExitCode is ExitCodes.BadInput or ExitCodes.BadUsage, $"exit {r.ExitCode}: {r.Err}");
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Forensics_flags_reach_the_city_roll_up_and_no_county_ledger_so_a_county_ledger_reads_the_same_alone_or_with_all()
    {
        var data = _dir.File("gamed");
        Assert.Equal(0, At(Nov20, "generate", "--applications", "8000", "--outages", "0", "--seed", "11", "--from", "2026-01-01", "--game-utility", "sgcc-linfen",
            "--game-share", "1", "--out", data).ExitCode);
        Assert.Equal(0, At(Nov20, "ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-25").ExitCode);
        var forensics = At(Nov22, "forensics", "--from", "2026-01-01", "--to", "2026-11-19", "--format", "json");
        using (var doc = JsonDocument.Parse(forensics.Out))
            Assert.Contains(doc.RootElement.EnumerateArray(), e => e.GetProperty("flag").GetBoolean());

        var city = At(Nov22, "ledger", "--city", "--date", "2026-11-19", "--out", _dir.File("city"));
        Assert.True(city.ExitCode == 0, city.Err);
        static bool HasFlagRow(string sheet) => Regex.IsMatch(sheet, "(^|\t)造假风险(\t|$)", RegexOptions.Multiline);
        Assert.True(HasFlagRow(SheetText(city.Out.Trim(), "问题清单")));

        var alone = At(Nov22, "ledger", "--county", "尧都区", "--date", "2026-11-19", "--no-risk", "--out", _dir.File("alone"));
        var all = At(Nov22, "ledger", "--all", "--date", "2026-11-19", "--no-risk", "--out", _dir.File("all"));
        Assert.True(alone.ExitCode == 0 && all.ExitCode == 0, alone.Err + all.Err);
        var aloneIssues = SheetText(alone.Out.Trim(), "问题清单");
        Assert.False(HasFlagRow(aloneIssues));
        var fromAll = all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Single(p => Path.GetFileName(p) == Path.GetFileName(alone.Out.Trim()));
        Assert.Equal(aloneIssues, SheetText(fromAll, "问题清单"));
    }
}
