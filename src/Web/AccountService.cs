using Analytics.Domain.Storage;
using Microsoft.AspNetCore.Identity;

namespace Analytics.Web;

/// <summary>
/// Accounts: creation with a slow, salted hash (ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, PBKDF2
/// HMAC-SHA512, 100,000 iterations, 128-bit salt), login with lockout (<see cref="WebSettings.MaxFailedLogins"/>
/// consecutive failures lock the account for <see cref="WebSettings.Lockout"/>), and an audit line for each.
/// </summary>
public sealed class AccountService
{
    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly Account Nobody = new("", AccountRole.Invalid, null, Hasher.HashPassword(null!, "no account has this password"), DateTime.MinValue);
    private readonly IAccountStore _accounts;
    private readonly WebSettings _settings;

    public AccountService(IAccountStore accounts, WebSettings settings)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>Adds an account; <paramref name="actor"/> is who did it (for the audit log).</summary>
    /// <exception cref="ArgumentException">An empty or over-long name, or a password shorter than 8 characters.</exception>
    /// <exception cref="DuplicateAccountException">The name is taken.</exception>
    public Account Add(string name, AccountRole role, string? scope, string password, string actor)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsControl) || name.Any(char.IsWhiteSpace))
            throw new ArgumentException("账户名须为 1–64 个字符，不含空白或控制字符 (a name is 1–64 characters, no spaces or control characters).");
        if (password.Length < 8) throw new ArgumentException("密码至少 8 个字符 (the password needs at least 8 characters).");
        var account = new Account(name, role, scope, Hasher.HashPassword(null!, password), _settings.Clock());
        _accounts.AddAccount(account);
        _accounts.Audit(new AuditEntry(_settings.Clock(), actor, "account_add", $"{name} {AccountRoles.Format(role, scope)}"));
        return account;
    }

    /// <summary>Removes an account; false when there was none.</summary>
    public bool Remove(string name, string actor)
    {
        ArgumentNullException.ThrowIfNull(name);
        var removed = _accounts.RemoveAccount(name);
        if (removed) _accounts.Audit(new AuditEntry(_settings.Clock(), actor, "account_remove", name));
        return removed;
    }

    /// <summary>
    /// Checks a name and password. A locked account is refused even with the right password until its lockout ends;
    /// an unknown name costs the same hash as a known one.
    /// </summary>
    public LoginOutcome Login(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var now = _settings.Clock();
        var account = name.Length is > 0 and <= 64 ? _accounts.FindAccount(name) : null;
        if (account is null)
        {
            Hasher.VerifyHashedPassword(Nobody, Nobody.PasswordHash, password);
            _accounts.Audit(new AuditEntry(now, null, "login_failed", "unknown account " + Clip(name)));
            return new LoginOutcome(null, false);
        }
        if (account.LockedUntil is { } until && until > now)
        {
            _accounts.Audit(new AuditEntry(now, account.Name, "login_locked", $"locked until {until:yyyy-MM-dd HH:mm:ss}"));
            return new LoginOutcome(null, true);
        }
        var failed = account.LockedUntil is null ? account.FailedLogins : 0;
        if (Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            failed++;
            var lockNow = failed >= _settings.MaxFailedLogins;
            _accounts.SetLoginState(account.Name, lockNow ? 0 : failed, lockNow ? now + _settings.Lockout : null);
            _accounts.Audit(new AuditEntry(now, account.Name, "login_failed", lockNow ? "wrong password; account locked" : "wrong password"));
            return new LoginOutcome(null, lockNow);
        }
        if (account.FailedLogins != 0 || account.LockedUntil is not null) _accounts.SetLoginState(account.Name, 0, null);
        _accounts.Audit(new AuditEntry(now, account.Name, "login", AccountRoles.Format(account.Role, account.Scope)));
        return new LoginOutcome(account, false);
    }

    private static string Clip(string text) =>
        new(text.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}

/// <summary>The account on success; <see cref="Locked"/> when the account is (now) locked.</summary>
public sealed record LoginOutcome(Account? Account, bool Locked);
