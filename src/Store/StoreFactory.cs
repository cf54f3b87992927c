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

    /// <summary>The busy timeout when none is given: 30 seconds.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a write waits for another writer before <see cref="StoreBusyException"/>:
    /// <c>$ANALYTICS_BUSY_TIMEOUT</c> seconds (a whole or decimal number, 0 to 86400) when set and valid,
    /// else <see cref="DefaultBusyTimeout"/>. SQLite: the busy timeout of its write lock; PostgreSQL: the
    /// <c>lock_timeout</c> of the filing lock and of every lock the filing takes.
    /// </summary>
    public static TimeSpan BusyTimeout =>
        Environment.GetEnvironmentVariable("ANALYTICS_BUSY_TIMEOUT") is { Length: > 0 } text
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        && seconds is >= 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : DefaultBusyTimeout;

    /// <summary>Opens the store and ensures its schema.</summary>
    /// <param name="storeArgument">The <c>--store</c> argument.</param>
    /// <param name="busyTimeout">How long a write waits for another writer; default <see cref="BusyTimeout"/>.</param>
    /// <exception cref="StoreUnavailableException">It cannot be reached, opened or used (one-line message, no password),
    /// or it is someone else's database.</exception>
    public static IAnalyticsStore Open(string storeArgument, TimeSpan? busyTimeout = null)
    {
        var store = Create(storeArgument, busyTimeout);
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
    public static IAnalyticsStore Create(string storeArgument, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeArgument);
        var arg = storeArgument.Trim();
        if (PostgresUrl.IsUrl(arg)) return new PostgresStore(PostgresUrl.ToConnectionString(arg), busyTimeout);
        if (IsConnectionString(arg)) return new PostgresStore(arg, busyTimeout);
        return new SqliteStore(storeArgument, busyTimeout);
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
