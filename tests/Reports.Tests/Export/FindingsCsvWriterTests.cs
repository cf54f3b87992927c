using System.Text.Json;
using Analytics.Metrics;
using Analytics.Reports.Export;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Export;

public class FindingsCsvWriterTests
{
    [Fact]
    public void Findings_csv_has_a_header_labels_from_the_wording_table_and_quotes_evidence_with_commas()
    {
        var finding = new Finding
        {
            Utility = "sgcc-linfen",
            ApplicationId = "A1",
            County = "yaodu",
            Code = "field_discrepancy",
            Clause = "四.3",
            Evidence = new FieldDiscrepancyEvidence("D1", "fee_yuan", "a, \"b\"", "0"),
            On = D("2022-03-17"),
        };
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        FindingsCsvWriter.Write([finding], w);
        var lines = w.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("utility,application_id,county,code,clause,label,on,value,limit,evidence", lines[0]);
        Assert.Equal("sgcc-linfen,A1,yaodu,field_discrepancy,四.3,现场核查不一致,2022-03-17,,,\"抽查批次 D1：fee_yuan 系统记录为“a, \"\"b\"\"”，客户所述为“0”\"", lines[1]);
    }

    [Fact]
    public void Findings_json_marks_target_breaches()
    {
        var r = Run([App("A1", "2022-03-07 09:00", After("2022-03-07 09:00", 8))]);
        using var ms = new MemoryStream();
        FindingsJsonWriter.Write(r.FindingsAndBreaches, ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var row = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "T2a");
        Assert.Equal("target", row.GetProperty("kind").GetString());
        Assert.Equal(8m, row.GetProperty("value").GetDecimal());
        Assert.Equal("2022-03-17", row.GetProperty("on").GetString());
    }
}
