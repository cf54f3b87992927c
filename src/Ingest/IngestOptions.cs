namespace Analytics.Ingest;

/// <summary>How <see cref="FileIngestor"/> loads one file (cli.md: <c>analytics ingest KIND FILE… [--accept-partial] [--as-of DATE]</c>).</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Load the good rows and write the bad ones, with their reasons, to <see cref="RejectsPath"/>.
    /// Off by default: a file with any error loads nothing (templates.md §1, Atomic by default).
    /// </summary>
    public bool AcceptPartial { get; init; }

    /// <summary>The filing's as-of instant (China local time). Default: the newest stage time in the file (applications), the newest end_at (outages), the load time (customers, notes).</summary>
    public DateTime? AsOf { get; init; }

    /// <summary>Where the rejects CSV goes with <see cref="AcceptPartial"/>; default <c>FILE.rejects.csv</c> beside the input (<c>data/x.xlsx</c> → <c>data/x.rejects.csv</c>).</summary>
    public string? RejectsPath { get; init; }

    /// <summary>The customer key file (see <see cref="Personal.CustomerKeyring"/>); default <see cref="Personal.CustomerKeyring.DefaultPath"/>. Opened only when a file carries personal data.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The language of the rejects file's <c>reason</c> column (its <c>code</c> column holds the message ids whatever the language).</summary>
    public Messages.MessageLanguage Language { get; init; }

    /// <summary>At most this many errors are kept in the result (all are counted).</summary>
    public int MaxErrors { get; init; } = 10_000;

    /// <summary>
    /// The bounds every input file is held to (file size, XLSX inflated sizes and ratio, cell, header
    /// and record length, row count; docs/input-bounds.md). Default <see cref="Reading.InputBounds.Default"/>.
    /// </summary>
    public Reading.InputBounds Bounds { get; init; } = Reading.InputBounds.Default;

    /// <summary>The plan whose tasks a filed ledger may report on (those with the county as 责任单位); null: the shipped plan.</summary>
    public Analytics.Domain.Policy.Policy? Policy { get; init; }

    /// <summary>The rejects path for <paramref name="input"/> when none is given.</summary>
    public static string DefaultRejectsPath(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var dir = Path.GetDirectoryName(input);
        var name = Path.GetFileNameWithoutExtension(input) + ".rejects.csv";
        return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
    }
}
