using System.CommandLine;
using System.Globalization;
using Analytics.Domain.Storage;
using Analytics.Web;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics user add NAME --role bureau|county:CODE|utility:CODE</c> (the password is the first line of standard
/// input), <c>user list</c>, <c>user remove NAME</c> (cli.md §5): the web accounts, kept in the store with a slow,
/// salted hash; every change goes to the audit log as done by <c>cli</c>.
/// </summary>
public static class UserCommand
{
    public static Command Build(Func<ParseResult, CliContext> context) => Build(context, () => Console.In);

    public static Command Build(Func<ParseResult, CliContext> context, Func<TextReader> stdin)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        var cmd = new Command("user", CliHelp.Of("网页账户：添加（密码从标准输入读取）、列出、删除。", "Web accounts: add (password on standard input), list, remove."));

        var name = new Argument<string>("NAME") { Description = CliHelp.Of("账户名。", "The account name.") };
        var role = new Option<string>("--role") { Description = CliHelp.Of("bureau（能源局）、county:CODE（县）或 utility:CODE（供电企业）。", "bureau, county:CODE or utility:CODE."), Required = true };
        var add = new Command("add", CliHelp.Of("添加账户；密码从标准输入读取（第一行）。", "Adds an account; the password is read from standard input (its first line).")) { name, role };
        add.SetAction(p =>
        {
            var ctx = context(p);
            (AccountRole Role, string? Scope) r;
            try { r = AccountRoles.Parse(p.GetValue(role) ?? "", ctx.Registries); }
            catch (ArgumentException e) { throw new UsageException(CliMessages.OptionReason.With("--role", e.Message), e); }
            var password = stdin().ReadLine()?.TrimEnd('\r') ?? "";
            using var store = ctx.OpenStore();
            try
            {
                var account = Service(ctx, store).Add(p.GetValue(name) ?? "", r.Role, r.Scope, password, "cli");
                ctx.Out.WriteLine(ctx.Say(CliMessages.AccountAdded.With(account.Name, AccountRoles.Format(account.Role, account.Scope))));
            }
            catch (Exception e) when (e is ArgumentException or DuplicateAccountException)
            {
                throw new BadInputException($"analytics: {e.Message}", e);
            }
            return ExitCodes.Success;
        });

        var list = new Command("list", CliHelp.Of("列出账户（账户名、角色、创建时间、锁定至）。", "Lists the accounts (name, role, created, locked)."));
        list.SetAction(p =>
        {
            var ctx = context(p);
            using var store = ctx.OpenStore();
            var table = ConsoleTables.Table("账户", "账户", "角色", "创建时间", "锁定至");
            foreach (var a in ((IAccountStore)store).Accounts())
                ConsoleTables.Row(table, a.Name, AccountRoles.Format(a.Role, a.Scope),
                    a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    a.LockedUntil?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—");
            ConsoleTables.Write(ctx.Out, table);
            return ExitCodes.Success;
        });

        var removeName = new Argument<string>("NAME") { Description = CliHelp.Of("账户名。", "The account name.") };
        var remove = new Command("remove", CliHelp.Of("删除账户。", "Removes an account.")) { removeName };
        remove.SetAction(p =>
        {
            var ctx = context(p);
            var n = p.GetValue(removeName) ?? "";
            using var store = ctx.OpenStore();
            if (!Service(ctx, store).Remove(n, "cli")) throw new BadInputException("analytics: " + ctx.Say(CliMessages.NoAccount.With(n)));
            ctx.Out.WriteLine(ctx.Say(CliMessages.AccountRemoved.With(n)));
            return ExitCodes.Success;
        });

        cmd.Subcommands.Add(add);
        cmd.Subcommands.Add(list);
        cmd.Subcommands.Add(remove);
        return cmd;
    }

    private static AccountService Service(CliContext ctx, IAnalyticsStore store) =>
        new((IAccountStore)store, ServeCommand.Settings(ctx));
}
