using System.Globalization;
using Analytics.Domain;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// Template <c>notes</c> (半年报文字材料, templates.md §6): a utility's narrative for one section of
/// the semiannual report (四、2), mapped to <see cref="ReportNote"/>. <c>half</c> is <c>2022H1</c>,
/// <c>2022H2</c>, <c>2022年上半年</c> or <c>2022年下半年</c>. One row per (utility, half, section).
/// </summary>
public sealed class NotesTemplate : Template
{
    public static readonly TemplateColumn UtilityColumn = new(TemplateDescriptions.NotesFields.Utility);
    public static readonly TemplateColumn HalfColumn = new(TemplateDescriptions.NotesFields.Half);
    public static readonly TemplateColumn SectionColumn = new(TemplateDescriptions.NotesFields.Section);
    public static readonly TemplateColumn TextColumn = new(TemplateDescriptions.NotesFields.Text);

    public static IReadOnlyList<TemplateColumn> AllColumns { get; } = Indexed(UtilityColumn, HalfColumn, SectionColumn, TextColumn);

    public NotesTemplate(TemplateContext context) : base(context, AllColumns) { }

    public override FilingKind Kind => FilingKind.Notes;

    public override object? Map(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var utility = row.Utility(UtilityColumn, required: true);
        HalfYear? half = null;
        var halfText = row.Text(HalfColumn, required: true);
        if (halfText is not null)
        {
            if (HalfYear.TryParse(halfText.Replace(" ", "", StringComparison.Ordinal), out var h) && h.Year is >= Parsing.DateTimeText.MinYear and <= Parsing.DateTimeText.MaxYear) half = h;
            else row.Error(HalfColumn, IngestErrorCode.InvalidPeriod,
                IngestMessages.InvalidHalfYear.With(row.Quoted(HalfColumn)));
        }
        var section = row.Enum<NoteSection>(SectionColumn, required: true);
        var text = row.Text(TextColumn, required: true);
        if (row.HasErrors) return null;
        return new ReportNote
        {
            Utility = utility!.Code,
            Half = half!.Value,
            Section = section!.Value,
            Text = text!.Replace("\r\n", "\n", StringComparison.Ordinal),
        };
    }

    public override IRowSetCheck NewRowSetCheck() => new UniqueNotes();

    private sealed class UniqueNotes : IRowSetCheck
    {
        private readonly Dictionary<(string, HalfYear, NoteSection), int> _firstRow = [];

        public object Admit(object record, TemplateRow row)
        {
            var n = (ReportNote)record;
            var key = (n.Utility, n.Half, n.Section);
            if (_firstRow.TryAdd(key, row.Number)) return record;
            row.Error(SectionColumn, IngestErrorCode.DuplicateKey, IngestMessages.DuplicateNote.With(n.Utility, n.Half.ToString(), Codes.Label(n.Section), _firstRow[key]));
            return record;
        }
    }
}
