using Analytics.Ingest.Reading;

namespace Analytics.Ingest.Templates;

/// <summary>
/// A file opened for one template: probed (hash, format, encoding) and ready for any number of
/// passes. Problems that make the whole file unreadable (missing, empty, binary, a text file named
/// .xlsx, a ZIP that is no workbook) are in <see cref="OpenErrors"/>; nothing here throws for bad data.
/// </summary>
public sealed class TemplateFile : IDisposable
{
    private readonly TableSource? _source;

    private TemplateFile(string path, Template template, FileProbe? probe, TableSource? source, IngestError? error)
    {
        Path = path;
        Template = template;
        Probe = probe;
        _source = source;
        OpenErrors = error is null ? [] : [error];
    }

    public string Path { get; }
    public Template Template { get; }
    /// <summary>Null when the file could not be read at all.</summary>
    public FileProbe? Probe { get; }
    public IReadOnlyList<IngestError> OpenErrors { get; }

    /// <summary>Opens <paramref name="path"/> for <paramref name="template"/>, held to <paramref name="bounds"/> (default <see cref="InputBounds.Default"/>).</summary>
    public static TemplateFile Open(string path, Template template, InputBounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(template);
        bounds = (bounds ?? InputBounds.Default).Validated();
        var probe = FileProbe.Inspect(path, bounds, out var error);
        if (probe is null) return new TemplateFile(path, template, null, null, error);
        var source = TableSource.Open(probe, template.IsTemplateSheet, bounds, out error);
        return new TemplateFile(path, template, probe, source, error);
    }

    /// <summary>
    /// Starts a pass over the rows. With <paramref name="setAside"/> (group key → a bad row of that
    /// group), every row of those groups is refused too. With <paramref name="customerKeys"/> false
    /// (a validation-only pass), records carry no customer key.
    /// </summary>
    public TemplatePass Read(IReadOnlyDictionary<string, int>? setAside = null, bool customerKeys = true)
    {
        if (_source is null) throw new InvalidOperationException("The file could not be opened; see OpenErrors.");
        return new TemplatePass(this, _source, setAside, customerKeys, scanOnly: false);
    }

    /// <summary>
    /// A cheap pass that only reads the date-time cells for <see cref="Template.NewestInRow"/>: rows
    /// are not mapped, so <see cref="TemplatePass.Record"/> stays null and rows carry no errors; file
    /// errors (header, broken CSV) are still found. The result is in <see cref="TemplatePass.Newest"/>.
    /// </summary>
    public TemplatePass Scan()
    {
        if (_source is null) throw new InvalidOperationException("The file could not be opened; see OpenErrors.");
        return new TemplatePass(this, _source, null, customerKeys: false, scanOnly: true);
    }

    public void Dispose() => _source?.Dispose();
}
