using Analytics.Domain.Storage;

namespace Analytics.Store;

/// <summary>
/// Opens the store a <c>--store</c> argument names (cli.md, Store): a <c>postgres://</c> or
/// <c>postgresql://</c> URL or an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>) is
/// PostgreSQL; anything else is the path of the embedded SQLite file, created when missing.
/// The returned store's schema is created or migrated, so an unreachable store fails here.
/// </summary>
public static class StoreFactory
{
    /// <summary>The store when <c>--store</c> is not given (cli.md): <c>$ANALYTICS_STORE</c> when set, else <c>./analytics.db</c>.</summary>
    public static string DefaultArgument =>
        Environment.GetEnvironmentVariable("ANALYTICS_STORE") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "./analytics.db";

    /// <summary>Opens the store and ensures its schema.</summary>
    /// <exception cref="StoreUnavailableException">It cannot be reached, opened or used (one-line message, no password).</exception>
    public static IAnalyticsStore Open(string storeArgument)
    {
        var store = Create(storeArgument);
        try
        {
            store.EnsureSchema();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The store the argument names, not yet opened (its schema is ensured on first use).</summary>
    public static IAnalyticsStore Create(string storeArgument)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeArgument);
        var arg = storeArgument.Trim();
        if (PostgresUrl.IsUrl(arg)) return new PostgresStore(PostgresUrl.ToConnectionString(arg));
        if (IsConnectionString(arg)) return new PostgresStore(arg);
        return new SqliteStore(storeArgument);
    }

    /// <summary>True when the argument names PostgreSQL rather than a file.</summary>
    public static bool IsPostgres(string storeArgument)
    {
        ArgumentNullException.ThrowIfNull(storeArgument);
        var arg = storeArgument.Trim();
        return PostgresUrl.IsUrl(arg) || IsConnectionString(arg);
    }

    /// <summary>
    /// <c>key=value</c> pairs separated by <c>;</c> with a <c>Host</c> (or <c>Server</c>) key. A file path
    /// such as <c>./data=1.db</c> has no such key and stays a path.
    /// </summary>
    private static bool IsConnectionString(string arg)
    {
        if (!arg.Contains('=', StringComparison.Ordinal)) return false;
        foreach (var part in arg.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            var key = part[..eq].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
