using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Reports.Pdf.Content;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Reports.Pdf;

/// <summary>
/// A utility's semiannual report (半年报) to the city energy bureau, as the plan asks in 四、2 (每半年将总体推进情况报送市能源局，
/// 包括但不限于实施进度、工作成效、存在问题、解决措施): what <c>analytics report semiannual --utility U --half 2024H2 [--out FILE]</c>
/// and <c>--all</c> call (cli.md).
/// </summary>
/// <remarks>
/// The figures come from the metrics engine for the half, the previous half (环比) and the same half last year (同比), or
/// from the caller's answers to those questions (<see cref="ReportInputs.Answers"/>: the command line's, from the store's
/// counts); the narrative of 存在问题 and 解决措施 (and of 实施进度 and 工作成效 where filed) is the utility's own text from
/// the notes template. No clock is read: <c>asOf</c> is the instant the figures speak of and the PDF's date.
/// </remarks>
public static class SemiannualReport
{
    /// <summary>
    /// The records a half-year's report needs (the utility's or, for the circular, the city's): the same half a year
    /// earlier to the half's end — the same for <c>report</c> and the web.
    /// </summary>
    public static Analytics.Domain.Storage.RecordScope Scope(HalfYear half, string? utility) =>
        new(half.SameHalfLastYear.First, Analytics.Metrics.MetricsPeriod.Half(half).To, utility: utility);

    /// <summary>
    /// The questions of a half's report besides the half itself, whose figures alone it prints (targets, indicators,
    /// reliability: no list; <see cref="ReportStore"/>): the previous half (环比), the same half a year earlier (同比) and, for a second half, the year
    /// to its end (目标5's verdict).
    /// </summary>
    public static IReadOnlyList<Analytics.Metrics.MetricsPeriod> OtherPeriods(HalfYear half)
    {
        var list = new List<Analytics.Metrics.MetricsPeriod> { Analytics.Metrics.MetricsPeriod.Half(half.Previous), Analytics.Metrics.MetricsPeriod.Half(half.SameHalfLastYear) };
        if (half.Half == 2) list.Add(new Analytics.Metrics.MetricsPeriod(new DateOnly(half.Year, 1, 1), half.Last));
        return list;
    }

    /// <summary>The utility of a code, full name, short name or alias.</summary>
    /// <exception cref="ArgumentException">Unknown; the message lists the registry's utilities.</exception>
    public static RegistryEntry Utility(Registries registries, string text)
    {
        ArgumentNullException.ThrowIfNull(registries);
        return registries.TryUtility(text, out var u) ? u
            : throw new ArgumentException($"Unknown utility '{text}'. Known: {registries.AcceptedUtilities}", nameof(text));
    }

    /// <summary>A file name a person understands: <c>半年报_国网临汾供电公司_2024H2.pdf</c>.</summary>
    public static string FileName(RegistryEntry utility, HalfYear half)
    {
        ArgumentNullException.ThrowIfNull(utility);
        return $"半年报_{utility.Name}_{half}.pdf";
    }

    /// <summary>The report as a document model (for tests and for callers that render it themselves).</summary>
    /// <exception cref="ArgumentException">Unknown utility.</exception>
    public static ReportDocument Compose(ReportInputs inputs, string utility, HalfYear half, DateTime asOf, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return SemiannualLayout.Compose(inputs, Utility(inputs.Registries, utility), half, asOf, options ?? ReportOptions.Default);
    }

    /// <summary>The report as PDF bytes.</summary>
    /// <exception cref="ArgumentException">Unknown utility.</exception>
    public static byte[] Render(ReportInputs inputs, string utility, HalfYear half, DateTime asOf, ReportOptions? options = null)
    {
        var o = options ?? ReportOptions.Default;
        return new PdfRenderer(o.Theme).RenderToBytes(Compose(inputs, utility, half, asOf, o));
    }

    /// <summary>
    /// Writes one utility's report and returns its path: <paramref name="outPath"/> when it names a file, or
    /// <see cref="FileName"/> inside it when it is an existing directory (or ends with a separator), or
    /// <see cref="FileName"/> in the current directory when null. The file appears whole or not at all.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown utility.</exception>
    public static string Write(ReportInputs inputs, string utility, HalfYear half, DateTime asOf, string? outPath = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entry = Utility(inputs.Registries, utility);
        var o = options ?? ReportOptions.Default;
        return Write(SemiannualLayout.Compose(inputs, entry, half, asOf, o), entry, half, outPath, o);
    }

    /// <summary>
    /// Writes a report composed already (<see cref="Compose"/>, with the same options) and returns its path, as
    /// <see cref="Write(ReportInputs, string, HalfYear, DateTime, string?, ReportOptions?)"/> does: for a caller that lets
    /// the records go before the PDF is drawn.
    /// </summary>
    public static string Write(ReportDocument document, RegistryEntry utility, HalfYear half, string? outPath = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(utility);
        var o = options ?? ReportOptions.Default;
        var path = ReportPaths.Resolve(outPath, FileName(utility, half));
        new PdfRenderer(o.Theme).RenderToFile(document, path);
        return path;
    }

    /// <summary>Writes every registry utility's report into <paramref name="outDir"/> (created if missing, by <see cref="Analytics.Domain.Output.OutputFile"/>); returns the paths in registry order.</summary>
    public static IReadOnlyList<string> WriteAll(ReportInputs inputs, HalfYear half, DateTime asOf, string outDir, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        var o = options ?? ReportOptions.Default;
        var paths = new List<string>();
        foreach (var u in inputs.Registries.Utilities)
        {
            var path = Path.Combine(outDir, FileName(u, half));
            new PdfRenderer(o.Theme).RenderToFile(SemiannualLayout.Compose(inputs, u, half, asOf, o), path);
            paths.Add(path);
        }
        return paths;
    }
}
