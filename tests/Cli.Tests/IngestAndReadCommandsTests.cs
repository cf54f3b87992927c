using System.Text;
using System.Text.Json;

namespace Analytics.Cli.Tests;

/// <summary>The command line end to end on the embedded store: ingest, then the read commands.</summary>
public sealed class IngestAndReadCommandsTests : IDisposable
{
    private const string Header =
        "application_id,utility,county,area,customer_type,voltage,capacity_kw,three_zero,channel,status,accepted_at,connected_at,customer_name,id_number,phone";

    // 2022-11-07 is a Monday. A1 residential 3 working days (meets T2d ≤ 4); A2 residential 6 days (breaches T2d);
    // A3 lv_other in progress.
    private static readonly string[] GoodRows =
    [
        "A1,sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,2022-11-10 15:00,张三,11010519491231002X,13800000000",
        "A2,国网临汾供电公司,尧都区,市区,居民,低压,8,是,营业厅,已接电,2022-11-07 09:00,2022-11-15 10:00,,,",
        "A3,sgcc-linfen,houma,town,non_residential,380V,50,N,online,in_progress,2022-11-21 09:00,,,,",
    ];

    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    private string Key => _dir.File("customer.key");

    private string Write(string name, params string[] rows)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n", new UTF8Encoding(true));
        return path;
    }

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", Key]);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_good_file_loads_and_loading_it_again_changes_nothing()
    {
        var file = Write("apps.csv", GoodRows);
        var first = Run("ingest", "applications", file);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("已载入 3 行", first.Out, StringComparison.Ordinal);
        var again = Run("ingest", "applications", file);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("本次未作任何更改", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_is_located_exits_1_and_loads_nothing()
    {
        var bad = Write("bad.csv", GoodRows[0], "A9,sgcc-linfen,nowhere,urban,residential,lv,-5,Y,online,connected,2022-02-30 09:00,2022-11-10 15:00,,,");
        var r = Run("ingest", "applications", bad);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("bad.csv:3:", r.Err, StringComparison.Ordinal);
        Assert.Contains("nowhere", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        var csv = Run("applications", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Single(csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only
    }

    [Fact]
    public void With_several_files_one_bad_file_loads_none()
    {
        var good = Write("good.csv", GoodRows);
        var bad = Write("bad.csv", "B1,sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,,,,");
        var r = Run("ingest", "applications", good, bad);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("bad.csv:2:", r.Err, StringComparison.Ordinal);
        Assert.Single(Run("applications").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Applications_csv_has_the_contract_header_and_computed_figures()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("applications", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("application_id,utility,county,area,category,status,accepted_at,connected_at,whole_process_days,utility_days,approval_days,stage_count,stages,findings", lines[0], StringComparison.Ordinal);
        var a2 = lines.Single(l => l.StartsWith("A2,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("sgcc-linfen", a2[1]);
        Assert.Equal("residential", a2[4]);
        Assert.Equal("6", a2[8]);
        Assert.Contains("T2d", a2[13], StringComparison.Ordinal);
        var a1 = lines.Single(l => l.StartsWith("A1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("3", a1[8]);
        Assert.DoesNotContain("T2d", a1[13], StringComparison.Ordinal);
        // No personal data anywhere in what the commands print.
        Assert.DoesNotContain("张三", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_json_carries_the_targets_of_the_period()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("metrics", "--year", "2022", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("2022-01-01", root.GetProperty("period").GetProperty("from").GetString());
        var t2d = root.GetProperty("targets").EnumerateArray()
            .First(t => t.GetProperty("id").GetString() == "T2d" && t.TryGetProperty("category", out var c) && c.GetString() == "residential");
        Assert.Equal(2, t2d.GetProperty("total").GetInt32());
        Assert.Equal(1, t2d.GetProperty("compliant").GetInt32());
        Assert.False(t2d.GetProperty("met").GetBoolean());
        Assert.Equal(3, root.GetProperty("indicators").GetProperty("volumes").GetProperty("accepted").GetInt32());
    }

    [Fact]
    public void Findings_list_the_breach_with_its_evidence()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("findings", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("A2", r.Out, StringComparison.Ordinal);
        Assert.Contains("T2d", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_csv_has_one_row_per_target_row_with_the_json_figures_and_reliability_on_request()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("metrics", "--year", "2022", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["id", "clause", "group", "county", "utility", "area", "category"], header.Take(7));
        var json = JsonDocument.Parse(Run("metrics", "--year", "2022", "--format", "json").Out);
        Assert.Equal(json.RootElement.GetProperty("targets").GetArrayLength(), lines.Length - 1);
        var t2d = lines.Select(l => l.Split(',')).Single(f => f[0] == "T2d" && f[2] == "category" && f[6] == "residential");
        Assert.Equal("2", t2d[Array.IndexOf(header, "total")]);
        Assert.Equal("1", t2d[Array.IndexOf(header, "compliant")]);
        Assert.Equal("not_met", t2d[Array.IndexOf(header, "status")]);

        var rel = Run("metrics", "--year", "2022", "--format", "csv", "--what", "reliability");
        Assert.Equal(0, rel.ExitCode);
        Assert.StartsWith("year,from,to,county,utility,area,customers", rel.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadUsage, Run("metrics", "--what", "reliability").ExitCode);
    }

    [Fact]
    public void Tables_written_to_a_pipe_are_plain_tab_separated_lines_never_wrapped()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("metrics", "--year", "2022");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("│", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("╭", r.Out, StringComparison.Ordinal);
        var lines = r.Out.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("目标\t条款\t内容", StringComparison.Ordinal));
        Assert.True(header > 0);
        var columns = lines[header].Split('\t').Length;
        // Every row of the table has the header's number of fields: nothing wrapped onto a line of its own.
        for (var i = header + 1; i < lines.Length && !lines[i].StartsWith('#') && lines[i].Length > 0; i++)
            Assert.Equal(columns, lines[i].Split('\t').Length);
    }

    [Fact]
    public void Findings_as_a_table_count_first_then_list()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var r = Run("findings", "--from", "2022-01-01", "--to", "2022-12-31");
        Assert.Equal(0, r.ExitCode);
        var summary = r.Out.IndexOf("# 问题汇总", StringComparison.Ordinal);
        var list = r.Out.IndexOf("# 问题清单", StringComparison.Ordinal);
        Assert.True(summary >= 0 && list > summary, r.Out);
        Assert.Contains("T2d ", r.Out[summary..list], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--county", "尧都县", "是否指 尧都区（yaodu）？")]
    [InlineData("--county", "yoadu", "是否指 尧都区（yaodu）？")]
    [InlineData("--county", "侯马县", "是否指 侯马市（houma）？")]
    public void A_near_miss_name_is_bad_usage_in_chinese_with_a_suggestion(string option, string typed, string suggestion)
    {
        var r = Run("metrics", option, typed);
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains(suggestion, r.Err, StringComparison.Ordinal);
        Assert.Contains($"“{typed}”不是本市的县（市、区）", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_far_from_every_county_gets_no_suggestion() =>
        Assert.DoesNotContain("是否指", Run("metrics", "--county", "太原").Err, StringComparison.Ordinal);

    [Fact]
    public void An_unknown_county_filter_is_bad_usage_listing_the_valid_ones()
    {
        var r = Run("metrics", "--county", "太原");
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains("yaodu (尧都区)", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_one_line_and_exit_3()
    {
        var r = CliRunner.Run("metrics", "--store", "postgres://analytics:secret@127.0.0.1:1/analytics", "--year", "2022");
        Assert.Equal(ExitCodes.StoreUnreachable, r.ExitCode);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("secret", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_date_that_is_not_a_thursday_names_the_nearest_thursdays()
    {
        var r = Run("ledger", "--county", "yaodu", "--date", "2026-11-25", "--out", _dir.File("out"));
        Assert.Equal(ExitCodes.BadUsage, r.ExitCode);
        Assert.Contains("2026-11-19", r.Err, StringComparison.Ordinal);
        Assert.Contains("2026-11-26", r.Err, StringComparison.Ordinal);
    }

    // ---- issue 13 (store and key side)

    [Fact]
    public void Two_files_of_one_command_load_together_or_not_at_all_when_the_store_refuses_the_second()
    {
        var good = Write("good.csv", GoodRows);
        var nul = Write("nul.csv", "N\u00001,sgcc-linfen,yaodu,urban,residential,lv,8,Y,online,connected,2022-11-07 09:00,2022-11-10 15:00,,,");
        var r = Run("ingest", "applications", good, nul);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("nul.csv", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
        Assert.Single(Run("applications", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_same_file_twice_in_one_command_is_loaded_once()
    {
        var file = Write("apps.csv", GoodRows);
        var r = Run("ingest", "applications", file, file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("已载入 3 行", r.Out, StringComparison.Ordinal);
        Assert.Contains("本次未作任何更改", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_key_file_is_refused_with_what_to_restore_and_never_made_anew()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        File.Delete(Key);
        var r = Run("ingest", "applications", Write("more.csv", GoodRows[0].Replace("A1,", "A7,", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains(Key, r.Err, StringComparison.Ordinal);
        Assert.Contains("备份", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Key));
        Assert.Equal(4, Run("applications", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_key_file_that_is_a_folder_exits_1()
    {
        Directory.CreateDirectory(Key);
        var r = Run("ingest", "applications", Write("apps.csv", GoodRows));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("文件夹", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_sqlite_database_exits_3_and_gets_none_of_our_tables()
    {
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "CREATE TABLE filings (id INTEGER PRIMARY KEY, what TEXT)";
            cmd.ExecuteNonQuery();
        }
        var r = Run("ingest", "applications", Write("apps.csv", GoodRows));
        Assert.Equal(ExitCodes.StoreUnreachable, r.ExitCode);
        Assert.Contains("不是 analytics 的存储", r.Err, StringComparison.Ordinal);
        using (var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
            Assert.Equal("filings", cmd.ExecuteScalar() as string);
        }
    }

    [Fact]
    public void A_store_held_by_another_writer_exits_3_after_the_busy_timeout()
    {
        Assert.Equal(0, Run("ingest", "applications", Write("apps.csv", GoodRows)).ExitCode);
        var saved = Environment.GetEnvironmentVariable("ANALYTICS_BUSY_TIMEOUT");
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }
        try
        {
            Environment.SetEnvironmentVariable("ANALYTICS_BUSY_TIMEOUT", "1");
            var r = Run("ingest", "applications", Write("more.csv", GoodRows[2].Replace("A3,", "A8,", StringComparison.Ordinal)));
            Assert.Equal(ExitCodes.StoreUnreachable, r.ExitCode);
            Assert.Contains("正忙", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ANALYTICS_BUSY_TIMEOUT", saved);
        }
    }
}
