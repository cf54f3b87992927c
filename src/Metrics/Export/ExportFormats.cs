using System.Globalization;

namespace Analytics.Metrics.Export;

/// <summary>
/// The text forms of the machine-readable outputs (cli.md): invariant culture always. Dates <c>yyyy-MM-dd</c>; date-times
/// <c>yyyy-MM-ddTHH:mm:ss</c> (ISO 8601, China local time, no offset — the form the templates accept back).
/// </summary>
public static class ExportFormats
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DateTimeFormat = "yyyy-MM-ddTHH:mm:ss";

    public static string Date(DateOnly d) => d.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string DateTime(System.DateTime t) => t.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A date-time for people, in evidence text: <c>2026-11-10 14:44</c>.</summary>
    public static string Readable(System.DateTime t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public static string Number(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form of a double.</summary>
    public static string Number(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
