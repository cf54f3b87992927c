using Analytics.Domain;
using System.Net;
using System.Text.Json;

namespace Analytics.Web.Tests;

/// <summary>The API's answers: the same JSON as the command line, uploads all or nothing, lockout, the audit log.</summary>
[Collection(WebServerGroup.Name)]
public sealed class ApiTests(WebFixture web)
{
    [Theory]
    [InlineData("boss", "from=2025-01-01&to=2025-12-31", new[] { "--from", "2025-01-01", "--to", "2025-12-31" })]
    [InlineData("boss", "county=yaodu&from=2026-01-01", new[] { "--county", "yaodu", "--from", "2026-01-01" })]
    [InlineData("yd", "", new[] { "--county", "yaodu" })]
    [InlineData("sg", "to=2025-06-30&from=2025-01-01", new[] { "--utility", "sgcc-linfen", "--from", "2025-01-01", "--to", "2025-06-30" })]
    public async Task The_api_metrics_are_the_bytes_of_metrics_format_json(string account, string query, string[] cli)
    {
        using var client = await Sessions.As(web, account);
        using var response = await client.GetAsync("/api/metrics?" + query);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var api = await response.Content.ReadAsByteArrayAsync();
        var expected = System.Text.Encoding.UTF8.GetBytes(web.Cli(["metrics", "--format", "json", .. cli]));
        Assert.Equal(expected, api);
        Assert.True(api.Length > 1000);
    }

    [Fact]
    public async Task A_rejected_upload_lists_every_located_error_and_leaves_the_store_unchanged()
    {
        var filings = web.Store.Filings().Count;
        var revisions = web.Store.ApplicationRevisions().Count();
        using var client = await Sessions.As(web, "sg");
        using var response = await Sessions.Upload(client, "/api/filings/applications", web.BadApplications("sgcc-linfen"));
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("bad-applications.csv", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("accepted_at", error.GetProperty("column").GetString());
        Assert.Equal("2025-13-45 08:00", error.GetProperty("value").GetString());
        // The same Chinese text as the CLI's (ingest's message catalogue, Chinese by default).
        Assert.Equal("“2025-13-45 08:00”不是真实存在的日期时间：没有 13 月。", error.GetProperty("message").GetString());
        Assert.Equal(filings, web.Store.Filings().Count);
        Assert.Equal(revisions, web.Store.ApplicationRevisions().Count());
    }

    [Fact]
    public async Task A_utility_cannot_file_another_utilitys_rows_and_nothing_is_loaded()
    {
        var filings = web.Store.Filings().Count;
        using var client = await Sessions.As(web, "sg");
        var theirs = web.File("theirs.csv", web.Applications("sxdl-puxian", 3));
        using var response = await Sessions.Upload(client, "/api/filings/applications", theirs);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(filings, web.Store.Filings().Count);
    }

    [Fact]
    public async Task A_good_upload_is_one_filing_and_audited()
    {
        var filings = web.Store.Filings().Count;
        using var client = await Sessions.As(web, "sg");
        var good = web.File("good-applications.csv", web.Applications("sgcc-linfen", 4));
        using var response = await Sessions.Upload(client, "/api/filings/applications", good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("loaded", doc.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(4, doc.RootElement.GetProperty("rows_read").GetInt32());
        Assert.Equal(filings + 1, web.Store.Filings().Count);
        Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: "sg", Action: "filing" } && e.Detail.Contains("good-applications.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Downloads_are_the_documents_and_are_audited()
    {
        using var client = await Sessions.As(web, "yd");
        using var ledger = await client.GetAsync("/api/ledger?county=yaodu&date=2026-11-26");
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        var bytes = await ledger.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a ZIP (XLSX)
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: "yd", Action: "download", Detail: "ledger yaodu 2026-11-26" });

        using var sg = await Sessions.As(web, "sg");
        using var pdf = await sg.GetAsync("/api/report/semiannual?utility=sgcc-linfen&half=2026H1");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_for_fifteen_minutes_and_each_is_audited()
    {
        new AccountService(web.Accounts, web.Settings).Add("locky", Domain.Storage.AccountRole.County, "houma", WebFixture.Password, "test");
        using var client = Sessions.Client(web);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await Sessions.Login(client, "locky", "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        using (var locked = await Sessions.Login(client, "locky", WebFixture.Password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
            Assert.Contains("锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var log = web.Accounts.AuditLog().Where(e => e.Account == "locky").ToList();
        Assert.Equal(5, log.Count(e => e.Action == "login_failed"));
        Assert.Single(log, e => e.Action == "login_locked");
        try
        {
            web.Now = WebFixture.Start.AddMinutes(16);
            using var later = await Sessions.Login(client, "locky", WebFixture.Password);
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
            Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: "locky", Action: "login" });
            Assert.Equal(0, web.Accounts.FindAccount("locky")!.FailedLogins);
        }
        finally
        {
            web.Now = WebFixture.Start;
        }
    }

    [Fact]
    public async Task An_unknown_account_is_refused_like_a_wrong_password_and_audited()
    {
        using var client = Sessions.Client(web);
        using var response = await Sessions.Login(client, "nobody", "whatever-1");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(web.Accounts.AuditLog(), e => e is { Account: null, Action: "login_failed", Detail: "unknown account nobody" });
        using var api = await client.GetAsync("/api/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public void User_commands_add_list_and_remove_accounts_with_an_audit_line()
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var root = Cli.CliApp.BuildRoot(p => new Cli.CliContext(p, o, e, ChinaTime.Fixed(WebFixture.Start)));
        root.Subcommands.Remove(root.Subcommands.Single(c => c.Name == "user"));
        root.Subcommands.Add(Cli.Commands.UserCommand.Build(p => new Cli.CliContext(p, o, e, ChinaTime.Fixed(WebFixture.Start)), () => new StringReader("a-long-password\n")));
        int Run(params string[] args) => root.Parse([.. args, "--store", web.StorePath]).Invoke();
        Assert.Equal(0, Run("user", "add", "clerk2", "--role", "county:尧都区"));
        Assert.Equal(Domain.Storage.AccountRole.County, web.Accounts.FindAccount("clerk2")!.Role);
        Assert.Equal("yaodu", web.Accounts.FindAccount("clerk2")!.Scope);
        Assert.Equal(0, Run("user", "list"));
        Assert.Contains("clerk2", o.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Run("user", "remove", "clerk2"));
        Assert.Null(web.Accounts.FindAccount("clerk2"));
        Assert.Contains(web.Accounts.AuditLog(), x => x is { Account: "cli", Action: "account_remove", Detail: "clerk2" });
        Assert.Equal(2, Cli.CliApp.Run(["user", "add", "x", "--role", "mayor", "--store", web.StorePath], o, e));
    }
}
