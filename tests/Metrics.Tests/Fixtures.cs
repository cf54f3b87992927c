using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Policy;
using Analytics.Metrics;

namespace Analytics.Metrics.Tests;

/// <summary>Small builders for the tests: records with sensible defaults, changed with <c>with</c>.</summary>
internal static class Fixtures
{
    public static WorkingDayCalendar Cal => WorkingDayCalendar.Default;
    public static Policy Plan => Policy.Default;

    /// <summary>Parses <c>yyyy-MM-dd HH:mm[:ss]</c> or <c>yyyy-MM-dd</c>.</summary>
    public static DateTime T(string text) => DateTime.ParseExact(text,
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTime? Tn(string? text) => text is null ? null : T(text);

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A connected low-voltage non-residential (非三零) application in an urban area of yaodu.</summary>
    public static Application App(string id = "A1", string accepted = "2022-03-07 09:00", string? connected = "2022-03-09 16:00") => new()
    {
        ApplicationId = id,
        Utility = "sgcc-linfen",
        County = "yaodu",
        Area = Area.Urban,
        CustomerType = CustomerType.NonResidential,
        Voltage = Voltage.Lv,
        CapacityKw = 50m,
        ThreeZero = false,
        Channel = Channel.Online,
        Status = connected is null ? ApplicationStatus.InProgress : ApplicationStatus.Connected,
        AcceptedAt = T(accepted),
        ConnectedAt = Tn(connected),
        FeeYuan = 0m,
        CustomerInvestmentYuan = 0m,
    };

    public static Application Residential(string id = "R1", string accepted = "2022-03-07 09:00", string? connected = "2022-03-09 16:00") =>
        App(id, accepted, connected) with { CustomerType = CustomerType.Residential, ThreeZero = true };

    public static Application HvSingle(string id = "H1", string accepted = "2022-03-07 09:00", string? connected = "2022-03-21 16:00") =>
        App(id, accepted, connected) with { Voltage = Voltage.Kv10, CapacityKw = 800m };

    public static OutageStep Outage(string id, string start, string end, int customers, Area area = Area.Rural,
        string county = "yaodu", string utility = "sgcc-linfen", OutageKind kind = OutageKind.Fault,
        OutageCause cause = OutageCause.Internal) => new()
        {
            OutageId = id,
            Utility = utility,
            County = county,
            Area = area,
            Kind = kind,
            Cause = cause,
            StartAt = T(start),
            EndAt = T(end),
            Customers = customers,
        };

    public static CustomersServed Served(int year, long customers, Area area = Area.Rural, string county = "yaodu",
        string utility = "sgcc-linfen", int? month = null) => new()
        {
            Year = year,
            Month = month,
            Utility = utility,
            County = county,
            Area = area,
            Customers = customers,
        };

    public static MetricsResult Run(IReadOnlyList<Application> apps, string from = "2022-01-01", string to = "2022-12-31",
        string asOf = "2023-01-05", IReadOnlyList<ApplicationRevision>? revisions = null,
        IReadOnlyList<OutageStep>? outages = null, IReadOnlyList<CustomersServed>? customers = null, Policy? policy = null) =>
        MetricsEngine.Compute(new MetricsInput
        {
            Applications = apps,
            Revisions = revisions ?? [],
            Outages = outages ?? [],
            CustomersServed = customers ?? [],
            Policy = policy ?? Plan,
            Calendar = Cal,
            Period = new MetricsPeriod(D(from), D(to)),
            AsOf = T(asOf),
        });

    /// <summary>The city-level row of a target.</summary>
    public static TargetResult City(this MetricsResult r, string id) =>
        r.CityTarget(id) ?? throw new InvalidOperationException($"No city row for {id}.");

    /// <summary>The connected time that gives exactly <paramref name="days"/> working days after <paramref name="accepted"/>.</summary>
    public static string After(string accepted, int days) =>
        Cal.AddWorkingDays(DateOnly.FromDateTime(T(accepted)), days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 15:00";
}
