using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Web;

/// <summary>
/// The pages' frame and small components: Chinese, the project's own CJK font (served from the Reports assembly: the
/// browser may have no CJK font), readable at 1366×768, every control reachable by keyboard with a visible focus.
/// </summary>
public static class Html
{
    /// <summary>HTML-encodes text (Chinese stays as it is).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Pct(double? rate) => rate is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "—";

    public static string Num(decimal? value, string format = "0.##") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Num(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Time(DateTime? t) => t is { } x ? x.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A hidden anti-forgery field for a form of this page.</summary>
    public static string Antiforgery(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>A table: the header cells are text, the row cells HTML already encoded.</summary>
    public static string Table(string caption, IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string? id = null)
    {
        var sb = new StringBuilder();
        sb.Append(id is null ? "<table>" : $"<table id=\"{E(id)}\">");
        sb.Append("<caption>").Append(E(caption)).Append("</caption><thead><tr>");
        foreach (var h in headers) sb.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(cell).Append("</td>");
            sb.Append("</tr>");
        }
        if (!any) sb.Append("<tr><td colspan=\"").Append(headers.Count().ToString(CultureInfo.InvariantCulture)).Append("\">无</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>Writes a whole page.</summary>
    public static Task Write(HttpContext http, string title, string body, int status = 200, int? refreshSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        var sb = new StringBuilder();
        sb.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds is { } refresh) sb.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{refresh}\">");
        sb.Append("<title>").Append(E(title)).Append(" · 获得电力监测平台</title><style>").Append(Style).Append("</style></head><body>");
        sb.Append("<a class=\"skip\" href=\"#main\">跳到正文</a><header><a href=\"/\" class=\"brand\">临汾市“获得电力”监测平台</a>");
        if (user is not null)
            sb.Append("<span class=\"who\">").Append(E(user)).Append("</span><form method=\"post\" action=\"/logout\">")
              .Append(Antiforgery(http)).Append("<button type=\"submit\">退出登录</button></form>");
        sb.Append("</header><main id=\"main\" tabindex=\"-1\"><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'unsafe-inline' 'self'; frame-ancestors 'none'";
        return http.Response.WriteAsync(sb.ToString());
    }

    private const string Style = """
        @font-face { font-family: "ReportSans"; src: url("/static/ReportSans.ttf") format("truetype"); font-display: block; }
        body { font-family: "ReportSans", sans-serif; margin: 0; font-size: 14px; color: #1a1a1a; }
        header { background: #1f4e79; color: #fff; padding: 8px 16px; display: flex; gap: 16px; align-items: center; }
        header a, header .who { color: #fff; } header .brand { font-weight: bold; text-decoration: none; margin-right: auto; }
        header form { margin: 0; }
        main { padding: 8px 16px 24px; max-width: 1334px; }
        h1 { font-size: 20px; margin: 8px 0; } h2 { font-size: 16px; margin: 16px 0 4px; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        th, td { border: 1px solid #b9c3cf; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #e8eef5; }
        .met { color: #1b5e20; } .bad { color: #b00020; font-weight: bold; } .gap { color: #8a5a00; }
        .msg { padding: 6px 10px; border-left: 4px solid #1f4e79; background: #f1f5fa; margin: 8px 0; }
        .err { border-left-color: #b00020; background: #fdf0f2; }
        .wide { overflow-x: auto; }
        a:focus, button:focus, input:focus, select:focus, main:focus { outline: 3px solid #f90; outline-offset: 1px; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; color: #000; padding: 4px; }
        button, input, select { font-family: inherit; font-size: 14px; }
        .charts { display: flex; flex-wrap: wrap; gap: 8px 16px; } figure.chart { margin: 0; width: 300px; } figcaption { font-size: 12px; }
        progress { width: 320px; height: 16px; } ul.files { padding-left: 20px; } ul.files li { margin: 2px 0; }
        label { margin-right: 12px; } form.inline { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
        """;
}
