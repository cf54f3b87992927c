using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

// Usage: Web.Bench BASE_URL NAME PASSWORD [SESSIONS=20] [SECONDS=60]
// Each session logs in once (its own cookie) and then asks /api/metrics in a loop, rotating over a few questions
// (the year, a half-year, a county, a utility) and the overview page; loopback only, bounded in time.
var baseUrl = new Uri(args[0]);
if (!IPAddress.IsLoopback(Dns.GetHostAddresses(baseUrl.Host)[0])) throw new ArgumentException("loopback only");
var (name, password) = (args[1], args[2]);
var sessions = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var seconds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 60;
string[] paths =
[
    "/api/metrics", "/api/metrics?from=2026-01-01&to=2026-06-30", "/api/metrics?county=yaodu",
    "/api/metrics?utility=sgcc-linfen&from=2025-01-01&to=2025-12-31", "/bureau",
];
var latencies = new List<double>[sessions];
var errors = 0;
var end = DateTime.UtcNow.AddSeconds(seconds);
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, sessions).Select(async s =>
{
    latencies[s] = [];
    using var http = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = baseUrl };
    using var login = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { name, password }) };
    login.Headers.Add("X-Analytics-Request", "1");
    (await http.SendAsync(login)).EnsureSuccessStatusCode();
    for (var i = s; DateTime.UtcNow < end; i++)
    {
        var t = Stopwatch.GetTimestamp();
        try
        {
            using var r = await http.GetAsync(paths[i % paths.Length]);
            await r.Content.ReadAsByteArrayAsync();
            if (!r.IsSuccessStatusCode) Interlocked.Increment(ref errors);
        }
        catch (HttpRequestException) { Interlocked.Increment(ref errors); }
        latencies[s].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }
}));
var all = latencies.SelectMany(l => l).Order().ToList();
double P(double q) => all[(int)Math.Min(all.Count - 1, q * all.Count)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{sessions} sessions × {seconds} s: {all.Count} requests, {all.Count / clock.Elapsed.TotalSeconds:0.0} req/s, p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, max {all[^1]:0.0} ms, errors {errors}"));
