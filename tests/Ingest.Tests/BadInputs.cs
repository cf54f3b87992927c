using System.Text;
using Analytics.Domain;

namespace Analytics.Ingest.Tests;

/// <summary>
/// Every bad input of the brief, each with where its error must point. Used against the template
/// reader (errors located, no record) and against the ingestor with a real store (nothing loaded).
/// </summary>
public static class BadInputs
{
    public sealed record Case(FilingKind Kind, string Path, IngestErrorCode Code, int? Row, string? Column, string? Value);

    private static List<IReadOnlyDictionary<string, string>> Rows(params Dictionary<string, string>[] rows) => [.. rows];

    private static readonly Dictionary<string, Func<TempFolder, Case>> Cases = new()
    {
        ["empty file"] = d => new(FilingKind.Applications, TestFiles.Text(d, "empty.csv", ""), IngestErrorCode.EmptyFile, null, null, null),
        ["binary garbage"] = d =>
        {
            var path = d.File("garbage.csv");
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            bytes[0] = 0x13; // not a ZIP or OLE signature
            File.WriteAllBytes(path, bytes);
            return new(FilingKind.Applications, path, IngestErrorCode.BinaryFile, null, null, null);
        },
        ["a text file named .xlsx"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "really-text.xlsx", Rows(TestFiles.Application())), IngestErrorCode.NotAWorkbook, null, null, null),
        ["a path that does not exist"] = d => new(FilingKind.Applications, d.File("nowhere.csv"), IngestErrorCode.FileNotFound, null, null, null),
        ["a missing required column"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "missing.csv", Rows(TestFiles.Application().Without("capacity_kw"))), IngestErrorCode.MissingColumn, 1, "capacity_kw", null),
        ["a duplicated column"] = d => new(FilingKind.Applications,
            TestFiles.Text(d, "dupcol.csv", Header(TestFiles.Application()) + ",县（市、区）\r\n" + Line(TestFiles.Application()) + ",尧都区\r\n"),
            IngestErrorCode.DuplicateColumn, 1, "县（市、区）", null),
        ["an unclosed quote"] = d => new(FilingKind.Applications,
            TestFiles.Text(d, "quote.csv", Header(TestFiles.Application()) + "\r\n" + Line(TestFiles.Application("A-1")) + "\r\n"
                + Line(TestFiles.Application("A-2")).Replace("A-2", "\"A-2", StringComparison.Ordinal) + "\r\n" + Line(TestFiles.Application("A-3")) + "\r\n"),
            IngestErrorCode.MalformedCsv, 3, null, null),
        ["a row with too many fields"] = d => new(FilingKind.Applications,
            TestFiles.Text(d, "wide.csv", Header(TestFiles.Application()) + "\r\n" + Line(TestFiles.Application()) + ",surplus\r\n"),
            IngestErrorCode.TooManyFields, 2, null, null),
        ["an impossible date"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "feb30.csv", Rows(TestFiles.Application(), TestFiles.Application("A-2").With("accepted_at", "2021-02-30 10:00"))),
            IngestErrorCode.ImpossibleDate, 3, "accepted_at", "2021-02-30 10:00"),
        ["text where a number belongs"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "text-number.csv", Rows(TestFiles.Application().With("capacity_kw", "about 250"))),
            IngestErrorCode.InvalidNumber, 2, "capacity_kw", "about 250"),
        ["a negative capacity"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "neg-cap.csv", Rows(TestFiles.Application().With("capacity_kw", "-250"))), IngestErrorCode.Negative, 2, "capacity_kw", "-250"),
        ["a negative amount"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "neg-fee.csv", Rows(TestFiles.Application().With("fee_yuan", "-1,200.00元"))), IngestErrorCode.Negative, 2, "fee_yuan", "-1,200.00元"),
        ["a negative count"] = d => new(FilingKind.Customers,
            TestFiles.Csv(d, "neg-count.csv", Rows(TestFiles.Customers(customers: "-5"))), IngestErrorCode.Negative, 2, "customers", "-5"),
        ["an unknown county"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "county.csv", Rows(TestFiles.Application().With("county", "太原"))), IngestErrorCode.UnknownCounty, 2, "county", "太原"),
        ["an unknown utility"] = d => new(FilingKind.Outages,
            TestFiles.Csv(d, "utility.csv", Rows(TestFiles.Outage().With("utility", "南方电网"))), IngestErrorCode.UnknownUtility, 2, "utility", "南方电网"),
        ["an unknown enum value"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "area.csv", Rows(TestFiles.Application().With("area", "郊区"))), IngestErrorCode.UnknownValue, 2, "area", "郊区"),
        ["an end before its start"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "end-start.csv", Rows(TestFiles.Application().With("external_works_end", "2021-09-26 08:00"))),
            IngestErrorCode.EndBeforeStart, 2, "external_works_end", "2021-09-26 08:00"),
        ["a stage before accepted_at"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "before.csv", Rows(TestFiles.Application().With("plan_replied_at", "2021-09-21 09:00"))),
            IngestErrorCode.BeforeAccepted, 2, "plan_replied_at", "2021-09-21 09:00"),
        ["status connected without connected_at"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "connected.csv", Rows(TestFiles.Application().With("connected_at", ""))), IngestErrorCode.StatusMismatch, 2, "connected_at", null),
        ["a duplicated key"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "dupkey.csv", Rows(TestFiles.Application("A-1"), TestFiles.Application("A-2"), TestFiles.Application("A-1"))),
            IngestErrorCode.DuplicateKey, 4, "application_id", "A-1"),
        ["an invalid ID number"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "id.csv", Rows(TestFiles.Application().With("id_number", "141002199001011230"))),
            IngestErrorCode.InvalidIdNumber, 2, "id_number", "1410**********1230"),
        ["outage steps that disagree on their start"] = d => new(FilingKind.Outages,
            TestFiles.Csv(d, "steps-start.csv", Rows(TestFiles.Outage("O-1", "2021-07-01 11:00", "50"), TestFiles.Outage("O-1", "2021-07-01 12:00", "70").With("start_at", "2021-07-01 10:05"))),
            IngestErrorCode.InconsistentOutage, 3, "start_at", "2021-07-01 10:05"),
        ["outage steps that disagree on their kind"] = d => new(FilingKind.Outages,
            TestFiles.Csv(d, "steps-kind.csv", Rows(TestFiles.Outage("O-1", "2021-07-01 11:00", "50"), TestFiles.Outage("O-1", "2021-07-01 12:00", "70").With("kind", "planned"))),
            IngestErrorCode.InconsistentOutage, 3, "kind", "planned"),
        // Issue 13: hostile text (both stores must refuse it with a located error, never store it).
        ["a NUL byte in a field"] = d => new(FilingKind.Applications,
            TestFiles.Csv(d, "nul.csv", Rows(TestFiles.Application("A-1"), TestFiles.Application("A-2").With("county", "尧都\0区"))),
            IngestErrorCode.InvalidText, 3, "county", "尧都␀区"),
        ["a terminal escape sequence in a field"] = d => new(FilingKind.Outages,
            TestFiles.Csv(d, "esc.csv", Rows(TestFiles.Outage().With("feeder", "\u001B[2J\u001B]0;x\u0007"))),
            IngestErrorCode.InvalidText, 2, "feeder", "␛[2J␛]0;x␇"),
        ["a UTF-8 line in a GBK file"] = d =>
        {
            var path = d.File("mixed.csv");
            File.WriteAllBytes(path, [
                .. TestFiles.Gb18030.GetBytes("统计期,供电企业,县（市、区）,供电区域,用户数\r\n2021,国网临汾,尧都区,rural,1500\r\n"),
                .. System.Text.Encoding.UTF8.GetBytes("2022,sgcc-linfen,尧都区,rural,1600\r\n")]);
            return new(FilingKind.Customers, path, IngestErrorCode.InvalidEncoding, 3, "县（市、区）", "尧都区");
        },
        ["an XLSX formula without a saved value"] = d => new(FilingKind.Customers,
            Reading.HandMadeXlsx.Write(d.File("formula.xlsx"), Reading.HandMadeXlsx.Customers(Reading.HandMadeXlsx.F("C2", "REPT(\"A\",300000000)"))),
            IngestErrorCode.FormulaWithoutValue, 2, "county", "=REPT(\"A\",300000000)"),
        ["an XLSX decompression bomb"] = d => new(FilingKind.Customers,
            Reading.HandMadeXlsx.Write(d.File("bomb.xlsx"), Reading.HandMadeXlsx.Customers(), new Dictionary<string, Action<Stream>>
            {
                ["xl/sharedStrings.xml"] = s => { var block = new byte[1 << 20]; Array.Fill(block, (byte)'A'); for (var i = 0; i < 100; i++) s.Write(block); },
            }), IngestErrorCode.TooLarge, null, null, null),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys) data.Add(name);
        return data;
    }

    public static Case Make(string name, TempFolder dir) => Cases[name](dir);

    private static string Header(Dictionary<string, string> row) => string.Join(",", row.Keys);

    private static string Line(Dictionary<string, string> row) => string.Join(",", row.Values.Select(TestFiles.Quote));
}
