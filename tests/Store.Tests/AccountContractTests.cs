using Analytics.Domain.Storage;

namespace Analytics.Store.Tests;

/// <summary>
/// The <see cref="IAccountStore"/> contract (web accounts and audit log), part of <see cref="StoreContractTests"/>:
/// run against every store.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTime Created = new(2026, 11, 2, 9, 30, 0);

    private IAccountStore Accounts => (IAccountStore)Store;

    [Fact]
    public void An_account_round_trips_with_its_role_scope_and_hash()
    {
        var county = new Account("yaodu-clerk", AccountRole.County, "yaodu", "AQAAAAIAAYagAAAAE-hash", Created);
        var bureau = new Account("analyst", AccountRole.Bureau, null, "AQAAAAIAAYagAAAAE-other", Created.AddMinutes(1));
        Accounts.AddAccount(county);
        Accounts.AddAccount(bureau);

        var again = (IAccountStore)Reopen();
        Assert.Equal(county, again.FindAccount("yaodu-clerk"));
        Assert.Equal(["analyst", "yaodu-clerk"], again.Accounts().Select(a => a.Name));
        Assert.Null(again.FindAccount("YAODU-CLERK"));
        Assert.Null(again.FindAccount("nobody"));
    }

    [Fact]
    public void A_second_account_of_the_same_name_is_refused_and_the_first_kept()
    {
        Accounts.AddAccount(new Account("sgcc", AccountRole.Utility, "sgcc-linfen", "h1", Created));
        Assert.Throws<DuplicateAccountException>(() => Accounts.AddAccount(new Account("sgcc", AccountRole.Bureau, null, "h2", Created)));
        Assert.Equal("h1", Accounts.FindAccount("sgcc")!.PasswordHash);
    }

    [Fact]
    public void Login_state_is_kept_and_an_account_can_be_removed()
    {
        Accounts.AddAccount(new Account("clerk", AccountRole.County, "yaodu", "h", Created));
        var until = new DateTime(2026, 11, 2, 10, 0, 0, 123);
        Accounts.SetLoginState("clerk", 5, until);
        var locked = ((IAccountStore)Reopen()).FindAccount("clerk")!;
        Assert.Equal(5, locked.FailedLogins);
        Assert.Equal(until, locked.LockedUntil);

        Accounts.SetLoginState("clerk", 0, null);
        Assert.Null(Accounts.FindAccount("clerk")!.LockedUntil);
        Assert.True(Accounts.RemoveAccount("clerk"));
        Assert.False(Accounts.RemoveAccount("clerk"));
        Assert.Empty(((IAccountStore)Reopen()).Accounts());
    }

    [Fact]
    public void The_audit_log_lists_its_entries_newest_first()
    {
        Accounts.Audit(new AuditEntry(Created, null, "login_failed", "name=x"));
        Accounts.Audit(new AuditEntry(Created.AddSeconds(1), "analyst", "login", ""));
        Accounts.Audit(new AuditEntry(Created.AddSeconds(2), "analyst", "download", "ledger yaodu 2026-11-26"));

        var log = ((IAccountStore)Reopen()).AuditLog();
        Assert.Equal(["download", "login", "login_failed"], log.Select(e => e.Action));
        Assert.Equal(new AuditEntry(Created.AddSeconds(2), "analyst", "download", "ledger yaodu 2026-11-26"), log[0]);
        Assert.Single(((IAccountStore)Reopen()).AuditLog(limit: 1));
    }

    [Fact]
    public void Accounts_hold_only_name_role_scope_hash_and_login_state()
    {
        Accounts.AddAccount(new Account("analyst", AccountRole.Bureau, null, "h", Created));
        var columns = StoredColumns();
        Assert.Contains("accounts.account", columns);
        Assert.Contains("audit_log.action", columns);
        Assert.DoesNotContain(columns, c => c.StartsWith("accounts.", StringComparison.Ordinal)
            && c is not ("accounts.account" or "accounts.role" or "accounts.scope" or "accounts.password_hash"
                or "accounts.created_at" or "accounts.failed_logins" or "accounts.locked_until"));
    }
}
