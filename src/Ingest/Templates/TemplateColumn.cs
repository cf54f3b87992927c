using Analytics.Domain;

namespace Analytics.Ingest.Templates;

/// <summary>
/// One column of a template (templates.md §3–§6): its English name, its Chinese name, other accepted
/// header spellings, whether the header must be present, and whether it holds personal data (then its
/// values are masked wherever they are shown).
/// </summary>
public sealed class TemplateColumn
{
    public TemplateColumn(string name, string chineseName, bool required = false, bool personal = false, params string[] aliases)
    {
        Name = name;
        ChineseName = chineseName;
        Required = required;
        Personal = personal;
        Aliases = aliases;
    }

    /// <summary>The column of a field described in Domain (<see cref="ApplicationFields"/>, <see cref="TemplateDescriptions"/>).</summary>
    public TemplateColumn(TemplateField field)
        : this((field ?? throw new ArgumentNullException(nameof(field))).Name, field.Header, field.Required, field.Personal, [.. field.Aliases])
    {
        Field = field;
        LineBreaks = field.Kind == FieldKind.LongText;
    }

    /// <summary>The Domain description this column was made from; null for a column made by hand (tests).</summary>
    public TemplateField? Field { get; }

    /// <summary>English name, e.g. <c>capacity_kw</c>.</summary>
    public string Name { get; }
    /// <summary>Chinese name, e.g. <c>报装容量(kW)</c>.</summary>
    public string ChineseName { get; }
    /// <summary>The header must have this column (a row may still leave a cell empty unless the template says otherwise).</summary>
    public bool Required { get; }
    /// <summary>customer_name, id_number, phone: never shown in clear.</summary>
    public bool Personal { get; }
    /// <summary>The column holds running text that may span lines (CR and LF allowed); every other column holds one line.</summary>
    public bool LineBreaks { get; init; }

    /// <summary>Other accepted header spellings.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Position in the template's column list, set by the template.</summary>
    public int Index { get; internal set; } = -1;

    /// <summary>For messages: <c>capacity_kw (报装容量(kW))</c>.</summary>
    public string Describe() => $"{Name} ({ChineseName})";

    /// <summary>For messages in either language: <c>“报装容量(kW)”</c> / <c>capacity_kw (报装容量(kW))</c>.</summary>
    public Messages.Localized Label => new("“" + ChineseName + "”", Describe());

    /// <summary>The bare name in either language: <c>受理时间</c> / <c>accepted_at</c>.</summary>
    public Messages.Localized NameText => new(ChineseName, Name);

    public override string ToString() => Name;
}
