using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Web.Tests;

/// <summary>HTTP clients of the test server, logged in as an account (or anonymous).</summary>
public static class Sessions
{
    public static HttpClient Client(WebFixture web) =>
        web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client with a session of <paramref name="name"/> (null: anonymous).</summary>
    public static async Task<HttpClient> As(WebFixture web, string? name)
    {
        var client = Client(web);
        if (name is null) return client;
        using var response = await Login(client, name, WebFixture.Password);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public static Task<HttpResponseMessage> Login(HttpClient client, string name, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { name, password }) };
        request.Headers.Add(WebApp.CsrfHeader, "1");
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> Upload(HttpClient client, string url, string path, bool csrfHeader = true)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(path));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (csrfHeader) request.Headers.Add(WebApp.CsrfHeader, "1");
        return client.SendAsync(request);
    }
}
