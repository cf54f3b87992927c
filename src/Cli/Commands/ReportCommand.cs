using System.CommandLine;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Reports.Oversight;
using Analytics.Reports.Pdf;
using Analytics.Reports.Pdf.Model;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics report semiannual --utility U --half 2026H1 [--out FILE]</c> / <c>--all</c>, and
/// <c>analytics report city --half 2026H1 [--out FILE]</c>: the utilities' semiannual progress reports
/// (plan 四、2) and the city's circular (四、3), as PDF.
/// </summary>
public static class ReportCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("report", CliHelp.Of("供电企业的半年度进展报告（PDF）和全市通报。", "Semiannual progress reports (PDF) of the utilities, and the city's circular (通报)."));

        var utility = CommandOptions.Utility();
        var all = CommandOptions.All(CliHelp.Of("每家供电企业的报告（写入 --out 文件夹，默认 ./out）。", "Every utility's report (into the --out folder, default ./out)."));
        var half = HalfOption();
        var output = CommandOptions.Out(CliHelp.Of("PDF 文件（--all 时为文件夹）；默认：./out 中以供电企业和半年度命名的文件。", "The PDF file (a folder with --all); default: a file named for the utility and half in ./out."));
        var asOf = CommandOptions.AsOf();
        var semiNumber = new Option<string?>("--doc-number")
        {
            Description = CliHelp.Of("报告的文号（GB/T 9704 版头），须为完整文号，如 临供电发〔2026〕15号（供电企业自己的代字）；只能与 --utility 同用；默认：留空由供电企业填写。", "The report's 文号 (GB/T 9704 版头), a whole one such as 临供电发〔2026〕15号 (the utility's own 代字); only with --utility; default: left blank for the utility to fill in."),
        };
        var semi = new Command("semiannual", CliHelp.Of("一家供电企业的半年度进展报告（实施进度、工作成效、存在问题、解决措施），--all 时为每家供电企业的报告。", "A utility's semiannual progress report (实施进度、工作成效、存在问题、解决措施), or every utility's with --all."))
        {
            utility, all, half, output, asOf, semiNumber,
        };
        semi.SetAction(p =>
        {
            var ctx = context(p);
            var h = Half(p.GetValue(half));
            var u = p.GetValue(utility);
            if ((u is null) == !p.GetValue(all)) throw new UsageException(CliMessages.SemiannualMode.Text());
            var entry = u is null ? null : ctx.Utility(u);
            var number = p.GetValue(semiNumber);
            if (number is not null && entry is null)
                throw new UsageException(CliMessages.DocNumberNeedsUtility.Text());
            if (number is not null && !CityCircular.IsWholeDocNumber(number))
                throw new UsageException(CliMessages.DocNumberIncomplete.With(number));
            var semiOptions = new ReportOptions { UtilityDocNumber = number };
            var given = p.GetValue(output);
            var target = entry is null ? CliArgs.OutDir(given ?? "out", "--out") : OutFile(given, SemiannualReport.FileName(entry, h));
            if (entry is null)
            {
                using var store = ctx.OpenStore();
                var (inputs, instant) = Inputs(ctx, store, p, asOf, h, utility: null, $"{h} 半年报告", ctx.Registries.Utilities.Select(x => (string?)x.Code));
                foreach (var path in SemiannualReport.WriteAll(inputs, h, instant, target)) ctx.Out.WriteLine(path);
                return ExitCodes.Success;
            }
            var document = Composed(ctx, p, asOf, h, entry.Code, $"{h} 半年报告",
                (_, inputs, instant) => SemiannualReport.Compose(inputs, entry.Code, h, instant, semiOptions));
            ctx.Out.WriteLine(SemiannualReport.Write(document, entry, h, target, semiOptions));
            return ExitCodes.Success;
        });

        var cityHalf = HalfOption();
        var cityOut = CommandOptions.Out(CliHelp.Of("PDF 文件；默认：./out 中的 通报_临汾市_HALF.pdf。", "The PDF file; default: 通报_临汾市_HALF.pdf in ./out."));
        var cityAsOf = CommandOptions.AsOf();
        var docNumber = new Option<string?>("--doc-number")
        {
            Description = CliHelp.Of("通报的文号：序号（12 → 临能源电力发〔YEAR〕12号，前缀取自方案文号）或完整文号；默认：序号留空由能源局填写。", "The circular's 文号: its serial (12 → 临能源电力发〔YEAR〕12号, the prefix from the plan's number) or a whole one; default: the serial left blank for the bureau to fill in."),
        };
        var city = new Command("city", CliHelp.Of("全市通报（GB/T 9704-2012）：全市目标完成情况、供电企业和县（市、区）排名，以及各单位未达目标的情况。", "The city's circular (通报, GB/T 9704-2012): the targets city-wide, a ranking of utilities and counties, and each one's breaches."))
        {
            cityHalf, cityOut, cityAsOf, docNumber,
        };
        city.SetAction(p =>
        {
            var ctx = context(p);
            var h = Half(p.GetValue(cityHalf));
            var target = OutFile(p.GetValue(cityOut), CityCircular.FileName(ctx.Registries.CityName, h));
            var number = p.GetValue(docNumber);
            if (number is not null && !CityCircular.IsDocNumber(number))
                throw new UsageException(CliMessages.DocNumberInvalid.With(number));
            var options = new ReportOptions { DocNumber = number };
            var document = Composed(ctx, p, cityAsOf, h, utility: null, $"{h} 通报", (store, inputs, instant) =>
            {
                // The forensics test the city's half: as its applications stream for the circular, or over the records read.
                var half = Analytics.Metrics.MetricsPeriod.Half(h);
                var oversight = inputs.Answers is not null ? ReportStore.CityOversight(store, inputs, h)
                    : OversightDigest.For(ctx, store, inputs.Records, half, half, instant);
                return CityCircular.Compose(inputs with { Oversight = oversight }, h, instant, options);
            });
            ctx.Out.WriteLine(CityCircular.Write(document, ctx.Registries, h, target, options));
            return ExitCodes.Success;
        });

        cmd.Subcommands.Add(semi);
        cmd.Subcommands.Add(city);
        return cmd;
    }

    /// <summary>Every utility's semiannual PDF and the city circular for a half-year; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(CliContext ctx, RecordSnapshot data, HalfYear half, string dir)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(data);
        var inputs = Inputs(ctx, data);
        var asOf = data.DataThrough ?? ctx.Clock();
        var paths = new List<string>(SemiannualReport.WriteAll(inputs, half, asOf, dir))
        {
            CityCircular.Write(inputs, half, asOf, Path.Combine(dir, CityCircular.FileName(ctx.Registries.CityName, half))),
        };
        return paths;
    }

    private static Option<string> HalfOption() => new("--half") { Description = CliHelp.Of("半年度：2026H1、2026H2（或 2026年上半年）。", "The half-year: 2026H1, 2026H2 (or 2026年上半年)."), Required = true };

    private static HalfYear Half(string? text)
    {
        if (!HalfYear.TryParse(text, out var h))
            throw new UsageException(CliMessages.NotAHalfYear.With(text ?? ""));
        CliArgs.Year(h.Year, "--half", text!.Trim());
        return h;
    }

    /// <summary>
    /// Where a single report goes: <paramref name="given"/> (a .pdf file, or an existing folder / a path ending with a
    /// separator to write <paramref name="fileName"/> into), else ./out/<paramref name="fileName"/>; checked before any work.
    /// </summary>
    private static string OutFile(string? given, string fileName)
    {
        if (given is null) return Path.Combine("out", fileName);
        if (given.Length > 0 && (Directory.Exists(given) || given.EndsWith(Path.DirectorySeparatorChar) || given.EndsWith(Path.AltDirectorySeparatorChar)))
        {
            CliArgs.OutFile(Path.Combine(given, fileName), "--out", ".pdf");
            return given;
        }
        return CliArgs.OutFile(given, "--out", ".pdf");
    }

    /// <summary>
    /// Forces the reports' figures from the records (<see cref="SemiannualReport.Scope"/>: the half, the one before, the same
    /// half a year earlier, the year to date, all read, and the engine over them): the comparison of the tests and
    /// benchmarks, not a user's setting.
    /// </summary>
    internal const string FromRecordsVariable = "ANALYTICS_REPORT_FROM_RECORDS";

    /// <summary>
    /// What a report of <paramref name="half"/> is made from, for the utilities given (null: the city) (issue 12): the
    /// store's answers, the half's lists and months streamed (<see cref="ReportStore.Inputs"/>). With
    /// <see cref="FromRecordsVariable"/>, the records of every period and the engine for each.
    /// </summary>
    private static (ReportInputs Inputs, DateTime AsOf) Inputs(CliContext ctx, IAnalyticsStore store, ParseResult p, Option<string?> asOf,
        HalfYear half, string? utility, string what, IEnumerable<string?> units)
    {
        var knownAt = CliArgs.Date(p.GetValue(asOf), "--as-of") is { } d ? DayBounds.EndOfDay(d) : (DateTime?)null;
        if (Environment.GetEnvironmentVariable(FromRecordsVariable) is "1")
        {
            var all = RecordSnapshot.Load(store, knownAt, SemiannualReport.Scope(half, utility));
            PeriodOptions.RequireData(all, half.First, what);
            return (Inputs(ctx, all), knownAt ?? all.DataThrough ?? ctx.Clock());
        }
        var dataThrough = RecordSnapshot.DataThroughOf(RecordSnapshot.KnownFilings(store, knownAt));
        PeriodOptions.RequireData(dataThrough, half.First, what);
        var instant = knownAt ?? dataThrough ?? ctx.Clock();
        return (ReportStore.Inputs(store, ctx.Policy, ctx.Calendar, ctx.Registries, ctx.Derivation, half, knownAt, instant, units), instant);
    }

    /// <summary>
    /// One report composed (<paramref name="compose"/>) from its inputs (<see cref="Inputs(CliContext, IAnalyticsStore, ParseResult, Option{string?}, HalfYear, string?, string, IEnumerable{string?})"/>)
    /// with the store open; when it returns, the store is closed and the records and answers are garbage, collected before
    /// the PDF is drawn: the renderer's memory then takes their place rather than adding to it (issue 12).
    /// </summary>
    private static ReportDocument Composed(CliContext ctx, ParseResult p, Option<string?> asOf, HalfYear half, string? utility, string what,
        Func<IAnalyticsStore, ReportInputs, DateTime, ReportDocument> compose)
    {
        var document = ComposedInStore(ctx, p, asOf, half, utility, what, compose);
        // Out of the frame that held them (unoptimised code keeps a frame's locals alive to its end): collected here.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return document;
    }

    private static ReportDocument ComposedInStore(CliContext ctx, ParseResult p, Option<string?> asOf, HalfYear half, string? utility, string what,
        Func<IAnalyticsStore, ReportInputs, DateTime, ReportDocument> compose)
    {
        using var store = ctx.OpenStore();
        var (inputs, instant) = Inputs(ctx, store, p, asOf, half, utility, what, [utility]);
        return compose(store, inputs, instant);
    }

    private static ReportInputs Inputs(CliContext ctx, RecordSnapshot data) => new()
    {
        Records = data,
        Policy = ctx.Policy,
        Calendar = ctx.Calendar,
        Registries = ctx.Registries,
    };
}
