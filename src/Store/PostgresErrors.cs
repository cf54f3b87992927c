using System.Net.Sockets;
using Analytics.Domain.Messages;
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
                return new StoreUnavailableException(DomainMessages.StoreReason.With(description, Reason(np)), ex);
            case TimeoutException:
                return new StoreUnavailableException(DomainMessages.StoreTimedOut.With(description), ex);
            case SocketException se:
                return new StoreUnavailableException(DomainMessages.StoreCannotConnect.With(description, se.SocketErrorCode), ex);
            default:
                return ex;
        }
    }

    private static Exception MapState(PostgresException pg, string description)
    {
        var state = pg.SqlState;
        var unavailable = state switch
        {
            PostgresErrorCodes.InvalidPassword => DomainMessages.PgPassword,
            PostgresErrorCodes.InvalidAuthorizationSpecification => DomainMessages.PgRefusedUser,
            PostgresErrorCodes.InvalidCatalogName => DomainMessages.PgNoDatabase,
            PostgresErrorCodes.InsufficientPrivilege => DomainMessages.PgPrivilege,
            PostgresErrorCodes.TooManyConnections => DomainMessages.PgTooMany,
            PostgresErrorCodes.CannotConnectNow => DomainMessages.PgStarting,
            PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => DomainMessages.PgShutdown,
            PostgresErrorCodes.DiskFull => DomainMessages.PgDiskFull,
            PostgresErrorCodes.ReadOnlySqlTransaction => DomainMessages.PgReadOnly,
            PostgresErrorCodes.InvalidSchemaName => DomainMessages.PgNoSchema,
            _ when state.StartsWith("08", StringComparison.Ordinal) => DomainMessages.PgConnectionFailed,
            _ => null,
        };
        if (unavailable is not null)
            return new StoreUnavailableException(DomainMessages.StoreReasonState.With(description, unavailable.With(), state), pg);
        if (state is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.LockNotAvailable)
            return new StoreBusyException(DomainMessages.StoreBusyState.With(description, state), pg);
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
    private static DomainText Reason(NpgsqlException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException se) return DomainMessages.PgCannotConnect.With(se.SocketErrorCode);
            // Npgsql says the same for a connection that could not be made in time and for a command that ran past
            // the connection string's Command Timeout.
            if (e is TimeoutException) return DomainMessages.PgTimedOutLong.With();
        }
        return (ex.IsTransient ? DomainMessages.PgConnectionFailed : DomainMessages.PgUnusable).With();
    }
}
