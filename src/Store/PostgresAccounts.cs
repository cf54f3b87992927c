using System.Data;
using Analytics.Domain.Storage;
using Dapper;
using Npgsql;

namespace Analytics.Store;

/// <summary>The web accounts and audit log in the PostgreSQL store (schema version 4).</summary>
public sealed partial class PostgresStore
{
    private const string AccountSelect = "SELECT account, role, scope, password_hash, created_at, failed_logins, locked_until FROM accounts";

    public void AddAccount(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            using var conn = OpenReady();
            var p = new DynamicParameters();
            p.Add("name", account.Name);
            p.Add("role", (short)account.Role);
            p.Add("scope", account.Scope);
            p.Add("hash", account.PasswordHash);
            p.Add("created", StoreTime.Normalize(account.CreatedAt), DbType.DateTime2);
            p.Add("failed", account.FailedLogins);
            p.Add("locked", StoreTime.Normalize(account.LockedUntil), DbType.DateTime2);
            conn.Execute(
                "INSERT INTO accounts (account, role, scope, password_hash, created_at, failed_logins, locked_until) VALUES (@name, @role, @scope, @hash, @created, @failed, @locked)", p);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new DuplicateAccountException($"账户 {account.Name} 已存在 (the account exists).", ex);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
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
        try
        {
            using var conn = OpenReady();
            return conn.Execute("DELETE FROM accounts WHERE account = @name", new { name }) > 0;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public void SetLoginState(string name, int failedLogins, DateTime? lockedUntil)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            using var conn = OpenReady();
            var p = new DynamicParameters();
            p.Add("name", name);
            p.Add("failed", failedLogins);
            p.Add("locked", StoreTime.Normalize(lockedUntil), DbType.DateTime2);
            conn.Execute("UPDATE accounts SET failed_logins = @failed, locked_until = @locked WHERE account = @name", p);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            using var conn = OpenReady();
            var p = new DynamicParameters();
            p.Add("at", StoreTime.Normalize(entry.At), DbType.DateTime2);
            p.Add("account", entry.Account);
            p.Add("action", entry.Action);
            p.Add("detail", entry.Detail);
            conn.Execute("INSERT INTO audit_log (at, account, action, detail) VALUES (@at, @account, @action, @detail)", p);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    public IReadOnlyList<AuditEntry> AuditLog(int limit = 1000)
    {
        try
        {
            using var conn = OpenReady();
            return conn.Query<(DateTime At, string? Account, string Action, string Detail)>(
                    "SELECT at, account, action, detail FROM audit_log ORDER BY id DESC LIMIT @limit", new { limit })
                .Select(r => new AuditEntry(DateTime.SpecifyKind(r.At, DateTimeKind.Unspecified), r.Account, r.Action, r.Detail))
                .ToList();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }

    private List<Account> QueryAccounts(string sql, object? args)
    {
        try
        {
            using var conn = OpenReady();
            return conn.Query<(string Name, short Role, string? Scope, string Hash, DateTime Created, int Failed, DateTime? Locked)>(sql, args)
                .Select(r => new Account(r.Name, (AccountRole)r.Role, r.Scope, r.Hash, DateTime.SpecifyKind(r.Created, DateTimeKind.Unspecified), r.Failed,
                    r.Locked is { } l ? DateTime.SpecifyKind(l, DateTimeKind.Unspecified) : null))
                .ToList();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw PostgresErrors.Map(ex, Description);
        }
    }
}
