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
        Assert.Contains("loaded 3 rows", first.Out, StringComparison.Ordinal);
        var again = Run("ingest", "applications", file);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already loaded", again.Out, StringComparison.Ordinal);
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
        Assert.Contains("loaded 3 rows", r.Out, StringComparison.Ordinal);
        Assert.Contains("already loaded", r.Out, StringComparison.Ordinal);
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
