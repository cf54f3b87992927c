using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Fuzz;

/// <summary>
/// Issue 13, the fuzz test: mutated CSV and XLSX files (from the sample data set) go through
/// <c>analytics ingest</c> in-process on an embedded store. Whatever the bytes, the exit code is 0 or 1
/// (never 4, never an unhandled exception or a stack trace), a refused file leaves every table of the
/// store exactly as it was, and no case allocates more than <see cref="MaxAllocatedPerCase"/> on the
/// ingesting thread. A fixed seed and a fixed number of cases: a failure names its case and replays.
/// </summary>
public sealed class IngestFuzzTests : IDisposable
{
    private const ulong Seed = 20_261_126;
    private const int CsvCases = 160;
    private const int XlsxCases = 60;
    private const long MaxAllocatedPerCase = 500L << 20;

    private static readonly (string Kind, string File)[] CsvSeeds =
        [("customers", "customers.csv"), ("notes", "notes.csv"), ("outages", "outages.csv"), ("applications", "applications-revised.csv")];

    private static readonly (string Kind, string File)[] XlsxSeeds =
        [("customers", "customers.xlsx"), ("notes", "notes.xlsx"), ("outages", "outages.xlsx"), ("applications", "applications-revised.xlsx")];

    private static readonly byte[][] Hostile =
    [
        [0], [0x1B, (byte)'[', (byte)'2', (byte)'J'], [(byte)'"'], [(byte)','], [(byte)'\r', (byte)'\n'], [0xFF, 0xFE], [0xC3, 0x28],
        [0xE4, 0xB8], Encoding.UTF8.GetBytes("尧都区"), Encoding.UTF8.GetBytes("=cmd|' /C calc'!A0"), [0xEF, 0xBB, 0xBF],
        Encoding.ASCII.GetBytes(new string('x', 40_000)), Encoding.ASCII.GetBytes(new string('9', 400)), [0x81, 0x30, 0x81, 0x30],
    ];

    private readonly TempDir _dir = new();
    private readonly ITestOutputHelper _output;

    public IngestFuzzTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _dir.Dispose();

    private string Store => _dir.File("store.db");

    /// <summary>One mutation: which seed, what to do, where, with what.</summary>
    private sealed record Mutation(int Seed, int Op, double At, double Length, int Token, int Count)
    {
        public override string ToString() => $"seed {Seed}, op {Op}, at {At:F3}, length {Length:F3}, token {Token}, count {Count}";
    }

    private static readonly Gen<Mutation> Mutations =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 7], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Hostile.Length - 1], Gen.Int[1, 8],
            (s, op, at, len, token, count) => new Mutation(s, op, at, len, token, count));

    [Fact]
    public void Mutated_CSV_and_XLSX_files_exit_0_or_1_leave_the_store_unchanged_when_refused_and_stay_in_bounded_memory()
    {
        var root = SampleData();
        // A store with data, so "unchanged" means something.
        Assert.Equal(0, Ingest("customers", Path.Combine(root, "csv", "customers.csv")).ExitCode);
        Assert.Equal(0, Ingest("notes", Path.Combine(root, "csv", "notes.csv")).ExitCode);
        var csvSeeds = CsvSeeds.Select(s => (s.Kind, Bytes: FirstLines(File.ReadAllBytes(Path.Combine(root, "csv", s.File)), 40))).ToArray();
        var xlsxSeeds = XlsxSeeds.Select(s => (s.Kind, Bytes: File.ReadAllBytes(Path.Combine(root, "xlsx", s.File)))).ToArray();

        var pcg = new PCG(1, Seed);
        var exits = new int[2];
        long maxAllocated = 0;
        var clock = Stopwatch.StartNew();
        var fingerprint = Fingerprint();
        for (var i = 0; i < CsvCases + XlsxCases; i++)
        {
            var m = Mutations.Generate(pcg, null, out _);
            var csv = i < CsvCases;
            var (kind, seed) = csv ? csvSeeds[m.Seed] : xlsxSeeds[m.Seed];
            var bytes = csv ? MutateText(seed, m) : MutateWorkbook(seed, m);
            var path = _dir.File($"case{i}.{(csv ? "csv" : "xlsx")}");
            File.WriteAllBytes(path, bytes);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var r = Ingest(kind, path);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            maxAllocated = Math.Max(maxAllocated, allocated);

            var what = $"case {i} ({kind}, {(csv ? "CSV" : "XLSX")}, {m}): exit {r.ExitCode}\n{Head(r.Err)}";
            Assert.True(r.ExitCode is 0 or 1, what);
            Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", r.Err, StringComparison.Ordinal);
            Assert.True(allocated < MaxAllocatedPerCase, $"{what}\nallocated {allocated >> 20} MiB");
            var now = Fingerprint();
            if (r.ExitCode == 1) Assert.True(now == fingerprint, "a refused file changed the store: " + what);
            fingerprint = now;
            exits[r.ExitCode]++;
            File.Delete(path);
        }
        _output.WriteLine($"{CsvCases + XlsxCases} cases in {clock.Elapsed.TotalSeconds:F1} s: {exits[0]} loaded, {exits[1]} refused; most allocated by one case {maxAllocated >> 20} MiB");
        // The mutations are neither all harmless nor all fatal, or the test would prove little.
        Assert.True(exits[0] > 0 && exits[1] > 0, $"exits: {exits[0]} × 0, {exits[1]} × 1");
    }

    private CliRunner.Result Ingest(string kind, string path) =>
        CliRunner.Run("ingest", kind, path, "--store", Store, "--key-file", _dir.File("customer.key"));

    // ---- mutations ----

    private static byte[] MutateText(byte[] seed, Mutation m)
    {
        var b = new List<byte>(seed);
        var at = (int)(m.At * b.Count);
        var rng = new Random(HashCode.Combine(m.At, m.Length, m.Count));
        switch (m.Op)
        {
            case 0 or 1: // flip bytes
                for (var k = 0; k < m.Count; k++) b[rng.Next(b.Count)] = (byte)rng.Next(256);
                break;
            case 2 or 3 or 4: // insert a hostile token
                b.InsertRange(at, Hostile[m.Token]);
                break;
            case 5: // delete a range
                b.RemoveRange(at, Math.Min(b.Count - at, (int)(m.Length * 200)));
                break;
            case 6: // duplicate a slice
                var slice = b.GetRange(at, Math.Min(b.Count - at, (int)(m.Length * 300)));
                b.InsertRange(rng.Next(b.Count), slice);
                break;
            default: // truncate
                b.RemoveRange(at, b.Count - at);
                break;
        }
        return [.. b];
    }

    private static byte[] MutateWorkbook(byte[] seed, Mutation m)
    {
        switch (m.Op)
        {
            case 0: // flip bytes of the package itself
                return MutateText(seed, m with { Op = 0 });
            case 1: // truncate the package
                return MutateText(seed, m with { Op = 7 });
            default: // mutate the XML of a part, replace a part with a bomb, or drop it
                using (var ms = new MemoryStream())
                {
                    ms.Write(seed);
                    using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
                    {
                        var parts = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
                        var entry = parts.FirstOrDefault(e => e.FullName.Contains("sheet", StringComparison.Ordinal) && m.Op is 2 or 3 or 4)
                            ?? parts[(int)(m.At * parts.Count) % parts.Count];
                        var name = entry.FullName;
                        string xml;
                        using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
                        entry.Delete();
                        if (m.Op == 7) return ms.ToArray(); // a part gone
                        var fresh = zip.CreateEntry(name, CompressionLevel.SmallestSize);
                        using var w = fresh.Open();
                        switch (m.Op)
                        {
                            case 2: // a formula without a saved value in place of a value
                                var v = xml.IndexOf("<v>", StringComparison.Ordinal);
                                var end = v < 0 ? -1 : xml.IndexOf("</v>", v, StringComparison.Ordinal);
                                w.Write(Encoding.UTF8.GetBytes(end < 0 ? xml : xml[..v] + "<f>REPT(\"A\",300000000)</f>" + xml[(end + 4)..]));
                                break;
                            case 3: // a control character escaped the OOXML way, inside text
                                var t = xml.IndexOf("<t", StringComparison.Ordinal);
                                var close = t < 0 ? -1 : xml.IndexOf('>', t);
                                w.Write(Encoding.UTF8.GetBytes(close < 0 ? xml : xml[..(close + 1)] + "_x0000__x001B_" + xml[(close + 1)..]));
                                break;
                            case 4: // hostile bytes inside the XML
                                w.Write(MutateText(Encoding.UTF8.GetBytes(xml), m with { Op = 2 }));
                                break;
                            case 5: // a bomb: the part inflates to 200 MB
                                var block = new byte[1 << 20];
                                Array.Fill(block, (byte)' ');
                                for (var k = 0; k < 200; k++) w.Write(block);
                                break;
                            default: // bytes of the XML flipped
                                w.Write(MutateText(Encoding.UTF8.GetBytes(xml), m with { Op = 0 }));
                                break;
                        }
                    }
                    return ms.ToArray();
                }
        }
    }

    // ---- the store's fingerprint: every row of every table ----

    private string Fingerprint()
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var tables = new List<string>();
        using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var r = list.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\u0001" + table));
            using var rows = db.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var r = rows.ExecuteReader();
            var lines = new List<string>();
            while (r.Read())
            {
                var sb = new StringBuilder();
                for (var c = 0; c < r.FieldCount; c++)
                    sb.Append(r.IsDBNull(c) ? "\u0002" : Convert.ToString(r.GetValue(c) is byte[] blob ? Convert.ToHexString(blob) : r.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)).Append('\u0003');
                lines.Add(sb.ToString());
            }
            lines.Sort(StringComparer.Ordinal); // a table's row order is not part of its content
            foreach (var line in lines) hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // ---- helpers ----

    private static string SampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "sample-data");
            if (Directory.Exists(Path.Combine(candidate, "csv"))) return candidate;
        }
        throw new DirectoryNotFoundException("sample-data not found above " + AppContext.BaseDirectory);
    }

    private static byte[] FirstLines(byte[] bytes, int lines)
    {
        var end = 0;
        for (var n = 0; n < lines && end < bytes.Length; n++)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', end);
            end = nl < 0 ? bytes.Length : nl + 1;
        }
        return bytes[..end];
    }

    private static string Head(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
