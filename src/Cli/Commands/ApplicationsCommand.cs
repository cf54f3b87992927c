using System.CommandLine;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Output;
using Analytics.Metrics;
using Analytics.Reports.Export;
using Analytics.Reports.Tables;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics applications</c>: one row per application with its figures and findings (cli.md).</summary>
public static class ApplicationsCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("applications", CliHelp.Of("每件工单一行，含计算所得数据和问题（csv、json 或 xlsx）。", "One row per application with its computed figures and findings (csv, json or xlsx)."));
        var period = new PeriodOptions();
        period.AddTo(cmd, withYear: false);
        var county = CommandOptions.County();
        var utility = CommandOptions.Utility();
        var format = CommandOptions.Format(CliHelp.Of("csv（默认）、json 或 xlsx", "csv (default), json or xlsx"));
        var output = CommandOptions.Out(CliHelp.Of("写入该文件而不是标准输出（xlsx 必须给出）。", "Write to this file instead of standard output (required for xlsx)."));
        cmd.Options.Add(county);
        cmd.Options.Add(utility);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var fmt = CliArgs.OneOf(p.GetValue(format), "--format", "csv", "csv", "json", "xlsx");
            var outFile = p.GetValue(output);
            if (fmt == "xlsx" && outFile is null) throw new UsageException(CliMessages.XlsxNeedsOut.Text());
            if (outFile is not null) outFile = CliArgs.OutFile(outFile, "--out", fmt == "xlsx" ? ".xlsx" : null);
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var u = p.GetValue(utility) is { } ut ? ctx.Utility(ut).Code : null;
            using var store = ctx.OpenStore();
            var (data, asOf, question) = period.Load(p, ctx, store, c, u, allData: true);
            var result = MetricsEngine.Compute(MetricsInput.Of(data, ctx.Policy, ctx.Calendar, question, asOf, c, u));
            var rows = result.ApplicationsInPeriod;
            switch (fmt)
            {
                case "xlsx":
                    ApplicationsWorkbook.Write(result, rows, ctx.Registries, outFile!);
                    ctx.Err.WriteLine("analytics: " + ctx.Say(CliMessages.Wrote.With(outFile!)));
                    break;
                case "json":
                    WriteTo(ctx, outFile, s => ApplicationsJsonWriter.Write(result, rows, s));
                    break;
                default:
                    WriteTo(ctx, outFile, s =>
                    {
                        using var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
                        ApplicationsCsvWriter.Write(result, rows, w);
                    });
                    break;
            }
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>Writes through a stream to the file (whole or not at all, <see cref="OutputFile"/>), or to the command's output writer.</summary>
    internal static void WriteTo(CliContext ctx, string? file, Action<Stream> write)
    {
        if (file is not null)
        {
            OutputFile.Write(file, write);
            return;
        }
        using var ms = new MemoryStream();
        write(ms);
        ctx.Out.Write(Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
        ctx.Out.Flush();
    }
}
