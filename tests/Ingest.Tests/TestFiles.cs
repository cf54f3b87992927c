using System.Text;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Ingest.Personal;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Templates;
using ClosedXML.Excel;

namespace Analytics.Ingest.Tests;

/// <summary>A temporary folder for the files a test writes; removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ingest-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string KeyFile => File("customer.key");

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Builds template rows and writes them as CSV or XLSX, the way a utility or a clerk would.</summary>
public static class TestFiles
{
    /// <summary>The load time the tests use (China local time).</summary>
    public static readonly DateTime LoadedAt = new(2022, 3, 1, 9, 0, 0);

    /// <summary>A good application row, connected, 10kV, with every stage filled in order.</summary>
    public static Dictionary<string, string> Application(string id = "A-001") => new()
    {
        ["application_id"] = id,
        ["utility"] = "sgcc-linfen",
        ["county"] = "yaodu",
        ["area"] = "urban",
        ["customer_type"] = "non_residential",
        ["voltage"] = "10kv",
        ["power_sources"] = "1",
        ["capacity_kw"] = "250",
        ["three_zero"] = "N",
        ["small_micro"] = "",
        ["important_user"] = "N",
        ["channel"] = "online",
        ["e_contract"] = "Y",
        ["materials"] = "id_card;property_cert",
        ["fee_yuan"] = "0",
        ["customer_investment_yuan"] = "12000",
        ["status"] = "connected",
        ["record_created_at"] = "2021-09-22 10:00",
        ["accepted_at"] = "2021-09-22 10:30",
        ["plan_replied_at"] = "2021-09-24 09:00",
        ["design_review_start"] = "",
        ["design_review_end"] = "",
        ["customer_works_start"] = "2021-09-25 08:00",
        ["customer_works_end"] = "2021-10-05 17:00",
        ["mid_check_start"] = "",
        ["mid_check_end"] = "",
        ["external_works_start"] = "2021-09-27 08:00",
        ["external_works_end"] = "2021-10-08 18:00",
        ["approval_submitted_at"] = "2021-09-26 09:00",
        ["approval_granted_at"] = "2021-09-28 16:00",
        ["approval_mode"] = "notify_commit",
        ["completion_check_start"] = "2021-10-11 09:00",
        ["completion_check_end"] = "2021-10-11 11:00",
        ["connected_at"] = "2021-10-12 15:00",
        ["paused_days"] = "0",
        ["withdrawn_at"] = "",
        ["previous_application_id"] = "",
        ["customer_name"] = "",
        ["id_number"] = "",
        ["phone"] = "",
    };

    public static Dictionary<string, string> Outage(string id = "O-1", string end = "2021-07-01 12:00", string customers = "120") => new()
    {
        ["outage_id"] = id,
        ["utility"] = "sgcc-linfen",
        ["county"] = "houma",
        ["area"] = "town",
        ["feeder"] = "10kV 城关线",
        ["kind"] = "fault",
        ["cause"] = "",
        ["start_at"] = "2021-07-01 10:00",
        ["end_at"] = end,
        ["customers"] = customers,
        ["notified_at"] = "",
        ["notify_channels"] = "",
    };

    public static Dictionary<string, string> Customers(string period = "2021", string county = "yaodu", string customers = "152,300") => new()
    {
        ["period"] = period,
        ["utility"] = "sgcc-linfen",
        ["county"] = county,
        ["area"] = "urban",
        ["customers"] = customers,
    };

    public static Dictionary<string, string> Note(string section = "progress", string text = "按计划推进。") => new()
    {
        ["utility"] = "sgcc-linfen",
        ["half"] = "2021H2",
        ["section"] = section,
        ["text"] = text,
    };

    /// <summary>An 18-character ID number with a correct GB 11643 check character.</summary>
    public static string IdNumber(string first17 = "14100219900101123")
    {
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * w[i];
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>Writes rows (header from the first row's keys) as CSV with RFC 4180 quoting.</summary>
    public static string Csv(TempFolder dir, string name, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, Encoding? encoding = null, IReadOnlyDictionary<string, string>? rename = null)
    {
        var header = rows[0].Keys.ToList();
        var lines = new List<string> { string.Join(",", header.Select(h => Quote(rename is not null && rename.TryGetValue(h, out var r) ? r : h))) };
        lines.AddRange(rows.Select(row => string.Join(",", header.Select(h => Quote(row.TryGetValue(h, out var v) ? v : "")))));
        return Text(dir, name, string.Join("\r\n", lines) + "\r\n", encoding);
    }

    /// <summary>Writes text as a file (UTF-8 without BOM unless told).</summary>
    public static string Text(TempFolder dir, string name, string text, Encoding? encoding = null)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public static string Quote(string v) =>
        v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;

    /// <summary>Writes rows to a sheet, header in <paramref name="headerRow"/>, every value as text.</summary>
    public static string Xlsx(TempFolder dir, string name, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string sheet = "Sheet1", int headerRow = 1, Action<IXLWorksheet>? edit = null)
    {
        var path = dir.File(name);
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet(sheet);
        var header = rows[0].Keys.ToList();
        for (var c = 0; c < header.Count; c++) ws.Cell(headerRow, c + 1).SetValue(header[c]);
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < header.Count; c++)
            {
                var v = rows[r].TryGetValue(header[c], out var s) ? s : "";
                if (v.Length > 0) ws.Cell(headerRow + 1 + r, c + 1).SetValue(v);
            }
        edit?.Invoke(ws);
        wb.SaveAs(path);
        return path;
    }

    public static TemplateContext Context(TempFolder dir, Registries? registries = null) =>
        new(registries ?? Registries.Default, LoadedAt, () => CustomerKeyring.OpenOrCreate(dir.KeyFile));

    public static TemplateReadResult Read(TempFolder dir, FilingKind kind, string path) =>
        TemplateReader.Read(kind, path, Context(dir));

    /// <summary>The one error of a result; fails with all of them listed when there is not exactly one.</summary>
    public static IngestError OnlyError(TemplateReadResult result)
    {
        Assert.True(result.Errors.Count == 1, "expected one error, got: " + string.Join(" | ", result.Errors));
        return result.Errors[0];
    }

    public static Dictionary<string, string> With(this Dictionary<string, string> row, string column, string value)
    {
        var copy = new Dictionary<string, string>(row) { [column] = value };
        return copy;
    }

    public static Dictionary<string, string> Without(this Dictionary<string, string> row, string column)
    {
        var copy = new Dictionary<string, string>(row);
        copy.Remove(column);
        return copy;
    }

    /// <summary>Makes sure the GB18030 encoding is available to the test itself.</summary>
    public static Encoding Gb18030 => TextEncodings.Gb18030;
}
