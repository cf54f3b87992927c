using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Domain.Registry;
using Analytics.Reports.Common;
using ClosedXML.Excel;

namespace Analytics.Reports.Ledger;

/// <summary>
/// Reads a county's filed weekly ledger (工作台账, 四、1) back: the 工作进展 sheet becomes one
/// <see cref="LedgerNote"/> per task row the county filled. The county and Thursday come from the very
/// hidden 台账信息 sheet written with the ledger, or, when a spreadsheet program dropped it, from the title
/// of 工作进展 (<c>尧都区工作进展（2026-11-26报送）</c>). Anything that is not such a workbook is refused
/// with every problem located (<see cref="LedgerReadException"/>).
/// </summary>
/// <remarks>
/// Header names are matched case-, white-space- and bracket-width-insensitively, in any column order.
/// A row counts when any of 进展情况, 状态, 存在问题 is filled; its task is the 任务 cell (<c>任务3</c>, or
/// just <c>3</c>) or, for a free row, the 任务名称 the county typed. 进展情况 and 存在问题 travel together in
/// <see cref="LedgerNote.Text"/> (<see cref="LedgerNoteText"/>).
/// </remarks>
public static partial class LedgerReader
{
    /// <summary>Reads the workbook at <paramref name="path"/>.</summary>
    /// <exception cref="LedgerReadException">Not a readable ledger; every problem located.</exception>
    public static FiledLedger Read(string path, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try { stream = File.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerReadException(path, [new(path, null, 0, null, $"cannot open the file: {e.Message}")], e);
        }
        using (stream) return Read(stream, Path.GetFileName(path), registries);
    }

    /// <summary>Reads a workbook from a stream; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="LedgerReadException">Not a readable ledger; every problem located.</exception>
    public static FiledLedger Read(Stream stream, string source, Registries registries)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registries);
        if (PackageProblem(stream) is { } problem)
            throw new LedgerReadException(source, [new(source, null, 0, null, "refused: " + problem)]);
        XLWorkbook wb;
        try { wb = new XLWorkbook(stream); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and the OpenXML SDK throw many types for a file that is not a workbook.
            throw new LedgerReadException(source, [new(source, null, 0, null, "not an XLSX workbook: a weekly ledger is the .xlsx file `analytics ledger` writes.")], e);
        }
        using (wb) return Read(wb, source, registries);
    }

    /// <summary>Largest ledger file, in bytes (a ledger is tens of kilobytes).</summary>
    public const long MaxFileBytes = 32L << 20;

    /// <summary>Largest inflated size of one part of the workbook, and of all parts together, in bytes.</summary>
    public const long MaxPartBytes = 48L << 20, MaxInflatedBytes = 64L << 20;

    /// <summary>Largest compression ratio of a part larger than 1 MiB.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>
    /// Inspects the ZIP before ClosedXML reads it (the same bounds as the template files': see
    /// Analytics.Ingest.Reading.XlsxPackageGuard and docs/input-bounds.md), so that a decompression bomb
    /// is refused after inflating at most <see cref="MaxPartBytes"/>: every part is inflated and its bytes
    /// counted, the ZIP directory's sizes are not trusted alone. A stream that is not a ZIP passes (ClosedXML
    /// refuses it). Leaves a seekable stream at its start.
    /// </summary>
    private static string? PackageProblem(Stream stream)
    {
        if (!stream.CanSeek) return null; // File.OpenRead and the CLI's MemoryStream are seekable
        if (stream.Length > MaxFileBytes)
            return string.Create(CultureInfo.InvariantCulture, $"the file is larger than {MaxFileBytes >> 20} MiB; a weekly ledger is tens of kilobytes.");
        var buffer = new byte[1 << 16];
        var start = stream.Position;
        try
        {
            System.IO.Compression.ZipArchive zip;
            try { zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true); }
            catch (InvalidDataException) { return null; } // not a ZIP: ClosedXML says so
            using (zip)
            {
                if (zip.Entries.Count > 10_000) return "the workbook holds more than 10,000 parts; a ledger has a few dozen.";
                long total = 0;
                foreach (var entry in zip.Entries)
                {
                    var name = string.Concat(entry.FullName.Take(80).Select(c => char.IsControl(c) ? '?' : c));
                    long counted = 0;
                    try
                    {
                        using var part = entry.Open();
                        int n;
                        while ((n = part.Read(buffer, 0, buffer.Length)) > 0)
                        {
                            counted += n;
                            total += n;
                            if (counted > MaxPartBytes || total > MaxInflatedBytes
                                || (counted > 1L << 20 && counted > (double)MaxCompressionRatio * Math.Max(1, entry.CompressedLength)))
                                return string.Create(CultureInfo.InvariantCulture,
                                    $"the part {name} inflates to more than {counted >> 20} MiB from {entry.CompressedLength:N0} bytes stored: a decompression bomb, not a ledger `analytics ledger` writes.");
                        }
                    }
                    catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
                    {
                        return $"the part {name} cannot be read (a damaged or forged ZIP).";
                    }
                    if (counted != entry.Length)
                        return $"the part {name} declares another size than it holds: the ZIP directory does not match its contents.";
                }
            }
            return null;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static FiledLedger Read(XLWorkbook wb, string source, Registries registries)
    {
        var errors = new List<LedgerReadError>();
        var sheetName = LedgerLayout.ProgressSheet;
        if (!wb.Worksheets.TryGetWorksheet(sheetName, out var ws))
        {
            var names = string.Join("、", wb.Worksheets.Select(s => s.Name));
            throw new LedgerReadException(source,
                [new(source, null, 0, null, $"no sheet {sheetName}: this is not a weekly ledger (工作台账). Its sheets: {names}.")]);
        }

        var (county, thursday) = Identify(wb, ws, source, registries, errors);
        var columns = Headers(ws, source, errors);
        if (errors.Count > 0 || county is null || thursday is null || columns is null)
            throw new LedgerReadException(source, errors);

        var notes = new List<LedgerNote>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        // The rows in use only: a hostile file with one cell on row 1,048,576 must not make a million rows.
        foreach (var used in ws.RowsUsed())
        {
            var r = used.RowNumber();
            if (r <= columns.HeaderRow) continue;
            var text = CellText(ws.Cell(r, columns.Text), source, errors, lineBreaks: true);
            var status = CellText(ws.Cell(r, columns.Status), source, errors);
            var problems = CellText(ws.Cell(r, columns.Problems), source, errors, lineBreaks: true);
            if (text.Length == 0 && status.Length == 0 && problems.Length == 0) continue;
            var task = TaskKey(CellText(ws.Cell(r, columns.Task), source, errors));
            if (task.Length == 0 && columns.Title > 0) task = CellText(ws.Cell(r, columns.Title), source, errors);
            if (task.Length == 0)
            {
                errors.Add(new(source, sheetName, r, LedgerLayout.HeaderTask,
                    $"the row has progress but no task: write the task ({LedgerLayout.HeaderTask}, e.g. 任务3) or, for other work, a {LedgerLayout.HeaderTitle}."));
                continue;
            }
            if (seen.TryGetValue(task, out var first))
            {
                errors.Add(new(source, sheetName, r, LedgerLayout.HeaderTask,
                    string.Create(CultureInfo.InvariantCulture, $"{task} appears twice (first on row {first}); write each task once.")));
                continue;
            }
            seen[task] = r;
            if (status.Length > 0 && !LedgerLayout.Statuses.Contains(status, StringComparer.Ordinal))
            {
                // The sheet offers a list; a status outside it ("进行中") would be counted as nothing the roll-up knows.
                var near = LedgerLayout.Statuses.FirstOrDefault(x => x.Length == status.Length && x[^1] == status[^1]);
                errors.Add(new(source, sheetName, r, LedgerLayout.HeaderStatus,
                    $"状态“{status}”不在下拉列表中，应为{string.Join("、", LedgerLayout.Statuses)}之一" + (near is null ? "。" : $"（是否指“{near}”？）")));
                continue;
            }
            notes.Add(new LedgerNote
            {
                County = county.Code,
                Thursday = thursday.Value,
                Task = task,
                Text = LedgerNoteText.Compose(text, problems),
                Status = status.Length == 0 ? null : status,
            });
        }
        if (errors.Count > 0) throw new LedgerReadException(source, errors);
        return new FiledLedger(county, thursday.Value, notes);
    }

    private sealed record Columns(int HeaderRow, int Task, int Title, int Text, int Status, int Problems);

    /// <summary>Finds the header row (within the first rows) and the columns by name.</summary>
    private static Columns? Headers(IXLWorksheet ws, string source, List<LedgerReadError> errors)
    {
        string[] required = [LedgerLayout.HeaderTask, LedgerLayout.HeaderText, LedgerLayout.HeaderStatus, LedgerLayout.HeaderProblems];
        for (var r = 1; r <= 10; r++)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            // Only the cells in use: asking ClosedXML for an empty cell creates it.
            foreach (var cell in ws.Row(r).CellsUsed())
            {
                var h = Codes.Normalize(CellText(cell, source, errors));
                if (h.Length > 0) map.TryAdd(h, cell.Address.ColumnNumber);
            }
            if (!map.ContainsKey(Codes.Normalize(LedgerLayout.HeaderText))) continue;
            var missing = required.Where(h => !map.ContainsKey(Codes.Normalize(h))).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new(source, ws.Name, r, null,
                    $"the header row lacks {string.Join(", ", missing)}; expected the columns {string.Join(", ", LedgerLayout.ProgressColumns.Select(c => c.Header))}."));
                return null;
            }
            int Col(string h) => map.TryGetValue(Codes.Normalize(h), out var c) ? c : 0;
            return new Columns(r, Col(LedgerLayout.HeaderTask), Col(LedgerLayout.HeaderTitle), Col(LedgerLayout.HeaderText),
                Col(LedgerLayout.HeaderStatus), Col(LedgerLayout.HeaderProblems));
        }
        errors.Add(new(source, ws.Name, 0, null,
            $"no header row with {LedgerLayout.HeaderText} in the first 10 rows; expected the columns {string.Join(", ", LedgerLayout.ProgressColumns.Select(c => c.Header))}."));
        return null;
    }

    /// <summary>County and Thursday from the metadata sheet, else from the title; both must agree when both are there.</summary>
    private static (RegistryEntry?, DateOnly?) Identify(XLWorkbook wb, IXLWorksheet ws, string source, Registries registries,
        List<LedgerReadError> errors)
    {
        RegistryEntry? metaCounty = null;
        DateOnly? metaDate = null;
        if (wb.Worksheets.TryGetWorksheet(LedgerLayout.MetaSheet, out var meta))
        {
            var values = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
            foreach (var used in meta.RowsUsed())
            {
                var r = used.RowNumber();
                values.TryAdd(CellText(meta.Cell(r, 1), source, errors), (CellText(meta.Cell(r, 2), source, errors), r));
            }
            if (values.TryGetValue(LedgerLayout.KeyCountyCode, out var code))
            {
                if (registries.TryCounty(code.Value, out var c)) metaCounty = c;
                else errors.Add(new(source, meta.Name, code.Row, "B", $"unknown county \"{code.Value}\". Known: {registries.AcceptedCounties}"));
            }
            if (values.TryGetValue(LedgerLayout.KeyThursday, out var day))
            {
                if (DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) metaDate = d;
                else errors.Add(new(source, meta.Name, day.Row, "B", $"\"{day.Value}\" is not a date yyyy-MM-dd."));
            }
        }

        var title = CellText(ws.Cell(WorksheetLayout.TitleRow, 1), source, errors);
        RegistryEntry? titleCounty = null;
        DateOnly? titleDate = null;
        var m = TitlePattern().Match(title);
        if (m.Success)
        {
            if (registries.TryCounty(m.Groups["county"].Value, out var c)) titleCounty = c;
            if (DateOnly.TryParseExact(m.Groups["date"].Value, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                titleDate = d;
        }

        if (metaCounty is not null && titleCounty is not null && metaCounty.Code != titleCounty.Code)
            errors.Add(new(source, ws.Name, WorksheetLayout.TitleRow, "A",
                $"the title names {titleCounty.Name} but the ledger was written for {metaCounty.Name}; file each county's own ledger."));
        if (metaDate is not null && titleDate is not null && metaDate != titleDate)
            errors.Add(new(source, ws.Name, WorksheetLayout.TitleRow, "A",
                $"the title names {ReportFormats.Date(titleDate.Value)} but the ledger was written for {ReportFormats.Date(metaDate.Value)}."));

        var county = metaCounty ?? titleCounty;
        var thursday = metaDate ?? titleDate;
        if (county is null || thursday is null)
        {
            errors.Add(new(source, ws.Name, WorksheetLayout.TitleRow, "A",
                $"cannot tell which county and Thursday this ledger is for: the hidden sheet {LedgerLayout.MetaSheet} is missing and the title \"{title}\" "
                + $"is not of the form {LedgerLayout.ProgressTitle("尧都区", new DateOnly(2026, 11, 26))}."));
            return (null, null);
        }
        if (thursday.Value.DayOfWeek != DayOfWeek.Thursday)
        {
            var (before, after) = LedgerWeek.NearestThursdays(thursday.Value);
            errors.Add(new(source, ws.Name, WorksheetLayout.TitleRow, "A",
                $"{ReportFormats.Date(thursday.Value)} is not a Thursday (nearest: {ReportFormats.Date(before)}, {ReportFormats.Date(after)}); ledgers are due on Thursdays."));
            return (county, null);
        }
        return (county, thursday);
    }

    /// <summary><c>任务 3</c>, <c>3</c> → <c>任务3</c>; anything else as typed (trimmed).</summary>
    private static string TaskKey(string text)
    {
        var t = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (t.Length == 0) return "";
        if (t.All(char.IsAsciiDigit)) return "任务" + t.TrimStart('0');
        return t.StartsWith("任务", StringComparison.Ordinal) && t.Length > 2 && t[2..].All(char.IsAsciiDigit)
            ? "任务" + t[2..].TrimStart('0')
            : text.Trim();
    }

    /// <summary>
    /// A cell as text, never through the machine's culture, and never by evaluating a formula: a formula
    /// cell gives the value Excel saved, and one without a saved value is an error (a hostile formula can
    /// exhaust the stack or the memory when computed). Text with control characters (line breaks only
    /// where <paramref name="lineBreaks"/>) or longer than <see cref="MaxCellChars"/> is an error too.
    /// </summary>
    private static string CellText(IXLCell cell, string source, List<LedgerReadError> errors, bool lineBreaks = false)
    {
        string text;
        if (cell.HasFormula)
        {
            var cached = cell.CachedValue;
            if (cached is null)
            {
                CellError(cell, source, errors, "holds a formula without a saved value; formulas are not computed here. Open the file in Excel (which calculates and saves the values) and save it again, or paste the values instead of the formulas.");
                return "";
            }
            text = cached switch
            {
                double d => d.ToString(CultureInfo.InvariantCulture),
                DateTime t => ReportFormats.Date(DateOnly.FromDateTime(t)),
                bool b => ReportLabels.YesNo(b),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => cached.ToString() ?? "",
            };
        }
        else
        {
            text = cell.DataType switch
            {
                XLDataType.Number when cell.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
                XLDataType.DateTime when cell.TryGetValue<DateTime>(out var t) => ReportFormats.Date(DateOnly.FromDateTime(t)),
                XLDataType.Boolean when cell.TryGetValue<bool>(out var b) => ReportLabels.YesNo(b),
                _ => cell.GetString(),
            };
        }
        if (text.Length > MaxCellChars)
        {
            CellError(cell, source, errors, string.Create(CultureInfo.InvariantCulture,
                $"is {text.Length:N0} characters long; a cell holds at most {MaxCellChars:N0} (Excel's own limit)."));
            return "";
        }
        var at = text.AsSpan().IndexOfAny(lineBreaks ? ControlsBesidesLineBreaks : Controls);
        if (at >= 0)
        {
            CellError(cell, source, errors, string.Create(CultureInfo.InvariantCulture,
                $"holds the control character U+{(int)text[at]:X4} at character {at + 1}; text may hold tabs{(lineBreaks ? " and line breaks" : "")} but no other control characters."));
            return "";
        }
        return text.Trim();
    }

    /// <summary>Longest text of one cell (Excel's own limit).</summary>
    public const int MaxCellChars = 32_767;

    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(ControlChars(lineBreaks: false));
    private static readonly System.Buffers.SearchValues<char> ControlsBesidesLineBreaks = System.Buffers.SearchValues.Create(ControlChars(lineBreaks: true));

    private static string ControlChars(bool lineBreaks)
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
            if (c != '\t' && (!lineBreaks || (c != '\r' && c != '\n'))) chars.Add(c);
        for (var c = '\u007F'; c <= '\u009F'; c++) chars.Add(c);
        chars.Add('\uFFFD');
        return new string(chars.ToArray());
    }

    private static void CellError(IXLCell cell, string source, List<LedgerReadError> errors, string message)
    {
        var sheet = cell.Worksheet.Name;
        var row = cell.Address.RowNumber;
        var column = cell.Address.ColumnLetter;
        if (errors.Exists(e => e.Row == row && e.Column == column && string.Equals(e.Sheet, sheet, StringComparison.Ordinal))) return;
        errors.Add(new(source, sheet, row, column, $"{cell.Address.ToStringRelative()} {message}"));
    }

    [GeneratedRegex(@"^\s*(?<county>\S+?)\s*工作进展\s*[（(]\s*(?<date>\d{4}-\d{1,2}-\d{1,2})\s*报送\s*[）)]")]
    private static partial Regex TitlePattern();
}
