using System.Globalization;
using System.Text;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Metrics;
using static Analytics.Web.Html;

namespace Analytics.Web;

/// <summary>One month of a trend: its period and the engine's answer for it (never recomputed here).</summary>
public sealed record TrendMonth(DateOnly From, DateOnly To, MetricsResult Answer)
{
    public string Label => From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// A county's ledger of one Thursday on the pages: its state against the deadline (<see cref="LedgerFilingState"/>, from
/// the filing the store holds), the task notes stored for it, and its last (re-)filing.
/// </summary>
public sealed record LedgerWeekState(RegistryEntry County, LedgerFilingState State, int Tasks, DateTime? LastFiledAt)
{
    public DateOnly Thursday => State.Thursday;
    public bool Filed => State.Filed;

    /// <summary>The state as a cell: 按时报送 / 逾期报送（晚N天）/ 未报送 / 待报送, coloured.</summary>
    public string Cell => State.Timeliness switch
    {
        LedgerTimeliness.OnTime => $"<span class=\"met\">{E(State.Label)}</span>",
        LedgerTimeliness.Late or LedgerTimeliness.Missing => $"<span class=\"bad\">{E(State.Label)}</span>",
        _ => E(State.Label),
    };

    /// <summary>When it was filed (the first filing), and re-filed when a later filing changed its notes.</summary>
    public string FiledCell => State.FiledAt is not { } at ? "—"
        : Time(at) + (LastFiledAt is { } last && last > at ? $"（{Time(last)} 重报）" : "");
}

/// <summary>
/// The bureau overview's trends and the counties' filings: the trend is one answer per month (<see cref="StoreReader.Answers"/>,
/// the months and the page answered on one load of the period's records) of the page's period (at most <see cref="MaxMonths"/>, the latest), so each point is the figure <c>analytics metrics</c>
/// gives for that month; 报送情况 is read from the ledger notes the store holds and the filings they came with (a county
/// has filed the ledger of a Thursday when notes of that Thursday are stored for it, as the city roll-up counts it; on
/// time or late by its first filing's load time against the deadline, <see cref="LedgerFilingState"/>).
/// </summary>
public static class Overview
{
    public const int MaxMonths = 24;

    private static readonly string[] MonthHeader = ["月份"];

    private static readonly string[] Colors = ["#1f4e79", "#b00020", "#1b5e20", "#8a5a00", "#6a1b9a", "#00838f", "#5d4037", "#37474f"];

    /// <summary>The overview's default period: the year to date of the data (1 January to <c>data_through</c>, else today).</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(StoreReader reader, WebSettings settings)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(settings);
        var end = DateOnly.FromDateTime(reader.DataThrough() ?? settings.Clock());
        return (new DateOnly(end.Year, 1, 1), end);
    }

    /// <summary>The overview's questions for a period: the whole city for the period, then for each of its months (<see cref="MonthPeriods"/>).</summary>
    public static IReadOnlyList<MetricsQuestion> Questions(DateOnly from, DateOnly to) =>
        [new MetricsQuestion(from, to, null, null), .. MonthPeriods(from, to).Select(m => new MetricsQuestion(m.From, m.To, null, null))];

    /// <summary>The months of [<paramref name="from"/>, <paramref name="to"/>], cut to it (the last <see cref="MaxMonths"/>).</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> MonthPeriods(DateOnly from, DateOnly to)
    {
        var months = new List<(DateOnly From, DateOnly To)>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var first = m < from ? from : m;
            var last = m.AddMonths(1).AddDays(-1);
            months.Add((first, last > to ? to : last));
        }
        return [.. months.Skip(Math.Max(0, months.Count - MaxMonths))];
    }

    /// <summary>The trend charts: one small chart per in-force target (monthly compliance rate), one of the breaches per month, and the figures as a table.</summary>
    public static string Charts(IReadOnlyList<TrendMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0) return "";
        var ids = months[^1].Answer.TargetsBy(GroupDimension.City).Where(t => t.InForce).Select(t => (t.Id, t.Title)).ToList();
        var sb = new StringBuilder("<h2>逐月趋势</h2><div class=\"charts\" id=\"trends\">");
        var i = 0;
        foreach (var (id, title) in ids)
        {
            var values = months.Select(m => m.Answer.TargetsBy(GroupDimension.City).FirstOrDefault(t => t.Id == id)?.Rate).ToList();
            sb.Append(Chart($"{id} {title}：合规率", months, values.Select(v => v is { } x ? x * 100 : (double?)null).ToList(), 100, v => Pct(v / 100),
                Colors[i++ % Colors.Length], "trend-" + id));
        }
        var breaches = months.Select(m => (double?)m.Answer.Breaches.Count).ToList();
        sb.Append(Chart("未达标工单（件）", months, breaches, Math.Max(1, breaches.Max() ?? 1), v => Num(v, "0"), "#b00020", "trend-breaches", bars: true));
        sb.Append("</div>");
        sb.Append("<details><summary>趋势数据表</summary>").Append(Table("逐月合规率与未达标工单",
            MonthHeader.Concat(ids.Select(t => t.Id)).Append("未达标工单"),
            months.Select(m => new[] { E(m.Label) }
                .Concat(ids.Select(t => Pct(m.Answer.TargetsBy(GroupDimension.City).FirstOrDefault(x => x.Id == t.Id)?.Rate)))
                .Append(m.Answer.Breaches.Count.ToString(CultureInfo.InvariantCulture))), "trend-table")).Append("</details>");
        return sb.ToString();
    }

    /// <summary>A small inline SVG chart: a line (or bars) over the months, the y axis from 0 to <paramref name="max"/>.</summary>
    private static string Chart(string title, IReadOnlyList<TrendMonth> months, List<double?> values, double max, Func<double?, string> format,
        string color, string id, bool bars = false)
    {
        const double W = 300, H = 130, L = 44, R = 8, T = 8, B = 22;
        var inv = CultureInfo.InvariantCulture;
        var n = months.Count;
        var step = (W - L - R) / Math.Max(1, n);
        double X(int k) => L + step * (k + 0.5);
        double Y(double v) => T + (H - T - B) * (1 - Math.Clamp(v / max, 0, 1));
        var sb = new StringBuilder();
        sb.Append(inv, $"<figure class=\"chart\"><svg id=\"{E(id)}\" role=\"img\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title>").Append(E(title)).Append("</title>");
        foreach (var g in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Y(max * g);
            sb.Append(inv, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5dde6\"/>");
            sb.Append(inv, $"<text x=\"{L - 3}\" y=\"{y + 4:0.#}\" font-size=\"9\" text-anchor=\"end\">{E(format(max * g))}</text>");
        }
        var every = n <= 12 ? 1 : n <= 24 ? 3 : 6;
        for (var k = 0; k < n; k++)
        {
            if (k % every == 0 || k == n - 1)
                sb.Append(inv, $"<text x=\"{X(k):0.#}\" y=\"{H - 8}\" font-size=\"9\" text-anchor=\"middle\">{months[k].From.Month}月</text>");
        }
        if (bars)
        {
            for (var k = 0; k < n; k++)
            {
                if (values[k] is not { } v) continue;
                var y = Y(v);
                sb.Append(inv, $"<rect x=\"{X(k) - step * 0.35:0.#}\" y=\"{y:0.#}\" width=\"{step * 0.7:0.#}\" height=\"{H - B - y:0.#}\" fill=\"{color}\"><title>{E(months[k].Label)}：{E(format(v))}</title></rect>");
            }
        }
        else
        {
            var points = Enumerable.Range(0, n).Where(k => values[k] is not null).Select(k => string.Create(inv, $"{X(k):0.#},{Y(values[k]!.Value):0.#}"));
            sb.Append(inv, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            for (var k = 0; k < n; k++)
            {
                if (values[k] is not { } v) continue;
                sb.Append(inv, $"<circle cx=\"{X(k):0.#}\" cy=\"{Y(v):0.#}\" r=\"2.5\" fill=\"{color}\"><title>{E(months[k].Label)}：{E(format(v))}</title></circle>");
            }
        }
        sb.Append("</svg><figcaption>").Append(E(title)).Append("</figcaption></figure>");
        return sb.ToString();
    }

    /// <summary>Each county's state for the ledger due on <paramref name="thursday"/> at <paramref name="now"/>, in registry order.</summary>
    public static IReadOnlyList<LedgerWeekState> Filings(IEnumerable<LedgerNote> notes, IEnumerable<LedgerFiling> filings, Registries registries,
        DateOnly thursday, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(filings);
        ArgumentNullException.ThrowIfNull(registries);
        var tasks = notes.Where(n => n.Thursday == thursday && !LedgerSignature.IsSignature(n)).GroupBy(n => n.County)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var filed = filings.Where(f => f.Thursday == thursday).ToDictionary(f => f.County, StringComparer.Ordinal);
        return registries.Counties.Select(c => State(c, thursday, filed.GetValueOrDefault(c.Code), tasks.GetValueOrDefault(c.Code), now)).ToList();
    }

    /// <summary>A county's state for each of the <paramref name="weeks"/> Thursdays up to <paramref name="thursday"/>, the latest first.</summary>
    public static IReadOnlyList<LedgerWeekState> Weeks(IEnumerable<LedgerNote> notes, IEnumerable<LedgerFiling> filings, RegistryEntry county,
        DateOnly thursday, DateTime now, int weeks)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(filings);
        ArgumentNullException.ThrowIfNull(county);
        var tasks = notes.Where(n => n.County == county.Code && !LedgerSignature.IsSignature(n)).GroupBy(n => n.Thursday).ToDictionary(g => g.Key, g => g.Count());
        var filed = filings.Where(f => f.County == county.Code).ToDictionary(f => f.Thursday);
        return Enumerable.Range(0, weeks).Select(k => thursday.AddDays(-7 * k))
            .Select(d => State(county, d, filed.GetValueOrDefault(d), tasks.GetValueOrDefault(d), now)).ToList();
    }

    private static LedgerWeekState State(RegistryEntry county, DateOnly thursday, LedgerFiling? filing, int tasks, DateTime now) =>
        new(county, LedgerFilingState.Of(thursday, filing, now), tasks, filing?.LastFiledAt);

    /// <summary>The 报送情况 table of the counties for one Thursday, each county's ledger to download.</summary>
    public static string FilingsTable(IReadOnlyList<LedgerWeekState> states, DateOnly thursday)
    {
        ArgumentNullException.ThrowIfNull(states);
        int Count(LedgerTimeliness t) => states.Count(s => s.State.Timeliness == t);
        var caption = string.Create(CultureInfo.InvariantCulture,
            $"报送情况：{Date(thursday)}（星期四）的工作台账（截止 {Date(thursday)} 24 时），按时报送 {Count(LedgerTimeliness.OnTime)} 个，逾期报送 {Count(LedgerTimeliness.Late)} 个，未报送 {Count(LedgerTimeliness.Missing)} 个，待报送 {Count(LedgerTimeliness.NotDue)} 个");
        return Table(caption, ["县（市、区）", "状态", "报送时间", "填报事项", "台账"], states.Select(s => new[]
        {
            $"<a href=\"/county/{Uri.EscapeDataString(s.County.Code)}\">{E(s.County.Name)}</a>",
            s.Cell, s.FiledCell,
            s.Tasks.ToString(CultureInfo.InvariantCulture),
            $"<a href=\"/api/ledger?county={Uri.EscapeDataString(s.County.Code)}&amp;date={Date(thursday)}\">下载</a>",
        }), "filings");
    }
}
