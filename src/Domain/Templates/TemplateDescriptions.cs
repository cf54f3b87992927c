namespace Analytics.Domain;

/// <summary>
/// The columns of each template of templates.md, in the order the document lists them: applications from
/// <see cref="ApplicationFields"/>, the others here. Ingest reads, the Generator writes and the blank templates
/// handed to the utilities show exactly these.
/// </summary>
public static class TemplateDescriptions
{
    /// <summary>Template <c>applications</c> (用电报装工单), templates.md §3.</summary>
    public static IReadOnlyList<TemplateField> Applications { get; } = [.. ApplicationFields.Template];

    /// <summary>Template <c>outages</c> (停电事件), templates.md §4.</summary>
    public static class OutageFields
    {
        public static readonly TemplateField OutageId = new("outage_id", "停电编号", FieldKind.Text, true, "停电事件编号");
        public static readonly TemplateField Utility = new("utility", "供电企业", FieldKind.Registry, true, "供电单位");
        public static readonly TemplateField County = new("county", "县（市、区）", FieldKind.Registry, true, "县市区", "县区", "区县", "县(市,区)");
        public static readonly TemplateField Area = new("area", "供电区域", FieldKind.Enum, true);
        public static readonly TemplateField Feeder = new("feeder", "线路/台区", FieldKind.Text, false, "线路", "台区", "线路台区");
        public static readonly TemplateField Kind = new("kind", "停电性质", FieldKind.Enum, true);
        public static readonly TemplateField Cause = new("cause", "停电原因分类", FieldKind.Enum, false, "停电原因");
        public static readonly TemplateField StartAt = new("start_at", "停电开始时间", FieldKind.Instant, true);
        public static readonly TemplateField EndAt = new("end_at", "恢复送电时间", FieldKind.Instant, true);
        public static readonly TemplateField Customers = new("customers", "停电用户数", FieldKind.Count, true, "停电户数");
        public static readonly TemplateField NotifiedAt = new("notified_at", "通知用户时间", FieldKind.Instant, false, "通知时间");
        public static readonly TemplateField NotifyChannels = new("notify_channels", "通知渠道", FieldKind.Flags);
    }

    public static IReadOnlyList<TemplateField> Outages { get; } =
    [
        OutageFields.OutageId, OutageFields.Utility, OutageFields.County, OutageFields.Area, OutageFields.Feeder, OutageFields.Kind,
        OutageFields.Cause, OutageFields.StartAt, OutageFields.EndAt, OutageFields.Customers, OutageFields.NotifiedAt, OutageFields.NotifyChannels,
    ];

    /// <summary>Template <c>customers</c> (用户数), templates.md §5.</summary>
    public static class CustomersFields
    {
        public static readonly TemplateField Period = new("period", "统计期", FieldKind.Period, true, "统计期间", "统计周期");
        public static readonly TemplateField Utility = new("utility", "供电企业", FieldKind.Registry, true, "供电单位");
        public static readonly TemplateField County = new("county", "县（市、区）", FieldKind.Registry, true, "县市区", "县区", "区县", "县(市,区)");
        public static readonly TemplateField Area = new("area", "供电区域", FieldKind.Enum, true);
        public static readonly TemplateField Customers = new("customers", "用户数", FieldKind.Count, true, "用户数量");
    }

    public static IReadOnlyList<TemplateField> Customers { get; } =
        [CustomersFields.Period, CustomersFields.Utility, CustomersFields.County, CustomersFields.Area, CustomersFields.Customers];

    /// <summary>Template <c>notes</c> (半年报文字材料), templates.md §6.</summary>
    public static class NotesFields
    {
        public static readonly TemplateField Utility = new("utility", "供电企业", FieldKind.Registry, true, "供电单位");
        public static readonly TemplateField Half = new("half", "报告期", FieldKind.Period, true, "半年度");
        public static readonly TemplateField Section = new("section", "部分", FieldKind.Enum, true, "内容类别");
        public static readonly TemplateField Text = new("text", "内容", FieldKind.LongText, true, "文字材料");
    }

    public static IReadOnlyList<TemplateField> Notes { get; } = [NotesFields.Utility, NotesFields.Half, NotesFields.Section, NotesFields.Text];

    /// <summary>The columns of a template kind.</summary>
    public static IReadOnlyList<TemplateField> Of(FilingKind kind) => kind switch
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
