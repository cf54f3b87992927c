using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest;
using Analytics.Ingest.Ledger;

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
            var errors = paths.SelectMany(p => LedgerTemplate.Read(p, ctx.Registries, policy: ctx.Policy).Errors).Select(e => e.ToString()).ToList();
            if (errors.Count > 0) throw new BadInputException([.. errors, "Nothing was loaded."]);
        }
        var results = new FileIngestor(store, ctx.Registries, ctx.Time)
            .IngestAll(FilingKind.Ledger, paths, new IngestOptions { AsOf = asOf, KeyFile = ctx.KeyFile, Policy = ctx.Policy });
        if (results[^1] is { Outcome: IngestOutcome.Rejected } bad)
            throw new BadInputException([.. bad.Errors.Select(e => e.ToString()), "Nothing was loaded."]);
        foreach (var r in results)
        {
            var ledger = r.Ledger!;
            ctx.Out.WriteLine(r.Outcome == IngestOutcome.AlreadyLoaded
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Path}: already loaded as filing #{r.Filing?.Id}; nothing changed.")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{r.Path}: {ledger.County.Name} ledger of {ledger.Thursday:yyyy-MM-dd}: {ledger.Notes.Count} progress notes loaded as filing #{r.Filing?.Id}{Signed(ledger.Signature)}."));
        }
        return ExitCodes.Success;
    }

    /// <summary><c>; filed by 张* on 2026-11-26</c> (the name as stored: masked), or nothing.</summary>
    private static string Signed(LedgerSignature? s) =>
        s is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; filed by {PersonalDataMask.Safe(s.FiledBy)} on {s.FiledOn:yyyy-MM-dd}");
}
