using System.Text.Json;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Export;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Export;

public class ApplicationsCsvWriterTests
{
    private const string ContractHeader =
        "application_id,utility,county,area,category,status,accepted_at,connected_at,whole_process_days,utility_days,approval_days,stage_count,stages,findings";

    private static string[] Lines(MetricsResult r)
    {
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ApplicationsCsvWriter.Write(r, r.Applications, w);
        return w.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void The_header_starts_with_the_contract_columns_in_order()
    {
        var lines = Lines(Run([App()]));
        Assert.StartsWith(ContractHeader + ",", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_carry_codes_figures_and_empty_cells_where_nothing_applies()
    {
        var connected = App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 8)) with { PlanRepliedAt = T("2022-03-08 10:00"), RecordCreatedAt = T("2022-03-10 10:00") };
        var open = App("A2", "2022-03-07 09:00", null);
        var lines = Lines(Run([connected, open], asOf: "2022-03-09 12:00"));
        var a1 = lines[1].Split(',');
        Assert.Equal(["A1", "sgcc-linfen", "yaodu", "urban", "lv_other", "connected", "2022-03-07T09:00:00", "2022-03-17T15:00:00", "8", "8", "", "3", "accept;plan;connect", "entered_late;T2a;T3b"], a1[..14]);
        var a2 = lines[2].Split(',');
        Assert.Equal(["A2", "sgcc-linfen", "yaodu", "urban", "lv_other", "in_progress", "2022-03-07T09:00:00", "", "", "", "", "1", "accept", ""], a2[..14]);
        Assert.Equal("2", a2[14]);   // elapsed_days
        Assert.Equal("T2a", a2[16]);
        Assert.Equal("2022-03-14", a2[18]);
    }

    [Fact]
    public void Applications_json_has_the_same_names_with_arrays_of_codes()
    {
        var r = Run([App() with { PlanRepliedAt = T("2022-03-08 10:00") }]);
        using var ms = new MemoryStream();
        ApplicationsJsonWriter.Write(r, r.Applications, ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var row = Assert.Single(doc.RootElement.EnumerateArray().ToArray());
        foreach (var name in ApplicationsCsvWriter.Columns)
            Assert.True(row.TryGetProperty(name, out _), name);
        Assert.Equal(["accept", "plan", "connect"], row.GetProperty("stages").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(["T3b"], row.GetProperty("findings").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("approval_days").ValueKind);
        Assert.Equal(2, row.GetProperty("whole_process_days").GetInt32());
    }
}
