using Analytics.Domain;

namespace Analytics.Generator;

/// <summary>
/// The columns of each template of templates.md, in the order the document lists them, with
/// their English and Chinese headers. Generated files and blank templates use exactly these.
/// </summary>
public static class TemplateColumns
{
    /// <summary>Template <c>applications</c> (用电报装工单), templates.md §3.</summary>
    public static IReadOnlyList<TemplateColumn> Applications { get; } =
    [
        new("application_id", "工单编号", true, ColumnKind.Text),
        new("utility", "供电企业", true, ColumnKind.Code),
        new("county", "县（市、区）", true, ColumnKind.Code),
        new("area", "供电区域", true, ColumnKind.Code),
        new("customer_type", "用户类型", true, ColumnKind.Code),
        new("voltage", "电压等级", true, ColumnKind.Code),
        new("power_sources", "电源数", false, ColumnKind.Number),
        new("capacity_kw", "报装容量(kW)", true, ColumnKind.Number),
        new("three_zero", "三零服务", true, ColumnKind.Boolean),
        new("small_micro", "小微企业", false, ColumnKind.Boolean),
        new("important_user", "重要用户", false, ColumnKind.Boolean),
        new("channel", "申请渠道", true, ColumnKind.Code),
        new("e_contract", "电子合同", false, ColumnKind.Boolean),
        new("materials", "申请资料", false, ColumnKind.Code),
        new("fee_yuan", "收费金额(元)", false, ColumnKind.Number),
        new("customer_investment_yuan", "用户投资(元)", false, ColumnKind.Number),
        new("status", "状态", true, ColumnKind.Code),
        new("record_created_at", "工单创建时间", false, ColumnKind.DateTime),
        new("accepted_at", "申请受理时间", true, ColumnKind.DateTime),
        new("plan_replied_at", "供电方案答复时间", false, ColumnKind.DateTime),
        new("design_review_start", "设计审查开始", false, ColumnKind.DateTime),
        new("design_review_end", "设计审查完成", false, ColumnKind.DateTime),
        new("customer_works_start", "客户工程开始", false, ColumnKind.DateTime),
        new("customer_works_end", "客户工程完成", false, ColumnKind.DateTime),
        new("mid_check_start", "中间检查开始", false, ColumnKind.DateTime),
        new("mid_check_end", "中间检查完成", false, ColumnKind.DateTime),
        new("external_works_start", "外部工程开始", false, ColumnKind.DateTime),
        new("external_works_end", "外部工程完成", false, ColumnKind.DateTime),
        new("approval_submitted_at", "行政审批申请时间", false, ColumnKind.DateTime),
        new("approval_granted_at", "行政审批办结时间", false, ColumnKind.DateTime),
        new("approval_mode", "审批方式", false, ColumnKind.Code),
        new("completion_check_start", "竣工检验开始", false, ColumnKind.DateTime),
        new("completion_check_end", "竣工检验完成", false, ColumnKind.DateTime),
        new("connected_at", "装表接电时间", false, ColumnKind.DateTime),
        new("paused_days", "客户原因暂停(工作日)", false, ColumnKind.Number),
        new("withdrawn_at", "撤销时间", false, ColumnKind.DateTime),
        new("previous_application_id", "原工单编号", false, ColumnKind.Text),
        new("customer_name", "户名", false, ColumnKind.Text),
        new("id_number", "证件号码", false, ColumnKind.Text),
        new("phone", "联系电话", false, ColumnKind.Text),
    ];

    /// <summary>Template <c>outages</c> (停电事件), templates.md §4.</summary>
    public static IReadOnlyList<TemplateColumn> Outages { get; } =
    [
        new("outage_id", "停电编号", true, ColumnKind.Text),
        new("utility", "供电企业", true, ColumnKind.Code),
        new("county", "县（市、区）", true, ColumnKind.Code),
        new("area", "供电区域", true, ColumnKind.Code),
        new("feeder", "线路/台区", false, ColumnKind.Text),
        new("kind", "停电性质", true, ColumnKind.Code),
        new("cause", "停电原因分类", false, ColumnKind.Code),
        new("start_at", "停电开始时间", true, ColumnKind.DateTime),
        new("end_at", "恢复送电时间", true, ColumnKind.DateTime),
        new("customers", "停电用户数", true, ColumnKind.Number),
        new("notified_at", "通知用户时间", false, ColumnKind.DateTime),
        new("notify_channels", "通知渠道", false, ColumnKind.Code),
    ];

    /// <summary>Template <c>customers</c> (用户数), templates.md §5.</summary>
    public static IReadOnlyList<TemplateColumn> Customers { get; } =
    [
        new("period", "统计期", true, ColumnKind.Text),
        new("utility", "供电企业", true, ColumnKind.Code),
        new("county", "县（市、区）", true, ColumnKind.Code),
        new("area", "供电区域", true, ColumnKind.Code),
        new("customers", "用户数", true, ColumnKind.Number),
    ];

    /// <summary>Template <c>notes</c> (半年报文字材料), templates.md §6.</summary>
    public static IReadOnlyList<TemplateColumn> Notes { get; } =
    [
        new("utility", "供电企业", true, ColumnKind.Code),
        new("half", "报告期", true, ColumnKind.Text),
        new("section", "部分", true, ColumnKind.Code),
        new("text", "内容", true, ColumnKind.LongText),
    ];

    /// <summary>The columns of a template kind.</summary>
    public static IReadOnlyList<TemplateColumn> Of(FilingKind kind) => kind switch
    {
        FilingKind.Applications => Applications,
        FilingKind.Outages => Outages,
        FilingKind.Customers => Customers,
        FilingKind.Notes => Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template of this kind."),
    };

    /// <summary>The English template name, used for file names and sheet names (<c>applications</c>).</summary>
    public static string FileStem(FilingKind kind) => Codes.Of(kind);

    /// <summary>The Chinese sheet name of a template (<c>用电报装</c>), which templates.md §1 accepts.</summary>
    public static string ChineseSheetName(FilingKind kind) => Codes.Label(kind);
}
