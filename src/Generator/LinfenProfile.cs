using Analytics.Domain;

namespace Analytics.Generator;

/// <summary>
/// What makes the synthetic data look like Linfen: the territories of the five utilities in the
/// 17 counties (国网临汾 everywhere; 山西地方电力 branches beside it in 蒲县, 乡宁, 安泽; the small
/// 霍州煤电 pilot in 霍州市), their area classes (中心区 only in 尧都区, 市区 in 尧都/侯马/霍州, town
/// and rural elsewhere), the category mix, the yearly trends (online share up, breaches down),
/// and the SAIDI the outages are shaped to (目标5: 2/5/9/15 h). All shares are data here, so tests
/// read the same numbers the generator uses.
/// </summary>
public static class LinfenProfile
{
    private static readonly AreaMix Yaodu = new(22, 38, 15, 25);
    private static readonly AreaMix Houma = new(0, 55, 20, 25);
    private static readonly AreaMix Huozhou = new(0, 42, 23, 35);
    private static readonly AreaMix BigCounty = new(0, 0, 40, 60);
    private static readonly AreaMix County = new(0, 0, 33, 67);
    private static readonly AreaMix Mountain = new(0, 0, 28, 72);
    private static readonly AreaMix LocalGrid = new(0, 0, 30, 70);
    private static readonly AreaMix Pilot = new(0, 0, 80, 20);

    /// <summary>The two letters a utility's application and outage ids start with (国网 GW, 蒲县 PX, 乡宁 XN, 安泽 AZ, 霍煤 HM).</summary>
    public static string IdPrefix(string utility) => utility switch
    {
        "sgcc-linfen" => "GW",
        "sxdl-puxian" => "PX",
        "sxdl-xiangning" => "XN",
        "sxdl-anze" => "AZ",
        "hzmd-pilot" => "HM",
        _ => "YK",
    };

    /// <summary>Every territory: about 91 % of applications with 国网临汾, 29 % in 尧都区.</summary>
    public static IReadOnlyList<Territory> Territories { get; } =
    [
        new("sgcc-linfen", "yaodu", 26.0, 420_000, Yaodu),
        new("sgcc-linfen", "hongtong", 12.5, 260_000, BigCounty),
        new("sgcc-linfen", "xiangfen", 8.5, 165_000, BigCounty),
        new("sgcc-linfen", "houma", 6.5, 115_000, Houma),
        new("sgcc-linfen", "yicheng", 5.5, 120_000, County),
        new("sgcc-linfen", "quwo", 4.5, 95_000, County),
        new("sgcc-linfen", "huozhou", 4.2, 101_000, Huozhou),
        new("sgcc-linfen", "fenxi", 2.4, 55_000, Mountain),
        new("sgcc-linfen", "fushan", 2.0, 48_000, Mountain),
        new("sgcc-linfen", "xixian", 1.9, 42_000, Mountain),
        new("sgcc-linfen", "guxian", 1.7, 36_000, Mountain),
        new("sgcc-linfen", "jixian", 1.7, 38_000, Mountain),
        new("sgcc-linfen", "xiangning", 1.6, 34_000, Mountain),
        new("sgcc-linfen", "daning", 1.1, 26_000, Mountain),
        new("sgcc-linfen", "puxian", 1.0, 17_000, Mountain),
        new("sgcc-linfen", "anze", 0.9, 16_000, Mountain),
        new("sgcc-linfen", "yonghe", 0.9, 22_000, Mountain),
        new("sxdl-xiangning", "xiangning", 3.0, 51_000, LocalGrid),
        new("sxdl-puxian", "puxian", 2.2, 25_000, LocalGrid),
        new("sxdl-anze", "anze", 1.9, 20_000, LocalGrid),
        new("hzmd-pilot", "huozhou", 0.9, 9_000, Pilot),
    ];

    /// <summary>Share of applications by category, per utility: mostly residential and low-voltage 三零, few HV, very few dual-source.</summary>
    public static IReadOnlyList<(Category Category, double Weight)> CategoryMix(string utility) => utility switch
    {
        "hzmd-pilot" => [(Category.Residential, 25), (Category.LvThreeZero, 35), (Category.LvOther, 15), (Category.HvSingle, 22), (Category.HvDual, 3)],
        "sxdl-puxian" or "sxdl-xiangning" or "sxdl-anze" => [(Category.Residential, 76), (Category.LvThreeZero, 17), (Category.LvOther, 4), (Category.HvSingle, 2.8), (Category.HvDual, 0.2)],
        _ => [(Category.Residential, 72), (Category.LvThreeZero, 19), (Category.LvOther, 5), (Category.HvSingle, 3.7), (Category.HvDual, 0.3)],
    };

    /// <summary>Share of HV applications at 10 kV / 35 kV / 110 kV.</summary>
    public static IReadOnlyList<(Voltage Voltage, double Weight)> HvVoltageMix { get; } = [(Voltage.Kv10, 90), (Voltage.Kv35, 8), (Voltage.Kv110, 2)];

    /// <summary>
    /// 任务5: share of applications filed online, growing year by year (0.40 in 2021, +0.09 a
    /// year, at most 0.92); HV customers file online 25 points less.
    /// </summary>
    public static double OnlineShare(int year, bool highVoltage)
    {
        var s = 0.40 + 0.09 * (year - 2021) - (highVoltage ? 0.25 : 0);
        return Math.Clamp(s, 0.10, 0.92);
    }

    /// <summary>Of applications not online: counter, phone (95598), other.</summary>
    public static IReadOnlyList<(Channel Channel, double Weight)> OfflineChannels { get; } = [(Channel.Counter, 75), (Channel.Phone, 18), (Channel.Other, 7)];

    /// <summary>Applications accepted on a non-working day, relative to a working day (online only).</summary>
    public const double NonWorkingDayVolume = 0.12;

    /// <summary>Yearly growth of the application volume.</summary>
    public const double VolumeGrowthPerYear = 0.04;

    /// <summary>Month-of-year volume factors (January … December).</summary>
    public static IReadOnlyList<double> MonthVolume { get; } = [0.85, 0.7, 1.1, 1.1, 1.05, 1.0, 0.95, 0.95, 1.05, 1.0, 1.05, 1.1];

    /// <summary>
    /// 目标2: probability that a connected application of <paramref name="category"/> misses its
    /// time limit (whole-process or utility days), falling by year: base × (1 + 0.15 × (2024 − year)),
    /// kept within ×0.5–×2. Bases: residential 0.10, lv 三零 0.10, lv other 0.12, hv single 0.12,
    /// hv dual 0.14 — so 7–14 % of 2024–2026 connections are over the limit.
    /// </summary>
    public static double TargetBreachRate(Category category, int year)
    {
        var b = category switch
        {
            Category.Residential => 0.10,
            Category.LvThreeZero => 0.10,
            Category.LvOther => 0.12,
            Category.HvSingle => 0.12,
            Category.HvDual => 0.14,
            _ => 0,
        };
        return b * Math.Clamp(1 + 0.15 * (2024 - year), 0.5, 2.0);
    }

    /// <summary>目标1: probability that a standard (审批) permit takes longer than its limit (5 / 10 working days).</summary>
    public const double ApprovalBreachRate = 0.10;

    /// <summary>Approval modes of permits by year (目标1 encourages 告知承诺 / 备案 over 审批).</summary>
    public static IReadOnlyList<(ApprovalMode Mode, double Weight)> ApprovalModes(int year)
    {
        var k = Math.Clamp(year - 2024, -3, 3);
        return [(ApprovalMode.Standard, 50 - 7 * k), (ApprovalMode.NotifyCommit, 28 + 4 * k), (ApprovalMode.Filing, 22 + 3 * k)];
    }

    /// <summary>任务9: 三零 applications charged a fee anyway.</summary>
    public const double ThreeZeroFeeBreach = 0.015;

    /// <summary>任务9 / 目标4: 三零 applications where the customer paid for works anyway.</summary>
    public const double ThreeZeroInvestmentBreach = 0.02;

    /// <summary>目标4: small/micro lv applications up to 160 kW (not 三零) where the customer paid anyway.</summary>
    public const double SmallMicroInvestmentBreach = 0.06;

    /// <summary>任务6: applications asked for a commitment letter (承诺书), falling by year.</summary>
    public static double CommitmentLetterRate(int year) => Math.Clamp(0.03 - 0.008 * (year - 2024), 0.005, 0.06);

    /// <summary>任务6: applications asked for material beyond the allowed list (business licence at lv, other).</summary>
    public const double ExtraMaterialRate = 0.015;

    /// <summary>Applications with no materials recorded.</summary>
    public const double MaterialsMissing = 0.03;

    /// <summary>目标3: residential / lv 三零 applications with a plan reply recorded (a third stage).</summary>
    public const double ExtraStageLvRate = 0.015;

    /// <summary>任务6: HV applications of ordinary (not important) users with a design review or mid check.</summary>
    public const double HvForbiddenStageRate = 0.04;

    /// <summary>任务7: HV single-source applications that are 三零, non-residential and ≤ 160 kW (should have been lv).</summary>
    public const double HighVoltageThreeZeroRate = 0.03;

    /// <summary>
    /// 目标5: the SAIDI (hours) each area class is shaped to in <paramref name="year"/>, city-wide,
    /// before the county factors: 2024 central 1.8, urban 5.3 (fails), town 8.4, rural 16.2
    /// (fails), then down about 10 % a year — except town in 2025 (9.4 h: above 9 and up on 2024,
    /// so it fails). A year the data covers only in part gets the covered share of it.
    /// </summary>
    public static decimal DesignSaidiHours(Area area, int year)
    {
        var baseHours = area switch
        {
            Area.Central => 1.8m,
            Area.Urban => 5.3m,
            Area.Town => 8.4m,
            Area.Rural => 16.2m,
            _ => 0m,
        };
        var factor = year switch
        {
            <= 2020 => 1.40m,
            2021 => 1.30m,
            2022 => 1.18m,
            2023 => 1.08m,
            2024 => 1.00m,
            2025 => 0.90m,
            _ => 0.83m,
        };
        if (area == Area.Town && year == 2025) factor = 1.12m;
        return Math.Round(baseHours * factor, 2);
    }

    /// <summary>How a county's outage hours compare with its area class: western mountains worse, the Fen river plain better.</summary>
    public static double CountySaidiFactor(string county) => county switch
    {
        "jixian" or "daning" or "xixian" or "yonghe" or "puxian" or "fenxi" or "xiangning" => 1.3,
        "guxian" or "anze" or "fushan" => 1.15,
        _ => 0.9,
    };

    /// <summary>Share of outages that are planned (预安排).</summary>
    public const double PlannedOutageShare = 0.55;

    /// <summary>任务10: planned outages notified at all / of those, at least 7 days ahead.</summary>
    public const double PlannedNotified = 0.95;

    /// <summary>任务10: of notified planned outages, the share notified 8–15 days ahead (the rest 1–6 days).</summary>
    public const double PlannedNotifiedOnTime = 0.85;

    /// <summary>Fault outages notified after they start (5–40 minutes).</summary>
    public const double FaultNotified = 0.80;

    /// <summary>Fault outages restored in steps (2–3 rows); planned ones in steps.</summary>
    public const double FaultMultiStep = 0.25;

    /// <summary>Planned outages restored in two steps.</summary>
    public const double PlannedMultiStep = 0.10;

    /// <summary>Fault outages of at most 3 minutes (auto-reclose), left out of SAIDI by metrics.md §5.</summary>
    public const double ShortFault = 0.02;

    /// <summary>Customers served grow by this share a year.</summary>
    public const double CustomerGrowthPerYear = 0.02;

    /// <summary>Utilities that file month-end customer snapshots instead of one figure a year.</summary>
    public static bool FilesMonthlyCustomers(string utility) => !string.Equals(utility, "sgcc-linfen", StringComparison.Ordinal);

    /// <summary>Each note section (实施进度 …) is left out with this probability; 存在问题 more often.</summary>
    public const double NoteSectionMissing = 0.07;

    /// <summary>Probability that a utility leaves out 存在问题 (problems).</summary>
    public const double NoteProblemsMissing = 0.2;
}
