namespace Analytics.Domain.Storage;

/// <summary>
/// The web application's accounts and audit log, kept in the same store as the data (both stores alike).
/// An account holds its name, role and scope and a password hash made by the caller (the store never sees a
/// password); no other personal data. Every account change, login and failed login, filing and download is
/// appended to the audit log, which is never edited.
/// </summary>
public interface IAccountStore
{
    /// <summary>Adds an account.</summary>
    /// <exception cref="DuplicateAccountException">An account of that name exists.</exception>
    void AddAccount(Account account);

    /// <summary>The account of that name (exact, case-sensitive), or null.</summary>
    Account? FindAccount(string name);

    /// <summary>Every account, by name.</summary>
    IReadOnlyList<Account> Accounts();

    /// <summary>Removes the account; false when there was none.</summary>
    bool RemoveAccount(string name);

    /// <summary>Records the outcome of a login attempt: the consecutive failures and the end of a lockout (null: none).</summary>
    void SetLoginState(string name, int failedLogins, DateTime? lockedUntil);

    /// <summary>Appends one entry to the audit log.</summary>
    void Audit(AuditEntry entry);

    /// <summary>The newest <paramref name="limit"/> entries of the audit log, newest first.</summary>
    IReadOnlyList<AuditEntry> AuditLog(int limit = 1000);
}

/// <summary>What an account may see: everything, one county, or one utility's records.</summary>
public enum AccountRole
{
    Invalid = 0,
    Bureau = 1,
    County = 2,
    Utility = 3,
}

/// <summary>
/// A web account. <see cref="Scope"/> is the county or utility code for <see cref="AccountRole.County"/> and
/// <see cref="AccountRole.Utility"/>, null for <see cref="AccountRole.Bureau"/>. Instants are China local time.
/// </summary>
public sealed record Account(
    string Name,
    AccountRole Role,
    string? Scope,
    string PasswordHash,
    DateTime CreatedAt,
    int FailedLogins = 0,
    DateTime? LockedUntil = null);

/// <summary>One line of the audit log: who (null before a login), when (China local time), what, and on what.</summary>
public sealed record AuditEntry(DateTime At, string? Account, string Action, string Detail);

/// <summary>An account of that name already exists.</summary>
public sealed class DuplicateAccountException : InvalidOperationException
{
    public DuplicateAccountException(string message) : base(message) { }
    public DuplicateAccountException(string message, Exception inner) : base(message, inner) { }
    public DuplicateAccountException() { }
}
