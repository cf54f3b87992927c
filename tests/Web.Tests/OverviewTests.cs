using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Web.Tests;

/// <summary>
/// The bureau overview's trends, 报送情况 and downloads; a county's filed weeks and its early warning; the long work
/// (every ledger, every PDF) as a job whose progress the page shows.
/// </summary>
[Collection(WebServerGroup.Name)]
public sealed partial class OverviewTests(WebFixture web)
{
    [Fact]
    public async Task The_trend_is_one_engine_answer_per_month_the_same_as_metrics_for_that_month()
    {
        using var boss = await Sessions.As(web, "boss");
        var page = await boss.GetStringAsync("/bureau");
        var (headers, rows) = ReadTable(page, "trend-table");
        Assert.True(rows.Count >= 6, $"expected the months of the year to date, got {rows.Count}");
        Assert.Equal(headers.Count - 1, ChartCount().Count(page)); // one chart per target column and one of the breaches
        foreach (var row in rows.Where((_, i) => i is 0 or 2 or 5))
        {
            var month = DateOnly.ParseExact(row[0] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = month.AddMonths(1).AddDays(-1);
            using var json = JsonDocument.Parse(web.Cli("metrics", "--format", "json", "--from", month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--to", last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            var city = json.RootElement.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("group").GetString() == "city").ToList();
            for (var c = 1; c < headers.Count - 1; c++)
            {
                var t = city.Single(x => x.GetProperty("id").GetString() == headers[c]);
                var total = t.GetProperty("total").GetInt32();
                var expected = total == 0 ? "—" : ((double)t.GetProperty("compliant").GetInt32() / total).ToString("0.0%", CultureInfo.InvariantCulture);
                Assert.True(expected == row[c], $"{row[0]} {headers[c]}: page {row[c]}, metrics {expected}");
            }
        }
    }

    [Fact]
    public async Task Filings_show_which_counties_filed_this_weeks_ledger_and_which_are_overdue()
    {
        using var boss = await Sessions.As(web, "boss");
        using var before = JsonDocument.Parse(await boss.GetStringAsync("/api/filings/ledger"));
        var thursday = DateOnly.ParseExact(before.RootElement.GetProperty("thursday").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(DayOfWeek.Thursday, thursday.DayOfWeek);
        Assert.Equal(17, before.RootElement.GetProperty("counties").GetArrayLength());

        FileLedger("houma", thursday);
        FileLedger("jixian", thursday.AddDays(-7));

        using var after = JsonDocument.Parse(await boss.GetStringAsync("/api/filings/ledger"));
        var states = after.RootElement.GetProperty("counties").EnumerateArray().ToDictionary(c => c.GetProperty("county").GetString()!);
        Assert.True(states["houma"].GetProperty("filed").GetBoolean());
        Assert.True(states["houma"].GetProperty("tasks").GetInt32() > 0);
        Assert.False(states["jixian"].GetProperty("filed").GetBoolean()); // filed last week, not this one
        Assert.Equal(DateOnly.FromDateTime(web.Now) > thursday, states["jixian"].GetProperty("overdue").GetBoolean());

        var page = await boss.GetStringAsync("/bureau");
        var (_, rows) = ReadTable(page, "filings");
        Assert.Equal(17, rows.Count);
        // Filed by the command line, whose clock is the fixture's start: on time or late by the days after the Thursday.
        string Filed(DateOnly d) => DateOnly.FromDateTime(WebFixture.Start) <= d ? "按时报送"
            : $"逾期报送（晚{DateOnly.FromDateTime(WebFixture.Start).DayNumber - d.DayNumber}天）";
        Assert.Contains(rows, r => r[0] == "侯马市" && r[1] == Filed(thursday));
        Assert.Contains(rows, r => r[0] == "吉县" && r[1] == (DateOnly.FromDateTime(web.Now) > thursday ? "未报送" : "待报送"));

        var jixian = await boss.GetStringAsync("/county/jixian");
        var (_, weeks) = ReadTable(jixian, "ledger-weeks");
        Assert.Equal(12, weeks.Count);
        Assert.Equal([thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "未报送"], weeks[0].Take(2));
        Assert.Equal([thursday.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Filed(thursday.AddDays(-7))], weeks[1].Take(2));

        using var yd = await Sessions.As(web, "yd");
        using var own = JsonDocument.Parse(await yd.GetStringAsync("/api/filings/ledger"));
        Assert.Equal("yaodu", Assert.Single(own.RootElement.GetProperty("counties").EnumerateArray()).GetProperty("county").GetString());
    }

    [Fact]
    public async Task The_bureau_downloads_the_circular_and_the_city_roll_up_and_each_is_audited()
    {
        using var boss = await Sessions.As(web, "boss");
        var page = await boss.GetStringAsync("/bureau");
        var circular = Href(page, "circular-download");
        using (var pdf = await boss.GetAsync(circular))
        {
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
            Assert.StartsWith("通报_临汾市_", pdf.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        }
        using (var xlsx = await boss.GetAsync(Href(page, "city-ledger-download")))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var wb = new ClosedXML.Excel.XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
            Assert.Contains(wb.Worksheets, s => s.Name == "工作进展");
        }
        var log = web.Accounts.AuditLog().Where(e => e is { Account: "boss", Action: "download" }).Select(e => e.Detail).ToList();
        Assert.Contains(log, d => d.StartsWith("circular ", StringComparison.Ordinal));
        Assert.Contains(log, d => d.StartsWith("ledger city ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task All_reports_are_made_by_a_job_whose_progress_is_polled_and_each_file_downloads()
    {
        using var boss = await Sessions.As(web, "boss");
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/reports");
        start.Headers.Add(WebApp.CsrfHeader, "1");
        using var started = await boss.SendAsync(start);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var seen = new List<int>();
        JsonElement status;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(200);
            status = JsonDocument.Parse(await boss.GetStringAsync($"/api/jobs/{id}")).RootElement;
            seen.Add(status.GetProperty("done").GetInt32());
        }
        while (!status.GetProperty("finished").GetBoolean() && DateTime.UtcNow < deadline);
        Assert.True(status.GetProperty("finished").GetBoolean(), "the job did not finish in 3 minutes");
        Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
        Assert.Equal(web.Settings.Registries.Utilities.Count + 1, status.GetProperty("total").GetInt32());
        Assert.Equal(status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32());
        Assert.Equal(seen.Order(), seen); // progress only grows
        var items = status.GetProperty("items").EnumerateArray().ToList();
        Assert.EndsWith(".pdf", items[^1].GetProperty("file").GetString(), StringComparison.Ordinal);
        using var last = await boss.GetAsync(items[^1].GetProperty("url").GetString());
        Assert.Equal("application/pdf", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: "boss", Action: "job_start" } && e.Detail == $"reports {id}");
        Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: "boss", Action: "download" } && e.Detail.StartsWith($"job reports {id} 通报_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ledgers_job_started_from_the_page_shows_its_progress_list_until_every_file_is_made()
    {
        using var boss = await Sessions.As(web, "boss");
        var page = await boss.GetStringAsync("/bureau");
        var token = CsrfToken().Matches(page).Select(m => m.Groups[1].Value).Last();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token, ["kind"] = "ledgers" });
        using var posted = await boss.PostAsync("/bureau/jobs", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/jobs/", location, StringComparison.Ordinal);
        string job;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            job = await boss.GetStringAsync(location);
            Assert.Contains("id=\"job-progress\"", job, StringComparison.Ordinal);
            if (!job.Contains("已全部生成", StringComparison.Ordinal))
                Assert.Contains("http-equiv=\"refresh\"", job, StringComparison.Ordinal);
            await Task.Delay(200);
        }
        while (!job.Contains("已全部生成", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("已全部生成", job, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", job, StringComparison.Ordinal);
        Assert.Equal(18, JobLink().Count(job)); // 17 counties and the city roll-up
        Assert.Contains("工作台账_临汾市汇总_", job, StringComparison.Ordinal);

        using var yd = await Sessions.As(web, "yd");
        using var refused = await yd.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_county_page_warns_with_the_stored_risk_model_once_analytics_risk_has_kept_one()
    {
        using var boss = await Sessions.As(web, "boss");
        var without = await boss.GetStringAsync("/county/yaodu");
        Assert.Contains("id=\"at-risk-none\"", without, StringComparison.Ordinal);
        Assert.Contains("id=\"in-progress\"", without, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(web.Cli("risk", "--county", "yaodu", "--format", "json"));
        var page = await boss.GetStringAsync("/county/yaodu");
        Assert.DoesNotContain("id=\"at-risk-none\"", page, StringComparison.Ordinal);
        var (_, rows) = ReadTable(page, "at-risk");
        var cli = json.RootElement.GetProperty("applications").EnumerateArray()
            .Where(a => a.GetProperty("miss_probability").GetDouble() >= 0.5).Select(a => a.GetProperty("application_id").GetString()!).Take(100).ToList();
        Assert.Equal(cli, rows.Select(r => r[0]));
        var assessed = json.RootElement.GetProperty("assessed").GetInt32();
        Assert.True(assessed > 0);
        Assert.Contains($"共评估在途 {assessed} 件", page, StringComparison.Ordinal);
    }

    private void FileLedger(string county, DateOnly thursday)
    {
        var dir = Path.Combine(web.Folder, "ledgers-" + county);
        var path = web.Cli("ledger", "--county", county, "--date", thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--no-risk", "--out", dir).Trim();
        using (var wb = new ClosedXML.Excel.XLWorkbook(path))
        {
            var progress = wb.Worksheet("工作进展");
            var row = progress.RowsUsed().First(x => x.Cell(2).GetString() == "任务1");
            row.Cell(4).Value = "已完成接口联调";
            row.Cell(5).Value = "推进中";
            // The signature block a filed ledger needs (issue 15): read back masked, the phone dropped.
            int Sign(string label) => progress.Column(1).CellsUsed().Single(c => c.GetString() == label).Address.RowNumber;
            progress.Cell(Sign("填报人"), 3).Value = "王建国";
            progress.Cell(Sign("审核人"), 3).Value = "李秀英";
            progress.Cell(Sign("联系电话"), 3).Value = "13912345678";
            progress.Cell(Sign("报送日期"), 3).Value = thursday.ToDateTime(TimeOnly.MinValue);
            wb.Save();
        }
        web.Cli("ingest", "ledger", path);
    }

    private static string Href(string page, string id) =>
        WebUtility.HtmlDecode(Regex.Match(page, $"id=\"{id}\" href=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>The header cells and the rows (cell text, tags removed) of the table with <paramref name="id"/>.</summary>
    private static (List<string> Headers, List<List<string>> Rows) ReadTable(string page, string id)
    {
        var table = Regex.Match(page, $"<table id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(table.Success, $"no table {id}");
        var headers = Regex.Matches(table.Groups[1].Value, "<th scope=\"col\">(.*?)</th>").Select(m => Text(m.Groups[1].Value)).ToList();
        var body = table.Groups[1].Value[table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal)..];
        var rows = Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(r => Regex.Matches(r.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(c => Text(c.Groups[1].Value)).ToList())
            .Where(r => r.Count > 1).ToList();
        return (headers, rows);
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")).Trim();

    [GeneratedRegex("<figure class=\"chart\">")]
    private static partial Regex ChartCount();

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();

    [GeneratedRegex("<a href=\"/api/jobs/[0-9a-f]+/\\d+\">")]
    private static partial Regex JobLink();
}
