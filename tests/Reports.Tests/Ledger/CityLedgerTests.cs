using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Reports.Ledger;
using ClosedXML.Excel;
using static Analytics.Reports.Tests.Ledger.LedgerTestData;

namespace Analytics.Reports.Tests.Ledger;

public class CityLedgerTests
{
    private static LedgerInputs Data()
    {
        Application[] apps =
        [
            Residential("YD-1", "yaodu", At(11, 20), At(11, 24)),
            Residential("YD-LATE", "yaodu", At(11, 16), At(11, 23)),
            Residential("HM-1", "houma", At(11, 20), At(11, 24)),
            Residential("HM-OPEN", "houma", At(11, 2), null),
        ];
        LedgerNote[] notes =
        [
            new() { County = "yaodu", Thursday = Thursday, Task = "任务1", Text = "已完成入驻", Status = "已完成" },
            new() { County = "houma", Thursday = Thursday.AddDays(-7), Task = "任务1", Text = "上周的" },
        ];
        return Inputs(apps, notes: notes);
    }

    [Fact]
    public void The_roll_up_has_one_line_per_county_and_the_city_with_each_countys_own_figures()
    {
        var inputs = Data();
        var city = WeeklyLedgers.ComposeCity(inputs, Week);
        var yaodu = WeeklyLedgers.ComposeCounty(inputs, "yaodu", Week);

        Assert.Equal(Registries.Default.Counties.Select(c => c.Name), city.Counties.Select(c => c.Name));
        var line = city.Counties.Single(c => c.Code == "yaodu");
        Assert.Equal(yaodu.WeekVolumes, line.WeekVolumes);
        Assert.Equal(yaodu.Targets.Single(t => t.TargetId == "T2d").YearToDate, line.YearTargets["T2d"]);
        Assert.Equal(yaodu.Issues.Count, line.Issues);
        Assert.Equal(city.Counties.Sum(c => c.WeekVolumes.Connected), city.Total.WeekVolumes.Connected);
        Assert.Equal(1, city.Total.WeekVolumes.Overdue);
    }

    [Fact]
    public void A_county_is_filed_when_notes_for_that_Thursday_are_stored_and_the_others_are_listed_missing()
    {
        var city = WeeklyLedgers.ComposeCity(Data(), Week);
        using var wb = Open(city);

        Assert.True(city.Counties.Single(c => c.Code == "yaodu").Filed);
        var houma = city.Counties.Single(c => c.Code == "houma");
        Assert.False(houma.Filed);
        Assert.Equal(Thursday.AddDays(-7), houma.LastFiled);
        Assert.Equal(16, city.Counties.Count(c => c.Filed == false));
        var subtitle = wb.Worksheet("各县汇总").Cell(2, 1).GetString();
        Assert.Contains("未报送16个", subtitle, StringComparison.Ordinal);
        Assert.Contains("侯马市", subtitle, StringComparison.Ordinal);
        Assert.DoesNotContain("尧都区", subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filings_sheet_shows_who_filed_masked_and_the_filing_date_and_no_signature_as_a_task()
    {
        var inputs = Data();
        // As ingest stores it (names masked), plus a hand-edited store holding a clear name: masked again on the way out.
        inputs = inputs with
        {
            Records = inputs.Records with
            {
                LedgerNotes =
                [
                    .. inputs.Records.LedgerNotes,
                    new LedgerSignature("王*", "李秀英", Thursday.AddDays(-1)).ToNote("yaodu", Thursday),
                ],
            },
        };
        var city = WeeklyLedgers.ComposeCity(inputs, Week);
        using var wb = Open(city);

        var row = Rows(wb.Worksheet("报送情况")).Single(r => r["县（市、区）"].GetString() == "尧都区");
        Assert.Equal("王*", row["填报人"].GetString());
        Assert.Equal("李*", row["审核人"].GetString());
        Assert.Equal(Thursday.AddDays(-1).ToDateTime(TimeOnly.MinValue), row["报送日期"].GetDateTime());
        Assert.Equal(1.0, row["本周报送任务数"].GetDouble());
        Assert.DoesNotContain(Rows(wb.Worksheet("工作进展")), r => r["任务"].GetString() == LedgerSignature.NoteTask);
        Assert.Equal("", Rows(wb.Worksheet("报送情况")).Single(r => r["县（市、区）"].GetString() == "侯马市")["填报人"].GetString());
    }

    [Fact]
    public void The_combined_issue_list_names_the_county_of_every_issue()
    {
        var city = WeeklyLedgers.ComposeCity(Data(), Week);
        using var wb = Open(city);

        var rows = Rows(wb.Worksheet("问题清单"));

        Assert.NotEmpty(rows);
        var late = rows.Single(r => r["工单/停电编号"].GetString() == "YD-LATE");
        Assert.Equal("尧都区", late["县（市、区）"].GetString());
        Assert.Equal(city.Issues.Count, rows.Count);
    }

    [Fact]
    public void The_roll_up_shows_the_filed_progress_of_the_week()
    {
        var city = WeeklyLedgers.ComposeCity(Data(), Week);
        using var wb = Open(city);

        var row = Assert.Single(Rows(wb.Worksheet("工作进展")));
        Assert.Equal("尧都区", row["县（市、区）"].GetString());
        Assert.Equal("已完成入驻", row["进展情况"].GetString());
    }

    [Fact]
    public void Writing_all_counties_gives_one_named_file_each_and_the_city_file_its_own_name()
    {
        var dir = Directory.CreateTempSubdirectory("ledger-test-");
        try
        {
            var paths = WeeklyLedgers.WriteAll(Data(), Week, dir.FullName);
            var cityPath = WeeklyLedgers.WriteCity(Data(), Week, dir.FullName);

            Assert.Equal(17, paths.Count);
            Assert.Contains(Path.Combine(dir.FullName, "工作台账_尧都区_2026-11-26.xlsx"), paths);
            Assert.Equal(Path.Combine(dir.FullName, "工作台账_临汾市汇总_2026-11-26.xlsx"), cityPath);
            Assert.Equal(18, dir.GetFiles("*.xlsx").Length);
            Assert.Empty(dir.GetFiles("*.tmp"));
            // Reading a filed ledger back is Ingest's (tests/Ingest.Tests/Ledger); here: the file says whose it is.
            using var houma = new XLWorkbook(Path.Combine(dir.FullName, "工作台账_侯马市_2026-11-26.xlsx"));
            var meta = houma.Worksheet(LedgerWorkbookNames.MetaSheet).RowsUsed().ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetString());
            Assert.Equal("houma", meta[LedgerWorkbookNames.KeyCountyCode]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static XLWorkbook Open(CityLedger city)
    {
        var ms = new MemoryStream();
        CityLedgerWorkbook.Write(city, ms);
        ms.Position = 0;
        return new XLWorkbook(ms);
    }
}
