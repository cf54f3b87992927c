using System.Globalization;
using System.Security.Cryptography;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Reports.Ledger;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics ingest ledger FILE…</c>: a county's completed ledger workbook filed back; its 工作进展 notes
/// go into the store for the city roll-up. All files are read before any is stored; a workbook that is
/// not a ledger is refused with located errors.
/// </summary>
public static class LedgerFiling
{
    public static int Ingest(CliContext ctx, IAnalyticsStore store, IReadOnlyList<string> paths, DateTime? asOf)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(paths);
        var read = new List<(string Path, string Sha, FiledLedger Ledger)>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) { errors.Add($"{path}: the file does not exist."); continue; }
            try
            {
                // A ledger is tens of kilobytes: refuse a huge file before reading it into memory.
                if (new FileInfo(path).Length > LedgerReader.MaxFileBytes)
                {
                    errors.Add($"{path}: 文件超过 {LedgerReader.MaxFileBytes >> 20} MiB，不是周工作台账（a weekly ledger is tens of kilobytes）。");
                    continue;
                }
                var bytes = File.ReadAllBytes(path);
                using var ms = new MemoryStream(bytes, writable: false);
                read.Add((path, Convert.ToHexStringLower(SHA256.HashData(bytes)), LedgerReader.Read(ms, path, ctx.Registries)));
            }
            catch (LedgerReadException e) { errors.AddRange(e.Errors.Select(x => x.Located)); }
        }
        if (errors.Count > 0)
        {
            errors.Add("Nothing was loaded.");
            throw new BadInputException(errors);
        }
        foreach (var (path, sha, ledger) in read)
        {
            if (store.FindFiling(FilingKind.Ledger, sha) is { } earlier)
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: already loaded as filing #{earlier.Id}; nothing changed."));
                continue;
            }
            var filingAsOf = asOf ?? ledger.Thursday.ToDateTime(TimeOnly.MinValue);
            using var writer = store.BeginFiling(FilingKind.Ledger, Path.GetFileName(path), sha, filingAsOf, ctx.Clock());
            foreach (var n in ledger.Notes) writer.Add(n);
            var filing = writer.Commit(ledger.Notes.Count, 0);
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {ledger.County.Name} ledger of {ledger.Thursday:yyyy-MM-dd}: {ledger.Notes.Count} progress notes loaded as filing #{filing.Id}."));
        }
        return ExitCodes.Success;
    }
}
