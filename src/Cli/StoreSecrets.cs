using Npgsql;

namespace Analytics.Cli;

/// <summary>
/// The parts of a store argument (<c>--store</c> or <c>$ANALYTICS_STORE</c>) that must never be echoed: the user-info
/// of a <c>postgres://</c> URL (user:password, and the password raw and decoded; the user name alone is not a
/// secret and is shown by the store's messages) and the password of a connection string.
/// </summary>
public static class StoreSecrets
{
    /// <summary>The secrets of the store arguments among <paramref name="args"/> and of <c>$ANALYTICS_STORE</c>.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var secrets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--store" && i + 1 < args.Count) secrets.AddRange(In(args[i + 1]));
            else if (args[i].StartsWith("--store=", StringComparison.Ordinal)) secrets.AddRange(In(args[i]["--store=".Length..]));
        }
        if (Environment.GetEnvironmentVariable("ANALYTICS_STORE") is { Length: > 0 } env) secrets.AddRange(In(env));
        return secrets;
    }

    /// <summary>The secrets of one store argument.</summary>
    public static IEnumerable<string> In(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = new List<string>();
        var scheme = store.IndexOf("://", StringComparison.Ordinal);
        var at = store.LastIndexOf('@');
        if (scheme >= 0 && at > scheme + 3)
        {
            var userInfo = store[(scheme + 3)..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                var password = userInfo[(colon + 1)..];
                found.Add(userInfo);
                found.Add(password);
                found.Add(Uri.UnescapeDataString(password));
            }
        }
        else if (store.Contains('=', StringComparison.Ordinal))
        {
            try
            {
                var csb = new NpgsqlConnectionStringBuilder(store);
                if (!string.IsNullOrEmpty(csb.Password)) found.Add(csb.Password);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException)
            {
                // Not parseable as a connection string: take what follows "password=" up to ';' by hand.
                var p = store.IndexOf("password=", StringComparison.OrdinalIgnoreCase);
                if (p >= 0)
                {
                    var rest = store[(p + "password=".Length)..];
                    var end = rest.IndexOf(';', StringComparison.Ordinal);
                    found.Add(end >= 0 ? rest[..end] : rest);
                }
            }
        }
        // Very short fragments would blank out ordinary words of messages; a one- or two-character password is no secret anyway.
        return found.Where(s => s.Length >= 3);
    }
}
