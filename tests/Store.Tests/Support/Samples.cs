using Analytics.Domain;

namespace Analytics.Store.Tests.Support;

/// <summary>Hand-made records for the store tests: one with every field set, one with every optional field empty.</summary>
public static class Samples
{
    /// <summary>Every field set; instants with sub-second parts (to the microsecond); decimals with scale; Chinese text.</summary>
    public static Application Full(string id = "SG-2022-000001", string utility = "sgcc-linfen") => new()
    {
        ApplicationId = id,
        Utility = utility,
        County = "yaodu",
        Area = Area.Central,
        CustomerType = CustomerType.NonResidential,
        Voltage = Voltage.Kv10,
        PowerSources = 2,
        CapacityKw = 1250.50m,
        ThreeZero = true,
        SmallMicro = true,
        ImportantUser = true,
        Channel = Channel.Online,
        EContract = false,
        Materials = Materials.IdCard | Materials.BusinessLicense | Materials.Other,
        FeeYuan = 0.00m,
        CustomerInvestmentYuan = 123456789.1234m,
        Status = ApplicationStatus.Connected,
        RecordCreatedAt = new DateTime(2021, 9, 22, 10, 29, 59, 999),
        AcceptedAt = new DateTime(2021, 9, 22, 10, 30, 0).AddTicks(1234560),
        PlanRepliedAt = new DateTime(2021, 9, 23, 9, 0, 0),
        DesignReviewStart = new DateTime(2021, 9, 24, 8, 0, 0),
        DesignReviewEnd = new DateTime(2021, 9, 25, 17, 30, 0),
        CustomerWorksStart = new DateTime(2021, 9, 26, 8, 0, 0),
        CustomerWorksEnd = new DateTime(2021, 10, 8, 18, 0, 0),
        MidCheckStart = new DateTime(2021, 10, 1, 9, 0, 0),
        MidCheckEnd = new DateTime(2021, 10, 1, 11, 0, 0),
        ExternalWorksStart = new DateTime(2021, 9, 27, 8, 0, 0),
        ExternalWorksEnd = new DateTime(2021, 10, 9, 12, 0, 0),
        ApprovalSubmittedAt = new DateTime(2021, 9, 27, 9, 0, 0),
        ApprovalGrantedAt = new DateTime(2021, 9, 28, 16, 0, 0),
        ApprovalMode = ApprovalMode.NotifyCommit,
        CompletionCheckStart = new DateTime(2021, 10, 11, 9, 0, 0),
        CompletionCheckEnd = new DateTime(2021, 10, 11, 15, 0, 0),
        ConnectedAt = new DateTime(2021, 10, 12, 10, 0, 0, 500),
        PausedDays = 3,
        WithdrawnAt = new DateTime(2021, 12, 31, 23, 59, 59),
        PreviousApplicationId = "SG-2021-009999",
        CustomerKey = "k:5f2b9c0e1d7a4c3b",
        CustomerMask = "张*",
    };

    /// <summary>Every optional field empty.</summary>
    public static Application Minimal(string id = "PX-2022-000002", string utility = "sxdl-puxian") => new()
    {
        ApplicationId = id,
        Utility = utility,
        County = "puxian",
        Area = Area.Rural,
        CustomerType = CustomerType.Residential,
        Voltage = Voltage.Lv,
        CapacityKw = 8m,
        ThreeZero = false,
        Channel = Channel.Counter,
        Status = ApplicationStatus.InProgress,
        AcceptedAt = new DateTime(2022, 3, 1, 0, 0, 0),
    };

    public static OutageStep Step(string outageId, int step, string utility = "sgcc-linfen", int customers = 100,
        DateTime? endAt = null) => new()
    {
        OutageId = outageId,
        Utility = utility,
        County = "houma",
        Area = Area.Urban,
        Feeder = step % 2 == 0 ? null : "10kV 城北线",
        Kind = OutageKind.Planned,
        Cause = step == 3 ? OutageCause.External : OutageCause.Internal,
        StartAt = new DateTime(2022, 6, 30, 22, 0, 0),
        EndAt = endAt ?? new DateTime(2022, 7, 1, 1, 0, 0).AddMinutes(30 * step),
        Customers = customers,
        NotifiedAt = step == 1 ? new DateTime(2022, 6, 28, 9, 15, 30) : null,
        NotifyChannels = step == 1 ? NotifyChannels.App | NotifyChannels.Sms : NotifyChannels.None,
        Step = step,
    };

    public static CustomersServed Customers(int year, int? month, long customers, string county = "yaodu") => new()
    {
        Year = year,
        Month = month,
        Utility = "sgcc-linfen",
        County = county,
        Area = Area.Town,
        Customers = customers,
    };

    public static ReportNote Note(NoteSection section, string text, int half = 1) => new()
    {
        Utility = "sxdl-anze",
        Half = new HalfYear(2022, half),
        Section = section,
        Text = text,
    };

    public static LedgerNote Ledger(string task, string text, string? status = null) => new()
    {
        County = "fenxi",
        Thursday = new DateOnly(2022, 6, 2),
        Task = task,
        Text = text,
        Status = status,
    };
}
