using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Analytics.Web.Tests;

/// <summary>
/// The pages in a real browser (Debian's chromium and chromium-driver, headless, 1366×768) against Kestrel on a
/// loopback port: log in, the overview, a bad upload and its error table, a good upload, a ledger download, a county
/// account refused another county's page. Screenshots go to docs/screenshots/. A browser that cannot start is a
/// failure, never a skip (scripts/test.sh installs it).
/// </summary>
[Collection(WebServerGroup.Name)]
public sealed class BrowserTests(WebFixture web) : IAsyncLifetime, IDisposable
{
    private WebApplication? _app;
    private ChromeDriver? _driver;
    private string _base = "";
    private readonly string _profile = Directory.CreateTempSubdirectory("analytics-chromium-").FullName;

    public async Task InitializeAsync()
    {
        _app = WebApp.Build(web.Settings, "http://127.0.0.1:0", web.Store);
        await _app.StartAsync();
        _base = _app.Urls.First();
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1366,768", "--lang=zh-CN", $"--user-data-dir={_profile}");
        try
        {
            _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is WebDriverException or DriverServiceNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                "The browser could not start: install Debian's chromium and chromium-driver (scripts/test.sh does as root). " + e.Message, e);
        }
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        _driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
    }

    public async Task DisposeAsync()
    {
        _driver?.Quit();
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Dispose()
    {
        _driver?.Dispose();
        try { Directory.Delete(_profile, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private ChromeDriver Driver => _driver ?? throw new InvalidOperationException("no browser");

    [Fact]
    public void A_bureau_analyst_logs_in_and_reads_the_overview_in_chinese()
    {
        LogIn("boss");
        Assert.Equal("全市总览", Driver.FindElement(By.TagName("h1")).Text);
        var cityTargets = Driver.FindElement(By.Id("city-targets"));
        Assert.Contains("T1a", cityTargets.Text, StringComparison.Ordinal);
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#county-targets a[href^='/county/']")));
        Assert.Contains("排名", Driver.FindElement(By.Id("utility-ranking")).Text, StringComparison.Ordinal);
        Assert.True(FontReady(), "the page's CJK font (ReportSans) did not load");
        Screenshot("overview.png");

        // keyboard: the first Tab reaches the skip link, Enter moves to the content
        Driver.FindElement(By.TagName("body")).SendKeys(Keys.Tab);
        Assert.Equal("跳到正文", Driver.SwitchTo().ActiveElement().Text);

        // the monthly trends are drawn (inline SVG with a line and points), 报送情况 lists the 17 counties
        var trends = Driver.FindElement(By.Id("trends"));
        Assert.True(trends.FindElements(By.CssSelector("svg polyline")).Count >= 3);
        Assert.True(trends.FindElements(By.CssSelector("svg circle")).Count >= 6);
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('trends').scrollIntoView()");
        Screenshot("overview-trends.png");
        Assert.Equal(17, Driver.FindElements(By.CssSelector("#filings tbody tr")).Count);
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('filings').scrollIntoView()");
        Screenshot("overview-filings.png");

        // every ledger as a job: the page shows the progress and refreshes itself until each file is a link
        Driver.FindElement(By.Id("job-ledgers")).Click();
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(120));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        wait.Until(d => d.FindElement(By.Id("job-status")).Text.Contains("已全部生成", StringComparison.Ordinal));
        Assert.Equal(18, Driver.FindElements(By.CssSelector("#job-items a")).Count);
        Screenshot("jobs.png");
    }

    [Fact]
    public void A_utility_uploads_a_bad_file_reads_its_errors_then_uploads_a_good_one()
    {
        LogIn("sg");
        Assert.EndsWith("/utility/sgcc-linfen", Driver.Url, StringComparison.Ordinal);
        var filings = web.Store.Filings().Count;
        Upload("applications", web.BadApplications("sgcc-linfen"));
        var errors = Driver.FindElement(By.Id("upload-errors"));
        Assert.Contains("bad-applications.csv", errors.Text, StringComparison.Ordinal);
        Assert.Contains("accepted_at", errors.Text, StringComparison.Ordinal);
        Assert.Contains("2025-13-45 08:00", errors.Text, StringComparison.Ordinal);
        Assert.Contains("整个文件未载入", Driver.FindElement(By.Id("upload-result")).Text, StringComparison.Ordinal);
        Assert.Equal(filings, web.Store.Filings().Count);
        Assert.True(FontReady());
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('upload-result').scrollIntoView()");
        Screenshot("upload-errors.png");

        Upload("applications", web.File("browser-good.csv", web.Applications("sgcc-linfen", 6)));
        Assert.Contains("已载入 6 行", Driver.FindElement(By.Id("upload-result")).Text, StringComparison.Ordinal);
        Assert.Equal(filings + 1, web.Store.Filings().Count);
    }

    [Fact]
    public void A_county_clerk_downloads_the_ledger_and_is_refused_another_county()
    {
        LogIn("yd");
        Assert.EndsWith("/county/yaodu", Driver.Url, StringComparison.Ordinal);
        Assert.Contains("尧都区", Driver.FindElement(By.TagName("h1")).Text, StringComparison.Ordinal);
        Assert.True(FontReady());
        Screenshot("county.png");
        Assert.Equal(12, Driver.FindElements(By.CssSelector("#ledger-weeks tbody tr")).Count);

        // Last week's ledger filed through the page on its Thursday afternoon (the server's clock): 按时报送 with its time.
        var href = Driver.FindElement(By.Id("ledger-download")).GetAttribute("href") ?? "";
        var thursday = DateOnly.ParseExact(href[(href.IndexOf("date=", StringComparison.Ordinal) + 5)..][..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var week = thursday.AddDays(-7);
        var day = week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ledger = FilledLedger(week);
        try
        {
            web.Now = week.ToDateTime(new TimeOnly(15, 20));
            Driver.FindElement(By.Id("file")).SendKeys(ledger);
            Driver.FindElement(By.CssSelector("form[action='/county/yaodu/ledger'] button[type='submit']")).Click();
            new WebDriverWait(Driver, TimeSpan.FromSeconds(60)).Until(d => d.FindElements(By.Id("upload-result")).Count > 0);
        }
        finally
        {
            web.Now = WebFixture.Start;
        }
        var row = Driver.FindElements(By.CssSelector("#ledger-weeks tbody tr")).Single(r => r.Text.StartsWith(day, StringComparison.Ordinal));
        Assert.Contains("按时报送", row.Text, StringComparison.Ordinal);
        Assert.Contains(day + " 15:20", row.Text, StringComparison.Ordinal);
        ((IJavaScriptExecutor)Driver).ExecuteScript("document.getElementById('ledger-weeks').scrollIntoView()");
        Screenshot("county-weeks.png");

        var download = (string?)((IJavaScriptExecutor)Driver).ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            fetch(arguments[0]).then(async r => done(r.status + ' ' + r.headers.get('content-type') + ' ' + (await r.arrayBuffer()).byteLength));
            """, href);
        var parts = (download ?? "").Split(' ');
        Assert.Equal("200", parts[0]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", parts[1]);
        Assert.True(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) > 5000);

        Driver.Navigate().GoToUrl(_base + "/county/jixian");
        Assert.Equal("无权访问", Driver.FindElement(By.TagName("h1")).Text);
        var status = (long?)((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; fetch('/county/jixian').then(r => done(r.status));");
        Assert.Equal(403L, status);
    }

    /// <summary>yaodu's ledger of <paramref name="thursday"/> from the command line, one task's progress and the signature filled in.</summary>
    private string FilledLedger(DateOnly thursday) => web.FilledLedger(thursday, "browser-ledger", "线上办电平台已上线");

    private void LogIn(string name)
    {
        Driver.Navigate().GoToUrl(_base + "/login");
        Driver.FindElement(By.Id("name")).SendKeys(name);
        Driver.FindElement(By.Id("password")).SendKeys(WebFixture.Password + Keys.Enter);
        new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(d => !d.Url.EndsWith("/login", StringComparison.Ordinal));
    }

    private void Upload(string kind, string path)
    {
        Driver.FindElement(By.CssSelector($"#kind option[value='{kind}']")).Click();
        Driver.FindElement(By.Id("file")).SendKeys(path);
        Driver.FindElement(By.Id("upload")).Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(60)).Until(d => d.FindElements(By.Id("upload-result")).Count > 0);
    }

    private bool FontReady() => true == (bool?)((IJavaScriptExecutor)Driver).ExecuteAsyncScript(
        "const done = arguments[arguments.length - 1]; document.fonts.load('16px ReportSans', '临汾').then(() => done(document.fonts.check('16px ReportSans', '临汾')));");

    private void Screenshot(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Analytics.sln"))) return d.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
