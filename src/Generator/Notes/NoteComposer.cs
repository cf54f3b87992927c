using System.Globalization;
using System.Text;
using Analytics.Domain;

namespace Analytics.Generator.Notes;

/// <summary>
/// Writes the semiannual narrative of a utility (四、2: 实施进度、工作成效、存在问题、解决措施) in
/// the register of Chinese official reports, quoting the half year's own figures. Some sections
/// use numbered points on separate lines ("一是…；\n二是…"), so the text holds line breaks, and a
/// few use ASCII quotes, so CSV quoting is exercised.
/// </summary>
internal sealed class NoteComposer
{
    private static readonly string[] Ordinals = ["一是", "二是", "三是", "四是"];

    private static readonly string[] ProgressPoints =
    [
        "办电业务已全面入驻市一体化政务服务平台，实现“一网通办、一事通办”，“三晋通”“网上国网”线上受理渠道运行平稳",
        "低压居民和小微企业用电报装“三零”服务、高压用户“三省”服务全面推行，报装环节和申请资料按要求压减到位",
        "政企协同办电信息共享平台建设持续推进，已实现不动产登记、营业执照等证照信息在线获取和核验",
        "配套电网接入工程“项目经理+客户经理”双经理负责制全面推行，实现网格化全过程跟进",
        "服务标准和收费项目目录清单已在营业场所和移动客户端公开，配电网可开放容量按季度发布",
        "涉电行政审批“一窗受理、一链办理、全程代办”机制基本建立，10kV及以下电力管线审批时限明确",
    ];

    private static readonly string[] ResultPoints =
    [
        "通过推广不停电作业和综合检修，计划停电时户数同比明显下降",
        "全面落实“零投资”政策，延伸电网投资界面至用户红线，切实降低了小微企业办电成本",
        "低压供用电合同电子化全面推开，“刷脸办电”“一证办电”覆盖全部营业网点",
        "高压用户客户经理预约上门服务常态化开展，用户满意度持续提升",
    ];

    private static readonly string[] ProblemPoints =
    [
        "部分农村地区配电网网架薄弱，故障停电时间偏长，供电可靠性与目标仍有差距",
        "个别高压用户受电工程建设周期较长，客户经理跟踪服务不够及时",
        "部分涉电行政审批仍需线下办理，并联审批推进不平衡，审批时限有待进一步压缩",
        "个别工单存在录入不及时、流程后补现象，“体外循环”问题尚未完全杜绝",
        "线上渠道推广不均衡，部分老年用户仍习惯到营业厅办理",
        "部分台区重过载，新增报装受接入容量限制，配套电网建设有待加快",
        "个别供电所仍要求用户提供承诺书等额外资料，精简申请资料落实不到位",
    ];

    private static readonly string[] MeasurePoints =
    [
        "加大农网改造升级投资力度，推广带电作业，减少计划停电时间和次数",
        "强化工单全过程线上管控，如实记录办电时间信息，严禁“体外循环”、后补流程或重走流程",
        "主动对接自然资源、住建、交通等部门，推行告知承诺、审批改备案，压减审批时间",
        "深化\"网上国网\"推广应用，开展进社区、进园区宣传，提升线上办电率",
        "落实“办理一户、宣传一户”，建立政策宣介常态化机制，加强政策解读和宣传引导",
        "完善评价考核及激励机制，将“获得电力”指标纳入业绩考核，压实工作责任",
        "加强设备巡视和运行维护，推行网格化抢修模式，提高故障抢修效率",
    ];

    private readonly Random _rng;

    public NoteComposer(Random rng) => _rng = rng;

    public string Compose(NoteSection section, string utilityName, HalfYear half, UtilityHalfStats s) => section switch
    {
        NoteSection.Progress => Progress(utilityName, half, s),
        NoteSection.Results => Results(s),
        NoteSection.Problems => Points(ProblemPoints, 2, 3),
        NoteSection.Measures => Points(MeasurePoints, 2, 4),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "No such note section."),
    };

    private string Progress(string utilityName, HalfYear half, UtilityHalfStats s)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"{half.ChineseLabel}，{utilityName}认真贯彻落实《全面提升“获得电力”服务水平 持续优化用电营商环境工作方案》（临能源电力发〔2021〕189号）要求，成立专责工作机构，建立工作台账，按月调度推进。");
        sb.Append(CultureInfo.InvariantCulture,
            $"本期共受理用电报装申请{s.Accepted}户，其中居民用户{s.Residential}户、低压非居民用户{s.LowVoltageNonResidential}户、高压用户{s.HighVoltage}户；完成装表接电{s.Connected}户。");
        if (_rng.Chance(0.5)) sb.Append('\n');
        sb.Append(Points(ProgressPoints, 1, 3));
        return sb.ToString();
    }

    private string Results(UtilityHalfStats s)
    {
        var sb = new StringBuilder();
        var parts = new List<string>();
        if (s.ResidentialConnected > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"居民用户平均接电时间{s.ResidentialDays / s.ResidentialConnected:0.0}个工作日"));
        if (s.ThreeZeroConnected > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"实行“三零”服务的低压非居民用户平均接电时间{s.ThreeZeroDays / s.ThreeZeroConnected:0.0}个工作日"));
        if (s.HighVoltageConnected > 0) parts.Add(string.Create(CultureInfo.InvariantCulture, $"高压单电源用户供电企业平均办理时间{s.HighVoltageUtilityDays / s.HighVoltageConnected:0.0}个工作日"));
        if (parts.Count > 0) sb.Append(string.Join("，", parts)).Append('。');
        if (s.Accepted > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"线上办电率达到{100.0 * s.Online / s.Accepted:0.0}%");
            if (s.LowVoltage > 0) sb.Append(CultureInfo.InvariantCulture, $"，低压用户电子合同签订率{100.0 * s.LowVoltageEContract / s.LowVoltage:0.0}%");
            sb.Append('。');
        }
        if (s.PlannedOutages + s.FaultOutages > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"本期计划停电{s.PlannedOutages}次、故障停电{s.FaultOutages}次");
            if (s.PlannedOutages > 0) sb.Append(CultureInfo.InvariantCulture, $"，计划停电提前7天通知率{100.0 * s.PlannedNotifiedOnTime / s.PlannedOutages:0.0}%");
            sb.Append('。');
        }
        if (_rng.Chance(0.6)) sb.Append(ResultPoints[_rng.Next(ResultPoints.Length)]).Append('。');
        return sb.Length > 0 ? sb.ToString() : "本期各项工作按计划推进。";
    }

    /// <summary>"一是…；二是…。" from <paramref name="min"/>–<paramref name="max"/> distinct points, on separate lines half of the time.</summary>
    private string Points(string[] pool, int min, int max)
    {
        var n = _rng.Between(min, Math.Min(max, pool.Length));
        var chosen = new List<int>();
        while (chosen.Count < n)
        {
            var i = _rng.Next(pool.Length);
            if (!chosen.Contains(i)) chosen.Add(i);
        }
        chosen.Sort();
        var lines = _rng.Chance(0.5);
        var sb = new StringBuilder();
        for (var k = 0; k < chosen.Count; k++)
        {
            if (k > 0) sb.Append(lines ? "；\n" : "；");
            if (chosen.Count > 1) sb.Append(Ordinals[k]);
            sb.Append(pool[chosen[k]]);
        }
        sb.Append('。');
        return sb.ToString();
    }
}
