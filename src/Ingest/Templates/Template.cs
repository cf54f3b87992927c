using Analytics.Domain;

namespace Analytics.Ingest.Templates;

/// <summary>
/// A template of templates.md: its columns and the one mapper from a row to its record, with every
/// field and cross-field rule of the row, plus the rules across the rows of one file.
/// </summary>
public abstract class Template
{
    protected Template(TemplateContext context, IReadOnlyList<TemplateColumn> columns)
    {
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
    }

    /// <summary>What the template's rows are.</summary>
    public abstract FilingKind Kind { get; }

    /// <summary>The columns, in the order of templates.md.</summary>
    public IReadOnlyList<TemplateColumn> Columns { get; }

    public TemplateContext Context { get; }

    /// <summary>True for a sheet named like the template: its code (<c>applications</c>) or a Chinese label (<c>用电报装</c>).</summary>
    public bool IsTemplateSheet(string sheetName) => Codes.TryParse<FilingKind>(sheetName, out var k) && k == Kind;

    /// <summary>Maps the current row to its record; null when the row has errors (they are in <paramref name="row"/>).</summary>
    public abstract object? Map(TemplateRow row);

    /// <summary>A fresh checker of the rules across rows (duplicate keys, outage steps), one per pass over a file.</summary>
    public abstract IRowSetCheck NewRowSetCheck();

    /// <summary>The newest instant a record reports, for the default as-of; null when the kind has none.</summary>
    public virtual DateTime? NewestInstant(object record) => null;

    /// <summary>
    /// The newest instant of the current row, read from the date-time cells alone without the other
    /// rules (a cheap first pass to find the default as-of); null when none parses or the kind has none.
    /// </summary>
    public virtual DateTime? NewestInRow(TemplateRow row) => null;

    /// <summary>
    /// Rows sharing a group key stand or fall together when bad rows are set aside (the steps of one
    /// outage); null for templates whose rows stand alone.
    /// </summary>
    public virtual string? GroupKey(TemplateRow row) => null;

    /// <summary>The template of a kind. Ledger files are read by the ledger reader, not here.</summary>
    public static Template For(FilingKind kind, TemplateContext context) => kind switch
    {
        FilingKind.Applications => new ApplicationsTemplate(context),
        FilingKind.Outages => new OutagesTemplate(context),
        FilingKind.Customers => new CustomersTemplate(context),
        FilingKind.Notes => new NotesTemplate(context),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only applications, outages, customers and notes files are read by a template."),
    };

    /// <summary>Numbers the columns (their <see cref="TemplateColumn.Index"/>) in list order.</summary>
    protected static TemplateColumn[] Indexed(params TemplateColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        for (var i = 0; i < columns.Length; i++) columns[i].Index = i;
        return columns;
    }
}
