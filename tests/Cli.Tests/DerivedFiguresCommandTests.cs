using System.Globalization;
using Analytics.Domain.Policy;
using Analytics.Store;
using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Tests;

/// <summary>
/// Issue 12, item 2: each revision's figures are derived once, when its filing loads, kept in the store, and derived again
/// when the calendar, the policy or the rules change, with a notice naming what changed.
/// </summary>
public sealed class DerivedFiguresCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Store => _dir.File("store.db");

    private CliRunner.Result Run(params string[] args) => CliRunner.Run([.. args, "--store", Store, "--key-file", _dir.File("key")]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private void Load()
    {
        var data = _dir.File("data");
        Assert.Equal(0, Run("generate", "--applications", "1200", "--outages", "10", "--seed", "11", "--out", data).ExitCode);
        var first = Run("ingest", "applications", Path.Combine(data, "applications.csv"), "--as-of", "2026-11-18");
        Assert.Equal(0, first.ExitCode);
        // A fresh store has nothing to derive again: no notice.
        Assert.DoesNotContain("派生指标", first.Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("ingest", "applications", Path.Combine(data, "applications-revised.csv"), "--as-of", "2026-11-25").ExitCode);
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> row)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store, Pooling = false }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(row(r));
        return list;
    }

    private long Revisions() => Query("SELECT count(*) FROM application_revisions", r => r.GetInt64(0))[0];

    [Fact]
    public void Every_revision_is_stored_with_the_figures_the_engine_computes()
    {
        Load();
        Assert.Equal(0L, Query("SELECT count(*) FROM application_revisions WHERE d_outcomes IS NULL OR d_settled_at IS NULL", r => r.GetInt64(0))[0]);
        Assert.Equal(3, Query("SELECT count(*) FROM analytics_meta WHERE item LIKE 'derivation_%'", r => r.GetInt64(0))[0]);

        // The latest revision's stored day counts and breached targets are the applications list's (every date of the data:
        // nothing is rewound), application by application.
        var targets = Policy.Default.Targets.Select(t => t.Id).ToArray();
        var stored = Query("""
            SELECT r.utility, r.application_id, r.d_whole_days, r.d_utility_days, r.d_approval_days, r.d_outcomes
            FROM application_revisions r JOIN application_heads h
              ON h.utility = r.utility AND h.application_id = r.application_id AND h.revision = r.revision
            """, r => (Key: r.GetString(0) + "/" + r.GetString(1),
                Days: string.Join(",", Enumerable.Range(2, 3).Select(i => r.IsDBNull(i) ? "" : r.GetInt64(i).ToString(CultureInfo.InvariantCulture))),
                Breached: string.Join(";", r.GetString(5).Select((c, i) => (c, i)).Where(x => x.c == 'b').Select(x => targets[x.i]))))
            .ToDictionary(x => x.Key);
        var csv = Run("applications", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var checkedRows = 0;
        var withBreach = 0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.TrimEnd('\r').Split(',');
            var key = f[Col("utility")] + "/" + f[Col("application_id")];
            var days = string.Join(",", f[Col("whole_process_days")], f[Col("utility_days")], f[Col("approval_days")]);
            var breached = string.Join(";", f[Col("findings")].Split(';').Where(c => targets.Contains(c)));
            Assert.Equal(days, stored[key].Days);
            Assert.Equal(breached, stored[key].Breached);
            checkedRows++;
            if (breached.Length > 0) withBreach++;
        }
        Assert.Equal(stored.Count, checkedRows);
        Assert.True(withBreach > 0, "the sample has breaches to compare");
    }

    [Fact]
    public void A_calendar_change_after_loading_derives_again_and_says_so()
    {
        Load();
        var revisions = Revisions();
        var calendar = _dir.File("calendar-2025.json");
        // 2025 with one more holiday (a Wednesday): every working-day count across it may change.
        File.WriteAllText(calendar, """
            {"years":{"2025":{"holidays":["2025-01-01","2025-01-28..2025-02-04","2025-03-12","2025-04-04..2025-04-06","2025-05-01..2025-05-05","2025-05-31..2025-06-02","2025-10-01..2025-10-08"],
                              "workdays":["2025-01-26","2025-02-08","2025-04-27","2025-09-28","2025-10-11"]}}}
            """);
        var changed = Run("metrics", "--year", "2025", "--format", "json", "--calendar", calendar);
        Assert.Equal(0, changed.ExitCode);
        Assert.Contains($"节假日日历已变更，已重新计算 {revisions} 条申请记录的派生指标。", changed.Err, StringComparison.Ordinal);
        // Derived under that calendar now: the same command again derives nothing.
        var again = Run("metrics", "--year", "2025", "--format", "json", "--calendar", calendar);
        Assert.DoesNotContain("派生指标", again.Err, StringComparison.Ordinal);
        Assert.Equal(changed.Out, again.Out);
        // Back to the shipped calendar: derived again, in English too.
        var back = Run("metrics", "--year", "2025", "--format", "json", "--lang", "en");
        Assert.Contains($"the holiday calendar changed: the derived figures of {revisions} application records were computed again.", back.Err, StringComparison.Ordinal);
        Assert.NotEqual(changed.Out, back.Out);
    }

    [Fact]
    public void A_policy_change_after_loading_derives_again_and_says_so()
    {
        Load();
        using var s = typeof(Policy).Assembly.GetManifestResourceStream("Analytics.Domain.Data.policy-linfen-2021-189.json")!;
        var text = new StreamReader(s).ReadToEnd();
        var changedText = text.Replace("\"limit\": 15 }", "\"limit\": 14 }", StringComparison.Ordinal);
        Assert.NotEqual(text, changedText);
        var policy = _dir.File("policy.json");
        File.WriteAllText(policy, changedText);
        var r = Run("metrics", "--year", "2025", "--format", "json", "--policy", policy);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"工作方案的目标已变更，已重新计算 {Revisions()} 条申请记录的派生指标。", r.Err, StringComparison.Ordinal);
        // Back to the shipped policy, from a copy laid out otherwise: derived again; then the shipped policy itself is the
        // same policy (the fingerprint is of the targets, not of the file's layout): nothing to derive.
        var same = _dir.File("same.json");
        File.WriteAllText(same, text.Replace("\n", "\n  ", StringComparison.Ordinal));
        Assert.Contains("工作方案的目标已变更", Run("metrics", "--year", "2025", "--format", "json", "--policy", same).Err, StringComparison.Ordinal);
        Assert.DoesNotContain("派生指标", Run("metrics", "--year", "2025", "--format", "json").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_filed_without_derived_figures_is_derived_by_the_next_command()
    {
        Load();
        // What a store from before derived figures looks like: columns NULL, no derivation recorded.
        using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store, Pooling = false }.ToString()))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE application_revisions SET d_outcomes = NULL, d_settled_at = NULL; DELETE FROM analytics_meta WHERE item LIKE 'derivation_%'";
            cmd.ExecuteNonQuery();
        }
        var r = Run("metrics", "--year", "2025", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"已为 {Revisions()} 条申请记录计算派生指标", r.Err, StringComparison.Ordinal);
        Assert.Equal(0L, Query("SELECT count(*) FROM application_revisions WHERE d_outcomes IS NULL", x => x.GetInt64(0))[0]);
    }
}
