using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Ingest;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Templates;
using Analytics.Ingest.Ledger;

namespace Analytics.Web;

/// <summary>One located error of an upload, as the API and the pages show it.</summary>
public sealed record UploadError(string File, int? Row, string? Column, string Message, string? Value);

/// <summary>
/// What became of an upload: 200 with the filing (loaded, or already loaded: nothing changed), 422 with every located
/// error and nothing loaded, 403 when the file holds another utility's or county's records (nothing loaded).
/// </summary>
public sealed record UploadOutcome(int Status, string File, string Kind, string Outcome, Filing? Filing, int RowsRead, int RowsLoaded, IReadOnlyList<UploadError> Errors);

/// <summary>
/// Uploads go through the command line's validation: the file is saved to a temporary folder under its own name, then
/// read by <see cref="FileIngestor"/> (applications, outages, customers, notes: all or nothing, templates.md §1) or
/// <see cref="LedgerTemplate"/> (a county's filed ledger), and deleted. Who may file what: a utility account its own
/// exports (every row must be its utility's), a county account its own ledger, the bureau anything.
/// </summary>
public sealed class Uploads
{
    /// <summary>The kinds of <c>POST /api/filings/{kind}</c>.</summary>
    public static readonly string[] Kinds = ["applications", "outages", "customers", "notes", "ledger"];

    private readonly IAnalyticsStore _store;
    private readonly WebSettings _settings;

    public Uploads(IAnalyticsStore store, WebSettings settings)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>Checks that <paramref name="user"/> may file <paramref name="kind"/> at all (403 otherwise, 400 for an unknown kind).</summary>
    public static void Authorize(UserScope user, string kind)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!Kinds.Contains(kind)) throw WebProblemException.BadRequest($"kind: \"{kind}\" 不是 {string.Join(", ", Kinds)} 之一");
        if (kind == "ledger" ? user.Role == AccountRole.Utility : user.Role == AccountRole.County)
            throw WebProblemException.Forbidden(kind == "ledger" ? "报送县工作台账" : "报送供电单位的数据");
    }

    /// <summary>Loads the uploaded bytes as a filing of <paramref name="kind"/> for <paramref name="user"/>.</summary>
    public async Task<UploadOutcome> File(UserScope user, string kind, string fileName, Stream content, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(content);
        Authorize(user, kind);
        var name = SafeName(fileName);
        var folder = Path.Combine(_settings.UploadFolder ?? Path.GetTempPath(), "analytics-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancel).ConfigureAwait(false);
            }
            return kind == "ledger" ? Ledger(user, path, name) : Template(user, kind, path, name);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }

    private UploadOutcome Template(UserScope user, string kind, string path, string name)
    {
        if (!Codes.TryParse<FilingKind>(kind, out var filingKind)) throw WebProblemException.BadRequest($"kind: \"{kind}\"");
        var errors = new List<UploadError>();
        if (user.Role == AccountRole.Utility)
        {
            // Isolation on the way in: every row must be the account's own utility's, checked before anything is loaded.
            var context = new TemplateContext(_settings.Registries, _settings.Clock(), () => CustomerKeyring.ForStore(_settings.KeyFile, _store));
            var read = TemplateReader.Read(filingKind, path, context, keepRecords: true, maxErrors: 200);
            if (read.Errors.Count > 0) return Rejected(kind, name, path, read.Errors);
            var row = 1;
            foreach (var record in read.Records)
            {
                row++;
                var utility = record switch
                {
                    Application a => a.Utility,
                    OutageStep o => o.Utility,
                    CustomersServed c => c.Utility,
                    ReportNote n => n.Utility,
                    _ => user.Code,
                };
                if (utility != user.Code && errors.Count < 200)
                    errors.Add(new UploadError(name, null, null, $"记录属于供电单位 {utility}，本账户只能报送 {user.Code} 的数据 (another utility's record)", utility));
            }
            if (errors.Count > 0) return new UploadOutcome(403, name, kind, "forbidden", null, read.RowsRead, 0, errors);
        }
        try
        {
            var result = new FileIngestor(_store, _settings.Registries, _settings.Time).Ingest(filingKind, path, new IngestOptions { KeyFile = _settings.KeyFile, MaxErrors = 1000 });
            return result.Outcome switch
            {
                IngestOutcome.Rejected => Rejected(kind, name, path, result.Errors),
                IngestOutcome.AlreadyLoaded => new UploadOutcome(200, name, kind, "already_loaded", result.Filing, result.RowsRead, 0, []),
                _ => new UploadOutcome(200, name, kind, "loaded", result.Filing, result.RowsRead, result.RowsLoaded, []),
            };
        }
        catch (Exception e) when (e is StoreDataException or CustomerKeyMismatchException or InvalidDataException)
        {
            return new UploadOutcome(422, name, kind, "rejected", null, 0, 0, [new UploadError(name, null, null, e.Message.Replace(path, name, StringComparison.Ordinal), null)]);
        }
    }

    private static UploadOutcome Rejected(string kind, string name, string path, IReadOnlyList<IngestError> errors) =>
        new(422, name, kind, "rejected", null, 0, 0,
            errors.Select(e => new UploadError(e.File == path ? name : Path.GetFileName(e.File), e.Row, e.Column, e.Message, e.Value)).ToList());

    private UploadOutcome Ledger(UserScope user, string path, string name)
    {
        // Read once to see whose ledger it is (a county files its own only), then filed by FileIngestor like the CLI's
        // `ingest ledger` (bounds, the already-loaded rule under the store's lock).
        var read = LedgerTemplate.Read(path, _settings.Registries);
        if (read.Ledger is not { } ledger) return Rejected("ledger", name, path, read.Errors);
        if (user.Role == AccountRole.County && ledger.County.Code != user.Code)
            return new UploadOutcome(403, name, "ledger", "forbidden", null, 0, 0,
                [new UploadError(name, null, null, $"这是 {ledger.County.Name} 的台账，本账户只能报送本县的台账 (another county's ledger)", ledger.County.Code)]);
        var result = new FileIngestor(_store, _settings.Registries, _settings.Time).Ingest(FilingKind.Ledger, path, new IngestOptions { KeyFile = _settings.KeyFile, MaxErrors = 1000 });
        return result.Outcome switch
        {
            IngestOutcome.Rejected => Rejected("ledger", name, path, result.Errors),
            IngestOutcome.AlreadyLoaded => new UploadOutcome(200, name, "ledger", "already_loaded", result.Filing, ledger.Notes.Count, 0, []),
            _ => new UploadOutcome(200, name, "ledger", "loaded", result.Filing, ledger.Notes.Count, ledger.Notes.Count, []),
        };
    }

    /// <summary>The uploaded name without folders or characters a file system refuses; its extension (.csv, .xlsx) is what the reader goes by.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string(name.Where(c => !invalid.Contains(c) && !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (name.Length > 120) name = name[^120..];
        return name.Length == 0 ? "upload" : name;
    }

    /// <summary>A one-line summary of a successful upload (Chinese).</summary>
    public static string Summary(UploadOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.Outcome == "already_loaded"
            ? string.Create(CultureInfo.InvariantCulture, $"{o.File}：此文件已于 {o.Filing?.LoadedAt:yyyy-MM-dd HH:mm} 作为第 {o.Filing?.Id} 号报送载入，本次未作更改。")
            : string.Create(CultureInfo.InvariantCulture, $"{o.File}：已载入 {o.RowsLoaded} 行，报送编号 {o.Filing?.Id}（数据截至 {o.Filing?.AsOf:yyyy-MM-dd HH:mm}）。");
    }
}
