using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Templates;
using Analytics.Ingest.Messages;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics ingest KIND FILE… [--accept-partial] [--as-of DATE]</c> (cli.md). Each file is one filing,
/// and the files of one command are one transaction (<see cref="FileIngestor.IngestAll"/>): a bad file or a
/// store failure on any file leaves the store exactly as it was. Without --accept-partial every file is
/// also checked before any is loaded, so the errors of all files are reported at once.
/// A file already loaded (even by another ingest running at the same time) is reported and changes nothing.
/// </summary>
public static class IngestCommand
{
    private static readonly string[] Kinds = ["applications", "outages", "customers", "notes", "ledger"];

    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("ingest", CliHelp.Of("把模板文件（CSV 或 XLSX）载入数据库：工单、停电事件、客户、说明，或报送的工作台账。", "Loads template files (CSV or XLSX) into the store: applications, outages, customers, notes, or a filed weekly ledger."));
        var kind = new Argument<string>("KIND") { Description = CliHelp.Of("applications（工单）、outages（停电事件）、customers（客户）、notes（说明）或 ledger（工作台账）。", "applications, outages, customers, notes or ledger.") };
        var files = new Argument<string[]>("FILE") { Description = CliHelp.Of("一个或多个文件。", "One or more files."), Arity = ArgumentArity.OneOrMore };
        var partial = new Option<bool>("--accept-partial") { Description = CliHelp.Of("载入正确的行，把错误的行连同原因写入输入文件旁的 FILE.rejects.csv。", "Load the good rows and write the bad ones, with their reasons, to FILE.rejects.csv beside the input.") };
        var asOf = new Option<string?>("--as-of") { Description = CliHelp.Of("本次报送的数据截至日（yyyy-MM-dd，当日终了）；默认：文件中最晚的环节时间。", "The filing's as-of date (yyyy-MM-dd, end of day); default: the newest stage time in the file.") };
        cmd.Arguments.Add(kind);
        cmd.Arguments.Add(files);
        cmd.Options.Add(partial);
        cmd.Options.Add(asOf);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var k = CliArgs.OneOf(p.GetValue(kind), "KIND", "", Kinds);
            var paths = p.GetValue(files) ?? [];
            var asOfDate = CliArgs.Date(p.GetValue(asOf), "--as-of");
            var asOfInstant = asOfDate?.AddDays(1).ToDateTime(TimeOnly.MinValue).AddSeconds(-1);
            try
            {
                using var store = ctx.OpenStore();
                if (k == "ledger") return LedgerFiling.Ingest(ctx, store, paths, asOfInstant);
                if (!Codes.TryParse<FilingKind>(k, out var filingKind)) throw new UsageException(CliMessages.NotOneOf.With("KIND", k, ListText.Of(Kinds)));
                var options = new IngestOptions { AcceptPartial = p.GetValue(partial), AsOf = asOfInstant, KeyFile = ctx.KeyFile, Language = ctx.Language };
                if (!options.AcceptPartial && paths.Length > 1) PreCheck(ctx, store, filingKind, paths);
                var results = new FileIngestor(store, ctx.Registries, ctx.Time).IngestAll(filingKind, paths, options);
                foreach (var r in results)
                    foreach (var w in r.Warnings) ctx.Err.WriteLine(w.ToString(ctx.Language));
                if (results[^1] is { Outcome: IngestOutcome.Rejected } bad)
                {
                    PrintErrors(ctx, bad.Errors, bad.ErrorCount, bad.Path);
                    ctx.Err.WriteLine(ctx.Say(bad.RejectsPath is { } rp
                        ? CliMessages.NoGoodRows.With(bad.Path, rp)
                        : CliMessages.ErrorsNothingLoaded.With(bad.Path, bad.ErrorCount)));
                    if (paths.Length > 1) ctx.Err.WriteLine(ctx.Say(CliMessages.FilesLoadTogether.Text()));
                    return ExitCodes.BadInput;
                }
                foreach (var r in results) ctx.Out.WriteLine(ctx.Say(Summary(r)));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is StoreDataException or CustomerKeyMismatchException)
            {
                // Data the store refused, or a key the store does not know: bad input, nothing stored.
                throw new BadInputException(e.Message, e);
            }
        });
        return cmd;
    }

    /// <summary>Checks every file before loading any, so a bad second file cannot leave the first loaded.</summary>
    private static void PreCheck(CliContext ctx, IAnalyticsStore store, FilingKind kind, string[] paths)
    {
        var context = new TemplateContext(ctx.Registries, ctx.Clock(), () => CustomerKeyring.ForStore(ctx.KeyFile, store));
        var bad = false;
        foreach (var path in paths)
        {
            var check = TemplateReader.Read(kind, path, context, keepRecords: false, maxErrors: 200);
            if (check.Errors.Count == 0) continue;
            bad = true;
            PrintErrors(ctx, check.Errors, check.ErrorCount, path);
        }
        if (bad) throw new BadInputException(CliMessages.NothingLoadedFixFiles.Text());
    }

    private static void PrintErrors(CliContext ctx, IReadOnlyList<IngestError> errors, int total, string path)
    {
        foreach (var e in errors) ctx.Err.WriteLine(e.ToString(ctx.Language));
        if (total > errors.Count) ctx.Err.WriteLine(ctx.Say(CliMessages.MoreErrors.With(path, total - errors.Count)));
    }

    private static MessageText Summary(IngestResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var asOf = r.AsOf?.ToString("yyyy-MM-dd HH:mm", inv) ?? "?";
        var id = r.Filing?.Id.ToString(inv) ?? "?";
        var counts = CliMessages.ChangedCounts.With(r.Filing?.RowsChanged.ToString(inv) ?? "?", r.Filing?.RowsUnchanged.ToString(inv) ?? "?");
        return r.Outcome switch
        {
            IngestOutcome.AlreadyLoaded => CliMessages.AlreadyLoaded.With(r.Path, id, r.Filing?.LoadedAt.ToString("yyyy-MM-dd HH:mm", inv) ?? "?"),
            IngestOutcome.PartiallyLoaded => CliMessages.PartiallyLoaded.With(r.Path, r.RowsLoaded.ToString(inv), r.RowsRead.ToString(inv), id, asOf, counts,
                CliMessages.RejectedRows.With(r.RowsRejected.ToString(inv), r.RejectsPath ?? "?")),
            _ => CliMessages.Loaded.With(r.Path, r.RowsLoaded.ToString(inv), id, asOf, counts),
        };
    }
}
