using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Reports.Export;
using Analytics.Risk;
using Analytics.Risk.Tests;

namespace Analytics.Reports.Tests.Export;

[Collection("planted")]
public class RiskTableWriterTests(PlantedSignalFixture planted)
{
    [Fact]
    public void The_table_lists_the_applications_at_risk_most_urgent_first_with_chinese_names()
    {
        var assessment = new RiskAssessor(planted.Model).Assess(planted.Data.InProgress, planted.Data.AsOf);
        using var w = new StringWriter(CultureInfo.InvariantCulture);

        RiskTableWriter.Write(w, assessment);

        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("在途工单超时预警", lines[0], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, l => l.StartsWith("工单编号", StringComparison.Ordinal));
        Assert.True(header > 0);
        var atRisk = assessment.AtRisk();
        Assert.NotEmpty(atRisk);
        Assert.Equal(atRisk.Count, lines.Length - header - 1);
        var first = lines[header + 1].Split('\t');
        Assert.Equal(atRisk[0].ApplicationId, first[0]);
        Assert.Equal(Registries.Default.County(atRisk[0].County).ShortName, first[2]);
        Assert.Equal(Codes.Label(atRisk[0].Category), first[3]);
    }
}
