using Analytics.Domain;
using Analytics.Reports.Pdf.Content;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf;

/// <summary>
/// The city energy bureau's circular (通报) on a half year, as the plan asks in 四、3 (市、县能源局…开展监督检查工作，
/// 以查促改，并将结果予以通报): what <c>analytics report city --half 2024H2 [--out FILE]</c> calls (cli.md). The same sections
/// as a utility's report at city level, a ranking of the utilities and of the counties on the targets (the rule is printed
/// in the circular), each one's problems, and the bureau's requirements.
/// </summary>
public static class CityCircular
{
    /// <summary>A file name a person understands: <c>通报_临汾市_2024H2.pdf</c>.</summary>
    public static string FileName(string cityName, HalfYear half) => $"通报_{cityName}_{half}.pdf";

    /// <summary>Whether <paramref name="text"/> is a 文号 the circular accepts: a serial (12) or a whole one (临能源电力发〔2026〕12号).</summary>
    public static bool IsDocNumber(string text) => DocNumbers.IsValid(text);

    /// <summary>Whether <paramref name="text"/> is a whole 文号 (代字〔YYYY〕N号), as a utility's report needs.</summary>
    public static bool IsWholeDocNumber(string text) => DocNumbers.IsWhole(text);

    /// <summary>The circular as a document model.</summary>
    public static ReportDocument Compose(ReportInputs inputs, HalfYear half, DateTime asOf, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return CircularLayout.Compose(inputs, half, asOf, options ?? ReportOptions.Default);
    }

    /// <summary>The circular as PDF bytes.</summary>
    public static byte[] Render(ReportInputs inputs, HalfYear half, DateTime asOf, ReportOptions? options = null)
    {
        var o = options ?? ReportOptions.Default;
        return new PdfRenderer(o.Theme).RenderToBytes(Compose(inputs, half, asOf, o));
    }

    /// <summary>
    /// Writes the circular and returns its path: <paramref name="outPath"/> when it names a file, <see cref="FileName"/>
    /// inside it when it is an existing directory (or ends with a separator), or in the current directory when null.
    /// </summary>
    public static string Write(ReportInputs inputs, HalfYear half, DateTime asOf, string? outPath = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var o = options ?? ReportOptions.Default;
        return Write(CircularLayout.Compose(inputs, half, asOf, o), inputs.Registries, half, outPath, o);
    }

    /// <summary>
    /// Writes a circular composed already (<see cref="Compose"/>, with the same options) and returns its path, as
    /// <see cref="Write(ReportInputs, HalfYear, DateTime, string?, ReportOptions?)"/> does: for a caller that lets the
    /// records go before the PDF is drawn.
    /// </summary>
    public static string Write(ReportDocument document, Analytics.Domain.Registry.Registries registries, HalfYear half, string? outPath = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(registries);
        var o = options ?? ReportOptions.Default;
        var city = string.IsNullOrEmpty(registries.CityName) ? "全市" : registries.CityName;
        var path = ReportPaths.Resolve(outPath, FileName(city, half));
        new PdfRenderer(o.Theme).RenderToFile(document, path);
        return path;
    }
}
