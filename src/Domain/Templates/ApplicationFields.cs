namespace Analytics.Domain;

/// <summary>
/// THE description of the fields of an application (templates.md §3): one row a field, in the order of
/// the template. The template columns (Ingest's headers and aliases, the Generator's files and blank
/// templates) and the store columns (their names and order, and so the order of the content hash) all
/// come from this list. Adding a field is one row here plus its tests; the hand-written fast paths
/// (the stores' writers and readers, the content hash) are checked against this list by tests.
/// </summary>
/// <remarks>
/// The store keeps <see cref="StoreKey"/> then <see cref="StoreData"/> (every <see cref="ApplicationField.Stored"/>
/// field but the key, in list order); the personal fields are template-only (they become
/// <see cref="Application.CustomerKey"/> and <see cref="Application.CustomerMask"/>, which are stored-only).
/// </remarks>
public static class ApplicationFields
{
    private static ApplicationField F<T>(string name, string header, FieldKind kind, Func<Application, T> get,
        Func<Application, T, Application> with, bool required = false, params string[] aliases) =>
        new(name, header, kind, typeof(T), required, aliases) { Get = a => get(a), With = (a, v) => with(a, (T)v!) };

    public static readonly ApplicationField ApplicationId = new("application_id", "工单编号", FieldKind.Text, typeof(string), true, "申请编号", "工单号")
    { Key = true, Get = a => a.ApplicationId, With = (a, v) => a with { ApplicationId = (string)v! } };
    public static readonly ApplicationField Utility = new("utility", "供电企业", FieldKind.Registry, typeof(string), true, "供电单位")
    { Key = true, Get = a => a.Utility, With = (a, v) => a with { Utility = (string)v! } };
    public static readonly ApplicationField County = F("county", "县（市、区）", FieldKind.Registry, a => a.County, (a, v) => a with { County = v }, true, "县市区", "县区", "区县", "县(市,区)");
    public static readonly ApplicationField Area = F("area", "供电区域", FieldKind.Enum, a => a.Area, (a, v) => a with { Area = v }, true);
    public static readonly ApplicationField CustomerType = F("customer_type", "用户类型", FieldKind.Enum, a => a.CustomerType, (a, v) => a with { CustomerType = v }, true);
    public static readonly ApplicationField Voltage = F("voltage", "电压等级", FieldKind.Enum, a => a.Voltage, (a, v) => a with { Voltage = v }, true);
    public static readonly ApplicationField PowerSources = F("power_sources", "电源数", FieldKind.Count, a => a.PowerSources, (a, v) => a with { PowerSources = v }, false, "电源数量");
    public static readonly ApplicationField CapacityKw = F("capacity_kw", "报装容量(kW)", FieldKind.Amount, a => a.CapacityKw, (a, v) => a with { CapacityKw = v }, true, "报装容量", "报装容量(kVA)", "capacity", "capacity_kva");
    public static readonly ApplicationField ThreeZero = F("three_zero", "三零服务", FieldKind.Bool, a => a.ThreeZero, (a, v) => a with { ThreeZero = v }, true);
    public static readonly ApplicationField SmallMicro = F("small_micro", "小微企业", FieldKind.Bool, a => a.SmallMicro, (a, v) => a with { SmallMicro = v });
    public static readonly ApplicationField ImportantUser = F("important_user", "重要用户", FieldKind.Bool, a => a.ImportantUser, (a, v) => a with { ImportantUser = v });
    public static readonly ApplicationField Channel = F("channel", "申请渠道", FieldKind.Enum, a => a.Channel, (a, v) => a with { Channel = v }, true);
    public static readonly ApplicationField EContract = F("e_contract", "电子合同", FieldKind.Bool, a => a.EContract, (a, v) => a with { EContract = v });
    public static readonly ApplicationField Materials = F("materials", "申请资料", FieldKind.Flags, a => a.Materials, (a, v) => a with { Materials = v });
    public static readonly ApplicationField FeeYuan = F("fee_yuan", "收费金额(元)", FieldKind.Amount, a => a.FeeYuan, (a, v) => a with { FeeYuan = v }, false, "收费金额");
    public static readonly ApplicationField CustomerInvestmentYuan = F("customer_investment_yuan", "用户投资(元)", FieldKind.Amount, a => a.CustomerInvestmentYuan, (a, v) => a with { CustomerInvestmentYuan = v }, false, "用户投资");
    public static readonly ApplicationField Status = F("status", "状态", FieldKind.Enum, a => a.Status, (a, v) => a with { Status = v }, true, "工单状态");
    public static readonly ApplicationField RecordCreatedAt = F("record_created_at", "工单创建时间", FieldKind.Instant, a => a.RecordCreatedAt, (a, v) => a with { RecordCreatedAt = v });
    public static readonly ApplicationField AcceptedAt = F("accepted_at", "申请受理时间", FieldKind.Instant, a => a.AcceptedAt, (a, v) => a with { AcceptedAt = v }, true, "受理时间");
    public static readonly ApplicationField PlanRepliedAt = F("plan_replied_at", "供电方案答复时间", FieldKind.Instant, a => a.PlanRepliedAt, (a, v) => a with { PlanRepliedAt = v }, false, "方案答复时间");
    public static readonly ApplicationField DesignReviewStart = F("design_review_start", "设计审查开始", FieldKind.Instant, a => a.DesignReviewStart, (a, v) => a with { DesignReviewStart = v }, false, "设计审查开始时间");
    public static readonly ApplicationField DesignReviewEnd = F("design_review_end", "设计审查完成", FieldKind.Instant, a => a.DesignReviewEnd, (a, v) => a with { DesignReviewEnd = v }, false, "设计审查完成时间");
    public static readonly ApplicationField CustomerWorksStart = F("customer_works_start", "客户工程开始", FieldKind.Instant, a => a.CustomerWorksStart, (a, v) => a with { CustomerWorksStart = v }, false, "客户工程开始时间");
    public static readonly ApplicationField CustomerWorksEnd = F("customer_works_end", "客户工程完成", FieldKind.Instant, a => a.CustomerWorksEnd, (a, v) => a with { CustomerWorksEnd = v }, false, "客户工程完成时间");
    public static readonly ApplicationField MidCheckStart = F("mid_check_start", "中间检查开始", FieldKind.Instant, a => a.MidCheckStart, (a, v) => a with { MidCheckStart = v }, false, "中间检查开始时间");
    public static readonly ApplicationField MidCheckEnd = F("mid_check_end", "中间检查完成", FieldKind.Instant, a => a.MidCheckEnd, (a, v) => a with { MidCheckEnd = v }, false, "中间检查完成时间");
    public static readonly ApplicationField ExternalWorksStart = F("external_works_start", "外部工程开始", FieldKind.Instant, a => a.ExternalWorksStart, (a, v) => a with { ExternalWorksStart = v }, false, "外部工程开始时间");
    public static readonly ApplicationField ExternalWorksEnd = F("external_works_end", "外部工程完成", FieldKind.Instant, a => a.ExternalWorksEnd, (a, v) => a with { ExternalWorksEnd = v }, false, "外部工程完成时间");
    public static readonly ApplicationField ApprovalSubmittedAt = F("approval_submitted_at", "行政审批申请时间", FieldKind.Instant, a => a.ApprovalSubmittedAt, (a, v) => a with { ApprovalSubmittedAt = v }, false, "行政审批申请");
    public static readonly ApplicationField ApprovalGrantedAt = F("approval_granted_at", "行政审批办结时间", FieldKind.Instant, a => a.ApprovalGrantedAt, (a, v) => a with { ApprovalGrantedAt = v }, false, "行政审批办结");
    public static readonly ApplicationField ApprovalMode = F("approval_mode", "审批方式", FieldKind.Enum, a => a.ApprovalMode, (a, v) => a with { ApprovalMode = v });
    public static readonly ApplicationField CompletionCheckStart = F("completion_check_start", "竣工检验开始", FieldKind.Instant, a => a.CompletionCheckStart, (a, v) => a with { CompletionCheckStart = v }, false, "竣工检验开始时间");
    public static readonly ApplicationField CompletionCheckEnd = F("completion_check_end", "竣工检验完成", FieldKind.Instant, a => a.CompletionCheckEnd, (a, v) => a with { CompletionCheckEnd = v }, false, "竣工检验完成时间");
    public static readonly ApplicationField ConnectedAt = F("connected_at", "装表接电时间", FieldKind.Instant, a => a.ConnectedAt, (a, v) => a with { ConnectedAt = v }, false, "接电时间");
    public static readonly ApplicationField PausedDays = F("paused_days", "客户原因暂停(工作日)", FieldKind.Count, a => a.PausedDays, (a, v) => a with { PausedDays = v }, false, "客户原因暂停", "暂停工作日");
    public static readonly ApplicationField WithdrawnAt = F("withdrawn_at", "撤销时间", FieldKind.Instant, a => a.WithdrawnAt, (a, v) => a with { WithdrawnAt = v });
    public static readonly ApplicationField PreviousApplicationId = F("previous_application_id", "原工单编号", FieldKind.Text, a => a.PreviousApplicationId, (a, v) => a with { PreviousApplicationId = v });
    public static readonly ApplicationField CustomerName = new("customer_name", "户名", FieldKind.Text, typeof(string), false, "用户名称", "客户名称", "姓名", "客户姓名", "户主姓名")
    { Personal = true, Stored = false };
    public static readonly ApplicationField IdNumber = new("id_number", "证件号码", FieldKind.Text, typeof(string), false, "身份证号", "身份证号码", "身份证", "证件号")
    { Personal = true, Stored = false };
    public static readonly ApplicationField Phone = new("phone", "联系电话", FieldKind.Text, typeof(string), false, "电话", "手机号", "手机", "手机号码", "联系方式")
    { Personal = true, Stored = false };
    /// <summary>Keyed hash of the personal fields (stored, never a template column).</summary>
    public static readonly ApplicationField CustomerKey = new("customer_key", "客户标识", FieldKind.Text, typeof(string))
    { InTemplate = false, Get = a => a.CustomerKey, With = (a, v) => a with { CustomerKey = (string?)v } };
    /// <summary>The masked name (stored, never a template column).</summary>
    public static readonly ApplicationField CustomerMask = new("customer_mask", "客户（脱敏）", FieldKind.Text, typeof(string))
    { InTemplate = false, Get = a => a.CustomerMask, With = (a, v) => a with { CustomerMask = (string?)v } };

    /// <summary>Every field, template columns in the order of templates.md §3, then the stored-only ones.</summary>
    public static IReadOnlyList<ApplicationField> All { get; } =
    [
        ApplicationId, Utility, County, Area, CustomerType, Voltage, PowerSources, CapacityKw, ThreeZero, SmallMicro,
        ImportantUser, Channel, EContract, Materials, FeeYuan, CustomerInvestmentYuan, Status, RecordCreatedAt, AcceptedAt,
        PlanRepliedAt, DesignReviewStart, DesignReviewEnd, CustomerWorksStart, CustomerWorksEnd, MidCheckStart, MidCheckEnd,
        ExternalWorksStart, ExternalWorksEnd, ApprovalSubmittedAt, ApprovalGrantedAt, ApprovalMode, CompletionCheckStart,
        CompletionCheckEnd, ConnectedAt, PausedDays, WithdrawnAt, PreviousApplicationId, CustomerName, IdNumber, Phone,
        CustomerKey, CustomerMask,
    ];

    /// <summary>The columns of the <c>applications</c> template, in order.</summary>
    public static IReadOnlyList<ApplicationField> Template { get; } = [.. All.Where(f => f.InTemplate)];

    /// <summary>The record key as the stores order it: (utility, application_id).</summary>
    public static IReadOnlyList<ApplicationField> StoreKey { get; } = [Utility, ApplicationId];

    /// <summary>Every stored field after the key, in list order: the stores' data columns and the content hash's order after the key.</summary>
    public static IReadOnlyList<ApplicationField> StoreData { get; } = [.. All.Where(f => f.Stored && !f.Key)];

    /// <summary>The date-time fields (for the newest instant of a row or record).</summary>
    public static IReadOnlyList<ApplicationField> Instants { get; } = [.. All.Where(f => f.Kind == FieldKind.Instant)];
}
