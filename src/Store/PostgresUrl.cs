using System.Globalization;
using Analytics.Domain.Storage;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// Turns a <c>postgres://user:password@host:port/database?sslmode=require</c> URL (also
/// <c>postgresql://</c>) into an Npgsql connection string. User, password and database are
/// percent-decoded; an IPv6 host is written in brackets; several hosts may be comma-separated.
/// Query parameters: the libpq names <c>sslmode</c>, <c>connect_timeout</c>, <c>application_name</c>,
/// <c>search_path</c>, or any Npgsql keyword.
/// </summary>
/// <remarks>
/// The credentials rule: user and password should be percent-encoded as RFC 3986 asks (<c>@</c> → <c>%40</c>,
/// <c>/</c> → <c>%2F</c>, <c>?</c> → <c>%3F</c>, <c>#</c> → <c>%23</c>, <c>:</c> → <c>%3A</c>, <c>%</c> → <c>%25</c>);
/// unencoded, they are still taken: the user-info runs from after <c>://</c> to the LAST <c>@</c> of the URL, and the
/// user ends at its first <c>:</c>. So a password may hold <c>@ / ? # :</c> as they are, and an <c>@</c> anywhere after
/// the host (in a query value) must be written <c>%40</c>. A <c>#fragment</c> after the host is ignored. No message of
/// this parser ever shows any part of the user-info: errors name only the host part, the port, or a parameter's name.
/// </remarks>
public static class PostgresUrl
{
    /// <summary>True for a <c>postgres://</c> or <c>postgresql://</c> URL.</summary>
    public static bool IsUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    /// <exception cref="StoreUnavailableException">The URL is malformed (the message never shows the password).</exception>
    public static string ToConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!IsUrl(url)) throw Bad("it does not start with postgres:// or postgresql://");
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];

        // The credentials first, before anything else is split: they may hold / ? # unencoded (see remarks).
        var csb = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            csb.Username = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0) csb.Password = Decode(userInfo[(colon + 1)..]);
        }

        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0) rest = rest[..hash];
        string? query = null;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0) (rest, query) = (rest[..q], rest[(q + 1)..]);

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Decode(rest[(slash + 1)..]) : "";

        if (authority.Length == 0) throw Bad("it names no host");
        if (authority.Contains(',', StringComparison.Ordinal))
        {
            // Npgsql takes host:port pairs in Host itself.
            csb.Host = authority;
        }
        else
        {
            var (host, port) = SplitHostPort(authority);
            csb.Host = host;
            if (port is not null) csb.Port = port.Value;
        }
        if (database.Length > 0) csb.Database = database;

        if (!string.IsNullOrEmpty(query))
        {
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Decode(eq >= 0 ? pair[..eq] : pair);
                var value = eq >= 0 ? Decode(pair[(eq + 1)..]) : "";
                Apply(csb, key, value);
            }
        }
        return csb.ConnectionString;
    }

    private static void Apply(NpgsqlConnectionStringBuilder csb, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "sslmode":
                csb.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw Bad($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
                };
                break;
            case "connect_timeout":
                csb.Timeout = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                    ? t : throw Bad($"connect_timeout '{value}' is not a number of seconds");
                break;
            case "application_name":
                csb.ApplicationName = value;
                break;
            case "search_path":
                csb.SearchPath = value;
                break;
            default:
                try
                {
                    csb[key] = value;
                }
                catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
                {
                    throw Bad($"unknown parameter '{key}'");
                }
                break;
        }
    }

    private static (string Host, int? Port) SplitHostPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw Bad("an IPv6 host lacks its closing bracket");
            var host = authority[1..close];
            var after = authority[(close + 1)..];
            return after.StartsWith(':') ? (host, Port(after[1..])) : (host, null);
        }
        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? (Decode(authority[..colon]), Port(authority[(colon + 1)..])) : (Decode(authority), null);
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw Bad($"port '{text}' is not a number from 1 to 65535");

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static StoreUnavailableException Bad(string why) => new($"PostgreSQL URL: {why}");
}
