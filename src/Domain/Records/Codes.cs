namespace Analytics.Domain;

/// <summary>
/// The English codes and Chinese labels of every closed set, in one table. Codes are what the
/// machine-readable outputs carry (cli.md); the first Chinese label is what reports print; every
/// label is accepted on input (templates.md §1, Enums).
/// </summary>
public static class Codes
{
    private static readonly Dictionary<Type, (object Value, string Code, string[] Labels)[]> Table = new()
    {
        [typeof(Area)] =
        [
            (Area.Central, "central", ["中心区", "市中心区"]),
            (Area.Urban, "urban", ["市区"]),
            (Area.Town, "town", ["城镇"]),
            (Area.Rural, "rural", ["农村"]),
        ],
        [typeof(CustomerType)] =
        [
            (CustomerType.Residential, "residential", ["居民"]),
            (CustomerType.NonResidential, "non_residential", ["非居民"]),
        ],
        [typeof(Voltage)] =
        [
            (Voltage.Lv, "lv", ["低压", "0.4kV", "380V", "220V", "0.22kV", "0.38kV"]),
            (Voltage.Kv10, "10kv", ["10kV"]),
            (Voltage.Kv35, "35kv", ["35kV"]),
            (Voltage.Kv110, "110kv", ["110kV", "110kV及以上"]),
        ],
        [typeof(Channel)] =
        [
            (Channel.Online, "online", ["线上", "网上国网", "三晋通", "政务平台"]),
            (Channel.Counter, "counter", ["营业厅"]),
            (Channel.Phone, "phone", ["95598", "电话"]),
            (Channel.Other, "other", ["其他"]),
        ],
        [typeof(ApplicationStatus)] =
        [
            (ApplicationStatus.InProgress, "in_progress", ["在途"]),
            (ApplicationStatus.Connected, "connected", ["已接电"]),
            (ApplicationStatus.Withdrawn, "withdrawn", ["已撤销"]),
        ],
        [typeof(ApprovalMode)] =
        [
            (ApprovalMode.Standard, "standard", ["审批"]),
            (ApprovalMode.NotifyCommit, "notify_commit", ["告知承诺"]),
            (ApprovalMode.Filing, "filing", ["备案"]),
            (ApprovalMode.Exempt, "exempt", ["免审批"]),
        ],
        [typeof(Materials)] =
        [
            (Materials.IdCard, "id_card", ["身份证明"]),
            (Materials.PropertyCert, "property_cert", ["物权证明"]),
            (Materials.ProjectApproval, "project_approval", ["项目批准文件"]),
            (Materials.BusinessLicense, "business_license", ["营业执照"]),
            (Materials.CommitmentLetter, "commitment_letter", ["承诺书"]),
            (Materials.Other, "other", ["其他"]),
        ],
        [typeof(Category)] =
        [
            (Category.Residential, "residential", ["居民"]),
            (Category.LvThreeZero, "lv_three_zero", ["低压非居民（三零）"]),
            (Category.LvOther, "lv_other", ["低压非居民（非三零）"]),
            (Category.HvSingle, "hv_single", ["高压单电源"]),
            (Category.HvDual, "hv_dual", ["高压双电源"]),
        ],
        [typeof(Stage)] =
        [
            (Stage.Accept, "accept", ["申请受理"]),
            (Stage.Plan, "plan", ["供电方案答复"]),
            (Stage.DesignReview, "design_review", ["设计审查"]),
            (Stage.MidCheck, "mid_check", ["中间检查"]),
            (Stage.ExternalWorks, "external_works", ["外部工程实施"]),
            (Stage.CompletionCheck, "completion_check", ["竣工检验"]),
            (Stage.Connect, "connect", ["装表接电"]),
        ],
        [typeof(OutageKind)] =
        [
            (OutageKind.Planned, "planned", ["预安排", "计划", "计划检修", "临时检修"]),
            (OutageKind.Fault, "fault", ["故障"]),
        ],
        [typeof(OutageCause)] =
        [
            (OutageCause.Internal, "internal", ["内部"]),
            (OutageCause.External, "external", ["外部", "外力破坏", "自然灾害"]),
            (OutageCause.SupplyShortage, "supply_shortage", ["系统电源不足限电", "电源不足", "限电"]),
        ],
        [typeof(NotifyChannels)] =
        [
            (NotifyChannels.App, "app", ["网上国网"]),
            (NotifyChannels.Wechat, "wechat", ["微信"]),
            (NotifyChannels.Sms, "sms", ["短信"]),
            (NotifyChannels.Phone, "phone", ["电话"]),
            (NotifyChannels.Notice, "notice", ["公告"]),
        ],
        [typeof(NoteSection)] =
        [
            (NoteSection.Progress, "progress", ["实施进度"]),
            (NoteSection.Results, "results", ["工作成效"]),
            (NoteSection.Problems, "problems", ["存在问题"]),
            (NoteSection.Measures, "measures", ["解决措施"]),
        ],
        [typeof(FilingKind)] =
        [
            (FilingKind.Applications, "applications", ["用电报装", "用电报装工单"]),
            (FilingKind.Outages, "outages", ["停电事件"]),
            (FilingKind.Customers, "customers", ["用户数"]),
            (FilingKind.Notes, "notes", ["半年报文字材料"]),
            (FilingKind.Ledger, "ledger", ["工作台账"]),
        ],
    };

    /// <summary>The English code of an enum value, e.g. <c>lv_three_zero</c>.</summary>
    public static string Of<T>(T value) where T : struct, Enum
    {
        foreach (var e in Rows<T>())
            if (EqualityComparer<T>.Default.Equals((T)e.Value, value)) return e.Code;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"No code for {typeof(T).Name}.{value}");
    }

    /// <summary>The Chinese label reports print, e.g. <c>低压非居民（三零）</c>.</summary>
    public static string Label<T>(T value) where T : struct, Enum
    {
        foreach (var e in Rows<T>())
            if (EqualityComparer<T>.Default.Equals((T)e.Value, value)) return e.Labels[0];
        throw new ArgumentOutOfRangeException(nameof(value), value, $"No label for {typeof(T).Name}.{value}");
    }

    /// <summary>
    /// Parses a code or any Chinese label, case- and whitespace-insensitive, full-width brackets
    /// equal to half-width ones. Returns false for anything else.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (text is null) return false;
        var key = Normalize(text);
        foreach (var e in Rows<T>())
        {
            if (Normalize(e.Code) == key) { value = (T)e.Value; return true; }
            foreach (var l in e.Labels)
                if (Normalize(l) == key) { value = (T)e.Value; return true; }
        }
        return false;
    }

    /// <summary>Every accepted value, for error messages: <c>central (中心区), urban (市区), …</c>.</summary>
    public static string Accepted<T>() where T : struct, Enum =>
        string.Join(", ", Rows<T>().Select(e => $"{e.Code} ({string.Join("/", e.Labels)})"));

    /// <summary>All values of the set, in table order.</summary>
    public static IReadOnlyList<T> All<T>() where T : struct, Enum => Rows<T>().Select(e => (T)e.Value).ToArray();

    /// <summary>Lower-case, no white space, full-width brackets as half-width.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c switch
            {
                '（' => '(',
                '）' => ')',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }

    private static (object Value, string Code, string[] Labels)[] Rows<T>() where T : struct, Enum =>
        Table.TryGetValue(typeof(T), out var rows)
            ? rows
            : throw new ArgumentException($"{typeof(T).Name} has no code table.", nameof(T));
}
