using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Domain;
using Analytics.Domain.Policy;
using Analytics.Domain.Registry;
using Analytics.Ingest.Reading;
using ClosedXML.Excel;
using Names = Analytics.Domain.LedgerWorkbookNames;
using Analytics.Ingest.Messages;

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
                IngestMessages.LedgerNotXlsx.Text())], probe.Sha256);
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
            errors.Add(new() { Code = IngestErrorCode.NoHeader, File = path, Sheet = Names.ProgressSheet, Row = e.Row, Text = e.Text });
            return null;
        }
        if (progress is null)
        {
            errors.Add(FileError(path, IngestErrorCode.NotAWorkbook,
                IngestMessages.LedgerNoProgressSheet.With(Names.ProgressSheet, string.Join("、", XlsxTableReader.SheetNames(workbook)))));
            return null;
        }
        using (progress)
        {
            var expected = ListText.Of(Names.ProgressHeaders);
            if (!progress.HeaderFound)
            {
                errors.Add(new() { Code = IngestErrorCode.NoHeader, File = path, Sheet = progress.Sheet, Row = 0,
                    Text = IngestMessages.LedgerNoHeader.With(Names.HeaderText, HeaderSearchRows, expected) });
                return null;
            }
            var headers = progress.Headers.Select(Codes.Normalize).ToList();
            int Col(string h) => headers.IndexOf(Codes.Normalize(h));
            string[] required = [Names.HeaderTask, Names.HeaderText, Names.HeaderStatus, Names.HeaderProblems];
            var missing = required.Where(h => Col(h) < 0).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new() { Code = IngestErrorCode.MissingColumn, File = path, Sheet = progress.Sheet, Row = progress.HeaderRow,
                    Text = IngestMessages.LedgerMissingHeaders.With(ListText.Of(missing), expected) });
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
                        IngestMessages.LedgerDuplicateSignature.With(sign, signature[sign].Row)));
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
                    IngestMessages.LedgerNoTask.With(Names.HeaderTask, Names.HeaderTitle)));
                continue;
            }
            if (RectificationTask.Claims(task) && !RectificationTask.TryParse(task, out _) && (typed.Length > 0 || IsRectificationShape(task)))
            {
                errors.Add(RowError(rows, taskColumn, path, IngestErrorCode.InvalidText,
                    IngestMessages.LedgerNotRectification.With(EchoText.Of(task, 40), RectificationTask.Prefix, RectificationTask.Key(7), Names.HeaderTitle)));
                continue;
            }
            if (seen.TryGetValue(task, out var first))
            {
                errors.Add(RowError(rows, taskAt, path, IngestErrorCode.DuplicateKey,
                    IngestMessages.LedgerDuplicateTask.With(task, first)));
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
                errors.Add(RowError(rows, statusAt, path, IngestErrorCode.UnknownValue, near is null
                    ? IngestMessages.LedgerStatusNotInList.With(EchoText.Of(status, 40), ListText.Of(Names.Statuses))
                    : IngestMessages.LedgerStatusNotInListNear.With(EchoText.Of(status, 40), ListText.Of(Names.Statuses), near)));
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
            else errors.Add(MetaError(path, code.Row, IngestErrorCode.UnknownCounty, IngestMessages.LedgerUnknownCounty.With(EchoText.Of(code.Value, 80), registries.AcceptedCounties)));
        }
        if (meta.TryGetValue(Names.KeyThursday, out var day))
        {
            if (DateOnly.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) metaDate = d;
            else errors.Add(MetaError(path, day.Row, IngestErrorCode.InvalidDateTime, IngestMessages.LedgerMetaDate.With(EchoText.Of(day.Value, 80))));
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

        IngestError TitleError(IngestErrorCode c, MessageText message) =>
            new() { Code = c, File = path, Sheet = sheet, Row = Names.TitleRow, Column = "A", Text = message };
        if (metaCounty is not null && titleCounty is not null && metaCounty.Code != titleCounty.Code)
            errors.Add(TitleError(IngestErrorCode.UnknownCounty,
                IngestMessages.LedgerTitleCounty.With(titleCounty.Name, metaCounty.Name)));
        if (metaDate is not null && titleDate is not null && metaDate != titleDate)
            errors.Add(TitleError(IngestErrorCode.InvalidDateTime,
                IngestMessages.LedgerTitleDate.With(Date(titleDate.Value), Date(metaDate.Value))));

        var county = metaCounty ?? titleCounty;
        var thursday = metaDate ?? titleDate;
        if (county is null || thursday is null)
        {
            errors.Add(TitleError(IngestErrorCode.Required,
                IngestMessages.LedgerUnidentified.With(Names.MetaSheet, EchoText.Of(title, 80), Names.ProgressTitle("尧都区", new DateOnly(2026, 11, 26)))));
            return (null, null);
        }
        if (thursday.Value.DayOfWeek != DayOfWeek.Thursday)
        {
            var before = thursday.Value.AddDays(-(((int)thursday.Value.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7));
            errors.Add(TitleError(IngestErrorCode.ImpossibleDate,
                IngestMessages.LedgerNotThursday.With(Date(thursday.Value), Date(before), Date(before.AddDays(7)))));
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
            errors.Add(MetaError(path, e.Row, IngestErrorCode.InvalidText, e.Text));
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
    private static MessageText? TaskProblem(string task, Policy policy)
    {
        if (string.Equals(task, LedgerSignature.NoteTask, StringComparison.Ordinal))
            return IngestMessages.LedgerReservedTask.With(LedgerSignature.NoteTask);
        var ours = policy.TasksFor(ResponsibleUnit.County);
        var list = ListText.Of(ours.Select(t => t.Id));
        if (policy.Task(task) is { } planTask)
            return planTask.IsFor(ResponsibleUnit.County)
                ? null
                : IngestMessages.LedgerTaskNotCounty.With(planTask.Id, planTask.Title, planTask.ResponsibleLabel, list, policy.PlanId);
        return IsPlanTaskKey(task)
            ? IngestMessages.LedgerTaskNotInPlan.With(policy.PlanId, task, list, Names.HeaderTitle)
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
                Text = IngestMessages.LedgerNoSignatureBlock.With(ListText.Of(Names.SignatureLabels)),
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
                Text = IngestMessages.LedgerSignatureLabelMissing.With(label),
            });
        string Text(string label)
        {
            if (!cells.TryGetValue(label, out var cell)) return "";
            var text = cell.Kind == CellKind.Text ? cell.Text.Trim() : cell.Display.Trim();
            if (text.Length == 0)
            {
                errors.Add(SignError(path, sheet, cell.Row, label, IngestMessages.LedgerSignatureEmpty.With(letter + cell.Row.ToString(CultureInfo.InvariantCulture), label)));
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
                errors.Add(SignError(path, sheet, cells[label].Row, label, IngestMessages.LedgerSignatureName.Text()));
                return "";
            }
            return text;
        }
        var filedBy = Name(Names.SignFiledBy);
        var reviewedBy = Name(Names.SignReviewedBy);
        var phone = Text(Names.SignPhone);
        if (phone.Length > 0 && !IsPhone(phone))
            errors.Add(SignError(path, sheet, cells[Names.SignPhone].Row, Names.SignPhone,
                IngestMessages.LedgerSignaturePhone.Text()));
        DateOnly? filedOn = null;
        if (cells.TryGetValue(Names.SignDate, out var dateCell))
        {
            filedOn = SignDate(dateCell, out var dateProblem);
            if (dateProblem is not null) errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate, dateProblem));
            else if (thursday is { } th && filedOn < th.AddDays(-7))
            {
                errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate,
                    IngestMessages.LedgerSignatureDateEarly.With(Date(filedOn.Value), Date(th.AddDays(-7)), Date(th.AddDays(-1)))));
                filedOn = null;
            }
            else if (thursday is { } due && filedOn > due.AddDays(366))
            {
                errors.Add(SignError(path, sheet, dateCell.Row, Names.SignDate,
                    IngestMessages.LedgerSignatureDateLate.With(Date(filedOn.Value), Date(due))));
                filedOn = null;
            }
        }
        return errors.Count > before || filedOn is null ? null : LedgerSignature.Of(filedBy, reviewedBy, filedOn.Value);
    }

    /// <summary>A date cell, or a text date (2026-11-26, 2026/11/26, 2026.11.26, 2026年11月26日).</summary>
    private static DateOnly? SignDate(SignatureCell cell, out MessageText? problem)
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
                problem = IngestMessages.LedgerSignatureNotDate.With(EchoText.Of(t, 40));
                return null;
            case CellKind.Empty:
                break;
            default:
                problem = IngestMessages.LedgerSignatureNotDate.With(EchoText.Of(cell.Display, 40));
                return null;
        }
        problem = IngestMessages.LedgerSignatureEmpty.With(XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn) + cell.Row.ToString(CultureInfo.InvariantCulture), Names.SignDate);
        return null;
    }

    /// <summary>
    /// An 11-digit mobile number (1[3-9]…, optionally +86 / 86 before it) or a landline with its area code (0 + 2–3
    /// digits, then 7–8 digits), an extension allowed after 转, -, #, ext; separators (space, -, parentheses) ignored.
    /// </summary>
    private static bool IsPhone(string text) => PhonePattern().IsMatch(text.Trim());

    private static IngestError SignError(string path, string sheet, int row, string label, MessageText message) => new()
    {
        Code = IngestErrorCode.InvalidText,
        File = path,
        Sheet = sheet,
        Row = row,
        Column = XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn),
        Text = IngestMessages.LedgerSignatureCell.With(label, XLHelper.GetColumnLetterFromNumber(Names.SignatureValueColumn) + row.ToString(CultureInfo.InvariantCulture), message),
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

    private static IngestError RowError(XlsxTableReader rows, int at, string path, IngestErrorCode code, MessageText message) => new()
    {
        Code = code,
        File = path,
        Sheet = rows.Sheet,
        Row = rows.RowNumber,
        Column = rows.Headers[at],
        Text = IngestMessages.LedgerCell.With(rows.Headers[at], XLHelper.GetColumnLetterFromNumber(at + 1) + rows.RowNumber.ToString(CultureInfo.InvariantCulture), message),
    };

    private static IngestError MetaError(string path, int row, IngestErrorCode code, MessageText message) =>
        new() { Code = code, File = path, Sheet = Names.MetaSheet, Row = row, Column = "B", Text = message };

    private static IngestError FileError(string path, IngestErrorCode code, MessageText message) =>
        new() { Code = code, File = path, Text = message };

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?:\+?86)[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}$|^[(（]?0\d{2,3}[)）]?[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s*(?:转|-|#|ext\.?)\s*\d{1,6})?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\s*(?<county>\S+?)\s*工作进展\s*[（(]\s*(?<date>\d{4}-\d{1,2}-\d{1,2})\s*报送\s*[）)]")]
    private static partial Regex TitlePattern();
}
