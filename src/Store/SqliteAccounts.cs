using System.Globalization;
using Analytics.Domain.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store;

/// <summary>The web accounts and audit log in the embedded store (schema version 3).</summary>
public sealed partial class SqliteStore
{
    private const string AccountSelect = "SELECT account, role, scope, password_hash, created_at, failed_logins, locked_until FROM accounts";

    public void AddAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var conn = OpenReady();
        try
        {
            conn.Execute(
                "INSERT INTO accounts (account, role, scope, password_hash, created_at, failed_logins, locked_until) VALUES (@name, @role, @scope, @hash, @created, @failed, @locked)",
                new
                {
                    name = account.Name, role = (int)account.Role, scope = account.Scope, hash = account.PasswordHash,
                    created = SqliteText.Instant(account.CreatedAt), failed = account.FailedLogins, locked = SqliteText.Instant(account.LockedUntil),
                });
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.SqliteExtendedErrorCode == 1555)
        {
            throw new DuplicateAccountException($"账户 {account.Name} 已存在 (the account exists).", ex);
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public Account? FindAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return QueryAccounts(AccountSelect + " WHERE account = @name", new { name }).FirstOrDefault();
    }

    public IReadOnlyList<Account> Accounts() => QueryAccounts(AccountSelect + " ORDER BY account", null);

    public bool RemoveAccount(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var conn = OpenReady();
        try
        {
            return conn.Execute("DELETE FROM accounts WHERE account = @name", new { name }) > 0;
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public void SetLoginState(string name, int failedLogins, DateTime? lockedUntil)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var conn = OpenReady();
        try
        {
            conn.Execute("UPDATE accounts SET failed_logins = @failedLogins, locked_until = @locked WHERE account = @name",
                new { name, failedLogins, locked = SqliteText.Instant(lockedUntil) });
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var conn = OpenReady();
        try
        {
            conn.Execute("INSERT INTO audit_log (at, account, action, detail) VALUES (@at, @account, @action, @detail)",
                new { at = SqliteText.Instant(entry.At), account = entry.Account, action = entry.Action, detail = entry.Detail });
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<AuditEntry> AuditLog(int limit = 1000)
    {
        using var conn = OpenReady();
        try
        {
            return conn.Query<(string At, string? Account, string Action, string Detail)>(
                    "SELECT at, account, action, detail FROM audit_log ORDER BY id DESC LIMIT @limit", new { limit })
                .Select(r => new AuditEntry(ParseInstant(r.At), r.Account, r.Action, r.Detail))
                .ToList();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    private List<Account> QueryAccounts(string sql, object? args)
    {
        using var conn = OpenReady();
        try
        {
            return conn.Query<(string Name, long Role, string? Scope, string Hash, string Created, long Failed, string? Locked)>(sql, args)
                .Select(r => new Account(r.Name, (AccountRole)r.Role, r.Scope, r.Hash, ParseInstant(r.Created), (int)r.Failed,
                    r.Locked is { } l ? ParseInstant(l) : null))
                .ToList();
        }
        catch (SqliteException ex)
        {
            throw SqliteErrors.Map(ex, Description);
        }
    }

    private static DateTime ParseInstant(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
