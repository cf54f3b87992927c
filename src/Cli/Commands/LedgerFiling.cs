using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest;
using Analytics.Ingest.Ledger;
using Analytics.Ingest.Messages;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics ingest ledger FILE…</c>: a county's completed ledger workbook filed back; its 工作进展 notes
/// go into the store for the city roll-up. Read by Ingest's <see cref="LedgerTemplate"/> and filed by
/// <see cref="FileIngestor"/> like every other kind (one batch, the already-loaded rule under the lock). All
/// files are checked before any is stored, so the located errors of every file are reported at once.
/// </summary>
public static class LedgerFiling
{
    public static int Ingest(CliContext ctx, IAnalyticsStore store, IReadOnlyList<string> paths, DateTime? asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count > 1)
        {
            var errors = paths.SelectMany(p => LedgerTemplate.Read(p, ctx.Registries, policy: ctx.Policy).Errors).Select(e => e.ToString(ctx.Language)).ToList();
            if (errors.Count > 0) throw new BadInputException([.. errors, ctx.Say(CliMessages.NothingLoaded.Text())]);
        }
        var results = new FileIngestor(store, ctx.Registries, ctx.Time)
            .IngestAll(FilingKind.Ledger, paths, new IngestOptions { AsOf = asOf, KeyFile = ctx.KeyFile, Policy = ctx.Policy, Language = ctx.Language });
        if (results[^1] is { Outcome: IngestOutcome.Rejected } bad)
            throw new BadInputException([.. bad.Errors.Select(e => e.ToString(ctx.Language)), ctx.Say(CliMessages.NothingLoaded.Text())]);
        foreach (var r in results)
        {
            var ledger = r.Ledger!;
            var id = r.Filing?.Id.ToString(CultureInfo.InvariantCulture) ?? "?";
            ctx.Out.WriteLine(ctx.Say(r.Outcome == IngestOutcome.AlreadyLoaded
                ? CliMessages.LedgerAlreadyLoaded.With(r.Path, id)
                : CliMessages.LedgerLoaded.With(r.Path, ledger.County.Name, ledger.Thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ledger.Notes.Count.ToString(CultureInfo.InvariantCulture), id, Signed(ledger.Signature))));
        }
        return ExitCodes.Success;
    }

    /// <summary><c>（填报人 张*，报送日期 2026-11-26）</c> / <c>; filed by 张* on 2026-11-26</c> (the name as stored: masked), or nothing.</summary>
    private static ILocalizedText Signed(LedgerSignature? s) =>
        s is null ? IngestMessages.NoSuggestion : CliMessages.SignedBy.With(PersonalDataMask.Safe(s.FiledBy), s.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
