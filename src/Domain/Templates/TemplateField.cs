namespace Analytics.Domain;

/// <summary>What a template field holds: decides how Ingest parses it, how the Generator writes it and how a store keeps it.</summary>
public enum FieldKind
{
    Invalid = 0,
    /// <summary>Free text or an identifier (kept as text in XLSX so that 18-digit IDs keep every digit).</summary>
    Text = 1,
    /// <summary>A county or utility of the registry, by code or name.</summary>
    Registry = 2,
    /// <summary>One code of a closed set (an enum), by code or Chinese label.</summary>
    Enum = 3,
    /// <summary>Several codes of a closed set (a flags enum: the materials list, notify channels), separated by 、 or ;.</summary>
    Flags = 4,
    /// <summary>Y/N (是/否).</summary>
    Bool = 5,
    /// <summary>A decimal amount (capacity, money).</summary>
    Amount = 6,
    /// <summary>A whole number (counts, days).</summary>
    Count = 7,
    /// <summary>A date-time, China local time.</summary>
    Instant = 8,
    /// <summary>Long text that may hold line breaks.</summary>
    LongText = 9,
    /// <summary>A period of time written as text (a year or month, a half-year).</summary>
    Period = 10,
}

/// <summary>
/// One field of a template (templates.md §3–§6): its snake_case name (the English header and the store
/// column), its Chinese header and the other spellings accepted, what it holds, whether the header must be
/// present, whether it is personal data (never stored or shown in clear).
/// </summary>
public class TemplateField
{
    public TemplateField(string name, string header, FieldKind kind, bool required = false, params string[] aliases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        if (kind == FieldKind.Invalid) throw new ArgumentOutOfRangeException(nameof(kind));
        Name = name;
        Header = header;
        Kind = kind;
        Required = required;
        Aliases = aliases ?? [];
    }

    /// <summary>snake_case, e.g. <c>capacity_kw</c>: the English header and, for stored fields, the column name.</summary>
    public string Name { get; }
    /// <summary>The Chinese header, e.g. <c>报装容量(kW)</c>.</summary>
    public string Header { get; }
    public FieldKind Kind { get; }
    /// <summary>The header must have this column (a row may still leave a cell empty unless its rules say otherwise).</summary>
    public bool Required { get; }
    /// <summary>Other accepted header spellings.</summary>
    public IReadOnlyList<string> Aliases { get; }
    /// <summary>customer_name, id_number, phone: never stored, never shown in clear.</summary>
    public bool Personal { get; init; }
    /// <summary>Whether the field is a column of the template files (false for derived, stored-only fields).</summary>
    public bool InTemplate { get; init; } = true;

    /// <summary>The header in English (<see cref="Name"/>) or Chinese (<see cref="Header"/>).</summary>
    public string HeaderIn(bool chinese) => chinese ? Header : Name;

    public override string ToString() => Name;
}

/// <summary>
/// A field of <see cref="Application"/>: a <see cref="TemplateField"/> with its accessor (<see cref="Get"/>) and,
/// for stored fields, its builder (<see cref="With"/>). Template-only fields (the personal ones) have no
/// property; stored-only fields (the customer key and mask) are no template column.
/// </summary>
public sealed class ApplicationField : TemplateField
{
    public ApplicationField(string name, string header, FieldKind kind, Type valueType, bool required = false, params string[] aliases)
        : base(name, header, kind, required, aliases) => ValueType = valueType;

    /// <summary>The CLR type of the property (<c>decimal?</c>, <c>Area</c>, …); <see cref="string"/> for template-only text.</summary>
    public Type ValueType { get; }
    /// <summary>A column of the stores (and part of the content hash).</summary>
    public bool Stored { get; init; } = true;
    /// <summary>Part of the record key (utility, application_id).</summary>
    public bool Key { get; init; }
    /// <summary>The property's value, boxed (tests, checks; the fast paths read the property directly).</summary>
    public Func<Application, object?> Get { get; init; } = _ => null;
    /// <summary>A copy of the application with this field set (tests, builders).</summary>
    public Func<Application, object?, Application>? With { get; init; }
}
