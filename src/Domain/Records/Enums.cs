namespace Analytics.Domain;

// Closed sets of the templates (templates.md) and metrics (metrics.md). Zero is never a valid
// value, so a default(T) that slipped through validation is visible.

/// <summary>Supply area class (供电区域), the grouping of 目标5.</summary>
public enum Area { Invalid = 0, Central = 1, Urban = 2, Town = 3, Rural = 4 }

/// <summary>用户类型.</summary>
public enum CustomerType { Invalid = 0, Residential = 1, NonResidential = 2 }

/// <summary>电压等级; 110kV and above are all <see cref="Kv110"/>.</summary>
public enum Voltage { Invalid = 0, Lv = 1, Kv10 = 2, Kv35 = 3, Kv110 = 4 }

/// <summary>申请渠道 (任务5).</summary>
public enum Channel { Invalid = 0, Online = 1, Counter = 2, Phone = 3, Other = 4 }

/// <summary>工单状态.</summary>
public enum ApplicationStatus { Invalid = 0, InProgress = 1, Connected = 2, Withdrawn = 3 }

/// <summary>审批方式 (目标1).</summary>
public enum ApprovalMode { Invalid = 0, Standard = 1, NotifyCommit = 2, Filing = 3, Exempt = 4 }

/// <summary>申请资料 (任务6), a set.</summary>
[Flags]
public enum Materials
{
    None = 0,
    IdCard = 1,
    PropertyCert = 2,
    ProjectApproval = 4,
    BusinessLicense = 8,
    CommitmentLetter = 16,
    Other = 32,
}

/// <summary>Derived application category (metrics.md §2), never typed in.</summary>
public enum Category { Invalid = 0, Residential = 1, LvThreeZero = 2, LvOther = 3, HvSingle = 4, HvDual = 5 }

/// <summary>Stages (环节) of metrics.md §3, in the order they normally happen.</summary>
public enum Stage { Invalid = 0, Accept = 1, Plan = 2, DesignReview = 3, MidCheck = 4, ExternalWorks = 5, CompletionCheck = 6, Connect = 7 }

/// <summary>停电性质.</summary>
public enum OutageKind { Invalid = 0, Planned = 1, Fault = 2 }

/// <summary>停电原因分类; AIHC-2 leaves out <see cref="External"/>, AIHC-3 <see cref="SupplyShortage"/>.</summary>
public enum OutageCause { Invalid = 0, Internal = 1, External = 2, SupplyShortage = 3 }

/// <summary>通知渠道, a set.</summary>
[Flags]
public enum NotifyChannels { None = 0, App = 1, Wechat = 2, Sms = 4, Phone = 8, Notice = 16 }

/// <summary>Section of the semiannual report's narrative (四、2).</summary>
public enum NoteSection { Invalid = 0, Progress = 1, Results = 2, Problems = 3, Measures = 4 }

/// <summary>What a filing carried.</summary>
public enum FilingKind { Invalid = 0, Applications = 1, Outages = 2, Customers = 3, Notes = 4, Ledger = 5 }
