using System.Net;

namespace Analytics.Web.Tests;

/// <summary>
/// Every role × every endpoint (cli.md §5): anonymous is 401 on the API (a redirect to the login page on pages), another
/// county's or utility's data is 403 whatever the query says, and one's own is 200 (or 422 for a bad upload).
/// </summary>
[Collection(WebServerGroup.Name)]
public sealed class IsolationMatrixTests(WebFixture web)
{
    private const string Anon = "anonymous";
    private static readonly string[] Roles = ["boss", "yd", "sg", Anon];

    // expected status for: bureau (boss), county:yaodu (yd), utility:sgcc-linfen (sg), anonymous
    public static TheoryData<string, string, int, int, int, int> Matrix => new()
    {
        { "GET", "/api/metrics", 200, 200, 200, 401 },
        { "GET", "/api/metrics?county=yaodu", 200, 200, 200, 401 },
        { "GET", "/api/metrics?county=jixian", 200, 403, 200, 401 },
        { "GET", "/api/metrics?utility=sgcc-linfen", 200, 200, 200, 401 },
        { "GET", "/api/metrics?utility=sxdl-puxian", 200, 200, 403, 401 },
        { "GET", "/api/ledger?county=yaodu&date=2026-11-26", 200, 200, 403, 401 },
        { "GET", "/api/ledger?county=jixian&date=2026-11-26", 200, 403, 403, 401 },
        { "GET", "/api/report/semiannual?utility=sgcc-linfen&half=2026H1", 200, 403, 200, 401 },
        { "GET", "/api/report/semiannual?utility=sxdl-puxian&half=2026H1", 200, 403, 403, 401 },
        { "POST", "/api/filings/applications", 422, 403, 422, 401 },
        { "POST", "/api/filings/ledger", 422, 422, 403, 401 },
        { "GET", "/api/filings/ledger", 200, 200, 403, 401 },
        { "GET", "/api/filings/ledger?county=jixian", 200, 403, 403, 401 },
        { "GET", "/api/ledger/city?date=2026-11-26", 200, 403, 403, 401 },
        { "GET", "/api/report/circular?half=2026H1", 200, 403, 403, 401 },
        { "POST", "/api/jobs/nothing", 400, 403, 403, 401 },
        { "GET", "/api/jobs/000000000000", 404, 403, 403, 401 },
        { "GET", "/api/jobs/000000000000/0", 404, 403, 403, 401 },
        { "GET", "/jobs/000000000000", 404, 403, 403, 302 },
        { "GET", "/bureau", 200, 403, 403, 302 },
        { "GET", "/county/yaodu", 200, 200, 403, 302 },
        { "GET", "/county/jixian", 200, 403, 403, 302 },
        { "GET", "/utility/sgcc-linfen", 200, 403, 200, 302 },
        { "GET", "/utility/sxdl-puxian", 200, 403, 403, 302 },
        { "GET", "/findings?county=jixian", 200, 403, 200, 302 },
        { "GET", "/findings?utility=sxdl-puxian", 200, 200, 403, 302 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_its_own_data_and_nothing_else(string method, string url, int bureau, int county, int utility, int anonymous)
    {
        int[] expected = [bureau, county, utility, anonymous];
        var bad = web.BadApplications("sgcc-linfen");
        for (var i = 0; i < Roles.Length; i++)
        {
            using var client = await Sessions.As(web, Roles[i] == Anon ? null : Roles[i]);
            using var response = method == "GET" ? await client.GetAsync(url) : await Sessions.Upload(client, url, bad);
            Assert.True(expected[i] == (int)response.StatusCode, $"{Roles[i]} {method} {url}: expected {expected[i]}, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_county_account_is_scoped_to_its_county_whatever_the_query_omits()
    {
        using var client = await Sessions.As(web, "yd");
        var json = await client.GetStringAsync("/api/metrics?from=2025-01-01&to=2025-12-31");
        Assert.Contains("\"county\": \"yaodu\"", json, StringComparison.Ordinal);
        using var sg = await Sessions.As(web, "sg");
        Assert.Contains("\"utility\": \"sgcc-linfen\"", await sg.GetStringAsync("/api/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_account_cannot_open_an_application_of_another_county()
    {
        var other = web.Store.Applications().First(a => a.County != "yaodu" && a.Utility == "sgcc-linfen");
        using var yd = await Sessions.As(web, "yd");
        using var response = await yd.GetAsync($"/application/{other.Utility}/{other.ApplicationId}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var boss = await Sessions.As(web, "boss");
        var page = await boss.GetStringAsync($"/application/{other.Utility}/{other.ApplicationId}");
        Assert.Contains("环节时间线", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_post_without_the_anti_forgery_header_is_refused()
    {
        using var client = await Sessions.As(web, "boss");
        using var response = await Sessions.Upload(client, "/api/filings/applications", web.BadApplications("sgcc-linfen"), csrfHeader: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var login = await client.PostAsync("/api/login", new StringContent("{\"name\":\"boss\",\"password\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using var client = Sessions.Client(web);
        using var response = await Sessions.Login(client, "boss", WebFixture.Password);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(WebApp.CookieName, StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
