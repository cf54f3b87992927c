using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Domain.Storage;
using Analytics.Metrics;
using Analytics.Reports.Common;
using Analytics.Reports.Oversight;
using Analytics.Reports.Wording;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Turns one county's records into its <see cref="CountyLedger"/>: asks the metrics engine two questions (the week and
/// the year to date, both as of the inputs' as-of, metrics.md §8) and reads every figure from the answers; the ledger
/// adds only selection (which rows belong to which sheet), order and Chinese labels.
/// </summary>
/// <remarks>
/// The week and the year to date end at the same instant, so an application's figures are the same in both answers:
/// every per-application row (在途工单, 本周接电, 审批事项, 超期在途) comes from the week's answer, and the year's gives
/// only targets, volumes and reliability — which the store's counts give whole (<see cref="LedgerStore"/>, issue 12).
/// </remarks>
internal sealed class CountyLedgerComposer
{
    private readonly LedgerInputs _inputs;
    private readonly LedgerWeek _week;

    public CountyLedgerComposer(LedgerInputs inputs, LedgerWeek week)
    {
        _inputs = inputs;
        _week = week;
    }

    private MetricsPeriod WeekPeriod => new(_week.FirstDay, _week.LastDay);
    private MetricsPeriod YearPeriod => new(_week.YearStart, _week.LastDay);

    /// <summary>
    /// The engine's results for a slice: the week (over the slice's records) and the year to date (over them too, or the
    /// store's counts when the ledgers read from a store, <see cref="LedgerInputs.Store"/>).
    /// </summary>
    public (MetricsResult Week, MetricsResult Year) Compute(LedgerSlice slice, string? county)
    {
        var asOf = _inputs.AsOfFor(_week);
        MetricsResult Engine(MetricsPeriod period) => MetricsEngine.Compute(MetricsInput.Of(slice.Records, _inputs.Policy,
            _inputs.Calendar, period, asOf, county));
        var week = Engine(WeekPeriod);
        return (week, _inputs.Store is { } store ? store.Answer(_inputs, YearPeriod, asOf, county) : Engine(YearPeriod));
    }

    /// <summary>
    /// The 全市 line's results: the engine over the city's records, or from a store both from its counts (the line takes
    /// volumes, targets and reliability only, which the counts give whole).
    /// </summary>
    public (MetricsResult Week, MetricsResult Year) ComputeCity(LedgerSlice city)
    {
        if (_inputs.Store is not { } store) return Compute(city, null);
        var asOf = _inputs.AsOfFor(_week);
        var (year, week) = Analytics.Domain.Storage.SideBySide.Run(() => store.Answer(_inputs, YearPeriod, asOf, null), () => store.Answer(_inputs, WeekPeriod, asOf, null));
        return (week, year);
    }

    public CountyLedger Compose(RegistryEntry county, LedgerSlice slice,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk)
    {
        var (week, year) = Compute(slice, county.Code);
        return Compose(county, slice, week, year, risk);
    }

    /// <summary>
    /// A county's ledger from the store (<see cref="LedgerInputs.Store"/>): the store counts the year to date on one core
    /// while the week's records are read and computed on the other.
    /// </summary>
    public CountyLedger ComposeFromStore(RegistryEntry county, IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk)
    {
        var store = _inputs.Store ?? throw new InvalidOperationException("The ledger's inputs name no store.");
        var asOf = _inputs.AsOfFor(_week);
        var ((slice, week), year) = Analytics.Domain.Storage.SideBySide.Run(() =>
        {
            var slice = LedgerSlice.Of(_inputs, store.Week(_week, county.Code), _week, county.Code);
            return (slice, LedgerStore.WeekAnswer(_inputs, slice.Records, WeekPeriod, asOf, county.Code));
        }, () => store.Answer(_inputs, YearPeriod, asOf, county.Code));
        return Compose(county, slice, week, year, risk);
    }

    private CountyLedger Compose(RegistryEntry county, LedgerSlice slice, MetricsResult week, MetricsResult year,
        IReadOnlyDictionary<(string Utility, string ApplicationId), double>? risk)
    {
        var (prefill, prefilledFrom) = Prefill(county.Code, slice.Notes);
        var weekVolumes = LedgerVolumes.Of(week);
        return new CountyLedger
        {
            County = county,
            Week = _week,
            CutOff = _inputs.CutOffFor(_week),
            CityName = _inputs.Registries.CityName,
            PlanId = _inputs.Policy.PlanId,
            Targets = Targets(county.Code, week, year),
            WeekVolumes = weekVolumes,
            // 超期在途 are the applications in progress at the week's end, the year's as the week's (the same instant).
            YearVolumes = LedgerVolumes.Of(year) with { Overdue = weekVolumes.Overdue },
            InProgress = InProgress(week, risk),
            Connected = Connected(week),
            Issues = Issues(county.Code, week, slice.WeekOutages),
            Outages = Outages(slice.WeekOutages),
            Saidi = Saidi(county.Code, year),
            Approvals = Approvals(week),
            Progress = prefill,
            ProgressPrefilledFrom = prefilledFrom,
        };
    }

    // ---- 汇总 ----

    private List<LedgerTargetLine> Targets(string county, MetricsResult week, MetricsResult year)
    {
        var lines = new List<LedgerTargetLine>();
        foreach (var def in _inputs.Policy.Targets)
        {
            if (def.Kind == TargetKind.Saidi)
            {
                foreach (var area in Codes.All<Area>())
                {
                    var y = year.Targets.FirstOrDefault(t => t.Id == def.Id && t.Group.Dimension == GroupDimension.County
                        && t.Group.County == county && t.Group.Area == area && t.Year == _week.Year);
                    lines.Add(new LedgerTargetLine
                    {
                        TargetId = def.Id,
                        Clause = def.Clause,
                        Title = def.Title,
                        Scope = Codes.Label(area),
                        Limit = LimitText(def, area),
                        Week = null,
                        YearToDate = y is null ? NoFigure(def) : Figure(y),
                    });
                }
                continue;
            }
            TargetResult? Row(MetricsResult r) => r.Targets.FirstOrDefault(t => t.Id == def.Id
                && t.Group.Dimension == GroupDimension.County && t.Group.County == county && t.Group.Area is null);
            lines.Add(new LedgerTargetLine
            {
                TargetId = def.Id,
                Clause = def.Clause,
                Title = def.Title,
                Scope = Scope(def),
                Limit = LimitText(def, null),
                Week = Row(week) is { } w ? Figure(w) : NoFigure(def),
                YearToDate = Row(year) is { } y2 ? Figure(y2) : NoFigure(def),
            });
        }
        return lines;
    }

    private LedgerTargetFigure NoFigure(TargetDefinition def) => new()
    {
        InForce = def.InForce.Count > 0 && def.InForceFrom <= _week.LastDay,
    };

    private static LedgerTargetFigure Figure(TargetResult t) => new()
    {
        // 目标5 is judged on the SAIDI figure, not on counted applications: no count, no rate.
        Total = t.Kind == TargetKind.Saidi ? 0 : t.Total,
        Compliant = t.Kind == TargetKind.Saidi ? 0 : t.Compliant,
        Rate = t.Kind != TargetKind.Saidi && t.Rate is { } r ? Math.Round((decimal)r, 4) : null,
        // A target in force with nothing to count is met by the engine's rule; the ledger says 无业务 instead.
        Met = !t.InForce ? null : t.Kind == TargetKind.Saidi ? Verdict(t.Status) : t.Total == 0 ? null : t.Met,
        Verdict = t.Status is { } s ? WordingTable.Status(s) : null,
        Figure = t.Kind == TargetKind.Saidi ? (t.Value is { } v ? Math.Round(v, 4) : null) : t.MeanDays is { } m ? Math.Round((decimal)m, 2) : null,
        InForce = t.InForce,
    };

    /// <summary>目标5: good for met or on track, bad for not met or breached, neither (null) at risk or without a verdict.</summary>
    private static bool? Verdict(ReliabilityStatus? status) => status switch
    {
        ReliabilityStatus.Met or ReliabilityStatus.OnTrack => true,
        ReliabilityStatus.NotMet or ReliabilityStatus.Breached => false,
        _ => null,
    };

    private static string Scope(TargetDefinition def)
    {
        if (def.AccessVoltage is { } v) return Codes.Label(v) + "接入工程";
        if (def.Categories.Count > 0) return string.Join("、", def.Categories.Select(Codes.Label));
        return def.Kind switch
        {
            TargetKind.ZeroInvestment => "小微企业",
            TargetKind.Materials => "全部申请",
            TargetKind.ConnectionVoltage => "非居民三零用户",
            _ => "",
        };
    }

    private string LimitText(TargetDefinition def, Area? area)
    {
        var limit = def.LimitOn(_week.LastDay) ?? def.InForce[^1].Limit;
        return def.Kind switch
        {
            TargetKind.ApprovalDays or TargetKind.UtilityDays or TargetKind.WholeProcessDays =>
                limit is { } l ? $"≤{Num(l)}个工作日" : "",
            TargetKind.Stages when def.AllowedStages.Count > 0 => $"≤{def.AllowedStages.Count}个环节",
            TargetKind.Stages => "不得有" + string.Join("、", def.ForbiddenStages.Stages.Select(Codes.Label)),
            TargetKind.ZeroInvestment => "用户投资为0",
            TargetKind.ZeroCost => "收费、用户投资为0",
            TargetKind.Materials => "仅限规定资料",
            TargetKind.ConnectionVoltage => def.MaxCapacityKw is { } kw ? $"≤{Num(kw)}kW低压接入" : "低压接入",
            TargetKind.Saidi when area is { } a && def.LimitHoursByArea.TryGetValue(a, out var h) =>
                $"≤{Num(h)}小时或同比压缩{Num(_inputs.Policy.Parameters.SaidiYoyReduction * 100m)}%",
            _ => "",
        };
    }

    private static string Num(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    // ---- 在途工单 ----

    /// <summary>在途工单: the applications in progress at the week's end (every one is in the week's records, <see cref="RecordScope"/>).</summary>
    private List<InProgressLine> InProgress(MetricsResult week, IReadOnlyDictionary<(string, string), double>? risk)
    {
        var lines = new List<InProgressLine>();
        foreach (var f in week.Applications)
        {
            if (f.Status != ApplicationStatus.InProgress) continue;
            var a = f.Application;
            double? p = risk is not null && risk.TryGetValue((a.Utility, a.ApplicationId), out var x) ? x : null;
            lines.Add(new InProgressLine
            {
                ApplicationId = a.ApplicationId,
                Utility = UtilityName(a.Utility),
                Category = Codes.Label(f.Category),
                Area = Codes.Label(a.Area),
                Voltage = Codes.Label(a.Voltage),
                CapacityKw = a.CapacityKw,
                Customer = PersonalDataMask.Safe(a.CustomerMask),
                AcceptedAt = a.AcceptedAt,
                CurrentStage = f.Stages.Stages.Select(Codes.Label).LastOrDefault() ?? "",
                ElapsedDays = f.ElapsedDays ?? 0,
                CountedDays = f.CountedDays,
                TargetId = f.LimitTargetId,
                LimitDays = f.LimitDays is { } l ? (int)l : null,
                DueDate = f.DueDate,
                DaysLeft = f.WorkingDaysLeft,
                Overdue = f.Overdue == true,
                Risk = p,
            });
        }
        // Most urgent first: fewest working days left (most overdue on top); no limit last, oldest first.
        return [.. lines
            .OrderBy(l => l.DaysLeft is null ? 1 : 0)
            .ThenBy(l => l.DaysLeft ?? 0)
            .ThenBy(l => l.AcceptedAt)
            .ThenBy(l => l.ApplicationId, StringComparer.Ordinal)];
    }

    // ---- 本周接电 ----

    private List<ConnectedLine> Connected(MetricsResult week)
    {
        var lines = new List<ConnectedLine>();
        foreach (var f in week.Applications)
        {
            if (f.ConnectedAt is not { } at || !_week.Contains(at)) continue;
            var a = f.Application;
            lines.Add(new ConnectedLine
            {
                ApplicationId = a.ApplicationId,
                Utility = UtilityName(a.Utility),
                Category = Codes.Label(f.Category),
                Area = Codes.Label(a.Area),
                Voltage = Codes.Label(a.Voltage),
                CapacityKw = a.CapacityKw,
                Customer = PersonalDataMask.Safe(a.CustomerMask),
                Channel = Codes.Label(a.Channel),
                AcceptedAt = a.AcceptedAt,
                ConnectedAt = at,
                WholeProcessDays = f.WholeProcessDays,
                UtilityDays = f.UtilityDays,
                ApprovalDays = f.ApprovalDays,
                StageCount = f.StageCount,
                Stages = string.Join("、", f.Stages.Stages.Select(Codes.Label)),
                LimitDays = DayLimit(f.Category, DateOnly.FromDateTime(a.AcceptedAt)),
                FeeYuan = a.FeeYuan,
                CustomerInvestmentYuan = a.CustomerInvestmentYuan,
                Breaches = string.Join("、", f.BreachedTargets),
            });
        }
        return [.. lines.OrderBy(l => l.ConnectedAt).ThenBy(l => l.ApplicationId, StringComparer.Ordinal)];
    }

    /// <summary>The limit of the day target (目标2) for a category, in force on the accepted date.</summary>
    private int? DayLimit(Category category, DateOnly accepted)
    {
        foreach (var t in _inputs.Policy.Targets)
            if (t.Kind is TargetKind.UtilityDays or TargetKind.WholeProcessDays && t.Categories.Contains(category)
                && t.LimitOn(accepted) is { } l)
                return (int)l;
        return null;
    }

    // ---- 问题清单 ----

    private List<IssueLine> Issues(string county, MetricsResult week, List<OutageStep> weekOutages)
    {
        IssueLine Line(string kind, Finding f) => new()
        {
            Kind = kind,
            RuleId = f.Code,
            Rule = WordingTable.FindingLabel(f),
            Clause = f.Clause,
            Utility = UtilityName(f.Utility),
            Subject = f.ApplicationId,
            When = f.On,
            Evidence = EvidenceText.Of(f),
        };
        var lines = new List<IssueLine>();
        lines.AddRange(week.Breaches.Select(f => Line("目标未达标", f)));
        lines.AddRange(week.Findings.Select(f => Line("数据真实性", f)));
        foreach (var o in Outages(weekOutages))
        {
            if (o.NoticeOnTime != false) continue;
            var lead = _inputs.Policy.Parameters.PlannedNoticeLeadDays;
            lines.Add(new IssueLine
            {
                Kind = "停电通知",
                RuleId = "notice",
                Rule = "计划停电提前通知用户",
                Clause = "任务10",
                Utility = o.Utility,
                Subject = o.OutageId,
                When = DateOnly.FromDateTime(o.StartAt),
                Evidence = o.NotifiedAt is { } n
                    ? $"计划停电开始{Formats.DateTime(o.StartAt)}，通知时间{Formats.DateTime(n)}，提前{DateOnly.FromDateTime(o.StartAt).DayNumber - DateOnly.FromDateTime(n).DayNumber}天，应至少提前{lead}天"
                    : $"计划停电开始{Formats.DateTime(o.StartAt)}，未记录通知用户时间，应至少提前{lead}天通知",
            });
        }
        lines.AddRange(OversightIssues(county));
        foreach (var e in week.Errors)
            if (e.Kind == MetricsErrorKind.CalendarMissingYear)
                lines.Add(new IssueLine
                {
                    Kind = "无法计算",
                    RuleId = "calendar",
                    Rule = "缺少工作日历",
                    Clause = "",
                    Utility = e.Utility is { } u ? UtilityName(u) : "",
                    Subject = e.ApplicationId ?? e.Scope,
                    Evidence = "该工单日期所在年度没有国务院节假日安排，用时未计算：" + e.Message,
                });
        return [.. lines
            .OrderBy(l => KindOrder(l.Kind))
            .ThenBy(l => l.RuleId, StringComparer.Ordinal)
            .ThenBy(l => l.When)
            .ThenBy(l => l.Subject, StringComparer.Ordinal)];

        static int KindOrder(string kind) => kind switch
        {
            "目标未达标" => 0, "数据真实性" => 1, "停电通知" => 2, OversightSpotCheck => 3, OversightForensics => 4, OversightRectification => 5, _ => 6,
        };
    }

    private const string OversightSpotCheck = "现场核查";
    private const string OversightForensics = "造假风险";
    private const string OversightRectification = "整改逾期";

    /// <summary>
    /// The county's part of the oversight (issue 16): its field discrepancies filed in the week and its rectification items
    /// overdue at the week's end (<see cref="OversightInputs.Findings"/>), the discrepancy rate of each of its strata with
    /// field results filed in the week — figures as given (forensics flags go to the city's roll-up: ForensicsIssues).
    /// </summary>
    private IEnumerable<IssueLine> OversightIssues(string county)
    {
        var o = _inputs.Oversight;
        foreach (var f in o.FindingsOf(county))
            yield return new IssueLine
            {
                Kind = f.Code == "rectification_overdue" ? OversightRectification : OversightSpotCheck,
                RuleId = f.Code,
                Rule = WordingTable.FindingLabel(f),
                Clause = f.Clause,
                Utility = f.Utility.Length == 0 ? "" : UtilityName(f.Utility),
                Subject = f.ApplicationId,
                When = f.On,
                Evidence = EvidenceText.Of(f),
            };
        foreach (var s in o.Strata.Where(s => string.Equals(s.County, county, StringComparison.Ordinal)))
            yield return new IssueLine
            {
                Kind = OversightSpotCheck,
                RuleId = "spotcheck_rate",
                Rule = "抽查不一致率",
                Clause = "四.3",
                Utility = UtilityName(s.Utility),
                Subject = "抽查批次 " + s.DrawId,
                Evidence = string.Create(CultureInfo.InvariantCulture,
                    $"本层抽取{s.Drawn}件，已核查{s.Checked}件，不一致{s.Discrepant}件，不一致率{s.Rate * 100:0.0}%，单侧{s.Confidence * 100:0}%置信上限{s.UpperBound * 100:0.0}%"),
            };
    }

    /// <summary>
    /// The forensics tests flagged over the city (each unit tested against the rest of the city), for the city's roll-up:
    /// a county's own ledger does not carry them, so it reads the same whether written alone or with all the others and
    /// never needs the whole city's records.
    /// </summary>
    internal IEnumerable<(string? County, IssueLine Issue)> ForensicsIssues()
    {
        var o = _inputs.Oversight;
        foreach (var f in o.Flags)
            yield return (f.County, new IssueLine
            {
                Kind = OversightForensics,
                RuleId = f.Test,
                Rule = WordingTable.Oversight(f.Test) ?? f.Test,
                Clause = "任务4",
                Utility = f.Utility is { } u ? UtilityName(u) : "",
                Subject = f.Target ?? "",
                When = o.ForensicsPeriod?.To,
                Evidence = string.Create(CultureInfo.InvariantCulture,
                    $"{f.Evidence}（{(o.ForensicsPeriod is { } p ? $"{p.From:yyyy-MM-dd}至{p.To:yyyy-MM-dd}，" : "")}p = {f.PValue:0.###E+0}，Holm校正 p = {f.PAdjusted:0.###E+0}，α = {o.ForensicsAlpha:0.###}，涉及{f.Applications}件）"),
            });
    }

    // ---- 停电事件 ----

    private List<OutageLine> Outages(List<OutageStep> steps)
    {
        var p = _inputs.Policy.Parameters;
        var lines = new List<OutageLine>();
        foreach (var g in steps.GroupBy(s => (s.Utility, s.OutageId)))
        {
            var first = g.MinBy(s => s.StartAt)!;
            var hours = 0m;
            var customers = 0;
            var allShort = true;
            DateTime? notified = null;
            foreach (var s in g)
            {
                var h = (decimal)(s.EndAt - s.StartAt).Ticks / TimeSpan.TicksPerHour;
                hours += s.Customers * h;
                customers += s.Customers;
                if (h * 60m > p.ShortInterruptionMinutes) allShort = false;
                if (s.NotifiedAt is { } n && (notified is null || n < notified)) notified = n;
            }
            bool? onTime = first.Kind == OutageKind.Planned
                ? notified is { } nt && DateOnly.FromDateTime(first.StartAt).DayNumber - DateOnly.FromDateTime(nt).DayNumber >= p.PlannedNoticeLeadDays
                : null;
            lines.Add(new OutageLine
            {
                OutageId = first.OutageId,
                Utility = UtilityName(first.Utility),
                Area = Codes.Label(first.Area),
                Kind = Codes.Label(first.Kind),
                Cause = Codes.Label(first.Cause),
                Feeder = first.Feeder ?? "",
                StartAt = first.StartAt,
                EndAt = g.Max(s => s.EndAt),
                Customers = customers,
                CustomerHours = Math.Round(hours, 2),
                IsShort = allShort,
                NotifiedAt = notified,
                NoticeOnTime = onTime,
            });
        }
        return [.. lines.OrderBy(l => l.StartAt).ThenBy(l => l.OutageId, StringComparer.Ordinal)];
    }

    private List<SaidiLine> Saidi(string county, MetricsResult year)
    {
        var t5 = _inputs.Policy.Targets.FirstOrDefault(t => t.Kind == TargetKind.Saidi);
        var lines = new List<SaidiLine>();
        foreach (Area? area in Codes.All<Area>().Select(a => (Area?)a).Append(null))
        {
            var e = year.Reliability.FirstOrDefault(r => r.Year == _week.Year && r.County == county && r.Utility is null && r.Area == area);
            decimal? limit = area is { } a && t5 is not null && t5.LimitHoursByArea.TryGetValue(a, out var h) ? h : null;
            var label = area is { } x ? Codes.Label(x) : "合计";
            if (e is null)
            {
                var missing = year.Errors.Any(er => er.Kind == MetricsErrorKind.NoCustomersServed && er.Year == _week.Year
                    && er.County == county && er.Utility is null && er.Area == area);
                lines.Add(new SaidiLine { Area = label, LimitH = limit, Note = missing ? "有停电但未报用户数" : "无数据" });
                continue;
            }
            lines.Add(new SaidiLine
            {
                Area = label,
                Customers = e.Customers,
                CustomerHours = Math.Round(e.CustomerHours, 2),
                SaidiH = Math.Round(e.SaidiH, 4),
                LimitH = e.TargetH ?? limit,
                Met = Verdict(e.Status),
                Verdict = e.Status is { } st ? WordingTable.Status(st) : null,
                Note = e.Status is ReliabilityStatus.Met or ReliabilityStatus.OnTrack && !e.MetByLimit && e.MetByReduction
                    ? $"同比压缩{Formats.Percent(-(e.YoyChange ?? 0m))}"
                    : e.YoyChange is { } y ? $"同比{(y <= 0 ? "下降" : "上升")}{Formats.Percent(Math.Abs(y))}" : "",
            });
        }
        return lines;
    }

    // ---- 审批事项 ----

    /// <summary>
    /// 审批事项: the applications with an approval submitted that are in progress at the week's end or were connected in
    /// the week, whose approval is open at the week's end or was granted in the week; open ones first, longest first.
    /// </summary>
    /// <remarks>
    /// An application connected before the week is not listed even when its approval is still open or was granted in the
    /// week (an anomaly of the data): it is no row of the week's answer when the ledger is made from a store (the week's
    /// records, <see cref="LedgerStore"/>), and the ledger reads the same from the records and from the store (issue 12).
    /// </remarks>
    private List<ApprovalLine> Approvals(MetricsResult week)
    {
        var lines = new List<ApprovalLine>();
        var candidates = week.Applications.Where(f => f.Status == ApplicationStatus.InProgress
            || (f.Status == ApplicationStatus.Connected && f.ConnectedAt is { } at && _week.Contains(at)));
        foreach (var f in candidates)
        {
            var a = f.Application;
            if (a.ApprovalSubmittedAt is not { } submitted) continue;
            var open = a.ApprovalGrantedAt is null;
            if (!open && !_week.Contains(a.ApprovalGrantedAt!.Value)) continue;
            var limit = ApprovalLimit(a);
            var days = open ? OpenDays(submitted) : f.ApprovalDays;
            lines.Add(new ApprovalLine
            {
                ApplicationId = a.ApplicationId,
                Utility = UtilityName(a.Utility),
                Category = Codes.Label(f.Category),
                Voltage = Codes.Label(a.Voltage),
                Mode = a.ApprovalMode is { } m ? Codes.Label(m) : "",
                SubmittedAt = submitted,
                GrantedAt = a.ApprovalGrantedAt,
                Days = days,
                LimitDays = limit,
                Open = open,
                Overdue = limit is { } l && days > l,
            });
        }
        return [.. lines.OrderByDescending(l => l.Open).ThenByDescending(l => l.Days ?? -1).ThenBy(l => l.ApplicationId, StringComparer.Ordinal)];
    }

    /// <summary>Working days an approval has been open at the as-of (metrics.md §1 counting); null for a year without calendar.</summary>
    private int? OpenDays(DateTime submitted)
    {
        try { return _inputs.Calendar.WorkingDaysBetween(submitted, _week.AsOf); }
        catch (Analytics.Domain.Calendar.CalendarException) { return null; }
    }

    /// <summary>The approval-days limit (目标1) for the application's access voltage, in force on its accepted date.</summary>
    private int? ApprovalLimit(Application a)
    {
        foreach (var t in _inputs.Policy.Targets)
            if (t.Kind == TargetKind.ApprovalDays && t.AccessVoltage == a.Voltage && t.LimitOn(DateOnly.FromDateTime(a.AcceptedAt)) is { } l)
                return (int)l;
        return null;
    }

    // ---- 工作进展 ----

    /// <summary>
    /// One row per plan task the county answers for (the policy's tasks with 各县（市、区）能源局 as 责任单位), pre-filled from the notes filed for this Thursday when there are any (a ledger
    /// regenerated after filing), else from the latest earlier Thursday filed; then one row per open rectification item of
    /// the county (<see cref="OversightInputs.Rectifications"/> not closed, by id) under its key <c>整改N</c> with its problem
    /// as the title, pre-filled the same way; free tasks of those notes follow.
    /// </summary>
    private (List<ProgressLine>, DateOnly?) Prefill(string county, List<LedgerNote> notes)
    {
        DateOnly? from = notes.Where(n => n.Thursday <= _week.Thursday).Select(n => (DateOnly?)n.Thursday).Max();
        var chosen = from is { } f ? notes.Where(n => n.Thursday == f).ToList() : [];
        var lines = new List<ProgressLine>();
        foreach (var task in _inputs.Policy.TasksFor(ResponsibleUnit.County))
        {
            var n = chosen.FirstOrDefault(x => string.Equals(x.Task, task.Id, StringComparison.Ordinal));
            var (text, problems) = LedgerNoteText.Split(n?.Text);
            lines.Add(new ProgressLine(task.Id, task.Title, text, n?.Status ?? "", problems));
        }
        foreach (var item in _inputs.Oversight.Rectifications.Select(r => r.Item)
                     .Where(i => i.Status != RectificationStatus.Closed && string.Equals(i.County, county, StringComparison.Ordinal))
                     .OrderBy(i => i.Id))
        {
            var key = RectificationTask.Key(item.Id);
            var n = chosen.FirstOrDefault(x => string.Equals(x.Task, key, StringComparison.Ordinal));
            var (text, problems) = LedgerNoteText.Split(n?.Text);
            lines.Add(new ProgressLine(key, item.Problem, text, n?.Status ?? "", problems));
        }
        // Free tasks follow; the signature note is no task, and a note on a plan task that is not the county's
        // (filed before the ledger listed the county's tasks only) is left out rather than shown as a free row, as is a
        // note on a rectification item (listed above while open; a closed item is not reported on any more).
        foreach (var n in chosen.Where(x => !LedgerSignature.IsSignature(x) && _inputs.Policy.Task(x.Task) is null
                         && !RectificationTask.Claims(x.Task))
                     .OrderBy(x => x.Task, StringComparer.Ordinal))
        {
            var (text, problems) = LedgerNoteText.Split(n.Text);
            lines.Add(new ProgressLine("", n.Task, text, n.Status ?? "", problems));
        }
        return (lines, from);
    }

    private string UtilityName(string code) =>
        _inputs.Registries.TryUtility(code, out var u) ? u.ShortName : code;
}
