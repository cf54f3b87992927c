using Analytics.Domain.Messages;
using Analytics.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>
/// Maps SQLite result codes to the store's own errors: a file that cannot be opened, is not a
/// database, is read-only, full or damaged → <see cref="StoreUnavailableException"/>; a database
/// still busy or locked after the busy timeout → <see cref="StoreBusyException"/> (also exit 3).
/// Anything else is a bug and stays as it is.
/// </summary>
internal static class SqliteErrors
{
    // Primary result codes (https://www.sqlite.org/rescode.html); extended codes keep them in the low byte.
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11,
        Full = 13, CantOpen = 14, NotADb = 26, Auth = 23, Constraint = 19;
    private const int ConstraintUnique = Constraint | (8 << 8), ConstraintPrimaryKey = Constraint | (6 << 8);

    /// <summary>True for a UNIQUE or PRIMARY KEY violation.</summary>
    public static bool IsUniqueViolation(SqliteException ex) =>
        ex.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey;

    public static Exception Map(SqliteException ex, string description)
    {
        var code = ex.SqliteErrorCode & 0xFF;
        var what = code switch
        {
            CantOpen => DomainMessages.SqliteCantOpen,
            NotADb => DomainMessages.SqliteNotADb,
            Corrupt => DomainMessages.SqliteCorrupt,
            ReadOnly or Perm or Auth => DomainMessages.SqliteReadOnly,
            Full => DomainMessages.SqliteFull,
            IoErr => DomainMessages.SqliteIo,
            _ => null,
        };
        if (what is not null) return new StoreUnavailableException(DomainMessages.StoreReason.With(description, what.With()), ex);
        if (code is Busy or Locked)
            return new StoreBusyException(DomainMessages.StoreBusy.With(description), ex);
        return ex;
    }
}
