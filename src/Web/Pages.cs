using System.Globalization;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Pdf.Content;
using Analytics.Reports.Wording;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Analytics.Web.Html;

namespace Analytics.Web;

/// <summary>
/// The pages in Chinese: login; the bureau's overview of a period (default: the year to date) with every target by
/// county and utility, SAIDI by area, the ranking, and links down to findings and one application; a county's page
/// (this Thursday's ledger, its upload, its in-progress applications); a utility's page (uploads with their errors as
/// a table, its figures and place, its semiannual PDF). Every figure comes from one engine answer for one period and
/// group (<see cref="StoreReader.Answer"/>); a page only lays it out.
/// </summary>
public static class Pages
{
    private static readonly string[] UnitHeader = ["单位"];

    private static readonly Lazy<byte[]> Font = new(() =>
    {
        using var s = typeof(Analytics.Reports.Pdf.ReportFonts).Assembly.GetManifestResourceStream("Analytics.Reports.Fonts.ReportSans.ttf")
            ?? throw new InvalidOperationException("The embedded font is missing.");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    public static void Map(IEndpointRouteBuilder e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.MapGet("/static/ReportSans.ttf", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(Font.Value, "font/ttf");
        });
        e.MapGet("/login", (HttpContext http) => LoginPage(http, null, 200));
        e.MapPost("/login", PostLogin);
        e.MapPost("/logout", PostLogout);
        e.MapGet("/", Home).RequireAuthorization();
        e.MapGet("/bureau", Bureau).RequireAuthorization();
        e.MapGet("/county/{code}", County).RequireAuthorization();
        e.MapPost("/county/{code}/ledger", CountyUpload).RequireAuthorization();
        e.MapGet("/utility/{code}", Utility).RequireAuthorization();
        e.MapPost("/utility/{code}/upload", UtilityUpload).RequireAuthorization();
        e.MapGet("/findings", Findings).RequireAuthorization();
        e.MapGet("/application/{utility}/{id}", ApplicationPage).RequireAuthorization();
        e.MapPost("/bureau/jobs", PostJob).RequireAuthorization();
        e.MapGet("/jobs/{id}", JobPage).RequireAuthorization();
    }

    /// <summary>An error page (403, 404…) with its message.</summary>
    public static Task Error(HttpContext http, int status, string message) =>
        Write(http, status switch { 403 => "无权访问", 404 => "未找到", 401 => "请登录", _ => "请求无法完成" },
            $"<p class=\"msg err\" role=\"alert\">{E(message)}</p><p><a href=\"/\">返回首页</a></p>", status);

    private static Task LoginPage(HttpContext http, string? error, int status) => Write(http, "登录",
        (error is null ? "" : $"<p class=\"msg err\" role=\"alert\">{E(error)}</p>")
        + "<form method=\"post\" action=\"/login\" class=\"login\">" + Antiforgery(http)
        + "<p><label for=\"name\">账户名</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required autofocus></p>"
        + "<p><label for=\"password\">密码</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>"
        + "<p><button type=\"submit\" id=\"login\">登录</button></p></form>", status);

    private static async Task PostLogin(HttpContext http, IAntiforgery antiforgery, AccountService accounts)
    {
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var outcome = accounts.Login(form["name"].ToString(), form["password"].ToString());
        if (outcome.Account is not { } account)
        {
            await LoginPage(http, outcome.Locked ? "账户已锁定，请 15 分钟后再试。" : "账户名或密码错误。", 401).ConfigureAwait(false);
            return;
        }
        await Api.SignIn(http, account).ConfigureAwait(false);
        http.Response.Redirect("/");
    }

    private static async Task PostLogout(HttpContext http, IAntiforgery antiforgery, IAccountStore audit, WebSettings settings)
    {
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        if (http.User.Identity?.IsAuthenticated == true) audit.Audit(new AuditEntry(settings.Clock(), http.User.Identity.Name, "logout", ""));
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        http.Response.Redirect("/login");
    }

    private static IResult Home(HttpContext http)
    {
        var u = UserScope.Of(http.User);
        return Results.Redirect(u.Role switch
        {
            AccountRole.County => "/county/" + Uri.EscapeDataString(u.Code ?? ""),
            AccountRole.Utility => "/utility/" + Uri.EscapeDataString(u.Code ?? ""),
            _ => "/bureau",
        });
    }

    /// <summary>The period of a page: from/to, default the year to date of the data (1 January to data_through).</summary>
    private static (DateOnly From, DateOnly To) PagePeriod(HttpContext http, StoreReader reader, WebSettings settings)
    {
        var end = DateOnly.FromDateTime(reader.DataThrough() ?? settings.Clock());
        var from = Api.Date(http.Request.Query["from"], "from");
        var to = Api.Date(http.Request.Query["to"], "to") ?? (from is { } f && f > end ? f : end);
        return (from ?? new DateOnly(to.Year, 1, 1), to);
    }

    private static string PeriodForm(string action, DateOnly from, DateOnly to) =>
        $"<form method=\"get\" action=\"{E(action)}\" class=\"inline\"><label for=\"from\">从</label><input id=\"from\" name=\"from\" type=\"date\" value=\"{Date(from)}\">"
        + $"<label for=\"to\">至</label><input id=\"to\" name=\"to\" type=\"date\" value=\"{Date(to)}\"><button type=\"submit\">查询</button></form>";

    private static string Range(DateOnly from, DateOnly to) => $"from={Date(from)}&amp;to={Date(to)}";

    private static string Heading(MetricsResult r) =>
        $"<p class=\"msg\">报告期 {Date(r.Period.From)} 至 {Date(r.Period.To)}；数据截至 {Date(r.DataThroughDate)}"
        + (r.NoData ? "；<strong>报告期晚于数据截止日，本期没有数据</strong>" : !r.Complete ? "；报告期尚未结束" : "")
        + $"；{E(r.Policy.PlanId)}</p>";

    private static string Verdict(TargetResult t) =>
        !t.InForce ? "未生效" : t.Total == 0 ? "无数据" : t.Met ? "<span class=\"met\">达标</span>" : "<span class=\"bad\">未达标</span>";

    private static string TargetTable(string caption, IEnumerable<TargetResult> targets, string id) => Table(caption,
        ["目标", "条款", "内容", "限值", "合规/总数", "合规率", "数据缺项", "结论"],
        targets.Select(t => new[]
        {
            E(t.Id), E(t.Clause), E(t.Title), Num(t.Limit), string.Create(CultureInfo.InvariantCulture, $"{t.Compliant}/{t.Total}"),
            Pct(t.Rate), t.DataGaps > 0 ? $"<span class=\"gap\">{t.DataGaps}</span>" : "0", Verdict(t),
        }), id);

    /// <summary>Units × targets: each cell the unit's rate and verdict, the unit linking to its page.</summary>
    private static string UnitMatrix(string caption, MetricsResult r, GroupDimension dimension, Func<string, string> name, Func<string, string> link, string id)
    {
        var rows = r.TargetsBy(dimension).ToList();
        var ids = r.TargetsBy(GroupDimension.City).Where(t => t.InForce).Select(t => t.Id).ToList();
        var byUnit = rows.GroupBy(t => (dimension == GroupDimension.County ? t.Group.County : t.Group.Utility) ?? "").OrderBy(g => g.Key, StringComparer.Ordinal);
        return "<div class=\"wide\">" + Table(caption, UnitHeader.Concat(ids),
            byUnit.Select(g => new[] { $"<a href=\"{link(g.Key)}\">{E(name(g.Key))}</a>" }.Concat(ids.Select(id2 =>
            {
                var t = g.FirstOrDefault(x => x.Id == id2);
                if (t is null || t.Total == 0) return t is { DataGaps: > 0 } ? $"<span class=\"gap\">缺项 {t.DataGaps}</span>" : "—";
                var cls = t.Met ? "met" : "bad";
                return $"<span class=\"{cls}\">{Pct(t.Rate)}</span>" + (t.DataGaps > 0 ? $" <span class=\"gap\">缺{t.DataGaps}</span>" : "");
            }))), id) + "</div>";
    }

    private static string Ranking(string caption, MetricsResult r, GroupDimension dimension, IEnumerable<string> codes, Func<string, string> name, string id) =>
        Table(caption, ["名次", "单位", "综合达标率", "达标目标/计入目标", "不合规工单"],
            UnitRanking.Rank(r, dimension, codes).Select(s => new[]
            {
                s.Rank is { } k ? k.ToString(CultureInfo.InvariantCulture) : "—", E(name(s.Code)), Pct(s.Rate),
                string.Create(CultureInfo.InvariantCulture, $"{s.TargetsMet}/{s.TargetsCounted}"), s.Breaches.ToString(CultureInfo.InvariantCulture),
            }), id);

    private static string Reliability(MetricsResult r, Func<ReliabilityEntry, bool> which) => Table("供电可靠性（SAIDI，按供电区域；目标 2/5/9/15 小时）",
        ["期间", "区域", "用户数", "SAIDI(h)", "目标(h)", "同比", "结论"],
        r.Reliability.Where(which).Select(e => new[]
        {
            $"{Date(e.From)}–{Date(e.To)}", e.Area is { } a ? E(Codes.Label(a)) : "全部", Num(e.Customers, "0"), Num(e.SaidiH, "0.00"),
            Num(e.TargetH), e.YoyChange is { } y ? Pct((double)y) : "—",
            e.Status is { } st ? (e.Met == false ? $"<span class=\"bad\">{E(WordingTable.Status(st))}</span>" : E(WordingTable.Status(st))) : "—",
        }), "reliability");

    private static async Task Bureau(HttpContext http, StoreReader reader, WebSettings settings, Documents documents, OverviewWarmup warmup)
    {
        var user = UserScope.Of(http.User);
        if (!user.IsBureau) throw WebProblemException.Forbidden("市能源局总览");
        var (from, to) = PagePeriod(http, reader, settings);
        // The page's answer and its months' from one load of the period's records (StoreReader.Answers).
        var months = Overview.MonthPeriods(from, to);
        var questions = Overview.Questions(from, to);
        if (warmup.Answering(questions))
        {
            // The server is still making these answers (OverviewWarmup): show how far it is instead of waiting for it.
            var done = reader.Answered(questions);
            await Write(http, "全市总览", PeriodForm("/bureau", from, to) + string.Create(CultureInfo.InvariantCulture,
                $"<p class=\"msg\" role=\"status\" id=\"overview-warming\">服务刚启动，正在计算全市总览（{Date(from)} 至 {Date(to)} 及逐月趋势，共 {questions.Count} 项），已完成 {done} 项；本页每 2 秒自动刷新。</p>"
                + $"<p><progress id=\"overview-progress\" max=\"{questions.Count}\" value=\"{done}\">{done}/{questions.Count}</progress></p>"), 200, 2).ConfigureAwait(false);
            return;
        }
        var answers = reader.Answers(questions);
        var r = answers[0];
        var reg = settings.Registries;
        var body = new StringBuilder();
        body.Append(PeriodForm("/bureau", from, to)).Append(Heading(r));
        body.Append(TargetTable("全市目标完成情况", r.TargetsBy(GroupDimension.City), "city-targets"));
        body.Append(UnitMatrix("各县（市、区）目标合规率", r, GroupDimension.County, c => reg.County(c).Name, c => $"/county/{Uri.EscapeDataString(c)}?{Range(from, to)}", "county-targets"));
        body.Append(UnitMatrix("各供电单位目标合规率", r, GroupDimension.Utility, u => reg.Utility(u).Name, u => $"/utility/{Uri.EscapeDataString(u)}?{Range(from, to)}", "utility-targets"));
        body.Append(Reliability(r, e => e.County is null && e.Utility is null));
        body.Append(Ranking("供电单位排名（按通报规则）", r, GroupDimension.Utility, reg.Utilities.Select(u => u.Code), u => reg.Utility(u).Name, "utility-ranking"));
        body.Append(Ranking("县（市、区）排名（按通报规则）", r, GroupDimension.County, reg.Counties.Select(c => c.Code), c => reg.County(c).Name, "county-ranking"));
        body.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p><a href=\"/findings?{Range(from, to)}\">未达标工单 {r.Breaches.Count} 件、诚信问题 {r.Findings.Count} 件、数据缺项 {r.DataGaps.Count} 件 →</a></p>"));
        body.Append(Overview.Charts([.. months.Select((m, k) => new TrendMonth(m.From, m.To, answers[k + 1]))]));
        var thursday = documents.CurrentThursday();
        body.Append("<h2>报送情况</h2>").Append(Overview.FilingsTable(Overview.Filings(reader.LedgerNotes(), reader.LedgerFilings(), reg, thursday, settings.Clock()), thursday));
        body.Append(BureauDownloads(http, documents, thursday));
        await Write(http, "全市总览", body.ToString()).ConfigureAwait(false);
    }

    private static string BureauDownloads(HttpContext http, Documents documents, DateOnly thursday)
    {
        var half = documents.LastCompleteHalf();
        return "<h2>下载</h2><ul class=\"files\">"
            + $"<li><a id=\"circular-download\" href=\"/api/report/circular?half={half}\">全市通报 {E(half.ChineseLabel)}（PDF）</a></li>"
            + $"<li><a id=\"city-ledger-download\" href=\"/api/ledger/city?date={Date(thursday)}\">全市汇总台账 {Date(thursday)}（XLSX）</a></li>"
            + "<li>各县工作台账：见上表“台账”一列</li></ul>"
            + "<form method=\"post\" action=\"/bureau/jobs\" class=\"inline\">" + Antiforgery(http)
            + "<button type=\"submit\" name=\"kind\" value=\"ledgers\" id=\"job-ledgers\">生成全部县工作台账与全市汇总</button>"
            + "<button type=\"submit\" name=\"kind\" value=\"reports\" id=\"job-reports\">生成全部供电单位半年报告与通报</button></form>"
            + "<p>批量生成在后台逐个进行，页面显示进度，每生成一个即可下载。</p>";
    }

    private static async Task PostJob(HttpContext http, IAntiforgery antiforgery, Jobs jobs)
    {
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var job = jobs.Start(UserScope.Of(http.User), form["kind"].ToString());
        http.Response.Redirect("/jobs/" + Uri.EscapeDataString(job.Id));
    }

    private static async Task JobPage(HttpContext http, string id, Jobs jobs)
    {
        var job = jobs.Get(UserScope.Of(http.User), id);
        var done = job.Done;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"msg\" role=\"status\" id=\"job-status\">")
            .Append(job.Error is { } err ? $"已停止：{E(err)}" : job.Finished ? "已全部生成。" : "正在生成，本页每 2 秒自动刷新……")
            .Append(CultureInfo.InvariantCulture, $" 已完成 {done} / {job.Items.Count}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><progress id=\"job-progress\" max=\"{job.Items.Count}\" value=\"{done}\">{done}/{job.Items.Count}</progress></p><ol class=\"files\" id=\"job-items\">");
        for (var i = 0; i < job.Items.Count; i++)
        {
            var item = job.Items[i];
            body.Append("<li>").Append(item.Bytes is not null
                ? string.Create(CultureInfo.InvariantCulture, $"<a href=\"/api/jobs/{Uri.EscapeDataString(job.Id)}/{i}\">{E(item.FileName)}</a> ✓")
                : $"{E(item.Title)} — {(job.Finished ? "未生成" : "等待中")}").Append("</li>");
        }
        body.Append("</ol><p><a href=\"/bureau\">返回总览</a></p>");
        await Write(http, job.Title, body.ToString(), 200, job.Finished ? null : 2).ConfigureAwait(false);
    }

    private static async Task County(HttpContext http, string code, StoreReader reader, WebSettings settings, Documents documents) =>
        await CountyPage(http, code, reader, settings, documents, null).ConfigureAwait(false);

    private static async Task CountyPage(HttpContext http, string code, StoreReader reader, WebSettings settings, Documents documents, UploadOutcome? upload)
    {
        var user = UserScope.Of(http.User);
        var county = user.RequireCounty(code, settings.Registries);
        var entry = settings.Registries.County(county);
        var (from, to) = PagePeriod(http, reader, settings);
        var r = reader.Answer(new MetricsQuestion(from, to, county, null));
        var thursday = documents.CurrentThursday();
        var body = new StringBuilder();
        body.Append(UploadResult(upload));
        body.Append("<h2>本周工作台账</h2>")
            .Append(CultureInfo.InvariantCulture, $"<p><a id=\"ledger-download\" href=\"/api/ledger?county={Uri.EscapeDataString(county)}&amp;date={Date(thursday)}\">下载 {Date(thursday)}（星期四）的工作台账</a></p>");
        body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/county/{Uri.EscapeDataString(county)}/ledger\" enctype=\"multipart/form-data\" class=\"inline\">")
            .Append(Antiforgery(http)).Append("<label for=\"file\">上传填好的台账</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".xlsx\" required><button type=\"submit\">上传</button></form>");
        body.Append(PeriodForm($"/county/{Uri.EscapeDataString(county)}", from, to)).Append(Heading(r));
        body.Append(TargetTable($"{entry.Name}目标完成情况", r.TargetsBy(GroupDimension.City), "county-targets"));
        body.Append("<h2>台账报送记录</h2>").Append(Table("近 12 周的工作台账（每周四 24 时前报送为按时；以首次报送的时间为准，重报不改变按时与否）",
            ["报送日（星期四）", "状态", "报送时间", "填报事项"],
            Overview.Weeks(reader.LedgerNotes(), reader.LedgerFilings(), entry, thursday, settings.Clock(), 12).Select(w => new[]
            {
                Date(w.Thursday), w.Cell, w.FiledCell, w.Tasks.ToString(CultureInfo.InvariantCulture),
            }), "ledger-weeks"));
        body.Append(AtRisk(http.RequestServices.GetRequiredService<CountyRisk>().Assess(county), settings));
        var inProgress = r.Applications.Where(a => a.Status == ApplicationStatus.InProgress && a.County == county)
            .OrderByDescending(a => a.Overdue == true).ThenBy(a => a.WorkingDaysLeft ?? int.MaxValue).Take(100).ToList();
        body.Append(Table(string.Create(CultureInfo.InvariantCulture, $"在途工单（期末在途 {r.Indicators.Volumes.InProgress} 件，按剩余工作日排列，至多 100 件）"),
            ["工单", "供电单位", "受理时间", "已用工作日", "时限", "到期日", "剩余工作日", "状态"],
            inProgress.Select(a => new[]
            {
                $"<a href=\"/application/{Uri.EscapeDataString(a.Utility)}/{Uri.EscapeDataString(a.ApplicationId)}\">{E(a.ApplicationId)}</a>",
                E(settings.Registries.Utility(a.Utility).Name), Time(a.AcceptedAt), Num((decimal?)a.ElapsedDays, "0"), Num(a.LimitDays),
                Date(a.DueDate), Num((decimal?)a.WorkingDaysLeft, "0"), a.Overdue == true ? "<span class=\"bad\">已超时</span>" : "在办",
            }), "in-progress"));
        body.Append(string.Create(CultureInfo.InvariantCulture, $"<p><a href=\"/findings?county={Uri.EscapeDataString(county)}&amp;{Range(from, to)}\">本县未达标与问题工单 {r.Breaches.Count + r.Findings.Count} 件 →</a></p>"));
        await Write(http, $"{entry.Name} · 县（市、区）能源局", body.ToString(), upload?.Status ?? 200).ConfigureAwait(false);
    }

    /// <summary>The county's applications at risk (the stored model's miss probability at or above its threshold), or why there is no warning.</summary>
    private static string AtRisk(Analytics.Risk.RiskAssessment? assessment, WebSettings settings)
    {
        if (assessment is null)
            return "<h2>超期预警</h2><p class=\"msg\" id=\"at-risk-none\">存储中没有与当前数据对应的超期预警模型（运行 <code>analytics risk</code> 训练并保存后即可显示）；下表按剩余工作日排列在途工单。</p>";
        var atRisk = assessment.AtRisk();
        return "<h2>超期预警</h2>" + Table(string.Create(CultureInfo.InvariantCulture,
                $"有超期风险的在途工单（{atRisk.Count} 件，共评估在途 {assessment.Applications.Count} 件，超期概率 ≥ {assessment.Model.Options.AtRiskThreshold:0%}；模型训练于 {assessment.Model.TrainedOn.Count} 件已办结工单；至多列 100 件）"),
            ["工单", "供电单位", "目标", "已用工作日", "时限", "到期日", "剩余工作日", "预计用时", "超期概率"],
            atRisk.Take(100).Select(a => new[]
            {
                $"<a href=\"/application/{Uri.EscapeDataString(a.Utility)}/{Uri.EscapeDataString(a.ApplicationId)}\">{E(a.ApplicationId)}</a>",
                E(settings.Registries.Utility(a.Utility).Name), E(a.TargetId), a.ElapsedDays.ToString(CultureInfo.InvariantCulture), Num(a.LimitDays),
                Date(a.DueDate), a.DaysLeft.ToString(CultureInfo.InvariantCulture), Num(a.PredictedDays, "0.0"),
                $"<span class=\"{(a.MissProbability >= 0.8 ? "bad" : "gap")}\">{Pct(a.MissProbability)}</span>",
            }), "at-risk");
    }

    private static async Task CountyUpload(HttpContext http, string code, IAntiforgery antiforgery, StoreReader reader, WebSettings settings,
        Documents documents, Uploads uploads, IAccountStore audit)
    {
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        UserScope.Of(http.User).RequireCounty(code, settings.Registries);
        var outcome = await Api.Upload(http, "ledger", uploads, settings, audit).ConfigureAwait(false);
        await CountyPage(http, code, reader, settings, documents, outcome).ConfigureAwait(false);
    }

    private static async Task Utility(HttpContext http, string code, StoreReader reader, WebSettings settings) =>
        await UtilityPage(http, code, reader, settings, null).ConfigureAwait(false);

    private static async Task UtilityPage(HttpContext http, string code, StoreReader reader, WebSettings settings, UploadOutcome? upload)
    {
        var user = UserScope.Of(http.User);
        var utility = user.RequireUtility(code, settings.Registries);
        var reg = settings.Registries;
        var entry = reg.Utility(utility);
        var (from, to) = PagePeriod(http, reader, settings);
        var r = reader.Answer(new MetricsQuestion(from, to, null, utility));
        var city = reader.Answer(new MetricsQuestion(from, to, null, null));
        var body = new StringBuilder();
        body.Append(UploadResult(upload));
        body.Append("<h2>上传数据</h2>")
            .Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/utility/{Uri.EscapeDataString(utility)}/upload\" enctype=\"multipart/form-data\" class=\"inline\">").Append(Antiforgery(http))
            .Append("<label for=\"kind\">类别</label><select id=\"kind\" name=\"kind\"><option value=\"applications\">用电报装工单</option><option value=\"outages\">停电事件</option>")
            .Append("<option value=\"customers\">用户数</option><option value=\"notes\">半年报文字材料</option></select>")
            .Append("<label for=\"file\">文件（CSV 或 XLSX）</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.xlsx\" required><button type=\"submit\" id=\"upload\">上传</button></form>")
            .Append("<p>一个文件中只要有一行有误，整个文件都不载入；错误逐条列出（文件、行、列、说明、原值）。</p>");
        var half = LastCompleteHalf(DateOnly.FromDateTime(r.DataThrough ?? settings.Clock()));
        body.Append(CultureInfo.InvariantCulture, $"<p><a id=\"semiannual\" href=\"/api/report/semiannual?utility={Uri.EscapeDataString(utility)}&amp;half={half}\">下载 {E(half.ChineseLabel)} 半年报告（PDF）</a></p>");
        body.Append(PeriodForm($"/utility/{Uri.EscapeDataString(utility)}", from, to)).Append(Heading(r));
        body.Append(TargetTable($"{entry.Name}目标完成情况", r.TargetsBy(GroupDimension.City), "utility-targets"));
        body.Append(Reliability(r, e => e.County is null));
        var place = UnitRanking.Rank(city, GroupDimension.Utility, reg.Utilities.Select(u => u.Code)).FirstOrDefault(s => s.Code == utility);
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"msg\">在全市供电单位中排名：{(place?.Rank is { } k ? k.ToString(CultureInfo.InvariantCulture) : "—")} / {reg.Utilities.Count}（综合达标率 {Pct(place?.Rate)}）</p>");
        body.Append(string.Create(CultureInfo.InvariantCulture, $"<p><a href=\"/findings?utility={Uri.EscapeDataString(utility)}&amp;{Range(from, to)}\">未达标与问题工单 {r.Breaches.Count + r.Findings.Count} 件 →</a></p>"));
        await Write(http, $"{entry.Name} · 供电单位", body.ToString(), upload?.Status ?? 200).ConfigureAwait(false);
    }

    private static async Task UtilityUpload(HttpContext http, string code, IAntiforgery antiforgery, StoreReader reader, WebSettings settings,
        Uploads uploads, IAccountStore audit)
    {
        await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        UserScope.Of(http.User).RequireUtility(code, settings.Registries);
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var outcome = await Api.Upload(http, form["kind"].ToString(), uploads, settings, audit).ConfigureAwait(false);
        await UtilityPage(http, code, reader, settings, outcome).ConfigureAwait(false);
    }

    private static string UploadResult(UploadOutcome? o)
    {
        if (o is null) return "";
        if (o.Status == 200) return $"<p class=\"msg\" role=\"status\" id=\"upload-result\">{E(Uploads.Summary(o))}</p>";
        return string.Create(CultureInfo.InvariantCulture, $"<p class=\"msg err\" role=\"alert\" id=\"upload-result\">{E(o.File)}：发现 {o.Errors.Count} 处错误，整个文件未载入。</p>")
            + Table("错误明细", ["文件", "行", "列", "说明", "原值"],
                o.Errors.Take(1000).Select(x => new[] { E(x.File), x.Row?.ToString(CultureInfo.InvariantCulture) ?? "", E(x.Column), E(x.Message), E(x.Value) }), "upload-errors");
    }

    private static async Task Findings(HttpContext http, StoreReader reader, WebSettings settings)
    {
        var user = UserScope.Of(http.User);
        var county = user.County(http.Request.Query["county"], settings.Registries);
        var utility = user.Utility(http.Request.Query["utility"], settings.Registries);
        var (from, to) = PagePeriod(http, reader, settings);
        var r = reader.Answer(new MetricsQuestion(from, to, county, utility));
        string Rows(string caption, IEnumerable<Finding> list, string id) => Table(caption, ["工单", "县", "供电单位", "问题", "条款", "日期", "证据"],
            list.Take(500).Select(f => new[]
            {
                $"<a href=\"/application/{Uri.EscapeDataString(f.Utility)}/{Uri.EscapeDataString(f.ApplicationId)}\">{E(f.ApplicationId)}</a>",
                E(settings.Registries.County(f.County).Name), E(settings.Registries.Utility(f.Utility).Name), E(WordingTable.FindingLabel(f)), E(f.Clause), Date(f.On), E(EvidenceText.Of(f)),
            }), id);
        var body = Heading(r)
            + Rows(string.Create(CultureInfo.InvariantCulture, $"未达标工单（{r.Breaches.Count} 件，至多列 500 件）"), r.Breaches, "breaches")
            + Rows(string.Create(CultureInfo.InvariantCulture, $"诚信问题（{r.Findings.Count} 件）"), r.Findings, "findings")
            + Rows(string.Create(CultureInfo.InvariantCulture, $"数据缺项（{r.DataGaps.Count} 件）"), r.DataGaps, "data-gaps");
        var scope = (county is null ? "" : settings.Registries.County(county).Name) + (utility is null ? "" : settings.Registries.Utility(utility).Name);
        await Write(http, (scope.Length == 0 ? "全市" : scope) + " · 未达标与问题工单", body).ConfigureAwait(false);
    }

    private static async Task ApplicationPage(HttpContext http, string utility, string id, StoreReader reader, WebSettings settings)
    {
        var user = UserScope.Of(http.User);
        var u = user.Utility(utility, settings.Registries);
        if (u is null) throw new WebProblemException(404, $"没有工单 {id}");
        // Only this application's revisions are kept, and a county account reads its county's records only (another
        // county's application, or none, is 403 without reading elsewhere); its figures are the answer for its group from its acceptance to data_through.
        var own = user.Role == AccountRole.County ? user.Code : null;
        var revisions = reader.Revisions(u, id, own);
        var app = (revisions.Count == 0 ? null : revisions[^1].Record)
            ?? throw (own is null ? new WebProblemException(404, $"没有工单 {id}") : WebProblemException.Forbidden($"工单 {id}（不属于本县）"));
        user.County(app.County, settings.Registries); // a county account sees its county's applications only
        var from = DateOnly.FromDateTime(app.AcceptedAt);
        var through = DateOnly.FromDateTime(reader.DataThrough() ?? settings.Clock());
        var r = reader.Figures(new MetricsQuestion(from, through > from ? through : from, app.County, app.Utility));
        var figures = r.Applications.FirstOrDefault(a => a.ApplicationId == id && a.Utility == u);
        (string, DateTime?)[] stages =
        [
            ("受理", app.AcceptedAt), ("答复供电方案", app.PlanRepliedAt), ("设计审查开始", app.DesignReviewStart), ("设计审查完成", app.DesignReviewEnd),
            ("客户工程开始", app.CustomerWorksStart), ("客户工程完成", app.CustomerWorksEnd), ("中间检查开始", app.MidCheckStart), ("中间检查完成", app.MidCheckEnd),
            ("外线工程开始", app.ExternalWorksStart), ("外线工程完成", app.ExternalWorksEnd), ("行政审批申报", app.ApprovalSubmittedAt), ("行政审批办结", app.ApprovalGrantedAt),
            ("竣工检验开始", app.CompletionCheckStart), ("竣工检验完成", app.CompletionCheckEnd), ("装表接电", app.ConnectedAt), ("撤销", app.WithdrawnAt),
        ];
        string Day(DateTime t)
        {
            try { return settings.Calendar.WorkingDaysBetween(app.AcceptedAt, t).ToString(CultureInfo.InvariantCulture); }
            catch (Analytics.Domain.Calendar.CalendarException) { return "—"; }
        }
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"msg\">{E(settings.Registries.County(app.County).Name)} · {E(settings.Registries.Utility(app.Utility).Name)} · {E(Codes.Label(app.Category))} · 状态：{E(Codes.Label(app.Status))}</p>");
        body.Append(Table("环节时间线（第几个工作日，自受理起）", ["环节", "时间", "工作日"],
            stages.Where(s => s.Item2 is not null).OrderBy(s => s.Item2).Select(s => new[] { E(s.Item1), Time(s.Item2), Day(s.Item2!.Value) }), "timeline"));
        if (figures is not null)
        {
            body.Append(Table("时限", ["全流程(工作日)", "供电企业(工作日)", "审批(工作日)", "时限", "适用目标", "未达标目标"],
                [[Num((decimal?)figures.WholeProcessDays, "0"), Num((decimal?)figures.UtilityDays, "0"), Num((decimal?)figures.ApprovalDays, "0"), Num(figures.LimitDays),
                  E(string.Join("、", figures.ApplicableTargets)), E(string.Join("、", figures.BreachedTargets))]], "limits"));
        }
        body.Append(Table("证据与问题", ["问题", "条款", "日期", "证据"],
            r.FindingsAndBreaches.Where(f => f.ApplicationId == id && f.Utility == u).Select(f => new[] { E(WordingTable.FindingLabel(f)), E(f.Clause), Date(f.On), E(EvidenceText.Of(f)) }), "evidence"));
        await Write(http, "工单 " + id, body.ToString()).ConfigureAwait(false);
    }

    private static HalfYear LastCompleteHalf(DateOnly end) =>
        end >= new DateOnly(end.Year, 12, 31) ? new HalfYear(end.Year, 2)
        : end >= new DateOnly(end.Year, 6, 30) ? new HalfYear(end.Year, 1)
        : new HalfYear(end.Year - 1, 2);
}
