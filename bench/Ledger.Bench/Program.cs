using System.Diagnostics;
using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Calendar;
using Analytics.Domain.Registry;
using Analytics.Reports.Ledger;
using DomainPolicy = Analytics.Domain.Policy.Policy;

// Synthesizes a city's data in memory (fixed seed, so every run measures the same work), then times
// composing and writing the 17 county ledgers (--all) and the city roll-up (--city) for one Thursday.
if (args.Length == 2 && args[0] == "--dump")
{
    Dump.Print(args[1]);
    return;
}
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var outDir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "ledger-bench");
var week = LedgerWeek.For(new DateOnly(2026, 11, 26));

var sw = Stopwatch.StartNew();
var inputs = Synthetic.Make(count, week);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"synthesized {inputs.Applications.Count:N0} applications, {inputs.Outages.Count:N0} outage steps in {sw.Elapsed.TotalSeconds:F1} s"));

// Warm-up on a small slice so JIT time is not billed to the measurement.
WeeklyLedgers.ComposeCounty(inputs with { Records = inputs.Records with { Applications = [.. inputs.Applications.Take(2_000)] } }, "yaodu", week);

Measure("compose all 17 county ledgers (no files)", () => WeeklyLedgers.ComposeAll(inputs, week).Count);
Measure("--all: compose and write 17 workbooks", () => WeeklyLedgers.WriteAll(inputs, week, outDir).Count);
Measure("--city: compose and write the roll-up", () => { WeeklyLedgers.WriteCity(inputs, week, outDir); return 1; });
Measure("--county yaodu", () => { WeeklyLedgers.WriteCounty(inputs, "yaodu", week, outDir); return 1; });

var yaodu = WeeklyLedgers.ComposeCounty(inputs, "yaodu", week);
Measure("  of which: lay out yaodu's workbook in memory", () => { WeeklyLedgerWorkbook.Build(yaodu); return 1; });
Measure("  of which: lay out and save yaodu's workbook", () => { using var ms = new MemoryStream(); WeeklyLedgerWorkbook.Write(yaodu, ms); return (int)ms.Length; });

if (Environment.GetEnvironmentVariable("LEDGER_BENCH_MICRO") == "1") Micro.Run();

var files = new DirectoryInfo(outDir).GetFiles("*.xlsx");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{files.Length} files in {outDir}, {files.Sum(f => f.Length) / 1024.0 / 1024.0:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB"));

// Wall time and CPU time: the machine may be shared, and CPU time says what the work costs.
static void Measure(string what, Func<int> run)
{
    GC.Collect();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    var n = run();
    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {sw.Elapsed.TotalSeconds:F2} s wall, {used.TotalSeconds:F2} s CPU ({n})"));
}

internal static class Micro
{
    // Which ClosedXML operations cost what, on a 1,000 × 16 sheet.
    public static void Run()
    {
        T("values only", (ws, r) => { });
        T("values + per-row range fill", (ws, r) => { if (r % 3 == 0) ws.Range(r, 1, r, 16).Style.Fill.BackgroundColor = ClosedXML.Excel.XLColor.Red; });
        T("values + per-row cell-by-cell fill", (ws, r) => { if (r % 3 == 0) for (var c = 1; c <= 16; c++) ws.Cell(r, c).Style.Fill.BackgroundColor = ClosedXML.Excel.XLColor.Red; });
        T("column styles first, then values", (ws, r) => { }, columnStyles: true);
        T("values + row.Style fill", (ws, r) => { if (r % 3 == 0) ws.Row(r).Cells(1, 16).Style.Fill.BackgroundColor = ClosedXML.Excel.XLColor.Red; });
    }

    private static void T(string what, Action<ClosedXML.Excel.IXLWorksheet, int> extra, bool columnStyles = false)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var wb = new ClosedXML.Excel.XLWorkbook();
        var ws = wb.Worksheets.Add("x");
        if (columnStyles)
            for (var c = 1; c <= 16; c++) { ws.Column(c).Style.NumberFormat.Format = "#,##0"; ws.Column(c).Style.Alignment.Vertical = ClosedXML.Excel.XLAlignmentVerticalValues.Top; }
        for (var r = 1; r <= 1000; r++)
        {
            for (var c = 1; c <= 16; c++)
                if (c % 2 == 0) ws.Cell(r, c).SetValue(r * c); else { ws.Cell(r, c).SetValue("text"); ws.Cell(r, c).DataType = ClosedXML.Excel.XLDataType.Text; }
            extra(ws, r);
        }
        var mid = Process.GetCurrentProcess().TotalProcessorTime;
        var t1 = Process.GetCurrentProcess().TotalProcessorTime;
        if (!columnStyles) ws.Range(2, 1, 1000, 16).Style.Border.InsideBorder = ClosedXML.Excel.XLBorderStyleValues.Thin;
        var t2 = Process.GetCurrentProcess().TotalProcessorTime;
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        var end = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  micro {what}: fill {(mid - cpu).TotalMilliseconds:F0} ms, borders {(t2 - t1).TotalMilliseconds:F0} ms, save {(end - t2).TotalMilliseconds:F0} ms"));
    }
}

internal static class Dump
{
    /// <summary>Prints the first rows of every sheet of a workbook, to look at one without a spreadsheet program.</summary>
    public static void Print(string path)
    {
        using var wb = new ClosedXML.Excel.XLWorkbook(path);
        foreach (var ws in wb.Worksheets)
        {
            Console.WriteLine($"== {ws.Name} ({ws.Visibility}) rows {ws.LastRowUsed()?.RowNumber()}");
            var last = Math.Min(ws.LastRowUsed()?.RowNumber() ?? 0, ws.Name is "汇总" or "停电事件" ? 40 : 8);
            var cols = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
            for (var r = 1; r <= last; r++)
                Console.WriteLine(string.Join(" | ", Enumerable.Range(1, cols).Select(c => ws.Cell(r, c).GetFormattedString())));
        }
    }
}

internal static class Synthetic
{
    public static LedgerInputs Make(int count, LedgerWeek week)
    {
        var rnd = new Random(20211022);
        var reg = Registries.Default;
        var counties = reg.Counties;
        var utilities = reg.Utilities;
        var cal = WorkingDayCalendar.Default;
        var start = new DateTime(2026, 1, 4);
        var span = (week.End - start).TotalHours - 1;
        var apps = new List<Application>(count);
        for (var i = 0; i < count; i++)
        {
            // Larger counties first in the registry get more applications.
            var county = counties[Math.Min(counties.Count - 1, (int)(Math.Pow(rnd.NextDouble(), 1.6) * counties.Count))].Code;
            var utility = utilities[rnd.Next(10) < 8 ? 0 : rnd.Next(utilities.Count)].Code;
            var accepted = start.AddHours(rnd.NextDouble() * span);
            var kind = rnd.Next(100);
            var residential = kind < 60;
            var voltage = kind < 90 ? Voltage.Lv : kind < 98 ? Voltage.Kv10 : Voltage.Kv35;
            var threeZero = residential || (voltage == Voltage.Lv && kind < 80);
            var days = residential ? rnd.Next(1, 6) : voltage == Voltage.Lv ? rnd.Next(2, 22) : rnd.Next(8, 40);
            var acceptedDate = DateOnly.FromDateTime(accepted);
            // Beyond the last year with a schedule: still in progress at the as-of anyway.
            var dueDate = acceptedDate.Year == 2026 && acceptedDate.Month == 12 ? acceptedDate.AddDays(60) : cal.AddWorkingDays(acceptedDate, Math.Min(days, 20));
            var due = dueDate.ToDateTime(new TimeOnly(rnd.Next(8, 18), rnd.Next(60)));
            var withdrawn = rnd.Next(100) < 2;
            var connected = !withdrawn && due < week.End.AddDays(3); // a few connect after the as-of: rewound
            var status = withdrawn ? ApplicationStatus.Withdrawn : connected ? ApplicationStatus.Connected : ApplicationStatus.InProgress;
            var hasApproval = !residential && rnd.Next(100) < 30;
            DateTime? submitted = hasApproval ? accepted.AddDays(1) : null;
            DateTime? granted = hasApproval && connected ? submitted!.Value.AddDays(rnd.Next(1, 12)) : null;
            if (granted > due) granted = due;
            apps.Add(new Application
            {
                ApplicationId = string.Create(CultureInfo.InvariantCulture, $"{county.ToUpperInvariant()}-{i:D7}"),
                Utility = utility,
                County = county,
                Area = (Area)rnd.Next(1, 5),
                CustomerType = residential ? CustomerType.Residential : CustomerType.NonResidential,
                Voltage = residential ? Voltage.Lv : voltage,
                PowerSources = voltage != Voltage.Lv && rnd.Next(10) == 0 ? 2 : 1,
                CapacityKw = residential ? 8 : rnd.Next(20, 2000),
                ThreeZero = threeZero,
                SmallMicro = !residential && rnd.Next(3) == 0,
                Channel = rnd.Next(10) < 7 ? Channel.Online : Channel.Counter,
                EContract = rnd.Next(10) < 8,
                Materials = Materials.IdCard | Materials.PropertyCert | (rnd.Next(50) == 0 ? Materials.CommitmentLetter : Materials.None),
                FeeYuan = rnd.Next(100) == 0 ? 200 : 0,
                CustomerInvestmentYuan = 0,
                Status = status,
                RecordCreatedAt = rnd.Next(200) == 0 ? accepted.AddDays(5) : accepted,
                AcceptedAt = accepted,
                ExternalWorksStart = !threeZero && connected ? accepted.AddDays(1) : null,
                ExternalWorksEnd = !threeZero && connected ? accepted.AddDays(2) : null,
                ApprovalSubmittedAt = submitted,
                ApprovalGrantedAt = granted,
                ApprovalMode = hasApproval ? ApprovalMode.Standard : null,
                ConnectedAt = connected ? due : null,
                WithdrawnAt = withdrawn ? accepted.AddDays(2) : null,
                CustomerKey = string.Create(CultureInfo.InvariantCulture, $"k{rnd.Next(count)}"),
                CustomerMask = "王*",
            });
        }

        var outages = new List<OutageStep>();
        for (var i = 0; i < count / 20; i++)
        {
            var s = start.AddHours(rnd.NextDouble() * span);
            outages.Add(new OutageStep
            {
                OutageId = string.Create(CultureInfo.InvariantCulture, $"O{i:D6}"),
                Utility = utilities[0].Code,
                County = counties[rnd.Next(counties.Count)].Code,
                Area = (Area)rnd.Next(1, 5),
                Kind = rnd.Next(3) == 0 ? OutageKind.Planned : OutageKind.Fault,
                StartAt = s,
                EndAt = s.AddMinutes(rnd.Next(2, 600)),
                Customers = rnd.Next(1, 800),
                NotifiedAt = rnd.Next(2) == 0 ? s.AddDays(-rnd.Next(0, 10)) : null,
            });
        }
        var customers = new List<CustomersServed>();
        foreach (var c in counties)
            foreach (var area in Codes.All<Area>())
                foreach (var year in new[] { 2025, 2026 })
                    customers.Add(new CustomersServed { Year = year, Utility = utilities[0].Code, County = c.Code, Area = area, Customers = 20_000 });
        var notes = counties.Take(12).SelectMany(c => Enumerable.Range(1, 12).Select(t => new LedgerNote
        {
            County = c.Code,
            Thursday = week.Thursday,
            Task = string.Create(CultureInfo.InvariantCulture, $"任务{t}"),
            Text = "按计划推进",
            Status = "推进中",
        })).ToList();
        return new LedgerInputs
        {
            Records = new RecordSnapshot { Applications = apps, Outages = outages, CustomersServed = customers, LedgerNotes = notes },
            Policy = DomainPolicy.Default,
            Calendar = WorkingDayCalendar.Default,
            Registries = Registries.Default,
        };
    }
}
