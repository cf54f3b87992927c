using System.Globalization;
using Analytics.Domain;
using Analytics.Ingest.Parsing;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Messages;

namespace Analytics.Ingest.Templates;

/// <summary>
/// Template <c>applications</c> (用电报装工单, templates.md §3): one row per application, mapped to
/// <see cref="Application"/>. Field rules: registries, closed sets, capacity &gt; 0, amounts and paused
/// days ≥ 0, power sources 1 or 2 (empty = 1). Cross-field rules: an <c>*_end</c> before its
/// <c>*_start</c>; any stage time before <c>accepted_at</c>; <c>connected_at</c> missing when connected
/// or present when withdrawn or in progress; <c>withdrawn_at</c> missing when withdrawn or present
/// otherwise; two power sources on lv; an ID number failing GB 11643. Across rows: one row per
/// (utility, application_id). Personal data becomes <see cref="Application.CustomerKey"/> and
/// <see cref="Application.CustomerMask"/>; the clear values never reach the record.
/// </summary>
public sealed class ApplicationsTemplate : Template
{
    /// <summary>Every column, in the order of templates.md §3: one a field of <see cref="ApplicationFields.Template"/>.</summary>
    public static IReadOnlyList<TemplateColumn> AllColumns { get; } = Indexed([.. ApplicationFields.Template.Select(f => new TemplateColumn(f))]);

    public static readonly TemplateColumn ApplicationId = Column(ApplicationFields.ApplicationId);
    public static readonly TemplateColumn UtilityColumn = Column(ApplicationFields.Utility);
    public static readonly TemplateColumn CountyColumn = Column(ApplicationFields.County);
    public static readonly TemplateColumn AreaColumn = Column(ApplicationFields.Area);
    public static readonly TemplateColumn CustomerTypeColumn = Column(ApplicationFields.CustomerType);
    public static readonly TemplateColumn VoltageColumn = Column(ApplicationFields.Voltage);
    public static readonly TemplateColumn PowerSources = Column(ApplicationFields.PowerSources);
    public static readonly TemplateColumn CapacityKw = Column(ApplicationFields.CapacityKw);
    public static readonly TemplateColumn ThreeZero = Column(ApplicationFields.ThreeZero);
    public static readonly TemplateColumn SmallMicro = Column(ApplicationFields.SmallMicro);
    public static readonly TemplateColumn ImportantUser = Column(ApplicationFields.ImportantUser);
    public static readonly TemplateColumn ChannelColumn = Column(ApplicationFields.Channel);
    public static readonly TemplateColumn EContract = Column(ApplicationFields.EContract);
    public static readonly TemplateColumn MaterialsColumn = Column(ApplicationFields.Materials);
    public static readonly TemplateColumn FeeYuan = Column(ApplicationFields.FeeYuan);
    public static readonly TemplateColumn CustomerInvestmentYuan = Column(ApplicationFields.CustomerInvestmentYuan);
    public static readonly TemplateColumn StatusColumn = Column(ApplicationFields.Status);
    public static readonly TemplateColumn RecordCreatedAt = Column(ApplicationFields.RecordCreatedAt);
    public static readonly TemplateColumn AcceptedAt = Column(ApplicationFields.AcceptedAt);
    public static readonly TemplateColumn PlanRepliedAt = Column(ApplicationFields.PlanRepliedAt);
    public static readonly TemplateColumn DesignReviewStart = Column(ApplicationFields.DesignReviewStart);
    public static readonly TemplateColumn DesignReviewEnd = Column(ApplicationFields.DesignReviewEnd);
    public static readonly TemplateColumn CustomerWorksStart = Column(ApplicationFields.CustomerWorksStart);
    public static readonly TemplateColumn CustomerWorksEnd = Column(ApplicationFields.CustomerWorksEnd);
    public static readonly TemplateColumn MidCheckStart = Column(ApplicationFields.MidCheckStart);
    public static readonly TemplateColumn MidCheckEnd = Column(ApplicationFields.MidCheckEnd);
    public static readonly TemplateColumn ExternalWorksStart = Column(ApplicationFields.ExternalWorksStart);
    public static readonly TemplateColumn ExternalWorksEnd = Column(ApplicationFields.ExternalWorksEnd);
    public static readonly TemplateColumn ApprovalSubmittedAt = Column(ApplicationFields.ApprovalSubmittedAt);
    public static readonly TemplateColumn ApprovalGrantedAt = Column(ApplicationFields.ApprovalGrantedAt);
    public static readonly TemplateColumn ApprovalModeColumn = Column(ApplicationFields.ApprovalMode);
    public static readonly TemplateColumn CompletionCheckStart = Column(ApplicationFields.CompletionCheckStart);
    public static readonly TemplateColumn CompletionCheckEnd = Column(ApplicationFields.CompletionCheckEnd);
    public static readonly TemplateColumn ConnectedAt = Column(ApplicationFields.ConnectedAt);
    public static readonly TemplateColumn PausedDays = Column(ApplicationFields.PausedDays);
    public static readonly TemplateColumn WithdrawnAt = Column(ApplicationFields.WithdrawnAt);
    public static readonly TemplateColumn PreviousApplicationId = Column(ApplicationFields.PreviousApplicationId);
    public static readonly TemplateColumn CustomerName = Column(ApplicationFields.CustomerName);
    public static readonly TemplateColumn IdNumber = Column(ApplicationFields.IdNumber);
    public static readonly TemplateColumn Phone = Column(ApplicationFields.Phone);

    /// <summary>The column of <paramref name="field"/> in <see cref="AllColumns"/>.</summary>
    private static TemplateColumn Column(ApplicationField field) => AllColumns.First(c => ReferenceEquals(c.Field, field));

    public ApplicationsTemplate(TemplateContext context) : base(context, AllColumns) { }

    public override FilingKind Kind => FilingKind.Applications;

    public override object? Map(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = row.Text(ApplicationId, required: true);
        var utility = row.Utility(UtilityColumn, required: true);
        var county = row.County(CountyColumn, required: true);
        var area = row.Enum<Area>(AreaColumn, required: true);
        var customerType = row.Enum<CustomerType>(CustomerTypeColumn, required: true);
        var voltage = Voltage(row);
        var powerSources = PowerSourceCount(row);
        var capacity = row.Amount(CapacityKw, NumberUnit.Kilowatt, required: true, positive: true);
        var threeZero = row.Bool(ThreeZero, required: true);
        var smallMicro = row.Bool(SmallMicro);
        var important = row.Bool(ImportantUser);
        var channel = row.Enum<Channel>(ChannelColumn, required: true);
        var eContract = row.Bool(EContract);
        var materials = row.Flags<Materials>(MaterialsColumn);
        var fee = row.Amount(FeeYuan, NumberUnit.Yuan);
        var investment = row.Amount(CustomerInvestmentYuan, NumberUnit.Yuan);
        var status = row.Enum<ApplicationStatus>(StatusColumn, required: true);
        var created = row.DateTime(RecordCreatedAt);
        var accepted = row.DateTime(AcceptedAt, required: true);
        var plan = row.DateTime(PlanRepliedAt);
        var drStart = row.DateTime(DesignReviewStart);
        var drEnd = row.DateTime(DesignReviewEnd);
        var cwStart = row.DateTime(CustomerWorksStart);
        var cwEnd = row.DateTime(CustomerWorksEnd);
        var mcStart = row.DateTime(MidCheckStart);
        var mcEnd = row.DateTime(MidCheckEnd);
        var ewStart = row.DateTime(ExternalWorksStart);
        var ewEnd = row.DateTime(ExternalWorksEnd);
        var apSubmitted = row.DateTime(ApprovalSubmittedAt);
        var apGranted = row.DateTime(ApprovalGrantedAt);
        var approvalMode = row.Enum<ApprovalMode>(ApprovalModeColumn);
        var ccStart = row.DateTime(CompletionCheckStart);
        var ccEnd = row.DateTime(CompletionCheckEnd);
        var connected = row.DateTime(ConnectedAt);
        var paused = row.Count(PausedDays, NumberUnit.Days, 0, 100_000);
        var withdrawn = row.DateTime(WithdrawnAt);
        var previous = row.Text(PreviousApplicationId);
        var (customerKey, customerMask) = Customer(row);

        // Cross-field rules, on whatever parsed.
        Order(row, DesignReviewStart, drStart, DesignReviewEnd, drEnd);
        Order(row, CustomerWorksStart, cwStart, CustomerWorksEnd, cwEnd);
        Order(row, MidCheckStart, mcStart, MidCheckEnd, mcEnd);
        Order(row, ExternalWorksStart, ewStart, ExternalWorksEnd, ewEnd);
        Order(row, ApprovalSubmittedAt, apSubmitted, ApprovalGrantedAt, apGranted);
        Order(row, CompletionCheckStart, ccStart, CompletionCheckEnd, ccEnd);
        if (accepted is { } acc)
        {
            NotBefore(row, acc, PlanRepliedAt, plan);
            NotBefore(row, acc, DesignReviewStart, drStart);
            NotBefore(row, acc, DesignReviewEnd, drEnd);
            NotBefore(row, acc, CustomerWorksStart, cwStart);
            NotBefore(row, acc, CustomerWorksEnd, cwEnd);
            NotBefore(row, acc, MidCheckStart, mcStart);
            NotBefore(row, acc, MidCheckEnd, mcEnd);
            NotBefore(row, acc, ExternalWorksStart, ewStart);
            NotBefore(row, acc, ExternalWorksEnd, ewEnd);
            NotBefore(row, acc, ApprovalSubmittedAt, apSubmitted);
            NotBefore(row, acc, ApprovalGrantedAt, apGranted);
            NotBefore(row, acc, CompletionCheckStart, ccStart);
            NotBefore(row, acc, CompletionCheckEnd, ccEnd);
            NotBefore(row, acc, ConnectedAt, connected);
            NotBefore(row, acc, WithdrawnAt, withdrawn);
        }
        StatusRules(row, status, connected, withdrawn);
        if (powerSources == 2 && voltage == Domain.Voltage.Lv)
            row.Error(PowerSources, IngestErrorCode.DualSourceOnLowVoltage,
                IngestMessages.DualSourceOnLowVoltage.Text());

        if (row.HasErrors) return null;
        return new Application
        {
            ApplicationId = id!,
            Utility = utility!.Code,
            County = county!.Code,
            Area = area!.Value,
            CustomerType = customerType!.Value,
            Voltage = voltage!.Value,
            PowerSources = powerSources ?? 1,
            CapacityKw = capacity!.Value,
            ThreeZero = threeZero!.Value,
            SmallMicro = smallMicro ?? false,
            ImportantUser = important ?? false,
            Channel = channel!.Value,
            EContract = eContract,
            Materials = materials,
            FeeYuan = fee,
            CustomerInvestmentYuan = investment,
            Status = status!.Value,
            RecordCreatedAt = created,
            AcceptedAt = accepted!.Value,
            PlanRepliedAt = plan,
            DesignReviewStart = drStart,
            DesignReviewEnd = drEnd,
            CustomerWorksStart = cwStart,
            CustomerWorksEnd = cwEnd,
            MidCheckStart = mcStart,
            MidCheckEnd = mcEnd,
            ExternalWorksStart = ewStart,
            ExternalWorksEnd = ewEnd,
            ApprovalSubmittedAt = apSubmitted,
            ApprovalGrantedAt = apGranted,
            ApprovalMode = approvalMode,
            CompletionCheckStart = ccStart,
            CompletionCheckEnd = ccEnd,
            ConnectedAt = connected,
            PausedDays = (int)(paused ?? 0),
            WithdrawnAt = withdrawn,
            PreviousApplicationId = previous,
            CustomerKey = customerKey,
            CustomerMask = customerMask,
        };
    }

    public override IRowSetCheck NewRowSetCheck() => new UniqueApplications();

    /// <summary>The newest of every date-time the application reports.</summary>
    public override DateTime? NewestInstant(object record)
    {
        var a = (Application)record;
        var max = a.AcceptedAt;
        Max(ref max, a.RecordCreatedAt); Max(ref max, a.PlanRepliedAt); Max(ref max, a.DesignReviewStart);
        Max(ref max, a.DesignReviewEnd); Max(ref max, a.CustomerWorksStart); Max(ref max, a.CustomerWorksEnd);
        Max(ref max, a.MidCheckStart); Max(ref max, a.MidCheckEnd); Max(ref max, a.ExternalWorksStart);
        Max(ref max, a.ExternalWorksEnd); Max(ref max, a.ApprovalSubmittedAt); Max(ref max, a.ApprovalGrantedAt);
        Max(ref max, a.CompletionCheckStart); Max(ref max, a.CompletionCheckEnd); Max(ref max, a.ConnectedAt);
        Max(ref max, a.WithdrawnAt);
        return max;
    }

    private static void Max(ref DateTime max, DateTime? t)
    {
        if (t > max) max = t.Value;
    }

    private static readonly TemplateColumn[] DateTimeColumns = [.. ApplicationFields.Instants.Select(Column)];

    public override DateTime? NewestInRow(TemplateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        DateTime? max = null;
        foreach (var c in DateTimeColumns)
            if (row.PeekDateTime(c) is { } t && (max is null || t > max)) max = t;
        return max;
    }

    /// <summary>lv also as 0.4kV, 380V, 220V (in Codes); 10千伏 as 10kV; anything from 110 kV up as 110kv.</summary>
    private static Voltage? Voltage(TemplateRow row)
    {
        if (row.TryEnum<Voltage>(VoltageColumn, out var v)) return v;
        if (!row.IsEmpty(VoltageColumn))
        {
            var t = HeaderBinding.Key(row.RawText(VoltageColumn).ToString())
                .Replace("千伏", "kv", StringComparison.Ordinal).Replace("及以上", "", StringComparison.Ordinal);
            if (Codes.TryParse(t, out v)) return v;
            if (t.EndsWith("kv", StringComparison.Ordinal)
                && decimal.TryParse(t.AsSpan(0, t.Length - 2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kv)
                && kv >= 110)
                return Domain.Voltage.Kv110;
        }
        return row.Enum<Voltage>(VoltageColumn, required: true); // records the error listing the accepted values
    }

    /// <summary>1 or 2, also 单电源/双电源; empty = 1.</summary>
    private static int? PowerSourceCount(TemplateRow row)
    {
        var t = row.RawText(PowerSources);
        if (CellText.IsEmptyMarker(t)) return 1;
        if (t is "1" || t.SequenceEqual("单电源") || t.SequenceEqual("单")) return 1;
        if (t is "2" || t.SequenceEqual("双电源") || t.SequenceEqual("双")) return 2;
        return (int?)row.Count(PowerSources, NumberUnit.None, 1, 2);
    }

    private static (string? Key, string? Mask) Customer(TemplateRow row)
    {
        var name = row.Text(CustomerName);
        var phone = row.Text(Phone);
        string? id = null;
        if (!row.IsEmpty(IdNumber))
        {
            if (row.IsNumberCell(IdNumber))
            {
                row.Error(IdNumber, IngestErrorCode.InvalidIdNumber,
                    IngestMessages.IdNumberStoredAsNumber.Text());
                return (null, null);
            }
            id = ChineseIdNumber.Normalize(row.RawText(IdNumber));
            if (!ChineseIdNumber.IsValid(id, DateOnly.FromDateTime(row.Context.LoadedAt), out var reason))
            {
                row.Error(IdNumber, IngestErrorCode.InvalidIdNumber, IngestMessages.InvalidIdNumber.With(row.Quoted(IdNumber), reason!));
                return (null, null);
            }
        }
        if (id is null && name is null && phone is null) return (null, null);
        if (row.HasErrors) return (null, null); // the row is rejected anyway; do not open the key file for it
        var key = row.CustomerKeysWanted ? row.Context.Keyring.KeyOf(name, id, phone) : null;
        return (key, name is null ? null : PersonalDataMask.Name(name));
    }

    private static void Order(TemplateRow row, TemplateColumn startColumn, DateTime? start, TemplateColumn endColumn, DateTime? end)
    {
        if (start is { } s && end is { } e && e < s)
            row.Error(endColumn, IngestErrorCode.EndBeforeStart,
                IngestMessages.EndBeforeStart.With(endColumn.NameText, Show(e), startColumn.NameText, Show(s)));
    }

    private static void NotBefore(TemplateRow row, DateTime accepted, TemplateColumn column, DateTime? value)
    {
        if (value is { } v && v < accepted)
            row.Error(column, IngestErrorCode.BeforeAccepted,
                IngestMessages.BeforeAccepted.With(column.NameText, Show(v), Show(accepted)));
    }

    private static void StatusRules(TemplateRow row, ApplicationStatus? status, DateTime? connected, DateTime? withdrawn)
    {
        switch (status)
        {
            case ApplicationStatus.Connected when connected is null && !row.HasErrorOn(ConnectedAt):
                row.Error(ConnectedAt, IngestErrorCode.StatusMismatch, IngestMessages.ConnectedWithoutTime.Text());
                break;
            case ApplicationStatus.Withdrawn:
                if (connected is not null)
                    row.Error(ConnectedAt, IngestErrorCode.StatusMismatch, IngestMessages.WithdrawnButConnected.Text());
                if (withdrawn is null && !row.HasErrorOn(WithdrawnAt))
                    row.Error(WithdrawnAt, IngestErrorCode.StatusMismatch, IngestMessages.WithdrawnWithoutTime.Text());
                break;
            case ApplicationStatus.InProgress:
                if (connected is not null)
                    row.Error(ConnectedAt, IngestErrorCode.StatusMismatch, IngestMessages.InProgressButConnected.Text());
                if (withdrawn is not null)
                    row.Error(WithdrawnAt, IngestErrorCode.StatusMismatch, IngestMessages.InProgressButWithdrawn.Text());
                break;
            case ApplicationStatus.Connected when withdrawn is not null:
                row.Error(WithdrawnAt, IngestErrorCode.StatusMismatch, IngestMessages.ConnectedButWithdrawn.Text());
                break;
        }
    }

    internal static string Show(DateTime t) =>
        t.ToString(t.Second == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// One row per (utility, application_id) in a file. The keys are kept as 128-bit fingerprints
    /// (<see cref="KeyFingerprints"/>), not strings, so a file of millions of rows costs tens of bytes
    /// a row here.
    /// </summary>
    private sealed class UniqueApplications : IRowSetCheck
    {
        private readonly KeyFingerprints _firstRow = new();

        public object Admit(object record, TemplateRow row)
        {
            var a = (Application)record;
            if (_firstRow.TryAdd(KeyFingerprints.Of(a.Utility, a.ApplicationId), row.Number, out var first)) return record;
            row.Error(ApplicationId, IngestErrorCode.DuplicateKey, IngestMessages.DuplicateApplication.With(a.ApplicationId, a.Utility, first));
            return record;
        }
    }
}
