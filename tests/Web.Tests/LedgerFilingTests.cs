using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Domain;

namespace Analytics.Web.Tests;

/// <summary>
/// Issue 14, "which weeks were filed or late": a ledger's first filing against the deadline (the end of its Thursday,
/// China time), on the county page, the bureau's 报送情况 and its JSON. The server's clock is the fixture's fake one, so
/// each filing is loaded at a chosen instant.
/// </summary>
[Collection(WebServerGroup.Name)]
public sealed partial class LedgerFilingTests(WebFixture web)
{
    private static readonly DateOnly Thursday = new(2026, 11, 5);

    [Theory]
    [InlineData("2026-11-05 23:59:59", LedgerTimeliness.OnTime, 0, "按时报送")]
    [InlineData("2026-11-02 09:00:00", LedgerTimeliness.OnTime, 0, "按时报送")]
    [InlineData("2026-11-06 00:00:00", LedgerTimeliness.Late, 1, "逾期报送（晚1天）")]
    [InlineData("2026-11-10 15:30:00", LedgerTimeliness.Late, 5, "逾期报送（晚5天）")]
    public void A_filing_is_on_time_until_the_end_of_its_Thursday_and_late_by_the_days_after_it(string filedAt, LedgerTimeliness expected, int daysLate, string label)
    {
        var at = DateTime.ParseExact(filedAt, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var state = LedgerFilingState.Of(Thursday, new LedgerFiling("yaodu", Thursday, at, at), now: at.AddDays(30));
        Assert.Equal(expected, state.Timeliness);
        Assert.Equal(daysLate, state.DaysLate);
        Assert.Equal(label, state.Label);
        Assert.Equal(at, state.FiledAt);
        Assert.True(state.Filed);
    }

    [Theory]
    [InlineData("2026-11-05 23:59:59", LedgerTimeliness.NotDue, "待报送")]
    [InlineData("2026-11-06 00:00:00", LedgerTimeliness.Missing, "未报送")]
    public void A_week_without_a_filing_is_missing_once_its_Thursday_has_ended(string now, LedgerTimeliness expected, string label)
    {
        var state = LedgerFilingState.Of(Thursday, null, DateTime.ParseExact(now, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Assert.Equal(expected, state.Timeliness);
        Assert.Equal(label, state.Label);
        Assert.False(state.Filed);
        Assert.Null(state.FiledAt);
    }

    [Fact]
    public async Task The_county_page_and_the_bureau_show_weeks_filed_on_time_late_refiled_and_not_filed()
    {
        var current = await CurrentThursday();
        var onTime = current.AddDays(-14);
        var late = current.AddDays(-21);
        var missing = current.AddDays(-28);
        try
        {
            // On time: filed on its Thursday at 16:00, re-filed (one task's progress changed) the next Monday.
            await File(onTime, onTime.ToDateTime(new TimeOnly(16, 0)), "已完成接口联调");
            await File(onTime, onTime.AddDays(4).ToDateTime(new TimeOnly(9, 0)), "已完成接口联调，并开展试运行");
            // Late: first filed on the Saturday after its Thursday.
            await File(late, late.AddDays(2).ToDateTime(new TimeOnly(10, 30)), "推进中");
        }
        finally
        {
            web.Now = WebFixture.Start;
        }

        using var boss = await Sessions.As(web, "boss");
        var page = await boss.GetStringAsync("/county/yaodu");
        var weeks = ReadTable(page, "ledger-weeks").ToDictionary(r => r[0]);
        Assert.Equal("按时报送", weeks[Day(onTime)][1]);
        Assert.Equal($"{Day(onTime)} 16:00（{Day(onTime.AddDays(4))} 09:00 重报）", weeks[Day(onTime)][2]);
        Assert.Equal("逾期报送（晚2天）", weeks[Day(late)][1]);
        Assert.Equal($"{Day(late.AddDays(2))} 10:30", weeks[Day(late)][2]);
        Assert.Equal("未报送", weeks[Day(missing)][1]);
        Assert.Equal("—", weeks[Day(missing)][2]);

        var bureau = await boss.GetStringAsync($"/bureau");
        Assert.Contains("（截止 ", bureau, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await boss.GetStringAsync($"/api/filings/ledger?date={Day(late)}"));
        Assert.Equal($"{Day(late)}T23:59:59", json.RootElement.GetProperty("deadline").GetString());
        var states = json.RootElement.GetProperty("counties").EnumerateArray().ToDictionary(c => c.GetProperty("county").GetString()!);
        var yaodu = states["yaodu"];
        Assert.Equal("late", yaodu.GetProperty("state").GetString());
        Assert.Equal(2, yaodu.GetProperty("days_late").GetInt32());
        Assert.True(yaodu.GetProperty("filed").GetBoolean());
        Assert.Equal($"{Day(late.AddDays(2))}T10:30:00", yaodu.GetProperty("filed_at").GetString());
        Assert.Equal("missing", states["houma"].GetProperty("state").GetString());
        Assert.True(states["houma"].GetProperty("overdue").GetBoolean());
        using var refiled = JsonDocument.Parse(await boss.GetStringAsync($"/api/filings/ledger?date={Day(onTime)}&county=yaodu"));
        var line = Assert.Single(refiled.RootElement.GetProperty("counties").EnumerateArray());
        Assert.Equal("on_time", line.GetProperty("state").GetString());
        Assert.Equal($"{Day(onTime)}T16:00:00", line.GetProperty("filed_at").GetString());
        Assert.Equal($"{Day(onTime.AddDays(4))}T09:00:00", line.GetProperty("last_filed_at").GetString());

        // The city roll-up of the late week says so in its 报送情况 sheet.
        using var xlsx = await boss.GetAsync($"/api/ledger/city?date={Day(late)}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wb = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = wb.Worksheet("报送情况");
        var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "尧都区");
        Assert.Equal("逾期报送（晚2天）", row.Cell(2).GetString());
        Assert.Equal(late.AddDays(2).ToDateTime(new TimeOnly(10, 30)), row.Cell(3).GetDateTime());
        Assert.Equal("未报送", sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "侯马市").Cell(2).GetString());
    }

    private async Task<DateOnly> CurrentThursday()
    {
        using var boss = await Sessions.As(web, "boss");
        using var json = JsonDocument.Parse(await boss.GetStringAsync("/api/filings/ledger"));
        return DateOnly.ParseExact(json.RootElement.GetProperty("thursday").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The county yaodu files its ledger of <paramref name="thursday"/> through the API, the server's clock at <paramref name="at"/>.</summary>
    private async Task File(DateOnly thursday, DateTime at, string progress)
    {
        var path = web.FilledLedger(thursday, $"filing-{Day(thursday)}-{at:yyyyMMddHHmm}", progress);
        web.Now = at;
        using var yd = await Sessions.As(web, "yd");
        using var response = await Sessions.Upload(yd, "/api/filings/ledger", path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Contains("\"loaded\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The rows (cell text, tags removed) of the table with <paramref name="id"/>.</summary>
    private static List<List<string>> ReadTable(string page, string id)
    {
        var table = Regex.Match(page, $"<table id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table {id}");
        var body = table.Groups[1].Value[table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                .Select(c => WebUtility.HtmlDecode(Regex.Replace(c.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList())
            .Where(r => r.Count > 1).ToList();
    }
}
