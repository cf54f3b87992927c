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
        XLWorkbook wb;
        try { wb = new XLWorkbook(stream); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and the OpenXML SDK throw many types for a file that is not a workbook.
            throw new LedgerReadException(source, [new(source, null, 0, null, "not an XLSX workbook: a weekly ledger is the .xlsx file `analytics ledger` writes.")], e);
        }
        using (wb) return Read(wb, source, registries);
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
        var last = ws.LastRowUsed()?.RowNumber() ?? columns.HeaderRow;
        for (var r = columns.HeaderRow + 1; r <= last; r++)
        {
            var text = CellText(ws.Cell(r, columns.Text));
            var status = CellText(ws.Cell(r, columns.Status));
            var problems = CellText(ws.Cell(r, columns.Problems));
            if (text.Length == 0 && status.Length == 0 && problems.Length == 0) continue;
            var task = TaskKey(CellText(ws.Cell(r, columns.Task)));
            if (task.Length == 0 && columns.Title > 0) task = CellText(ws.Cell(r, columns.Title));
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
        var lastCol = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var r = 1; r <= 10; r++)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 1; c <= lastCol; c++)
            {
                var h = Codes.Normalize(CellText(ws.Cell(r, c)));
                if (h.Length > 0) map.TryAdd(h, c);
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
            var last = meta.LastRowUsed()?.RowNumber() ?? 0;
            for (var r = 1; r <= last; r++)
                values.TryAdd(CellText(meta.Cell(r, 1)), (CellText(meta.Cell(r, 2)), r));
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

        var title = CellText(ws.Cell(WorksheetLayout.TitleRow, 1));
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

    /// <summary>A cell as text, never through the machine's culture.</summary>
    private static string CellText(IXLCell cell) => cell.DataType switch
    {
        XLDataType.Number when cell.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        XLDataType.DateTime when cell.TryGetValue<DateTime>(out var t) => ReportFormats.Date(DateOnly.FromDateTime(t)),
        XLDataType.Boolean when cell.TryGetValue<bool>(out var b) => ReportLabels.YesNo(b),
        _ => cell.GetString().Trim(),
    };

    [GeneratedRegex(@"^\s*(?<county>\S+?)\s*工作进展\s*[（(]\s*(?<date>\d{4}-\d{1,2}-\d{1,2})\s*报送\s*[）)]")]
    private static partial Regex TitlePattern();
}
