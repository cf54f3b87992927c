using Analytics.Domain;
using Analytics.Cli;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Analytics.Web.Tests;

/// <summary>
/// A temporary embedded store loaded by the command line with generated data (analytics generate + ingest), four
/// accounts (bureau, county:yaodu, utility:sgcc-linfen and a spare for lockout), and the web application over it
/// through <see cref="WebApplicationFactory{TEntryPoint}"/>.
/// </summary>
public sealed class WebFixture : WebApplicationFactory<WebFixture>
{
    public const string Password = "correct-horse-1";
    public static readonly DateTime Start = new(2026, 11, 29, 9, 0, 0);

    public WebFixture()
    {
        Folder = Directory.CreateTempSubdirectory("analytics-web-tests-").FullName;
        StorePath = Path.Combine(Folder, "analytics.db");
        KeyFile = Path.Combine(Folder, "customer.key");
        Data = Path.Combine(Folder, "data");
        Cli("generate", "--applications", "3000", "--outages", "300", "--out", Data);
        foreach (var (kind, file) in new[] { ("applications", "applications.csv"), ("applications", "applications-revised.csv"), ("outages", "outages.csv"), ("customers", "customers.csv") })
            Cli("ingest", kind, Path.Combine(Data, file));
        Settings = new WebSettings
        {
            Store = StorePath, Policy = Policy.Default, Calendar = WorkingDayCalendar.Default, Registries = Registries.Default,
            KeyFile = KeyFile, Time = ChinaTime.FromLocal(() => Now), UploadFolder = Folder, WarmOverview = false,
        };
        Store = StoreFactory.Open(StorePath);
        var accounts = new AccountService((IAccountStore)Store, Settings);
        accounts.Add("boss", AccountRole.Bureau, null, Password, "test");
        accounts.Add("yd", AccountRole.County, "yaodu", Password, "test");
        accounts.Add("sg", AccountRole.Utility, "sgcc-linfen", Password, "test");
    }

    public string Folder { get; }
    public string StorePath { get; }
    public string KeyFile { get; }
    public string Data { get; }
    public WebSettings Settings { get; }
    public IAnalyticsStore Store { get; }
    public IAccountStore Accounts => (IAccountStore)Store;

    /// <summary>The server's clock (tests move it to end a lockout).</summary>
    public DateTime Now { get; set; } = Start;

    /// <summary>Runs the command line on this fixture's store; fails the test on a non-zero exit.</summary>
    public string Cli(params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = CliApp.Run([.. args, "--store", StorePath, "--key-file", KeyFile], o, e, () => Start);
        if (code != 0) throw new InvalidOperationException($"analytics {string.Join(' ', args)} exited {code}: {e}");
        return o.ToString();
    }

    /// <summary>
    /// yaodu's ledger of <paramref name="thursday"/> from the command line (written under <paramref name="folder"/>), 任务1's
    /// progress and the signature filled in as a county clerk would.
    /// </summary>
    public string FilledLedger(DateOnly thursday, string folder, string progress)
    {
        var path = Cli("ledger", "--county", "yaodu", "--date", thursday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--no-risk", "--out", Path.Combine(Folder, folder)).Trim();
        using var wb = new ClosedXML.Excel.XLWorkbook(path);
        var sheet = wb.Worksheet("工作进展");
        var task = sheet.RowsUsed().First(x => x.Cell(2).GetString() == "任务1");
        task.Cell(4).Value = progress;
        task.Cell(5).Value = "推进中";
        int Sign(string label) => sheet.Column(1).CellsUsed().Single(c => c.GetString() == label).Address.RowNumber;
        sheet.Cell(Sign("填报人"), 3).Value = "王建国";
        sheet.Cell(Sign("审核人"), 3).Value = "李秀英";
        sheet.Cell(Sign("联系电话"), 3).Value = "13912345678";
        sheet.Cell(Sign("报送日期"), 3).Value = thursday.ToDateTime(TimeOnly.MinValue);
        wb.Save();
        return path;
    }

    /// <summary>A file of the fixture's folder with these lines (UTF-8).</summary>
    public string File(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>The generated applications: header and the first <paramref name="count"/> rows of a utility.</summary>
    public string[] Applications(string utility, int count)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(Data, "applications.csv"));
        return [lines[0].TrimStart('\uFEFF'), .. lines.Skip(1).Where(l => l.Split(',')[1] == utility).Take(count)];
    }

    /// <summary>An applications file of <paramref name="utility"/> whose second row has an impossible accepted_at.</summary>
    public string BadApplications(string utility)
    {
        var lines = Applications(utility, 2);
        var header = lines[0].Split(',');
        var cells = lines[2].Split(',');
        cells[Array.IndexOf(header, "accepted_at")] = "2025-13-45 08:00";
        lines[2] = string.Join(',', cells);
        return File("bad-applications.csv", lines);
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHostDefaults(w => w
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureServices(s => WebApp.ConfigureServices(s, Settings, Store))
            .Configure(WebApp.Configure));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class WebServerGroup : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
