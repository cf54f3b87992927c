using System.CommandLine;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Storage;
using Analytics.Oversight.Rectification;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics rectify add|list|show|update|close</c>: the rectification ledger (整改台账) — items with 责任单位, 完成时限,
/// 整改措施, 状态 and a 回头看 date; an item closes only when the follow-up check finds the problem gone. Every change is
/// kept with who (<c>--by</c>), when and what; <c>show ID</c> prints an item with its history.
/// </summary>
public static class RectifyCommand
{
    public static Command Build(Func<ParseResult, CliContext> context)
    {
        var cmd = new Command("rectify", CliHelp.Of("整改台账：立项、列出、查看（含变更记录）、更新和销号。", "The rectification ledger (整改台账): add, list, show (with its history), update and close items."));
        cmd.Subcommands.Add(Add(context));
        cmd.Subcommands.Add(List(context));
        cmd.Subcommands.Add(Show(context));
        cmd.Subcommands.Add(Update(context));
        cmd.Subcommands.Add(Close(context));
        return cmd;
    }

    private static IOversightStore Oversight(IAnalyticsStore store) =>
        store as IOversightStore ?? throw new StoreUnavailableException(DomainLocalized.Of(CliMessages.NoRectification.With(store.Description)));

    private static Command Add(Func<ParseResult, CliContext> context)
    {
        var problem = new Option<string>("--problem") { Description = CliHelp.Of("问题。", "The problem (问题)."), Required = true };
        var unit = new Option<string>("--unit") { Description = CliHelp.Of("责任单位：供电企业或县（市、区）（代码或名称），或其他任何单位。", "责任单位: a utility or county (code or name) or any unit."), Required = true };
        var deadline = new Option<string>("--deadline") { Description = CliHelp.Of("完成时限，yyyy-MM-dd。", "完成时限, yyyy-MM-dd."), Required = true };
        var measures = new Option<string>("--measures") { Description = CliHelp.Of("整改措施。", "整改措施."), Required = true };
        var followUp = new Option<string?>("--follow-up") { Description = CliHelp.Of("回头看日期，yyyy-MM-dd。", "回头看 date, yyyy-MM-dd.") };
        var county = CommandOptions.County();
        var utility = CommandOptions.Utility();
        var application = new Option<string?>("--application") { Description = CliHelp.Of("涉及的工单（与 --utility 同用）。", "The application concerned (with --utility).") };
        var source = new Option<string?>("--source") { Description = CliHelp.Of("来源：问题代码（field_discrepancy、T2a 等）或造假风险检验。", "Where it comes from: a finding code (field_discrepancy, T2a …) or a forensics test.") };
        var by = By();
        var cmd = new Command("add", CliHelp.Of("立项（待整改）。", "Opens an item (待整改).")) { problem, unit, deadline, measures, followUp, county, utility, application, source, by };
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
                }, Actor(p.GetValue(by)));
            }
            catch (ArgumentException e) { throw new UsageException(e.Message, e); }
            ctx.Out.WriteLine(item.Id.ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command List(Func<ParseResult, CliContext> context)
    {
        var overdue = new Option<bool>("--overdue") { Description = CliHelp.Of("只列出已过完成时限且未销号的事项。", "Only the items past their deadline and not closed.") };
        var today = new Option<string?>("--today") { Description = CliHelp.Of("判断是否逾期的日期（默认：今天）。", "The day overdue is judged on (default: today).") };
        var cmd = new Command("list", CliHelp.Of("列出事项（逾期的标注“逾期”）。", "Lists the items (逾期 marks the overdue ones).")) { overdue, today };
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
        var id = new Argument<long>("ID") { Description = CliHelp.Of("事项编号。", "The item's number.") };
        var measures = new Option<string?>("--measures") { Description = CliHelp.Of("新的整改措施。", "New 整改措施.") };
        var deadline = new Option<string?>("--deadline") { Description = CliHelp.Of("新的完成时限，yyyy-MM-dd。", "New 完成时限, yyyy-MM-dd.") };
        var followUp = new Option<string?>("--follow-up") { Description = CliHelp.Of("回头看日期，yyyy-MM-dd。", "回头看 date, yyyy-MM-dd.") };
        var by = By();
        var cmd = new Command("update", CliHelp.Of("报告进展（整改中），可给出新的整改措施、完成时限或回头看日期。", "Reports progress (整改中), with new measures, deadline or follow-up date.")) { id, measures, deadline, followUp, by };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            using var store = ctx.OpenStore();
            var item = Run(() => RectificationLedger.Progress(Oversight(store), p.GetValue(id), Actor(p.GetValue(by)), ctx.Clock(), p.GetValue(measures),
                CliArgs.Date(p.GetValue(deadline), "--deadline"), CliArgs.Date(p.GetValue(followUp), "--follow-up")));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{item.Id}\t{Status(item.Status)}"));
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Command Close(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = CliHelp.Of("事项编号。", "The item's number.") };
        var checkedOn = new Option<string>("--checked-on") { Description = CliHelp.Of("回头看的日期，yyyy-MM-dd。", "The day of the follow-up check (回头看), yyyy-MM-dd."), Required = true };
        var finding = new Option<string>("--finding") { Description = CliHelp.Of("回头看的结果。", "What the follow-up check found."), Required = true };
        var gone = new Option<bool>("--resolved") { Description = CliHelp.Of("回头看确认问题已解决：事项销号。", "The check found the problem gone: the item closes (销号).") };
        var persists = new Option<bool>("--not-resolved") { Description = CliHelp.Of("回头看发现问题仍在：事项不销号。", "The check found the problem still there: the item stays open.") };
        var by = By();
        var cmd = new Command("close", CliHelp.Of("记录回头看；只有给出 --resolved 时事项才销号。", "Records the follow-up check; the item closes only with --resolved.")) { id, checkedOn, finding, gone, persists, by };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            if (p.GetValue(gone) == p.GetValue(persists)) throw new UsageException(CliMessages.ResolvedOrNot.Text());
            var day = CliArgs.RequiredDate(p.GetValue(checkedOn), "--checked-on");
            using var store = ctx.OpenStore();
            var item = Run(() => RectificationLedger.FollowUp(Oversight(store), p.GetValue(id), day, p.GetValue(gone), p.GetValue(finding)!, ctx.Clock(), Actor(p.GetValue(by))));
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

    private static Command Show(Func<ParseResult, CliContext> context)
    {
        var id = new Argument<long>("ID") { Description = CliHelp.Of("事项编号。", "The item's number.") };
        var today = new Option<string?>("--today") { Description = CliHelp.Of("判断是否逾期的日期（默认：今天）。", "The day overdue is judged on (default: today).") };
        var cmd = new Command("show", CliHelp.Of("输出一个事项及其变更记录：每次变更（立项、更新、回头看未通过、销号）的操作人、时间和内容，以及所在县通过工作台账报送的进展。", "Prints an item and its history: every change (立项, 更新, 回头看未通过, 销号) with who, when and what, and the progress its county filed through the weekly ledgers.")) { id, today };
        cmd.SetAction(p =>
        {
            var ctx = context(p);
            var day = CliArgs.Date(p.GetValue(today), "--today") ?? DateOnly.FromDateTime(ctx.Clock());
            using var store = ctx.OpenStore();
            var oversight = Oversight(store);
            var n = p.GetValue(id);
            var item = oversight.Rectifications().FirstOrDefault(i => i.Id == n)
                ?? throw new BadInputException(CliMessages.NoSuchItem.With(n));
            var inv = CultureInfo.InvariantCulture;
            var t = ConsoleTables.Table(string.Create(inv, $"整改事项 {item.Id}"), "项目", "内容");
            ConsoleTables.Row(t, "问题", item.Problem);
            ConsoleTables.Row(t, "来源", item.Source ?? "");
            ConsoleTables.Row(t, "县（市、区）", item.County is { } c ? ctx.Registries.County(c).Name : "");
            ConsoleTables.Row(t, "供电企业", item.Utility is { } u ? ctx.Registries.Utility(u).ShortName : "");
            ConsoleTables.Row(t, "工单编号", item.ApplicationId ?? "");
            ConsoleTables.Row(t, "责任单位", item.ResponsibleUnit);
            ConsoleTables.Row(t, "完成时限", item.Deadline.ToString("yyyy-MM-dd", inv));
            ConsoleTables.Row(t, "整改措施", item.Measures);
            ConsoleTables.Row(t, "状态", Status(item.Status) + (item.IsOverdue(day) ? "（逾期）" : ""));
            ConsoleTables.Row(t, "回头看", item.FollowUpOn?.ToString("yyyy-MM-dd", inv) ?? "");
            ConsoleTables.Row(t, "回头看结果", item.FollowUpResult ?? "");
            ConsoleTables.Row(t, "立项时间", item.CreatedAt.ToString("yyyy-MM-dd HH:mm", inv));
            ConsoleTables.Row(t, "销号时间", item.ClosedAt?.ToString("yyyy-MM-dd HH:mm", inv) ?? "");
            ConsoleTables.Write(ctx.Out, t);
            var history = oversight.RectificationHistory(item.Id);
            var h = ConsoleTables.Table(string.Create(inv, $"状态变更记录（{history.Count} 条）"), "时间", "操作人", "事项", "变更后状态", "内容");
            foreach (var e in history)
                ConsoleTables.Row(h, e.At.ToString("yyyy-MM-dd HH:mm:ss", inv), e.Actor, RectificationLedger.Label(e.Action),
                    e.Status is { } s ? Status(s) : "（不改变事项）", e.Detail);
            ConsoleTables.Write(ctx.Out, h);
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static Option<string?> By() => new("--by")
    {
        Description = CliHelp.Of("操作人（工作人员姓名或账户），记入事项的变更记录；默认：操作系统的用户名。", "Who makes the change (an official's name or account), kept in the item's history; default: the operating system's user name."),
    };

    private static string Actor(string? by) =>
        by is { } b && !string.IsNullOrWhiteSpace(b) ? b.Trim() : "命令行用户 " + Environment.UserName;

    private static RectificationItem Run(Func<RectificationItem> action)
    {
        try { return action(); }
        catch (KeyNotFoundException e) { throw new BadInputException(e.Message); }
        catch (InvalidOperationException e) { throw new BadInputException(e.Message); }
        catch (ArgumentException e) { throw new UsageException(e.Message, e); }
    }

    private static string Status(RectificationStatus s) => RectificationLedger.Label(s);
}
