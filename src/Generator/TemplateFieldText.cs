using Analytics.Domain;

namespace Analytics.Generator;

/// <summary>How the Generator writes a template field of Domain (<see cref="TemplateDescriptions"/>): its header and its XLSX look.</summary>
internal static class TemplateFieldText
{
    /// <summary>The header in the given language.</summary>
    public static string Header(this TemplateField field, HeaderLanguage language) => field.HeaderIn(language == HeaderLanguage.Chinese);

    /// <summary>A code of a closed set or a registry entry (one or several).</summary>
    public static bool IsCode(this TemplateField field) => field.Kind is FieldKind.Registry or FieldKind.Enum or FieldKind.Flags;

    /// <summary>A number cell (amounts, counts).</summary>
    public static bool IsNumber(this TemplateField field) => field.Kind is FieldKind.Amount or FieldKind.Count;

    /// <summary>Kept as text in XLSX, so that 18-digit IDs and periods like 2022-06 keep their form.</summary>
    public static bool IsText(this TemplateField field) => field.Kind is FieldKind.Text or FieldKind.Period;
}
