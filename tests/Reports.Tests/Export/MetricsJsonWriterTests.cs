using System.Text.Json;
using Analytics.Domain;
using Analytics.Metrics;
using Analytics.Reports.Export;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Export;

public class MetricsJsonWriterTests
{
    private static JsonDocument Write(MetricsResult r)
    {
        using var ms = new MemoryStream();
        MetricsJsonWriter.Write(r, ms);
        return JsonDocument.Parse(ms.ToArray());
    }

    private static MetricsResult Sample() => Run(
        [
            App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 3)) with { ApprovalMode = ApprovalMode.Exempt },
            App("A2", "2022-03-07 09:00", After("2022-03-07 09:00", 8)) with { Channel = Channel.Counter },
        ],
        outages: [Outage("O1", "2022-05-10 08:00", "2022-05-10 18:00", 100)],
        customers: [Served(2022, 100), Served(2021, 100)]);

    [Fact]
    public void The_document_has_the_shape_cli_md_describes()
    {
        using var doc = Write(Sample());
        var root = doc.RootElement;
        Assert.Equal("2022-01-01", root.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2022-12-31", root.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("2023-01-05", root.GetProperty("as_of").GetString());

        var target = root.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("id").GetString() == "T2a" && t.GetProperty("group").GetString() == "city");
        foreach (var name in new[] { "id", "clause", "category", "limit", "total", "compliant", "rate", "in_force", "met", "mean_days", "p90_days", "max_days" })
            Assert.True(target.TryGetProperty(name, out _), name);
        Assert.Equal("目标2", target.GetProperty("clause").GetString());
        Assert.Equal("lv_other", target.GetProperty("category").GetString());
        Assert.Equal(5, target.GetProperty("limit").GetDecimal());
        Assert.Equal(2, target.GetProperty("total").GetInt32());
        Assert.Equal(1, target.GetProperty("compliant").GetInt32());
        Assert.Equal(0.5, target.GetProperty("rate").GetDouble());
        Assert.True(target.GetProperty("in_force").GetBoolean());
        Assert.False(target.GetProperty("met").GetBoolean());
        Assert.Equal(5.5, target.GetProperty("mean_days").GetDouble());

        var t5 = root.GetProperty("targets").EnumerateArray().First(t => t.GetProperty("id").GetString() == "T5");
        Assert.Equal("rural", t5.GetProperty("area").GetString());

        var rel = root.GetProperty("reliability").EnumerateArray()
            .Single(e => e.GetProperty("year").GetInt32() == 2022 && e.GetProperty("county").ValueKind == JsonValueKind.Null
                         && e.GetProperty("utility").ValueKind == JsonValueKind.Null && e.GetProperty("area").GetString() == "rural");
        foreach (var name in new[] { "year", "county", "utility", "area", "customers", "customer_hours", "saidi_h", "saifi", "caidi_h", "asai",
                     "saidi_planned_h", "saidi_fault_h", "saidi_excl_external_h", "yoy_change", "target_h", "met" })
            Assert.True(rel.TryGetProperty(name, out _), name);
        Assert.Equal(10m, rel.GetProperty("saidi_h").GetDecimal());
        Assert.Equal(15m, rel.GetProperty("target_h").GetDecimal());
        Assert.True(rel.GetProperty("met").GetBoolean());
        Assert.Equal(0m, rel.GetProperty("previous_saidi_h").GetDecimal());          // 2021 had customers and no outages …
        Assert.Equal(JsonValueKind.Null, rel.GetProperty("yoy_change").ValueKind);  // … so no change can be computed from zero
        Assert.DoesNotContain(root.GetProperty("reliability").EnumerateArray(), e => e.GetProperty("year").GetInt32() == 2021);

        var ind = root.GetProperty("indicators");
        Assert.Equal(0.5, ind.GetProperty("online_share").GetDouble());
        Assert.Equal(0.0, ind.GetProperty("e_contract_share_lv").GetDouble());
        Assert.Equal(1.0, ind.GetProperty("approval_mode_shares").GetProperty("exempt").GetDouble());
        Assert.Equal(0.0, ind.GetProperty("outage_notice_share").GetDouble());
        Assert.Equal(JsonValueKind.Null, ind.GetProperty("planned_notice_ontime_share").ValueKind);
        var volumes = ind.GetProperty("volumes");
        Assert.Equal(2, volumes.GetProperty("accepted").GetInt32());
        Assert.Equal(2, volumes.GetProperty("connected").GetInt32());
        Assert.Equal(0, volumes.GetProperty("in_progress").GetInt32());
        Assert.Equal(0, volumes.GetProperty("withdrawn").GetInt32());
    }

    [Fact]
    public void Names_are_snake_case_everywhere()
    {
        using var doc = Write(Sample());
        foreach (var name in Names(doc.RootElement))
            Assert.Matches("^[a-z0-9_-]+$", name);
    }

    [Fact]
    public void Reliability_errors_are_listed_not_zeroed()
    {
        var r = Run([], outages: [Outage("O1", "2022-05-10 08:00", "2022-05-10 18:00", 100)]);
        using var doc = Write(r);
        Assert.Empty(doc.RootElement.GetProperty("reliability").EnumerateArray());
        var error = doc.RootElement.GetProperty("errors").EnumerateArray().First();
        Assert.Equal("no_customers_served", error.GetProperty("kind").GetString());
    }

    private static IEnumerable<string> Names(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    // Keys of the volume maps are registry codes (e.g. sgcc-linfen), hence the hyphen allowed above.
                    yield return p.Name;
                    foreach (var n in Names(p.Value)) yield return n;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    foreach (var n in Names(item)) yield return n;
                break;
        }
    }
}
