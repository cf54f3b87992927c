using System.Net.Sockets;
using Analytics.Domain.Storage;
using Npgsql;

namespace Analytics.Store;

/// <summary>
/// Maps PostgreSQL errors (by <see cref="PostgresException.SqlState"/>) and Npgsql connection
/// failures to the store's own errors, as one line that names the server but never the password:
/// cannot connect, wrong password, missing database, server shutting down, no privilege →
/// <see cref="StoreUnavailableException"/>; serialization failure, deadlock, lock not available (the
/// lock timeout ran out) → <see cref="StoreBusyException"/>; a data exception (class 22, e.g. 22021
/// invalid byte sequence) → <see cref="StoreDataException"/> naming the column when the server does.
/// Anything else is a bug and stays as it is.
/// </summary>
internal static class PostgresErrors
{
    public static Exception Map(Exception ex, string description)
    {
        switch (ex)
        {
            case StoreUnavailableException or StoreDataException:
                return ex;
            case PostgresException pg:
                return MapState(pg, description);
            case NpgsqlException np:
                return new StoreUnavailableException($"{description}: {Reason(np)}", ex);
            case TimeoutException:
                return new StoreUnavailableException($"{description}: timed out", ex);
            case SocketException se:
                return new StoreUnavailableException($"{description}: cannot connect ({se.SocketErrorCode})", ex);
            default:
                return ex;
        }
    }

    private static Exception MapState(PostgresException pg, string description)
    {
        var state = pg.SqlState;
        string? unavailable = state switch
        {
            PostgresErrorCodes.InvalidPassword => "password authentication failed",
            PostgresErrorCodes.InvalidAuthorizationSpecification => "the server refused the user (authentication)",
            PostgresErrorCodes.InvalidCatalogName => "the database does not exist",
            PostgresErrorCodes.InsufficientPrivilege => "the user lacks a privilege the store needs",
            PostgresErrorCodes.TooManyConnections => "the server has too many connections",
            PostgresErrorCodes.CannotConnectNow => "the server is starting up or shutting down",
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => "the server is shutting down",
            PostgresErrorCodes.DiskFull => "the server's disk is full",
            PostgresErrorCodes.ReadOnlySqlTransaction => "the server is read-only",
            PostgresErrorCodes.InvalidSchemaName => "the search path names no schema that exists",
            _ when state.StartsWith("08", StringComparison.Ordinal) => "the connection failed",
            _ => null,
        };
        if (unavailable is not null)
            return new StoreUnavailableException($"{description}: {unavailable} (SQLSTATE {state})", pg);
        if (state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.LockNotAvailable)
            return new StoreBusyException($"{description}: {SqliteErrors.BusyMessage} (SQLSTATE {state})", pg);
        if (state.StartsWith("22", StringComparison.Ordinal))
        {
            var column = pg.ColumnName ?? ColumnOf(pg.Where);
            var field = column is null ? "" : $"字段 {column}: ";
            return new StoreDataException(
                $"{description}: 数据被存储拒收（SQLSTATE {state}）：{field}{OneLine(pg.MessageText)}；未载入任何数据", column, pg);
        }
        return pg;
    }

    /// <summary>The column a COPY error names in its context (<c>COPY t, line 3, column county: …</c>).</summary>
    private static string? ColumnOf(string? where)
    {
        if (where is null) return null;
        var at = where.IndexOf(", column ", StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = where[(at + ", column ".Length)..];
        var end = rest.IndexOfAny([':', ',', '\n']);
        return end < 0 ? rest.Trim() : rest[..end].Trim();
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    /// <summary>The innermost socket or timeout cause, without the connection string.</summary>
    private static string Reason(NpgsqlException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException se) return $"cannot connect ({se.SocketErrorCode})";
            // Npgsql says the same for a connection that could not be made in time and for a command that ran past
            // the connection string's Command Timeout.
            if (e is TimeoutException) return "timed out (the server did not answer in time; a long load or query may need a larger Command Timeout)";
        }
        return ex.IsTransient ? "the connection failed" : "the server cannot be used";
    }
}
