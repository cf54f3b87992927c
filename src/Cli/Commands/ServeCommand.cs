using System.CommandLine;
using Analytics.Store;
using Analytics.Web;
using Microsoft.Extensions.Hosting;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics serve [--urls http://127.0.0.1:8080]</c> (cli.md §5): the web application and its JSON API over the
/// same <c>--store</c>, policy, calendar and registries as every other command. Stops on Ctrl+C.
/// </summary>
public static class ServeCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("serve", CliHelp.Of("基于数据库提供网页应用和 JSON 接口（cli.md §5）。", "Serves the web application and the JSON API (cli.md §5) over the store."));
        var urls = new Option<string?>("--urls") { Description = CliHelp.Of("监听地址（默认 http://127.0.0.1:8080；多个地址以“;”分隔）。", "Where to listen (default http://127.0.0.1:8080; several separated by ';').") };
        cmd.Options.Add(urls);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var listen = p.GetValue(urls) is { } u && !string.IsNullOrWhiteSpace(u) ? u.Trim() : "http://127.0.0.1:8080";
            foreach (var url in listen.Split(';', StringSplitOptions.RemoveEmptyEntries))
                if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                    throw new UsageException(CliMessages.UrlNotHttp.With(url));
            var settings = Settings(ctx);
            using var store = StoreFactory.Open(settings.Store); // unreachable: exit 3 before listening
            if (((Analytics.Domain.Storage.IAccountStore)store).Accounts().Count == 0)
                ctx.Err.WriteLine("analytics: " + ctx.Say(CliMessages.NoAccountYet.Text()));
            var app = WebApp.Build(settings, listen, store);
            try
            {
                app.Start();
            }
            catch (IOException e)
            {
                throw new UsageException(CliMessages.CannotListen.With(listen, e.Message), e);
            }
            ctx.Out.WriteLine(ctx.Say(CliMessages.Serving.With(store.Description, listen)));
            ctx.Out.Flush();
            app.WaitForShutdown();
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>The web settings from the global options (store, policy, calendar, registries, key file, clock).</summary>
    public static WebSettings Settings(CliContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return new WebSettings
        {
            Store = ctx.StoreArgument,
            Policy = ctx.Policy,
            Calendar = ctx.Calendar,
            Registries = ctx.Registries,
            KeyFile = ctx.KeyFile,
            Time = ctx.Time,
        };
    }
}
