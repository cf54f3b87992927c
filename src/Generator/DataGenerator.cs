using System.Diagnostics;
using Analytics.Domain;
using Analytics.Generator.Applications;
using Analytics.Generator.Notes;
using Analytics.Generator.Outages;
using Analytics.Generator.Output;

namespace Analytics.Generator;

/// <summary>
/// Writes a synthetic Linfen data set in the template format of templates.md, for demos, tests
/// and benchmarks (<c>analytics generate</c>): <c>applications</c> (the first filing, as known at
/// <see cref="GeneratorOptions.FirstFilingAsOf"/>), <c>applications-revised</c> (the later filing:
/// what changed since, what was new, and injected rewrites / back-fills / identical re-files),
/// <c>outages</c>, <c>customers</c> and <c>notes</c>.
/// </summary>
/// <remarks>
/// Deterministic: the same options give byte-identical files (XLSX included: its zip and
/// document dates are fixed). Applications stream: they are simulated once per applications
/// file rather than held, so memory does not grow with their number; outages are held (they
/// are tuned together against the customers served).
/// </remarks>
public sealed class DataGenerator
{
    /// <summary>File name of the revised applications filing (without extension).</summary>
    public const string RevisedApplicationsStem = "applications-revised";

    private readonly GeneratorOptions _options;

    /// <exception cref="ArgumentException">Invalid options (see <see cref="GeneratorOptions.Validate"/>).</exception>
    public DataGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Writes every file into <paramref name="outDir"/> (created if missing; files of the same names are replaced).</summary>
    public GenerationResult Generate(string outDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outDir);
        var truth = new GroundTruth();
        var text = new ValueText(_options.EffectiveLanguage, _options.Registries);
        var ext = _options.Format == OutputFormat.Xlsx ? ".xlsx" : ".csv";
        var files = new List<GeneratedFile>();

        var plan = new OutageSimulator(_options).Simulate();
        var stats = new NoteStats(_options.Calendar, _options.RevisedFilingAsOf);
        foreach (var o in plan.Outages) stats.Add(o, _options.Policy.Parameters.PlannedNoticeLeadDays);

        var first = Path.Combine(outDir, TemplateDescriptions.FileStem(FilingKind.Applications) + ext);
        truth.FirstFilingRows = Write(first, FilingKind.Applications, FirstFiling(text, truth, stats));
        files.Add(new GeneratedFile(FilingKind.Applications, Path.GetFullPath(first), truth.FirstFilingRows, _options.FirstFilingAsOf));

        var revised = Path.Combine(outDir, RevisedApplicationsStem + ext);
        truth.RevisedFilingRows = Write(revised, FilingKind.Applications, RevisedFiling(text));
        files.Add(new GeneratedFile(FilingKind.Applications, Path.GetFullPath(revised), truth.RevisedFilingRows, _options.RevisedFilingAsOf));

        var outages = Path.Combine(outDir, TemplateDescriptions.FileStem(FilingKind.Outages) + ext);
        truth.OutageEvents = plan.Outages.Count;
        truth.OutagesAcrossNewYear = plan.Outages.Count(o => o.Start.Year != o.Steps[^1].End.Year);
        truth.OutageRows = Write(outages, FilingKind.Outages, OutageRows(plan, text));
        files.Add(new GeneratedFile(FilingKind.Outages, Path.GetFullPath(outages), truth.OutageRows));

        var customers = Path.Combine(outDir, TemplateDescriptions.FileStem(FilingKind.Customers) + ext);
        truth.CustomerScale = plan.CustomerScale;
        truth.CustomerRows = Write(customers, FilingKind.Customers, CustomerRows(plan, text));
        files.Add(new GeneratedFile(FilingKind.Customers, Path.GetFullPath(customers), truth.CustomerRows));

        var notes = Path.Combine(outDir, TemplateDescriptions.FileStem(FilingKind.Notes) + ext);
        truth.NoteRows = Write(notes, FilingKind.Notes, NoteRows(stats, text));
        files.Add(new GeneratedFile(FilingKind.Notes, Path.GetFullPath(notes), truth.NoteRows));

        return new GenerationResult(files, truth, clock.Elapsed);
    }

    /// <summary>
    /// The applications in memory, each as the revised filing's as-of shows it (the latest revision a store would hold
    /// after loading both filings), without personal data: for experiments that need many runs (the forensics
    /// calibration, docs/oversight.md) without writing and loading files. The <paramref name="truth"/>, when given,
    /// collects what was injected.
    /// </summary>
    public IEnumerable<Application> Applications(GroundTruth? truth = null)
    {
        var end = _options.RevisedFilingAsOf;
        foreach (var a in new ApplicationSimulator(_options, truth ?? new GroundTruth()).Generate())
            if (a.KnownFrom <= end) yield return ApplicationRecords.Record(a, end, revised: true);
    }

    private long Write(string path, FilingKind kind, IEnumerable<RowBuffer> rows)
    {
        var columns = TemplateDescriptions.Of(kind);
        var language = _options.EffectiveLanguage;
        if (_options.Format == OutputFormat.Xlsx)
        {
            var sheet = language == HeaderLanguage.Chinese ? TemplateDescriptions.ChineseSheetName(kind) : TemplateDescriptions.FileStem(kind);
            return XlsxTableWriter.Write(path, sheet, columns, language, rows, _options.RevisedFilingAsOf);
        }
        return CsvTableWriter.Write(path, [.. columns.Select(c => c.Header(language))], rows);
    }

    /// <summary>Pass 1: every application known at the first as-of, as it stood then; collects the truth and the note figures.</summary>
    private IEnumerable<RowBuffer> FirstFiling(ValueText text, GroundTruth truth, NoteStats stats)
    {
        var rows = new ApplicationRows(text);
        var asOf = _options.FirstFilingAsOf;
        var end = _options.RevisedFilingAsOf;
        foreach (var a in new ApplicationSimulator(_options, truth).Generate())
        {
            truth.Applications++;
            if (a.WithdrawnAt is { } w && w <= end) truth.Withdrawn++;
            else if (a.ConnectedAt is { } c && c <= end) truth.Connected++;
            else truth.InProgress++;
            stats.Add(a);
            if (a.KnownFrom <= asOf) yield return rows.Row(a, asOf, revised: false);
        }
    }

    /// <summary>
    /// Pass 2 (the same simulation again): the applications the later filing carries — new since the
    /// first as-of, changed since, or picked for a rewrite, a back-fill or an identical re-file.
    /// </summary>
    private IEnumerable<RowBuffer> RevisedFiling(ValueText text)
    {
        var rows = new ApplicationRows(text);
        var firstAsOf = _options.FirstFilingAsOf;
        var end = _options.RevisedFilingAsOf;
        foreach (var a in new ApplicationSimulator(_options, new GroundTruth()).Generate())
        {
            if (a.KnownFrom > end) continue;
            var carry = a.KnownFrom > firstAsOf || a.Rewritten || a.BackFilled || a.RefiledUnchanged || a.ChangedBetween(firstAsOf, end);
            if (carry) yield return rows.Row(a, end, revised: true);
        }
    }

    private static IEnumerable<RowBuffer> OutageRows(OutagePlan plan, ValueText text)
    {
        var r = new RowBuffer(TemplateDescriptions.Outages.Count);
        foreach (var o in plan.Outages)
        {
            foreach (var s in o.Steps)
            {
                r.Clear();
                var i = 0;
                r.Text(i++, o.Id);
                r.Text(i++, text.Utility(o.Group.Utility));
                r.Text(i++, text.County(o.Group.County));
                r.Text(i++, text.Enum(o.Group.Area));
                r.Text(i++, o.Feeder);
                r.Text(i++, text.Enum(o.Kind));
                r.Text(i++, o.WriteCause ? text.Enum(o.Cause) : null);
                r.Date(i++, o.Start);
                r.Date(i++, s.End);
                r.Number(i++, s.Customers);
                r.Date(i++, o.NotifiedAt);
                r.Text(i++, o.Channels == NotifyChannels.None ? null : text.Channels(o.Channels));
                yield return r;
            }
        }
    }

    private IEnumerable<RowBuffer> CustomerRows(OutagePlan plan, ValueText text)
    {
        var r = new RowBuffer(TemplateDescriptions.Customers.Count);
        var utilityOrder = _options.Registries.Utilities.Select((u, i) => (u.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var countyOrder = _options.Registries.Counties.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var ordered = plan.Customers
            .OrderBy(s => s.Year).ThenBy(s => s.Month ?? 0)
            .ThenBy(s => utilityOrder.GetValueOrDefault(s.Group.Utility))
            .ThenBy(s => countyOrder.GetValueOrDefault(s.Group.County))
            .ThenBy(s => s.Group.Area);
        foreach (var s in ordered)
        {
            r.Clear();
            r.Text(0, s.Period);
            r.Text(1, text.Utility(s.Group.Utility));
            r.Text(2, text.County(s.Group.County));
            r.Text(3, text.Enum(s.Group.Area));
            r.Number(4, s.Customers);
            yield return r;
        }
    }

    /// <summary>One note per utility, complete half year inside the data, and section; some sections left out.</summary>
    private IEnumerable<RowBuffer> NoteRows(NoteStats stats, ValueText text)
    {
        var rng = new Random(unchecked(_options.Seed * 7919 + 3));
        var composer = new NoteComposer(rng);
        var r = new RowBuffer(TemplateDescriptions.Notes.Count);
        var utilities = LinfenProfile.Territories.Select(t => t.Utility).Distinct(StringComparer.Ordinal).ToArray();
        var half = new HalfYear(_options.Start.Year, _options.Start.Month <= 6 ? 1 : 2);
        for (; half.Last <= _options.End; half = new HalfYear(half.Half == 1 ? half.Year : half.Year + 1, half.Half == 1 ? 2 : 1))
        {
            if (half.First < _options.Start) continue;
            foreach (var u in utilities)
            {
                var name = _options.Registries.Utility(u).Name;
                foreach (var section in Codes.All<NoteSection>())
                {
                    var missing = section == NoteSection.Problems ? LinfenProfile.NoteProblemsMissing : LinfenProfile.NoteSectionMissing;
                    if (rng.Chance(missing)) continue;
                    r.Clear();
                    r.Text(0, text.Utility(u));
                    r.Text(1, text.Half(half));
                    r.Text(2, text.Enum(section));
                    r.Text(3, composer.Compose(section, name, half, stats.Of(u, half)));
                    yield return r;
                }
            }
        }
    }
}
