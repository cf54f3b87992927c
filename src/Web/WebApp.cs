using Analytics.Domain.Storage;
using Analytics.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Web;

/// <summary>
/// The web application of cli.md §5 (<c>analytics serve</c>): cookie sessions (HttpOnly, SameSite=Strict), the JSON
/// API under <c>/api</c> (401 without a session, 403 for another county's or utility's data; every POST must carry
/// the <see cref="CsrfHeader"/> header, which a cross-site form cannot send), and the pages in Chinese (forms carry
/// anti-forgery tokens).
/// </summary>
public static class WebApp
{
    /// <summary>The header every API POST must carry (any value); with SameSite=Strict cookies, the API's anti-forgery rule.</summary>
    public const string CsrfHeader = "X-Analytics-Request";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "analytics.session";

    /// <summary>Builds the server for <c>analytics serve</c>: Kestrel on <paramref name="urls"/>.</summary>
    public static WebApplication Build(WebSettings settings, string urls, IAnalyticsStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxUploadBytes + (1 << 20));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        ConfigureServices(builder.Services, settings, store);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    /// <summary>The services: the store (opened once; schema created or migrated), accounts, the read side, cookies, anti-forgery.</summary>
    public static void ConfigureServices(IServiceCollection services, WebSettings settings, IAnalyticsStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(_ =>
        {
            // The store's derived figures follow the server's policy and calendar (derived again at start when they differ).
            var opened = store ?? StoreFactory.Open(settings.Store);
            opened.Derive(new Analytics.Metrics.FigureDerivation(settings.Policy, settings.Calendar));
            return opened;
        });
        services.AddSingleton(sp => sp.GetRequiredService<IAnalyticsStore>() as IAccountStore
            ?? throw new StoreUnavailableException("this store keeps no accounts"));
        services.AddSingleton<AccountService>();
        services.AddSingleton<StoreReader>();
        services.AddSingleton<Documents>();
        services.AddSingleton<Uploads>();
        services.AddSingleton<Jobs>();
        services.AddSingleton<CountyRisk>();
        services.AddSingleton<OverviewWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<OverviewWarmup>());
        services.AddRouting();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = settings.MaxUploadBytes);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "analytics.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__csrf";
        });
        services.AddAuthorization();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/login";
            o.Events.OnRedirectToLogin = c => Refuse(c.HttpContext, c.RedirectUri, 401);
            o.Events.OnRedirectToAccessDenied = c => Refuse(c.HttpContext, c.RedirectUri, 403);
        });
    }

    /// <summary>The request pipeline and the endpoints.</summary>
    public static void Configure(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(Problems);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(e =>
        {
            Api.Map(e);
            Pages.Map(e);
        });
    }

    private static Task Refuse(HttpContext http, string redirect, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            http.Response.StatusCode = status;
            return http.Response.WriteAsJsonAsync(new { error = status == 401 ? "未登录 (not logged in)" : "无权访问 (forbidden)" });
        }
        http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    /// <summary>Turns the known failures into their status and a one-line message: JSON under /api, a page elsewhere; never a stack trace.</summary>
    private static async Task Problems(HttpContext http, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception e) when (!http.Response.HasStarted && Map(e) is var (status, message))
        {
            http.Response.Clear();
            http.Response.StatusCode = status;
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                await http.Response.WriteAsJsonAsync(new { error = message }).ConfigureAwait(false);
            else
                await Pages.Error(http, status, message).ConfigureAwait(false);
        }
    }

    private static (int, string)? Map(Exception e) => e switch
    {
        WebProblemException p => (p.Status, p.Message),
        AntiforgeryValidationException => (400, "表单已过期或来源不明，请刷新页面后重试 (anti-forgery check failed)"),
        BadHttpRequestException b => (b.StatusCode, "请求无效或文件过大 (bad request or upload too large)"),
        InvalidDataException => (413, "上传文件过大 (upload too large)"),
        StoreBusyException => (503, "存储正被占用，请稍后重试 (the store is busy)"),
        StoreUnavailableException => (503, "存储不可用 (the store is unavailable)"),
        _ => null,
    };
}
