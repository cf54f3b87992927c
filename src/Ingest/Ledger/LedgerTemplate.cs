using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Ingest.Reading;
using ClosedXML.Excel;
using Names = Analytics.Domain.LedgerWorkbookNames;

namespace Analytics.Ingest.Ledger;

/// <summary>
/// Template <c>ledger</c>: a county's filed weekly ledger (工作台账, 四、1) read back through the same seam as
/// the other templates — <see cref="FileProbe"/> (size bound, SHA-256), <see cref="TableSource"/> (the
/// XLSX package guard against decompression bombs) and <see cref="XlsxTableReader"/> (formulas never
/// computed) — with the same error type, <see cref="IngestError"/>, located <c>FILE[SHEET]:ROW:COLUMN</c>.
/// The 工作进展 sheet becomes one <see cref="LedgerNote"/> per task row the county filled. The county and
/// Thursday come from the very hidden 台账信息 sheet written with the ledger, or, when a spreadsheet program
/// dropped it, from the title of 工作进展 (<c>尧都区工作进展（2026-11-26报送）</c>).
/// </summary>
/// <remarks>
/// Header names are matched case-, white-space- and bracket-width-insensitively, in any column order, in
/// the first <see cref="HeaderSearchRows"/> rows. A row counts when any of 进展情况, 状态, 存在问题 is filled;
/// its task is the 任务 cell (<c>任务3</c>, or just <c>3</c>) or, for a free row, the 任务名称 the county typed.
/// 进展情况 and 存在问题 travel together in <see cref="LedgerNote.Text"/> (<see cref="LedgerNoteText"/>).
/// The sheet and header names are Domain's <see cref="LedgerWorkbookNames"/>, shared with the writer.
/// </remarks>
public static partial class LedgerTemplate
{
    /// <summary>How far down the header row of 工作进展 is looked for.</summary>
    public const int HeaderSearchRows = 10;

    /// <summary>
    /// Reads the workbook at <paramref name="path"/>; never throws for bad data. The tasks a county may report on
    /// are those of <paramref name="policy"/> (default: the shipped plan) with the county as 责任单位.
    /// </summary>
    public static LedgerReadResult Read(string path, Registries registries, InputBounds? bounds = null, Policy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(registries);
        policy ??= Policy.Default;
        bounds = (bounds ?? InputBounds.Default).Validated();
        var probe = FileProbe.Inspect(path, bounds, out var error);
        if (probe is null) return new(null, [error!], null);
        if (probe.Format == FileFormat.Csv)
            return new(null, [FileError(path, IngestErrorCode.NotAWorkbook,
                "is not an XLSX workbook: a weekly ledger is the .xlsx file `analytics ledger` writes.")], probe.Sha256);
        using var source = TableSource.Open(probe, _ => false, bounds, out error);
        if (source?.Workbook is not { } workbook) return new(null, [error!], probe.Sha256);
        var errors = new List<IngestError>();
        var ledger = Read(workbook, path, registries, policy, bounds, errors);
        return errors.Count > 0 ? new(null, errors, probe.Sha256) : new(ledger, [], probe.Sha256);
    }

    private static FiledLedger? Read(XLWorkbook workbook, string path, Registries registries, Policy policy, InputBounds bounds, List<IngestError> errors)
    {
        XlsxTableReader? progress;
        try
        {
            progress = XlsxTableReader.OpenSheet(workbook, Names.ProgressSheet, IsProgressHeader, HeaderSearchRows, bounds);
        }
        catch (TableFormatException e)
        {
            errors.Add(new() { Code = IngestErrorCode.NoHeader, File = path, Sheet = Names.ProgressSheet, Row = e.Row, Message = e.Message });
            return null;
        }
        if (progress is null)
        {
            errors.Add(FileError(path, IngestErrorCode.NotAWorkbook,
                $"no sheet {Names.ProgressSheet}: this is not a weekly ledger (工作台账). Its sheets: {string.Join("、", XlsxTableReader.SheetNames(workbook))}."));
            return null;
        }
        using (progress)
        {
            var expected = string.Join(", ", Names.ProgressHeaders);
            if (!progress.HeaderFound)
            {
                errors.Add(new() { Code = IngestErrorCode.NoHeader, File = path, Sheet = progress.Sheet, Row = 0,
                    Message = $"no header row with {Names.HeaderText} in the first {HeaderSearchRows} rows; expected the columns {expected}." });
                return null;
            }
            var headers = progress.Headers.Select(Codes.Normalize).ToList();
            int Col(string h) => headers.IndexOf(Codes.Normalize(h));
            string[] required = [Names.HeaderTask, Names.HeaderText, Names.HeaderStatus, Names.HeaderProblems];
            var missing = required.Where(h => Col(h) < 0).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new() { Code = IngestErrorCode.MissingColumn, File = path, Sheet = progress.Sheet, Row = progress.HeaderRow,
                    Message = $"the header row lacks {string.Join(", ", missing)}; expected the columns {expected}." });
                return null;
            }

            var title = progress.RowsAboveHeader.FirstOrDefault(r => r.Row == Names.TitleRow).Cells is { Count: > 0 } t ? t[0] : "";
            var (county, thursday) = Identify(workbook, progress.Sheet!, title, path, registries, bounds, errors);
            var signature = new Dictionary<string, SignatureCell>(StringComparer.Ordinal);
            var taskRows = new Dictionary<string, int>(StringComparer.Ordinal);
            var notes = Notes(progress, path, policy, bounds, errors, Col(Names.HeaderTask), Col(Names.HeaderTitle), Col(Names.HeaderText),
                Col(Names.HeaderStatus), Col(Names.HeaderProblems), county, thursday, signature, taskRows, out var lastRow);
            var signed = Signature(signature, notes.Count > 0, progress.Sheet!, lastRow, path, bounds, thursday, errors);
            return errors.Count > 0 || county is null || thursday is null
                ? null
                : new FiledLedger(county, thursday.Value, notes, signed) { TaskRows = taskRows };
        }
    }

    private static bool IsProgressHeader(IReadOnlyList<string> cells) =>
        cells.Any(c => Codes.Normalize(c) == Codes.Normalize(Names.HeaderText));

    private static List<LedgerNote> Notes(XlsxTableReader rows, string path, Policy policy, InputBounds bounds, List<IngestError> errors,
        int taskAt, int titleAt, int textAt, int statusAt, int problemsAt, RegistryEntry? county, DateOnly? thursday,
        Dictionary<string, SignatureCell> signature, Dictionary<string, int> seen, out int lastRow)
    {
        var notes = new List<LedgerNote>();
        lastRow = rows.HeaderRow;
        // XlsxTableReader visits the rows in use only: a cell on row 1,048,576 does not make a million rows.
        while (rows.Read())
        {
            var r = rows.RowNumber;
            lastRow = r;
            // The signature block: a label of SignatureLabels in column A, the value in column C; no task row.
            var label = Codes.Normalize(rows.Display(Names.SignatureLabelColumn - 1));
            if (Names.SignatureLabels.FirstOrDefault(l => Codes.Normalize(l) == label) is { } sign)
            {
                var at = Names.SignatureValueColumn - 1;
                if (rows.CellProblem(at) is { } problem)
                    errors.Add(SignError(path, rows.Sheet!, r, sign, problem));
                else if (!signature.TryAdd(sign, SignatureCell.Of(rows, at)))
                    errors.Add(SignError(path, rows.Sheet!, r, sign,
                        string.Create(CultureInfo.InvariantCulture, $"签字栏中“{sign}”出现两次（第一次在第{signature[sign].Row}行），只写一次。")));
                continue;
            }
            var text = Cell(rows, textAt, path, bounds, errors, lineBreaks: true);
            var status = Cell(rows, statusAt, path, bounds, errors);
            var problems = Cell(rows, problemsAt, path, bounds, errors, lineBreaks: true);
            if (text.Length == 0 && status.Length == 0 && problems.Length == 0) continue;
            var typed = TaskKey(Cell(rows, taskAt, path, bounds, errors));
            var task = typed.Length > 0 ? typed : titleAt >= 0 ? TitleKey(Cell(rows, titleAt, path, bounds, errors)) : "";
            var taskColumn = typed.Length > 0 || titleAt < 0 ? taskAt : titleAt;
            if (task.Length == 0)
            {
                errors.Add(RowError(rows, taskAt, path, IngestErrorCode.Required,
                    $"the row has progress but no task: write the task ({Names.HeaderTask}, e.g. 任务3) or, for other work, a {Names.HeaderTitle}."));
                continue;
            }
            if (RectificationTask.Claims(task) && !RectificationTask.TryParse(task, out _) && (typed.Length > 0 || IsRectificationShape(task)))
            {
                errors.Add(RowError(rows, taskColumn, path, IngestErrorCode.InvalidText,
                    $"“{EchoText.Of(task, 40)}”不是整改事项编号：整改台账的事项写作“{RectificationTask.Prefix}”加编号（如 {RectificationTask.Key(7)}，"
                    + $"见 analytics rectify list）；其他工作请写在“{Names.HeaderTitle}”列。"));
                continue;
            }
            if (seen.TryGetValue(task, out var first))
            {
                errors.Add(RowError(rows, taskAt, path, IngestErrorCode.DuplicateKey,
                    string.Create(CultureInfo.InvariantCulture, $"{task} appears twice (first on row {first}); write each task once.")));
                continue;
            }
            seen[task] = r;
            if (TaskProblem(task, policy) is { } notOurs)
            {
                errors.Add(RowError(rows, taskColumn, path, IngestErrorCode.UnknownValue, notOurs));
                continue;
            }
            if (status.Length > 0 && !Names.Statuses.Contains(status, StringComparer.Ordinal))
            {
                // The sheet offers a list; a status outside it ("进行中") would be counted as nothing the roll-up knows.
                var near = Names.Statuses.FirstOrDefault(x => x.Length == status.Length && x[^1] == status[^1]);
                errors.Add(RowError(rows, statusAt, path, IngestErrorCode.UnknownValue,
                    $"状态“{EchoText.Of(status, 40)}”不在下拉列表中，应为{string.Join("、", Names.Statuses)}之一" + (near is null ? "。" : $"（是否指“{near}”？）")));
                continue;
            }
            if (county is null || thursday is null) continue;
            notes.Add(new LedgerNote
            {
                County = county.Code,
                Thursday = thursday.Value,
                Task = task,
                Text = LedgerNoteText.Compose(text, problems),
                Status = status.Length == 0 ? null : status,
            });
        }
        return notes;
    }

    /// <summary>County and Thursday from the metadata sheet, else from the title; both must agree when both are there.</summary>
    private static (RegistryEntry?, DateOnly?) Identify(XLWorkbook workbook, string sheet, string title, string path, Registries registries,
        InputBounds bounds, List<IngestError> errors)
    {
        RegistryEntry? metaCounty = null;
        DateOnly? metaDate = null;
        var meta = MetaValues(workbook, path, bounds, errors);
        if (meta.TryGetValue(Names.KeyCountyCode, out var code))
        {
            if (registries.TryCounty(code.Value, out var c)) metaCounty = c;
            else errors.Add(MetaError(path, code.Row, IngestErrorCode.UnknownCounty, $"unknown county \"{EchoText.Of(code.Value, 80)}\". Known: {registries.AcceptedCounties}"));
        }
        if (meta.TryGetValue(Names.KeyThursday, out var day))
        {
            if (DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) metaDate = d;
            else errors.Add(MetaError(path, day.Row, IngestErrorCode.InvalidDateTime, $"\"{EchoText.Of(day.Value, 80)}\" is not a date yyyy-MM-dd."));
        }

        RegistryEntry? titleCounty = null;
        DateOnly? titleDate = null;
        var m = TitlePattern().Match(title);
        if (m.Success)
        {
            if (registries.TryCounty(m.Groups["county"].Value, out var c)) titleCounty = c;
            if (DateOnly.TryParseExact(m.Groups["date"].Value, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                titleDate = d;
        }

        IngestError TitleError(IngestErrorCode c, string message) =>
            new() { Code = c, File = path, Sheet = sheet, Row = Names.TitleRow, Column = "A", Message = message };
        if (metaCounty is not null && titleCounty is not null && metaCounty.Code != titleCounty.Code)
            errors.Add(TitleError(IngestErrorCode.UnknownCounty,
                $"the title names {titleCounty.Name} but the ledger was written for {metaCounty.Name}; file each county's own ledger."));
        if (metaDate is not null && titleDate is not null && metaDate != titleDate)
            errors.Add(TitleError(IngestErrorCode.InvalidDateTime,
                $"the title names {Date(titleDate.Value)} but the ledger was written for {Date(metaDate.Value)}."));

        var county = metaCounty ?? titleCounty;
        var thursday = metaDate ?? titleDate;
        if (county is null || thursday is null)
        {
            errors.Add(TitleError(IngestErrorCode.Required,
                $"cannot tell which county and Thursday this ledger is for: the hidden sheet {Names.MetaSheet} is missing and the title \"{EchoText.Of(title, 80)}\" "
                + $"is not of the form {Names.ProgressTitle("尧都区", new DateOnly(2026, 11, 26))}."));
            return (null, null);
        }
        if (thursday.Value.DayOfWeek != DayOfWeek.Thursday)
        {
            var before = thursday.Value.AddDays(-(((int)thursday.Value.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7));
            errors.Add(TitleError(IngestErrorCode.ImpossibleDate,
                $"{Date(thursday.Value)} is not a Thursday (nearest: {Date(before)}, {Date(before.AddDays(7))}); ledgers are due on Thursdays."));
            return (county, null);
        }
        return (county, thursday);
    }

    /// <summary>The key/value rows (column A, column B) of the very hidden metadata sheet; empty when it is gone.</summary>
    private static Dictionary<string, (string Value, int Row)> MetaValues(XLWorkbook workbook, string path, InputBounds bounds, List<IngestError> errors)
    {
        var values = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
        XlsxTableReader? meta;
        try
        {
            // A key/value sheet has no header: its first row is read as one, and taken as a pair like the others.
            meta = XlsxTableReader.OpenSheet(workbook, Names.MetaSheet, _ => true, int.MaxValue, bounds);
        }
        catch (TableFormatException e)
        {
            errors.Add(MetaError(path, e.Row, IngestErrorCode.InvalidText, e.Message));
            return values;
        }
        if (meta is null || !meta.HeaderFound) return values;
        using (meta)
        {
            values.TryAdd(meta.Headers[0], (meta.Headers.Count > 1 ? meta.Headers[1] : "", meta.HeaderRow));
            while (meta.Read())
            {
                if (meta.CellProblem(0) is not null || meta.CellProblem(1) is not null) continue;
                values.TryAdd(meta.Display(0).Trim(), (meta.Display(1).Trim(), meta.RowNumber));
            }
        }
        return values;
    }

    /// <summary>
    /// Why a task key may not be filed by a county, or null when it may: a plan task (<c>任务5</c>) whose 责任单位 in the
    /// policy does not include the counties, a <c>任务N</c> the plan does not have, or the signature's reserved key.
    /// A free title (other work) is always the county's.
    /// </summary>
    private static string? TaskProblem(string task, Policy policy)
    {
        if (string.Equals(task, LedgerSignature.NoteTask, StringComparison.Ordinal))
            return $"“{LedgerSignature.NoteTask}”是签字栏的保留名称，不能作为任务名称；请改写任务名称。";
        var ours = policy.TasksFor(ResponsibleUnit.County);
        var list = string.Join("、", ours.Select(t => t.Id));
        if (policy.Task(task) is { } planTask)
            return planTask.IsFor(ResponsibleUnit.County)
                ? null
                : $"{planTask.Id}（{planTask.Title}）的责任单位是{planTask.ResponsibleLabel}，不是县（市、区）能源局；"
                  + $"本台账只报送{list}及其他工作，请删除此行（{policy.PlanId}）。";
        return IsPlanTaskKey(task)
            ? $"{policy.PlanId}没有{task}；县（市、区）能源局负责的任务是{list}，其他工作请写在“{Names.HeaderTitle}”列。"
            : null;
    }

    private static bool IsPlanTaskKey(string task) =>
        task.StartsWith("任务", StringComparison.Ordinal) && task.Length > 2 && task[2..].All(char.IsAsciiDigit);

    /// <summary>One cell of the signature block as read: its row, its value and its text.</summary>
    private sealed record SignatureCell(int Row, CellKind Kind, string Text, DateTime? DateTime, string Display)
    {
        public static SignatureCell Of(XlsxTableReader rows, int at)
        {
            var cell = rows.Cell(at);
            return new(rows.RowNumber, cell.Kind, cell.Kind == CellKind.Text ? cell.Text.ToString() : "",
                cell.Kind == CellKind.DateTime ? cell.DateTime : null, rows.Display(at));
        }
    }

    /// <summary>
    /// The signature block read back: 填报人 and 审核人 (masked at once), 联系电话 checked and dropped, 报送日期 a date no
    /// earlier than the week the ledger reports. Required when the ledger has progress; each missing or bad value is an
    /// error at its cell (column C), a missing block an error under the table. Nothing personal is echoed in a message.
    /// </summary>
    private static LedgerSignature? Signature(Dictionary<string, SignatureCell> cells, bool hasProgress, string sheet, int lastRow,
        string path, InputBounds bounds, DateOnly? thursday, List<IngestError> errors)
    {
        var letter = XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn);
        if (cells.Count == 0)
        {
            if (!hasProgress) return null;
            errors.Add(new()
            {
                Code = IngestErrorCode.Required, File = path, Sheet = sheet, Row = lastRow + 1, Column = "A",
                Message = $"已填写工作进展，但表格下方没有签字栏：请在A列写{string.Join("、", Names.SignatureLabels)}，C列写对应内容"
                    + "（或用 analytics ledger 重新生成本周台账后填写）。",
            });
            return null;
        }
        // An untouched ledger (no progress, no signature) files nothing to sign for.
        if (!hasProgress && cells.Values.All(c => c.Display.Trim().Length == 0)) return null;
        var before = errors.Count;
        foreach (var label in Names.SignatureLabels.Where(l => !cells.ContainsKey(l)))
            errors.Add(new()
            {
                Code = IngestErrorCode.Required, File = path, Sheet = sheet, Row = cells.Values.Max(c => c.Row) + 1, Column = "A",
                Message = $"签字栏缺少“{label}”一行：请在A列写“{label}”，C列写对应内容。",
            });
        string Text(string label)
        {
            if (!cells.TryGetValue(label, out var cell)) return "";
            var text = cell.Kind == CellKind.Text ? cell.Text.Trim() : cell.Display.Trim();
            if (text.Length == 0)
            {
                errors.Add(SignError(path, sheet, cell.Row, label, $"未填写：请在{letter}{cell.Row.ToString(CultureInfo.InvariantCulture)}填写{label}。"));
                return "";
            }
            if (CellCheck.TextProblem(text, false, bounds, out _) is { } bad)
            {
                errors.Add(SignError(path, sheet, cell.Row, label, bad));
                return "";
            }
            return text;
        }
        string Name(string label)
        {
            var text = Text(label);
            if (text.Length == 0) return "";
            if (text.Any(char.IsDigit) || new StringInfo(text).LengthInTextElements > 20)
            {
                // The cell is not echoed: it may hold a phone or an ID number in clear.
                errors.Add(SignError(path, sheet, cells[label].Row, label, "应为填写人的姓名（不含数字，最多20个字）。"));
                return "";
            }
            return text;
        }
        var filedBy = Name(Names.SignFiledBy);
        var reviewedBy = Name(Names.SignReviewedBy);
        var phone = Text(Names.SignPhone);
        if (phone.Length > 0 && !IsPhone(phone))
            errors.Add(SignError(path, sheet, cells[Names.SignPhone].Row, Names.SignPhone,
                "不是有效的电话号码：应为11位手机号（如138xxxxxxxx）或带区号的固定电话（如0357-xxxxxxx），可加分机号。"));
        DateOnly? filedOn = null;
        if (cells.TryGetValue(Names.SignDate, out var dateCell))
        {
            filedOn = SignDate(dateCell, out var dateProblem);
            if (dateProblem is not null) errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate, dateProblem));
            else if (thursday is { } th && filedOn < th.AddDays(-7))
            {
                errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate,
                    $"{Date(filedOn.Value)}早于本台账所报的一周（{Date(th.AddDays(-7))}至{Date(th.AddDays(-1))}）：请填写实际报送的日期。"));
                filedOn = null;
            }
            else if (thursday is { } due && filedOn > due.AddDays(366))
            {
                errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate,
                    $"{Date(filedOn.Value)}比应报送日{Date(due)}晚一年以上：请检查年份。"));
                filedOn = null;
            }
        }
        return errors.Count > before || filedOn is null ? null : LedgerSignature.Of(filedBy, reviewedBy, filedOn.Value);
    }

    /// <summary>A date cell, or a text date (2026-11-26, 2026/11/26, 2026.11.26, 2026年11月26日).</summary>
    private static DateOnly? SignDate(SignatureCell cell, out string? problem)
    {
        problem = null;
        switch (cell.Kind)
        {
            case CellKind.DateTime:
                return DateOnly.FromDateTime(cell.DateTime!.Value);
            case CellKind.Text:
                var t = string.Concat(cell.Text.Where(c => !char.IsWhiteSpace(c)));
                if (t.Length == 0) break;
                if (DateOnly.TryParseExact(t, ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return d;
                problem = $"“{EchoText.Of(t, 40)}”不是日期：请写成 2026-11-26 或 2026年11月26日。";
                return null;
            case CellKind.Empty:
                break;
            default:
                problem = $"“{EchoText.Of(cell.Display, 40)}”不是日期：请写成 2026-11-26 或 2026年11月26日。";
                return null;
        }
        problem = $"未填写：请在{XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn)}{cell.Row.ToString(CultureInfo.InvariantCulture)}填写{Names.SignDate}。";
        return null;
    }

    /// <summary>
    /// An 11-digit mobile number (1[3-9]…, optionally +86 / 86 before it) or a landline with its area code (0 + 2–3
    /// digits, then 7–8 digits), an extension allowed after 转, -, #, ext; separators (space, -, parentheses) ignored.
    /// </summary>
    private static bool IsPhone(string text) => PhonePattern().IsMatch(text.Trim());

    private static IngestError SignError(string path, string sheet, int row, string label, string message) => new()
    {
        Code = IngestErrorCode.InvalidText,
        File = path,
        Sheet = sheet,
        Row = row,
        Column = XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn),
        Message = $"{label}（{XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn)}{row.ToString(CultureInfo.InvariantCulture)}）{message}",
    };

    /// <summary>
    /// <c>任务 3</c>, <c>3</c> → <c>任务3</c>; <c>整改 07</c> → <c>整改7</c> (a malformed <c>整改…</c> stays as typed, without
    /// spaces, for the caller to refuse); anything else as typed (trimmed).
    /// </summary>
    private static string TaskKey(string text)
    {
        var t = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        if (t.Length == 0) return "";
        if (RectificationTask.Claims(t)) return RectificationTask.TryParse(t, out var id) ? RectificationTask.Key(id) : t;
        if (t.All(char.IsAsciiDigit)) return "任务" + t.TrimStart('0');
        return t.StartsWith("任务", StringComparison.Ordinal) && t.Length > 2 && t[2..].All(char.IsAsciiDigit)
            ? "任务" + t[2..].TrimStart('0')
            : text.Trim();
    }

    /// <summary>
    /// A free title (任务名称) as the task key: <c>整改</c> and digits only is a rectification key (normalised like the 任务
    /// cell); any other title, 整改材料归档 included, is the county's own work, as typed.
    /// </summary>
    private static string TitleKey(string title) => IsRectificationShape(title) ? TaskKey(title) : title;

    /// <summary>整改, then digits only (spaces ignored): meant as an item's key, whether or not the number is a valid id.</summary>
    private static bool IsRectificationShape(string text)
    {
        var t = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return RectificationTask.Claims(t) && t.Length > RectificationTask.Prefix.Length && t[RectificationTask.Prefix.Length..].All(char.IsAsciiDigit);
    }

    /// <summary>
    /// A cell as text, never through the machine's culture and never by computing a formula (a formula cell
    /// without a saved value is an error); text breaking the cell rules of <see cref="CellCheck"/> (control
    /// characters; line breaks only where <paramref name="lineBreaks"/>; length) is an error too.
    /// </summary>
    private static string Cell(XlsxTableReader rows, int at, string path, InputBounds bounds, List<IngestError> errors, bool lineBreaks = false)
    {
        if (at < 0) return "";
        if (rows.CellProblem(at) is { } problem)
        {
            AddOnce(errors, RowError(rows, at, path, IngestErrorCode.FormulaWithoutValue, problem));
            return "";
        }
        var cell = rows.Cell(at);
        var text = cell.Kind switch
        {
            CellKind.Text => cell.Text.ToString(),
            CellKind.Number => rows.Display(at),
            CellKind.DateTime => Date(DateOnly.FromDateTime(cell.DateTime)),
            CellKind.Boolean => cell.Boolean ? "是" : "否",
            _ => "",
        };
        if (CellCheck.TextProblem(text, lineBreaks, bounds, out var code) is { } bad)
        {
            AddOnce(errors, RowError(rows, at, path, code, bad));
            return "";
        }
        return text.Trim();
    }

    private static void AddOnce(List<IngestError> errors, IngestError error)
    {
        if (!errors.Exists(e => e.Row == error.Row && e.Column == error.Column && e.Sheet == error.Sheet)) errors.Add(error);
    }

    private static IngestError RowError(XlsxTableReader rows, int at, string path, IngestErrorCode code, string message) => new()
    {
        Code = code,
        File = path,
        Sheet = rows.Sheet,
        Row = rows.RowNumber,
        Column = rows.Headers[at],
        Message = $"{rows.Headers[at]} ({XLHelper.GetColumnLetterFromNumber(at + 1)}{rows.RowNumber.ToString(CultureInfo.InvariantCulture)}) {message}",
    };

    private static IngestError MetaError(string path, int row, IngestErrorCode code, string message) =>
        new() { Code = code, File = path, Sheet = Names.MetaSheet, Row = row, Column = "B", Message = message };

    private static IngestError FileError(string path, IngestErrorCode code, string message) =>
        new() { Code = code, File = path, Message = message };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?:\+?86)[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}$|^[(（]?0\d{2,3}[)）]?[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s*(?:转|-|#|ext\.?)\s*\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\s*(?<county>\S+?)\s*工作进展\s*[（(]\s*(?<date>\d{4}-\d{1,2}-\d{1,2})\s*报送\s*[）)]")]
    private static partial Regex TitlePattern();
}
