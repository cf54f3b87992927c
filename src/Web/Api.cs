using System.Globalization;
using System.Text.Json;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Reports.Export;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web;

/// <summary>The JSON API of cli.md §5.</summary>
public static class Api
{
    public static void Map(IEndpointRouteBuilder e)
    {
        ArgumentNullException.ThrowIfNull(e);
        e.MapPost("/api/login", Login).AddEndpointFilter(RequireCsrfHeader);
        e.MapPost("/api/logout", Logout).RequireAuthorization().AddEndpointFilter(RequireCsrfHeader);
        e.MapGet("/api/me", (HttpContext http) => Me(UserScope.Of(http.User))).RequireAuthorization();
        e.MapGet("/api/metrics", Metrics).RequireAuthorization();
        e.MapGet("/api/ledger", Ledger).RequireAuthorization();
        e.MapGet("/api/report/semiannual", Semiannual).RequireAuthorization();
        e.MapPost("/api/filings/{kind}", Filing).RequireAuthorization().AddEndpointFilter(RequireCsrfHeader);
        e.MapGet("/api/filings/ledger", LedgerFilings).RequireAuthorization();
        e.MapGet("/api/ledger/city", CityLedger).RequireAuthorization();
        e.MapGet("/api/report/circular", Circular).RequireAuthorization();
        e.MapPost("/api/jobs/{kind}", StartJob).RequireAuthorization().AddEndpointFilter(RequireCsrfHeader);
        e.MapGet("/api/jobs/{id}", JobStatus).RequireAuthorization();
        e.MapGet("/api/jobs/{id}/{n:int}", JobFile).RequireAuthorization();
    }

    private static async ValueTask<object?> RequireCsrfHeader(EndpointFilterInvocationContext c, EndpointFilterDelegate next)
    {
        if (!c.HttpContext.Request.Headers.ContainsKey(WebApp.CsrfHeader))
            return Results.Json(new { error = $"缺少请求头 {WebApp.CsrfHeader} (missing anti-forgery header)" }, statusCode: 400);
        return await next(c).ConfigureAwait(false);
    }

    private static async Task<IResult> Login(HttpContext http, AccountService accounts)
    {
        string? name = null, password = null;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted).ConfigureAwait(false);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) name = n.GetString();
                if (doc.RootElement.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String) password = p.GetString();
            }
        }
        catch (JsonException)
        {
            return Results.Json(new { error = "请求体应为 JSON {\"name\",\"password\"} (expected JSON)" }, statusCode: 400);
        }
        if (name is null || password is null) return Results.Json(new { error = "需要 name 和 password (name and password are required)" }, statusCode: 400);
        var outcome = accounts.Login(name, password);
        if (outcome.Account is not { } account)
            return Results.Json(new { error = outcome.Locked ? "账户已锁定，请 15 分钟后再试 (account locked)" : "账户名或密码错误 (wrong name or password)" }, statusCode: 401);
        await SignIn(http, account).ConfigureAwait(false);
        return Results.Json(Me(UserScope.Of(http.User)));
    }

    /// <summary>Starts the cookie session of <paramref name="account"/>.</summary>
    public static async Task SignIn(HttpContext http, Account account)
    {
        ArgumentNullException.ThrowIfNull(http);
        var principal = UserScope.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        http.User = principal;
    }

    private static async Task<IResult> Logout(HttpContext http, IAccountStore store, WebSettings settings)
    {
        store.Audit(new AuditEntry(settings.Clock(), http.User.Identity?.Name, "logout", ""));
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static object Me(UserScope u) => new { name = u.Name, role = AccountRoles.Format(u.Role, u.Code) };

    private static IResult Metrics(HttpContext http, StoreReader reader, WebSettings settings)
    {
        var user = UserScope.Of(http.User);
        var q = http.Request.Query;
        var question = new MetricsQuestion(Date(q["from"], "from"), Date(q["to"], "to"),
            user.County(q["county"], settings.Registries), user.Utility(q["utility"], settings.Registries));
        var result = reader.Answer(question);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        MetricsJsonWriter.Write(result, text);
        return Results.Text(text.ToString(), "application/json", System.Text.Encoding.UTF8);
    }

    private static IResult Ledger(HttpContext http, Documents documents, WebSettings settings, IAccountStore audit)
    {
        var user = UserScope.Of(http.User);
        var county = user.RequireCounty(http.Request.Query["county"], settings.Registries);
        var thursday = Date(http.Request.Query["date"], "date") ?? documents.CurrentThursday();
        var (bytes, fileName) = documents.Ledger(county, thursday);
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, "download", string.Create(CultureInfo.InvariantCulture, $"ledger {county} {thursday:yyyy-MM-dd}")));
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    private static IResult Semiannual(HttpContext http, Documents documents, WebSettings settings, IAccountStore audit)
    {
        var user = UserScope.Of(http.User);
        var utility = user.RequireUtility(http.Request.Query["utility"], settings.Registries);
        var text = (string?)http.Request.Query["half"];
        if (!HalfYear.TryParse(text, out var half) || half.Year is < 1900 or > 2999)
            throw WebProblemException.BadRequest($"half: \"{text}\" 不是半年度，应如 2026H1 (expected e.g. 2026H1)");
        var (bytes, fileName) = documents.Semiannual(utility, half);
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, "download", $"semiannual {utility} {half}"));
        return Results.File(bytes, "application/pdf", fileName);
    }

    /// <summary>报送情况: which counties filed the ledger of a Thursday (default: the current one); a county account sees its own line.</summary>
    private static IResult LedgerFilings(HttpContext http, StoreReader reader, Documents documents, WebSettings settings)
    {
        var user = UserScope.Of(http.User);
        if (user.Role == AccountRole.Utility) throw WebProblemException.Forbidden("县工作台账");
        var county = user.County(http.Request.Query["county"], settings.Registries);
        var thursday = Documents.Week(Date(http.Request.Query["date"], "date") ?? documents.CurrentThursday()).Thursday;
        var states = Overview.Filings(reader.LedgerNotes(), reader.LedgerFilings(), settings.Registries, thursday, settings.Clock())
            .Where(s => county is null || s.County.Code == county);
        static string? At(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return Results.Json(new
        {
            thursday = thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            deadline = At(LedgerFilingState.Deadline(thursday)),
            counties = states.Select(s => new
            {
                county = s.County.Code, name = s.County.Name, filed = s.Filed, overdue = s.State.Timeliness == LedgerTimeliness.Missing,
                state = s.State.Code, label = s.State.Label, filed_at = At(s.State.FiledAt), last_filed_at = At(s.LastFiledAt), days_late = s.State.DaysLate,
                tasks = s.Tasks,
            }),
        });
    }

    private static IResult CityLedger(HttpContext http, Documents documents, WebSettings settings, IAccountStore audit)
    {
        var user = UserScope.Of(http.User);
        if (!user.IsBureau) throw WebProblemException.Forbidden("全市汇总台账");
        var thursday = Date(http.Request.Query["date"], "date") ?? documents.CurrentThursday();
        var (bytes, fileName) = documents.CityLedger(thursday);
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, "download", string.Create(CultureInfo.InvariantCulture, $"ledger city {thursday:yyyy-MM-dd}")));
        return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
    }

    private static IResult Circular(HttpContext http, Documents documents, WebSettings settings, IAccountStore audit)
    {
        var user = UserScope.Of(http.User);
        if (!user.IsBureau) throw WebProblemException.Forbidden("全市通报");
        var half = Half(http.Request.Query["half"]) ?? documents.LastCompleteHalf();
        var (bytes, fileName) = documents.Circular(half);
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, "download", $"circular {half}"));
        return Results.File(bytes, "application/pdf", fileName);
    }

    private static IResult StartJob(HttpContext http, string kind, Jobs jobs) =>
        Results.Json(JobJson(jobs.Start(UserScope.Of(http.User), kind)), statusCode: 202);

    private static IResult JobStatus(HttpContext http, string id, Jobs jobs) => Results.Json(JobJson(jobs.Get(UserScope.Of(http.User), id)));

    /// <summary>A document a job made (404 until it is made).</summary>
    public static IResult JobFile(HttpContext http, string id, int n, Jobs jobs, WebSettings settings, IAccountStore audit)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(audit);
        var user = UserScope.Of(http.User);
        var job = jobs.Get(user, id);
        if (n < 0 || n >= job.Items.Count || job.Items[n] is not { Bytes: { } bytes, FileName: { } name } item)
            throw new WebProblemException(404, "该文件尚未生成 (not made yet)");
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, "download", string.Create(CultureInfo.InvariantCulture, $"job {job.Kind} {job.Id} {name}")));
        return Results.File(bytes, item.ContentType, name);
    }

    private static object JobJson(Job j) => new
    {
        id = j.Id, kind = j.Kind, total = j.Items.Count, done = j.Done, finished = j.Finished, error = j.Error,
        items = j.Items.Select((x, i) => new { title = x.Title, file = x.FileName, url = x.Bytes is null ? null : string.Create(CultureInfo.InvariantCulture, $"/api/jobs/{j.Id}/{i}") }),
    };

    /// <summary>A half-year parameter (2026H1), null when absent; 400 otherwise.</summary>
    public static HalfYear? Half(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!HalfYear.TryParse(text, out var half) || half.Year is < 1900 or > 2999)
            throw WebProblemException.BadRequest($"half: \"{text}\" 不是半年度，应如 2026H1 (expected e.g. 2026H1)");
        return half;
    }

    private static async Task<IResult> Filing(HttpContext http, string kind, Uploads uploads, WebSettings settings, IAccountStore audit)
    {
        var outcome = await Upload(http, kind, uploads, settings, audit).ConfigureAwait(false);
        if (outcome.Status == 200)
            return Results.Json(new
            {
                file = outcome.File, kind = outcome.Kind, outcome = outcome.Outcome, filing = outcome.Filing?.Id,
                rows_read = outcome.RowsRead, rows_loaded = outcome.RowsLoaded,
                as_of = outcome.Filing?.AsOf.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            });
        return Results.Json(new
        {
            errors = outcome.Errors.Select(x => new { file = x.File, row = x.Row, column = x.Column, message = x.Message, value = x.Value }),
        }, statusCode: outcome.Status);
    }

    /// <summary>Reads the multipart field <c>file</c> (size-limited) and files it; audited either way.</summary>
    public static async Task<UploadOutcome> Upload(HttpContext http, string kind, Uploads uploads, WebSettings settings, IAccountStore audit)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(audit);
        var user = UserScope.Of(http.User);
        kind = (kind ?? "").Trim().ToLowerInvariant();
        Uploads.Authorize(user, kind);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = settings.MaxUploadBytes + (1 << 20);
        if (!http.Request.HasFormContentType) throw WebProblemException.BadRequest("需要 multipart/form-data，字段 file (expected a multipart form with a field named file)");
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var file = form.Files["file"] ?? throw WebProblemException.BadRequest("缺少文件字段 file (the form has no field named file)");
        if (file.Length > settings.MaxUploadBytes)
            throw new WebProblemException(413, string.Create(CultureInfo.InvariantCulture, $"文件超过 {settings.MaxUploadBytes >> 20} MiB (the file is too large)"));
        await using var content = file.OpenReadStream();
        var outcome = await uploads.File(user, kind, file.FileName, content, http.RequestAborted).ConfigureAwait(false);
        audit.Audit(new AuditEntry(settings.Clock(), user.Name, outcome.Status == 200 ? "filing" : "filing_rejected",
            string.Create(CultureInfo.InvariantCulture, $"{kind} {outcome.File}: {outcome.Outcome}{(outcome.Filing is { } f ? $" #{f.Id}" : "")}, {outcome.Errors.Count} error(s)")));
        return outcome;
    }

    /// <summary>A yyyy-MM-dd parameter (years 1900–2999), null when absent; 400 otherwise.</summary>
    public static DateOnly? Date(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year is < 1900 or > 2999)
            throw WebProblemException.BadRequest($"{name}: \"{text}\" 不是日期，应为 yyyy-MM-dd (not a date)");
        return d;
    }
}
