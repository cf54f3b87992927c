using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Oversight.Rectification;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics rectify add|list|update|close</c>: the rectification ledger (整改台账) — items with 责任单位, 完成时限,
/// 整改措施, 状态 and a 回头看 date; an item closes only when the follow-up check finds the problem gone.
/// </summary>
public static class RectifyCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("rectify", "The rectification ledger (整改台账): add, list, update and close items.");
        cmd.Subcommands.Add(Add(context));
        cmd.Subcommands.Add(List(context));
        cmd.Subcommands.Add(Update(context));
        cmd.Subcommands.Add(Close(context));
        return cmd;
    }

    private static IOversightStore Oversight(IAnalyticsStore store) =>
        store as IOversightStore ?? throw new StoreUnavailableException($"{store.Description}: 此存储不支持整改台账");

    private static Command Add(Func<ParseResult, CliContext> context)
    {
        var problem = new Option<string>("--problem") { Description = "The problem (问题).", Required = true };
        var unit = new Option<string>("--unit") { Description = "责任单位: a utility or county (code or name) or any unit.", Required = true };
        var deadline = new Option<string>("--deadline") { Description = "完成时限, yyyy-MM-dd.", Required = true };
        var measures = new Option<string>("--measures") { Description = "整改措施.", Required = true };
        var followUp = new Option<string?>("--follow-up") { Description = "回头看 date, yyyy-MM-dd." };
        var county = CommandOptions.County();
        var utility = CommandOptions.Utility();
        var application = new Option<string?>("--application") { Description = "The application concerned (with --utility)." };
        var source = new Option<string?>("--source") { Description = "Where it comes from: a finding code (field_discrepancy, T2a …) or a forensics test." };
        var cmd = new Command("add", "Opens an item (待整改).") { problem, unit, deadline, measures, followUp, county, utility, application, source };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var d = CliArgs.RequiredDate(p.GetValue(deadline), "--deadline");
            var f = CliArgs.Date(p.GetValue(followUp), "--follow-up");
            var c = p.GetValue(county) is { } ct ? ctx.County(ct).Code : null;
            var u = p.GetValue(utility) is { } ut ? ctx.Utility(ut).Code : null;
            var unitText = p.GetValue(unit)!;
            var unitName = ctx.Registries.TryUtility(unitText, out var ue) ? ue.Name : ctx.Registries.TryCounty(unitText, out var ce) ? ce.Name : unitText;
            if (p.GetValue(application) is not null && u is null) throw new UsageException(CliMessages.ApplicationNeedsUtility.Text());
            using var store = ctx.OpenStore();
            RectificationItem item;
            try
            {
                item = RectificationLedger.Open(Oversight(store), new RectificationItem
                {
                    Problem = p.GetValue(problem)!, ResponsibleUnit = unitName, Deadline = d, Measures = p.GetValue(measures)!,
                    FollowUpOn = f, County = c, Utility = u, ApplicationId = p.GetValue(application), Source = p.GetValue(source),
                    Status = RectificationStatus.Open, CreatedAt = ctx.Clock(),
                });
            }
            catch (ArgumentException e) { throw new UsageException(e.Message, e); }
            ctx.Out.WriteLine(item.Id.ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only the items past their deadline and not closed." };
        var today = new Option<string?>("--today") { Description = "The day overdue is judged on (default: today)." };
        var cmd = new Command("list", "Lists the items (逾期 marks the overdue ones).") { overdue, today };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var day = CliArgs.Date(p.GetValue(today), "--today") ?? DateOnly.FromDateTime(ctx.Clock());
            using var store = ctx.OpenStore();
            var items = p.GetValue(overdue) ? RectificationLedger.Overdue(Oversight(store), day) : Oversight(store).Rectifications();
            var reported = LatestReported(store, items);
            var t = ConsoleTables.Table(string.Create(CultureInfo.InvariantCulture, $"整改台账（{day:yyyy-MM-dd}，{items.Count} 项）"),
                "编号", "问题", "责任单位", "完成时限", "整改措施", "状态", "回头看", "回头看结果", "台账报送进展");
            foreach (var i in items)
                ConsoleTables.Row(t, i.Id.ToString(CultureInfo.InvariantCulture), i.Problem, i.ResponsibleUnit,
                    i.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Measures,
                    Status(i.Status) + (i.IsOverdue(day) ? "（逾期）" : ""),
                    i.FollowUpOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", i.FollowUpResult ?? "",
                    reported.TryGetValue(i.Id, out var n) ? Reported(n) : "");
            ConsoleTables.Write(ctx.Out, t);
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Update(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The item's number." };
        var measures = new Option<string?>("--measures") { Description = "New 整改措施." };
        var deadline = new Option<string?>("--deadline") { Description = "New 完成时限, yyyy-MM-dd." };
        var followUp = new Option<string?>("--follow-up") { Description = "回头看 date, yyyy-MM-dd." };
        var cmd = new Command("update", "Reports progress (整改中), with new measures, deadline or follow-up date.") { id, measures, deadline, followUp };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            using var store = ctx.OpenStore();
            var item = Run(() => RectificationLedger.Progress(Oversight(store), p.GetValue(id), p.GetValue(measures),
                CliArgs.Date(p.GetValue(deadline), "--deadline"), CliArgs.Date(p.GetValue(followUp), "--follow-up")));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{item.Id}\t{Status(item.Status)}"));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Close(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = "The item's number." };
        var checkedOn = new Option<string>("--checked-on") { Description = "The day of the follow-up check (回头看), yyyy-MM-dd.", Required = true };
        var finding = new Option<string>("--finding") { Description = "What the follow-up check found.", Required = true };
        var gone = new Option<bool>("--resolved") { Description = "The check found the problem gone: the item closes (销号)." };
        var persists = new Option<bool>("--not-resolved") { Description = "The check found the problem still there: the item stays open." };
        var cmd = new Command("close", "Records the follow-up check; the item closes only with --resolved.") { id, checkedOn, finding, gone, persists };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            if (p.GetValue(gone) == p.GetValue(persists)) throw new UsageException(CliMessages.ResolvedOrNot.Text());
            var day = CliArgs.RequiredDate(p.GetValue(checkedOn), "--checked-on");
            using var store = ctx.OpenStore();
            var item = Run(() => RectificationLedger.FollowUp(Oversight(store), p.GetValue(id), day, p.GetValue(gone), p.GetValue(finding)!, ctx.Clock()));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{item.Id}\t{Status(item.Status)}"));
            return ExitCodes.Success;
        });
        return cmd;
    }

    /// <summary>
    /// The latest note filed through a county's weekly ledger on each item (task <c>整改N</c>, the item's county), by
    /// Thursday: the progress the county reported. It never changes the item — closing stays <c>rectify close</c>.
    /// </summary>
    private static Dictionary<long, LedgerNote> LatestReported(IAnalyticsStore store, IReadOnlyList<RectificationItem> items)
    {
        var latest = new Dictionary<long, LedgerNote>();
        if (items.Count == 0) return latest;
        var byId = items.ToDictionary(i => i.Id);
        foreach (var n in store.LedgerNotes())
        {
            if (!RectificationTask.TryParse(n.Task, out var id) || !byId.TryGetValue(id, out var item)
                || !string.Equals(item.County, n.County, StringComparison.Ordinal)) continue;
            if (!latest.TryGetValue(id, out var seen) || n.Thursday > seen.Thursday) latest[id] = n;
        }
        return latest;
    }

    /// <summary><c>2026-11-26 推进中：text（存在问题：…）</c>, as one cell.</summary>
    private static string Reported(LedgerNote n)
    {
        var (text, problems) = LedgerNoteText.Split(n.Text);
        var head = n.Thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (n.Status is { Length: > 0 } s ? " " + s : "");
        var body = text + (problems.Length > 0 ? $"（存在问题：{problems}）" : "");
        return body.Length > 0 ? $"{head}：{body}" : head;
    }

    private static RectificationItem Run(Func<RectificationItem> action)
    {
        try { return action(); }
        catch (KeyNotFoundException e) { throw new BadInputException(e.Message); }
        catch (InvalidOperationException e) { throw new BadInputException(e.Message); }
        catch (ArgumentException e) { throw new UsageException(e.Message, e); }
    }

    private static string Status(RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "待整改",
        RectificationStatus.InProgress => "整改中",
        RectificationStatus.Closed => "已销号",
        _ => "?",
    };
}
