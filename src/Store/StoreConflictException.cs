namespace Analytics.Store;

/// <summary>
/// A write that lost to another writer: the store was busy (SQLite's single writer lock) or
/// PostgreSQL reported a serialization failure, a deadlock or a lock it could not take. Nothing
/// of the failed filing was stored; loading the file again is safe.
/// </summary>
/// <remarks>
/// The stores no longer throw it: a busy store is a <see cref="Analytics.Domain.Storage.StoreBusyException"/>
/// (a store that cannot be used now, exit code 3). Kept for code that still names it.
/// </remarks>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException(string message) : base(message) { }
    public StoreConflictException(string message, Exception inner) : base(message, inner) { }
    public StoreConflictException() { }
}
