namespace Analytics.Domain.Storage;

/// <summary>
/// Another writer held the store longer than the busy timeout (SQLite's write lock, PostgreSQL's
/// filing lock, a serialization failure or deadlock). Nothing of the failed write was stored; running
/// the command again later is safe. A store that cannot be used now: exit code 3.
/// </summary>
public sealed class StoreBusyException : StoreUnavailableException
{
    public StoreBusyException(string message) : base(message) { }
    public StoreBusyException(string message, Exception inner) : base(message, inner) { }
    public StoreBusyException() { }
    public StoreBusyException(Analytics.Domain.Messages.DomainText text, Exception? inner = null) : base(text, inner) { }
}

/// <summary>
/// A value the store refuses as data (a NUL character in text, PostgreSQL's data exceptions, SQLSTATE
/// class 22): bad input, not a broken store (the ingest command exits 1), and nothing of the filing was stored.
/// </summary>
public sealed class StoreDataException : Exception
{
    public StoreDataException(string message, string? field, Exception? inner = null) : base(message, inner) => Field = field;
    public StoreDataException(string message) : base(message) { }
    public StoreDataException(string message, Exception inner) : base(message, inner) { }
    public StoreDataException() { }

    /// <summary>The stored column the value was meant for, when known (e.g. <c>county</c>).</summary>
    public string? Field { get; }
}

/// <summary>A filing of the same kind and SHA-256 is already stored: the store keeps one filing per file.</summary>
public sealed class DuplicateFilingException : InvalidOperationException
{
    public DuplicateFilingException(string message) : base(message) { }
    public DuplicateFilingException(string message, Exception inner) : base(message, inner) { }
    public DuplicateFilingException() { }
}

/// <summary>
/// The store's customer keys were made with another key than the one given: loading would silently
/// break the linking of re-applications. Bad input (the ingest command exits 1); nothing was stored.
/// </summary>
public sealed class CustomerKeyMismatchException : Exception
{
    public CustomerKeyMismatchException(string message) : base(message) { }
    public CustomerKeyMismatchException(string message, Exception inner) : base(message, inner) { }
    public CustomerKeyMismatchException() { }
}
