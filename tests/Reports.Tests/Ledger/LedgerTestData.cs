using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Reports.Ledger;
using ClosedXML.Excel;
using DomainPolicy = Analytics.Domain.Policy.Policy;

namespace Analytics.Reports.Tests.Ledger;

/// <summary>A handful of records around the ledger due on Thursday 2026-11-26 (week 2026-11-19 … 2026-11-25).</summary>
internal static class LedgerTestData
{
    public static readonly DateOnly Thursday = new(2026, 11, 26);
    public static LedgerWeek Week => LedgerWeek.For(Thursday);

    public static DateTime At(int month, int day, int hour = 9, int minute = 0) => new(2026, month, day, hour, minute, 0);

    /// <summary>A residential application (目标2: whole process ≤ 4 working days), fully compliant unless changed.</summary>
    public static Application Residential(string id, string county, DateTime accepted, DateTime? connected,
        string utility = "sgcc-linfen", string? mask = "张*") => new()
    {
        ApplicationId = id,
        Utility = utility,
        County = county,
        Area = Area.Urban,
        CustomerType = CustomerType.Residential,
        Voltage = Voltage.Lv,
        CapacityKw = 8,
        ThreeZero = true,
        Channel = Channel.Online,
        EContract = true,
        Materials = Materials.IdCard | Materials.PropertyCert,
        FeeYuan = 0,
        CustomerInvestmentYuan = 0,
        Status = connected is null ? ApplicationStatus.InProgress : ApplicationStatus.Connected,
        RecordCreatedAt = accepted,
        AcceptedAt = accepted,
        ConnectedAt = connected,
        CustomerKey = "k-" + id,
        CustomerMask = mask,
    };

    /// <summary>A low-voltage non-三零 application (目标2: utility days ≤ 5).</summary>
    public static Application LvOther(string id, string county, DateTime accepted, DateTime? connected) =>
        Residential(id, county, accepted, connected) with
        {
            CustomerType = CustomerType.NonResidential,
            ThreeZero = false,
            CapacityKw = 200,
            Area = Area.Town,
            ExternalWorksStart = connected is null ? null : accepted.AddDays(1),
            ExternalWorksEnd = connected is null ? null : accepted.AddDays(1).AddHours(4),
        };

    public static OutageStep Outage(string id, string county, Area area, DateTime start, double hours, int customers,
        OutageKind kind = OutageKind.Fault, DateTime? notified = null) => new()
    {
        OutageId = id,
        Utility = "sgcc-linfen",
        County = county,
        Area = area,
        Kind = kind,
        StartAt = start,
        EndAt = start.AddHours(hours),
        Customers = customers,
        NotifiedAt = notified,
        Feeder = "10kV城关线",
    };

    public static IEnumerable<CustomersServed> Customers(string county, int year) =>
        Codes.All<Area>().Select(a => new CustomersServed { Year = year, Utility = "sgcc-linfen", County = county, Area = a, Customers = 10_000 });

    public static LedgerInputs Inputs(IEnumerable<Application> apps, IEnumerable<OutageStep>? outages = null,
        IEnumerable<LedgerNote>? notes = null, IEnumerable<CustomersServed>? customers = null) => new()
    {
        Records = new RecordSnapshot
        {
            Applications = [.. apps],
            Outages = [.. outages ?? []],
            CustomersServed = [.. customers ?? Customers("yaodu", 2026).Concat(Customers("houma", 2026))],
            LedgerNotes = [.. notes ?? []],
        },
        Policy = DomainPolicy.Default,
        Calendar = WorkingDayCalendar.Default,
        Registries = Registries.Default,
    };

    /// <summary>Writes the county ledger to memory and opens it again, as a reader would.</summary>
    public static XLWorkbook Roundtrip(CountyLedger ledger)
    {
        var ms = new MemoryStream();
        WeeklyLedgerWorkbook.Write(ledger, ms);
        ms.Position = 0;
        return new XLWorkbook(ms);
    }

    /// <summary>The data rows of a sheet's table (header on row 3) as header → text, until the first empty row.</summary>
    public static List<Dictionary<string, IXLCell>> Rows(IXLWorksheet ws, int headerRow = 3)
    {
        var headers = new Dictionary<int, string>();
        for (var c = 1; c <= ws.LastColumnUsed()!.ColumnNumber(); c++)
        {
            var h = ws.Cell(headerRow, c).GetString();
            if (h.Length > 0) headers[c] = h;
        }
        var rows = new List<Dictionary<string, IXLCell>>();
        for (var r = headerRow + 1; !ws.Cell(r, 1).IsEmpty(); r++)
            rows.Add(headers.ToDictionary(h => h.Value, h => ws.Cell(r, h.Key)));
        return rows;
    }

    /// <summary>Every cell's text in every sheet, hidden ones included.</summary>
    public static IEnumerable<string> AllText(XLWorkbook wb) =>
        wb.Worksheets.SelectMany(ws => ws.CellsUsed().Select(c => c.GetString()));
}
