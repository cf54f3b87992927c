namespace Analytics.Ingest.Messages;

/// <summary>
/// Every message ingest gives a person, in Chinese (the default, written as a bureau writes to a county or a
/// utility) and in English (<c>--lang en</c>). The id of an entry is stable: programs and tests hold to it (and to
/// <see cref="IngestErrorCode"/>), never to the wording. A message follows the <c>FILE:ROW:COLUMN: </c> frame of
/// <see cref="IngestError"/>, so a file-level message reads on from the file's name ("是空文件…" / "is empty…").
/// </summary>
/// <remarks>
/// Placeholders are <c>{name}</c>; <c>{value}</c> is always the cell as found, quoted and masked
/// (<see cref="Templates.TemplateRow.Quoted"/>), <c>{column}</c> a column as each language names it.
/// A test holds every entry to both languages, the same placeholders, and Chinese in the Chinese text.
/// </remarks>
public static class IngestMessages
{
    private const string DateTimeFormsZh = "如 2021-09-22 10:30、2021/9/22 10:30、2021-09-22T10:30:00、2021年9月22日 10:30 的日期时间，或只写日期，或 Excel 日期";
    private const string DateTimeFormsEn = "a date-time such as 2021-09-22 10:30, 2021/9/22 10:30, 2021-09-22T10:30:00, 2021年9月22日 10:30, a bare date, or an Excel date";
    private const string BombZh = "这不是 Excel 为模板保存的工作簿（可能是压缩炸弹，或工作表远大于模板）；大批量导出请存为 CSV。";
    private const string BombEn = "This is not a workbook Excel writes for a template (a decompression bomb, or a sheet far larger than a template's); save large exports as CSV.";

    // ---- The file as a whole -------------------------------------------------------------------------------------

    public static readonly MessageTemplate FileIsFolder = new("file.is_folder",
        "是文件夹，不是文件。", "is a folder, not a file.");

    public static readonly MessageTemplate FileNotFound = new("file.not_found",
        "文件不存在。", "no such file.");

    public static readonly MessageTemplate<string> FileUnreadable = new("file.unreadable", "reason",
        "无法读取该文件：{reason}", "cannot read the file: {reason}");

    public static readonly MessageTemplate FileOldXls = new("file.old_xls",
        "是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中打开后另存为 .xlsx（Excel 工作簿）或 CSV 再载入。",
        "is an old Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx (Excel 工作簿) or CSV.");

    public static readonly MessageTemplate FileBinary = new("file.binary",
        "是二进制文件，既不是 CSV 文本，也不是 XLSX 工作簿。", "is a binary file, neither CSV text nor an XLSX workbook.");

    public static readonly MessageTemplate FileEmpty = new("file.empty",
        "是空文件（0 字节），应为带表头行的 CSV 或 XLSX 文件。", "is empty (0 bytes): expected a CSV or XLSX file with a header row.");

    public static readonly MessageTemplate<string> FileTooLargeXlsx = new("file.too_large_xlsx", "max",
        "大于 {max}，超过 XLSX 工作簿的上限；更大的导出数据请存为 CSV 文件。",
        "is larger than {max}, the most allowed for an XLSX workbook; a larger export belongs in a CSV file.");

    public static readonly MessageTemplate<string> FileTooLargeCsv = new("file.too_large_csv", "max",
        "大于 {max}，超过单个 CSV 文件的上限，请拆分为多个文件。",
        "is larger than {max}, the most allowed for a CSV file; split it into several files.");

    public static readonly MessageTemplate<string> FileTextNamedXlsx = new("file.text_named_xlsx", "ext",
        "扩展名为 {ext}，但内容是纯文本，不是 Excel 工作簿。如为 CSV 文件，请将扩展名改为 .csv；否则请在 Excel 中重新另存为 .xlsx。",
        "is named {ext} but is not an Excel workbook: its bytes are plain text. If it is a CSV, rename it to .csv; otherwise save it again from Excel as .xlsx.");

    public static readonly MessageTemplate FileChangedWhileRead = new("file.changed_while_read",
        "读取过程中文件发生了变化，请待文件写完后重新载入。", "the file changed while it was being read; load it again when it is complete.");

    public static readonly MessageTemplate FileChangedWhileLoaded = new("file.changed_while_loaded",
        "载入过程中文件发生了变化，请待文件写完后重新载入。", "the file changed while it was being loaded; load it again when it is complete.");

    public static readonly MessageTemplate<MessageText> FileRefused = new("file.refused", "reason",
        "不予载入：{reason}", "is refused: {reason}");

    public static readonly MessageTemplate<string> FileNotAWorkbook = new("file.not_a_workbook", "reason",
        "是 ZIP 文件，但不是可读取的 Excel 工作簿（.xlsx）：{reason}", "is a ZIP file but not a readable Excel workbook (.xlsx): {reason}");

    public static readonly MessageTemplate<string> FileTooManyRows = new("file.too_many_rows", "max",
        "数据超过 {max} 行，超过单个文件的上限，请拆分为多个文件。",
        "the file has more than {max} data rows, the most one file may hold; split it into several files.");

    // ---- An XLSX package (before ClosedXML opens it) -------------------------------------------------------------

    public static readonly MessageTemplate<string, string> XlsxTooManyParts = new("xlsx.too_many_parts", "count", "max",
        "工作簿含 {count} 个部件，超过上限 {max} 个；正常工作簿只有几十个。",
        "the workbook holds {count} parts, more than the {max} allowed; a workbook has a few dozen.");

    public static readonly MessageTemplate<string, string, string> XlsxPartDeclaredTooLarge = new("xlsx.part_declared_too_large", "part", "size", "max",
        "部件 {part} 声明解压后为 {size}，超过单个部件的上限 {max}。" + BombZh,
        "the part {part} declares {size} inflated, more than the {max} allowed for one part. " + BombEn);

    public static readonly MessageTemplate<string, string, string> XlsxPartInflatesTooLarge = new("xlsx.part_inflates_too_large", "part", "max", "stored",
        "部件 {part} 由 {stored} 解压后超过 {max}（单个部件的上限）。" + BombZh,
        "the part {part} inflates to more than {max} (the most allowed for one part) from {stored} stored. " + BombEn);

    public static readonly MessageTemplate<string, string> XlsxTotalTooLarge = new("xlsx.total_too_large", "max", "part",
        "工作簿各部件解压后合计超过 {max}（在部件 {part} 处达到上限）。" + BombZh,
        "the workbook's parts inflate to more than {max} together (reached in the part {part}). " + BombEn);

    public static readonly MessageTemplate<string, string> XlsxPartUnreadable = new("xlsx.part_unreadable", "part", "reason",
        "部件 {part} 无法读取：{reason}", "the part {part} cannot be read: {reason}");

    public static readonly MessageTemplate<string, string, string> XlsxPartSizeMismatch = new("xlsx.part_size_mismatch", "part", "declared", "counted",
        "部件 {part} 声明解压后为 {declared} 字节，实际为 {counted} 字节：ZIP 目录与内容不符。",
        "the part {part} declares {declared} bytes inflated but holds {counted}: the ZIP directory does not match its contents.");

    public static readonly MessageTemplate<string, string, string, string> XlsxCompressionRatio = new("xlsx.compression_ratio", "part", "ratio", "inflated", "stored",
        "部件 {part} 的压缩比超过 {ratio} 倍（由 {stored} 解压为 {inflated}）：这是压缩炸弹，不是 Excel 保存的工作簿。",
        "the part {part} inflates more than {ratio} times ({inflated} from {stored} stored): a decompression bomb, not a workbook Excel writes.");

    // ---- The table: header and format ----------------------------------------------------------------------------

    public static readonly MessageTemplate<int, MessageText> HeaderCellCsv = new("table.header_cell_csv", "index", "problem",
        "表头第 {index} 列{problem}", "header cell {index} {problem}");

    public static readonly MessageTemplate<string, MessageText> HeaderCellXlsx = new("table.header_cell_xlsx", "cell", "problem",
        "表头单元格 {cell}{problem}", "header cell {cell} {problem}");

    public static readonly MessageTemplate NoHeaderText = new("table.no_header_text",
        "没有表头行：文件中没有任何文字。", "has no header row: the file holds no text.");

    public static readonly MessageTemplate<string> RecordTooLong = new("table.record_too_long", "max",
        "从此行开始的记录超过 {max} 个字符（一行的上限）；可能此处有未闭合的引号，或该文件不是模板 CSV 文件。",
        "the record starting on this row is longer than {max} characters (the most one row may hold); a quote is probably left open here, or the file is not a template CSV.");

    public static readonly MessageTemplate<string> BrokenQuoting = new("table.broken_quoting", "detail",
        "引号不配对（{detail}）。以双引号开头的字段必须以双引号结束，带引号的字段中的双引号要写两次（\"\"）。",
        "broken quoting: {detail} Every field that starts with a double quote must end with one, and a quote inside a quoted field is written twice (\"\").");

    public static readonly MessageTemplate<string> MalformedCsv = new("table.malformed_csv", "detail",
        "不是格式正确的 CSV 文件：{detail}", "not a well-formed CSV: {detail}");

    public static readonly MessageTemplate NoWorksheet = new("table.no_worksheet",
        "工作簿中没有工作表。", "the workbook has no worksheet.");

    public static readonly MessageTemplate<string> SheetEmpty = new("table.sheet_empty", "sheet",
        "工作表“{sheet}”为空，应有表头行。", "sheet '{sheet}' is empty: expected a header row.");

    // ---- One cell's text (the end of a sentence whose subject is the cell) ---------------------------------------

    public static readonly MessageTemplate FormulaWithoutValue = new("cell.formula_without_value",
        "含有公式但没有保存计算结果，本程序不计算公式。请在 Excel 中打开该文件（Excel 会计算并保存结果）后重新保存，或将公式粘贴为数值。",
        "holds a formula without a saved value; formulas are not computed here. Open the file in Excel (which calculates and saves the values) and save it again, or paste the values instead of the formulas.");

    public static readonly MessageTemplate<string, string> CellTooLong = new("cell.too_long", "length", "max",
        "长 {length} 个字符，超过单元格上限 {max} 个字符（Excel 自身的上限）。",
        "is {length} characters long; a cell holds at most {max} (Excel's own limit).");

    public static readonly MessageTemplate CellMixedEncoding = new("cell.mixed_encoding",
        "与文件其他部分编码不同：此行为 UTF-8，其他行为 GB18030（GBK）。请将整个文件存为同一种编码（最好是 UTF-8）后重新载入。",
        "is in another encoding than the rest of the file: this line is UTF-8, other lines are GB18030 (GBK). Save the whole file in one encoding (UTF-8 is best) and load it again.");

    public static readonly MessageTemplate<int> CellInvalidBytes = new("cell.invalid_bytes", "at",
        "第 {at} 个字符处含有不符合文件编码的字节（或 U+FFFD，即此前转换时丢失字符的标记）。请用生成该文件的程序重新存为 UTF-8。",
        "holds bytes that are not valid text in the file's encoding (or U+FFFD, the mark of a character lost in an earlier conversion) at character {at}. Save the file again as UTF-8 from the program that made it.");

    public static readonly MessageTemplate CellLineBreak = new("cell.line_break",
        "含有换行，此列只能填一行（只有说明性文字，如文字材料的“内容”，可以分行）。",
        "holds a line break; this column holds one line (only running text such as the notes' 内容 may span lines).");

    public static readonly MessageTemplate<string, int> CellControlCharacter = new("cell.control_character", "char", "at",
        "第 {at} 个字符处含有控制字符 {char}；文字中可以有制表符，但不能有其他控制字符（是否为二进制文件，或文件已损坏？）。",
        "holds the control character {char} at character {at}; text may hold tabs but no other control characters (is it a binary file, or was it damaged?).");

    public static readonly MessageTemplate<string, string, string> HeaderTooLong = new("cell.header_too_long", "length", "max", "text",
        "长 {length} 个字符，列名最多 {max} 个字符：“{text}”。",
        "is {length} characters long; a column name has at most {max}: \"{text}\".");

    public static readonly MessageTemplate<string, MessageText> HeaderTextProblem = new("cell.header_text", "text", "problem",
        "“{text}”{problem}", "\"{text}\" {problem}");

    public static readonly MessageTemplate<ILocalizedText, MessageText> CellProblem = new("cell.problem", "column", "problem",
        "{column}{problem}", "{column} {problem}");

    // ---- The header bound to the template ------------------------------------------------------------------------

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText, string, ILocalizedText, string> DuplicateColumn = new("header.duplicate_column",
        "column", "first_at", "first", "second_at", "second",
        "{column}列出现了两次：{first_at}“{first}”和{second_at}“{second}”，请只保留一列。",
        "the column {column} appears twice: {first_at} \"{first}\" and {second_at} \"{second}\"; keep one.");

    public static readonly MessageTemplate<ILocalizedText> MissingColumn = new("header.missing_column", "column",
        "表头缺少必填列{column}。", "the required column {column} is missing from the header.");

    public static readonly MessageTemplate<ILocalizedText> MissingColumnWrongSeparator = new("header.missing_column_separator", "column",
        "表头缺少必填列{column}。表头似乎以制表符或分号分隔，请将文件另存为以逗号分隔的 CSV。",
        "the required column {column} is missing from the header. The header looks tab- or semicolon-separated; save the file as CSV with commas.");

    public static readonly MessageTemplate<int> CsvPosition = new("header.csv_position", "index",
        "第 {index} 列", "column {index}");

    public static readonly MessageTemplate<string> XlsxPosition = new("header.xlsx_position", "letter",
        "{letter} 列", "column {letter}");

    public static readonly MessageTemplate<ListText> UnknownColumns = new("warning.unknown_columns", "columns",
        "以下列不在模板中，已忽略：{columns}。", "columns not in the template, ignored: {columns}.");

    public static readonly MessageTemplate<string> CellsBeyondHeader = new("warning.cells_beyond_header", "cell",
        "表头最后一列右侧的单元格已忽略（第一个为 {cell}）。", "cells right of the last header column are ignored (the first is {cell}).");

    // ---- One cell of a row ---------------------------------------------------------------------------------------

    public static readonly MessageTemplate<ILocalizedText> Required = new("row.required", "column",
        "{column}为必填项，但未填写。", "{column} is required but empty.");

    public static readonly MessageTemplate<ILocalizedText, MessageText> ImpossibleDateTime = new("row.impossible_date_time", "value", "reason",
        "{value}不是真实存在的日期时间：{reason}。", "{value} is not a real date-time: {reason}.");

    public static readonly MessageTemplate<ILocalizedText, MessageText> InvalidDateTimeBecause = new("row.invalid_date_time_reason", "value", "reason",
        "{value}不是日期时间：{reason}。", "{value} is not a date-time: {reason}.");

    public static readonly MessageTemplate<ILocalizedText> InvalidDateTime = new("row.invalid_date_time", "value",
        "{value}不是日期时间，应为" + DateTimeFormsZh + "。", "{value} is not a date-time; expected " + DateTimeFormsEn + ".");

    public static readonly MessageTemplate<ILocalizedText, int, int, int> ImplausibleYear = new("row.implausible_year", "value", "year", "min", "max",
        "{value}不是合理的日期时间：年份 {year} 不在 {min}—{max} 年之间。",
        "{value} is not a plausible date-time: year {year} is outside {min}–{max}.");

    public static readonly MessageTemplate<ILocalizedText, int, int> NumberNotDateTime = new("row.number_not_date_time", "value", "min", "max",
        "{value}是数字，不是 {min}—{max} 年间的日期时间，应为" + DateTimeFormsZh + "。",
        "{value} is a number, not a date-time of {min}–{max}; expected " + DateTimeFormsEn + ".");

    public static readonly MessageTemplate<ILocalizedText> MustBePositive = new("row.must_be_positive", "value",
        "{value}应大于 0。", "{value} must be greater than 0.");

    public static readonly MessageTemplate<ILocalizedText> NotWholeNumber = new("row.not_whole_number", "value",
        "{value}不是整数，应为数目，如 12。", "{value} is not a whole number; expected a count such as 12.");

    public static readonly MessageTemplate<ILocalizedText, long> CountAtLeast = new("row.count_at_least", "value", "min",
        "{value}不得小于 {min}。", "{value} must be at least {min}.");

    public static readonly MessageTemplate<ILocalizedText, long, long> CountBetween = new("row.count_between", "value", "min", "max",
        "{value}应在 {min} 至 {max} 之间。", "{value} must be between {min} and {max}.");

    public static readonly MessageTemplate<ILocalizedText, string> InvalidBoolean = new("row.invalid_boolean", "value", "accepted",
        "{value}不是“是/否”值，应填 {accepted}。", "{value} is not a yes/no value; expected {accepted}.");

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText, string> UnknownValue = new("row.unknown_value", "value", "suggestion", "accepted",
        "{value}不是可填的值。{suggestion}可填：{accepted}。", "{value} is not an accepted value. {suggestion}Accepted: {accepted}.");

    public static readonly MessageTemplate<ListText, ILocalizedText, string> UnknownFlags = new("row.unknown_flags", "items", "value", "accepted",
        "{value}中的{items}不是可填的值。可填以下各项，以 ; 或 、 分隔：{accepted}。",
        "{items} in {value}: not accepted; accepted, separated by ; or 、: {accepted}.");

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText, string> UnknownCounty = new("row.unknown_county", "value", "suggestion", "accepted",
        "{value}不是登记的县（市、区）。{suggestion}可填代码或名称：{accepted}。",
        "{value} is not a county of the registry. {suggestion}Accepted (code or name): {accepted}.");

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText, string> UnknownUtility = new("row.unknown_utility", "value", "suggestion", "accepted",
        "{value}不是登记的供电企业。{suggestion}可填代码或名称：{accepted}。",
        "{value} is not a utility of the registry. {suggestion}Accepted (code or name): {accepted}.");

    public static readonly MessageTemplate<string> DidYouMean = new("row.did_you_mean", "name",
        "您是否要输入“{name}”？", "Did you mean {name}? ");

    /// <summary>No suggestion: the empty text in both languages.</summary>
    public static readonly Localized NoSuggestion = Localized.Same("");

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText> Negative = new("row.negative", "value", "column",
        "{value}为负数，{column}不能为负。", "{value} is negative; {column} cannot be.");

    public static readonly MessageTemplate<ILocalizedText, ILocalizedText> InvalidNumber = new("row.invalid_number", "value", "expected",
        "{value}不是数字，应为{expected}。", "{value} is not a number; expected {expected}.");

    public static readonly Localized AmountExample = new("金额，如 1200、1,200.50 或 1200元（“.”为小数点）",
        "an amount such as 1200, 1,200.50 or 1200元 (\".\" is the decimal point)");

    public static readonly Localized CapacityExample = new("容量，如 250、250kW 或 1,250 kVA（“.”为小数点）",
        "a capacity such as 250, 250kW or 1,250 kVA (\".\" is the decimal point)");

    public static readonly Localized HouseholdsExample = new("户数，如 120 或 120户", "a count such as 120 or 120户");

    public static readonly Localized DaysExample = new("天数，如 3", "a number of days such as 3");

    public static readonly Localized NumberExample = new("数字，如 12 或 1,234.5", "a number such as 12 or 1,234.5");

    public static readonly MessageTemplate<int, int> TooManyFields = new("row.too_many_fields", "fields", "headers",
        "此行有 {fields} 个字段，而表头只有 {headers} 列；值中含逗号时，须用双引号将该值括起。",
        "the row has {fields} fields but the header has {headers}; a comma inside a value needs the value in double quotes.");

    public static readonly MessageTemplate<string, int> GroupRejected = new("row.group_rejected", "group", "row",
        "与停电事件 {group} 的其他行一并暂缓载入：该事件第 {row} 行有错误，同一停电事件的各行（各恢复步骤）须一并载入。",
        "set aside with the rest of {group}, whose row {row} has errors: all rows (steps) of one outage load together.");

    // ---- Why a date-time or an ID number is wrong (the end of another message) -----------------------------------

    public static readonly MessageTemplate<int, int, int> YearOutside = new("reason.year_outside", "year", "min", "max",
        "年份 {year} 不在 {min}—{max} 年之间", "year {year} is outside {min}–{max}");

    public static readonly MessageTemplate<int> NoSuchMonth = new("reason.no_such_month", "month",
        "没有 {month} 月", "there is no month {month}");

    public static readonly MessageTemplate<string, int> DaysInMonth = new("reason.days_in_month", "month", "days",
        "{month} 只有 {days} 天", "{month} has {days} days");

    public static readonly MessageTemplate<string> NotATimeOfDay = new("reason.not_time_of_day", "time",
        "{time} 不是一天中的时刻", "{time} is not a time of day");

    public static readonly MessageTemplate<string, int, int> SerialOutOfRange = new("reason.serial_out_of_range", "number", "min", "max",
        "此处的数字按 Excel 日期序号读取，而 {number} 不在 {min}—{max} 年之间",
        "a number here is read as an Excel serial date, and {number} is not one of the years {min}–{max}");

    public static readonly MessageTemplate IdFifteenDigits = new("reason.id_fifteen_digits",
        "15 位的一代身份证号码没有校验码，请填写 18 位号码", "a 15-digit first-generation number has no check digit; give the 18-character number");

    public static readonly MessageTemplate<int> IdLength = new("reason.id_length", "length",
        "身份证号码应为 18 位，此号码为 {length} 位", "an ID number has 18 characters, this one has {length}");

    public static readonly MessageTemplate IdDigits = new("reason.id_digits",
        "身份证号码前 17 位应为数字", "the first 17 characters of an ID number are digits");

    public static readonly MessageTemplate IdCheckCharacter = new("reason.id_check_character",
        "第 18 位校验码与前 17 位不符（GB 11643）", "the check character (the 18th) does not match the first 17 digits (GB 11643)");

    public static readonly MessageTemplate IdBirthDate = new("reason.id_birth_date",
        "号码中的出生日期（第 7—14 位）不是可能的出生日期", "the birth date inside the number (characters 7–14) is not a possible date of birth");

    // ---- Rules of one template's rows ----------------------------------------------------------------------------

    public static readonly MessageTemplate DualSourceOnLowVoltage = new("applications.dual_source_lv",
        "双电源属于高压供电方式，低压（lv）报装只能为 1 路电源。",
        "two power sources (双电源) are a high-voltage arrangement; a low-voltage (lv) application has 1.");

    public static readonly MessageTemplate IdNumberStoredAsNumber = new("applications.id_number_as_number",
        "身份证号码以数字格式保存，Excel 已丢失其末几位；请将该列设为文本格式后重新录入号码。",
        "the ID number is stored as a number, so Excel has dropped its last digits; format the column as text (文本) and type the numbers again.");

    public static readonly MessageTemplate<ILocalizedText, MessageText> InvalidIdNumber = new("applications.invalid_id_number", "value", "reason",
        "{value}不是有效的身份证号码：{reason}。", "{value} is not a valid ID number: {reason}.");

    public static readonly MessageTemplate<ILocalizedText, string, ILocalizedText, string> EndBeforeStart = new("applications.end_before_start",
        "end_column", "end", "start_column", "start",
        "{end_column} {end} 早于{start_column} {start}，结束不能早于开始。",
        "{end_column} {end} is before {start_column} {start}; an end cannot come before its start.");

    public static readonly MessageTemplate<ILocalizedText, string, string> BeforeAccepted = new("applications.before_accepted", "column", "value", "accepted",
        "{column} {value} 早于受理时间 {accepted}，任何环节都不能早于受理。",
        "{column} {value} is before accepted_at {accepted}; no stage can happen before the application is accepted.");

    public static readonly MessageTemplate ConnectedWithoutTime = new("applications.connected_without_time",
        "状态为已接电，但未填写装表接电时间。", "status is connected (已接电) but connected_at (装表接电时间) is empty.");

    public static readonly MessageTemplate WithdrawnButConnected = new("applications.withdrawn_but_connected",
        "状态为已撤销，但填写了装表接电时间；已撤销的工单不会接电。",
        "status is withdrawn (已撤销) but connected_at (装表接电时间) is given; a withdrawn application was never connected.");

    public static readonly MessageTemplate WithdrawnWithoutTime = new("applications.withdrawn_without_time",
        "状态为已撤销，但未填写撤销时间。", "status is withdrawn (已撤销) but withdrawn_at (撤销时间) is empty.");

    public static readonly MessageTemplate InProgressButConnected = new("applications.in_progress_but_connected",
        "状态为在途，但填写了装表接电时间；已接电的工单状态应为已接电。",
        "status is in_progress (在途) but connected_at (装表接电时间) is given; a connected application has status connected (已接电).");

    public static readonly MessageTemplate InProgressButWithdrawn = new("applications.in_progress_but_withdrawn",
        "状态为在途，但填写了撤销时间；已撤销的工单状态应为已撤销。",
        "status is in_progress (在途) but withdrawn_at (撤销时间) is given; a withdrawn application has status withdrawn (已撤销).");

    public static readonly MessageTemplate ConnectedButWithdrawn = new("applications.connected_but_withdrawn",
        "状态为已接电，但填写了撤销时间。", "status is connected (已接电) but withdrawn_at (撤销时间) is given.");

    public static readonly MessageTemplate<string, string, int> DuplicateApplication = new("applications.duplicate", "id", "utility", "row",
        "{utility} 的工单 {id} 已在第 {row} 行出现，每张工单在一个文件中只能有一行。",
        "application {id} of {utility} is already in row {row}; a file has one row per application.");

    public static readonly MessageTemplate<string, string> OutageEndBeforeStart = new("outages.end_before_start", "end", "start",
        "停电结束时间 {end} 早于开始时间 {start}，不可能先恢复供电、后停电。",
        "end_at {end} is before start_at {start}; power cannot come back before it went off.");

    public static readonly MessageTemplate<string, int, ILocalizedText, string, string> InconsistentOutage = new("outages.inconsistent",
        "id", "row", "column", "first", "now",
        "停电事件 {id}：第 {row} 行的{column}为 {first}，本行为 {now}；同一停电事件的各行（各恢复步骤）的供电企业、县（市、区）、区域、停电类型和开始时间必须一致。",
        "outage {id}: row {row} gives {column} {first}, this row gives {now}; the rows (restoration steps) of one outage must agree on utility, county, area, kind and start_at.");

    public static readonly MessageTemplate<ILocalizedText, int, int> InvalidPeriod = new("customers.invalid_period", "value", "min", "max",
        "{value}不是统计期，应为年份（如 2022）或月份（如 2022-06），年份在 {min}—{max} 之间。",
        "{value} is not a period; expected a year such as 2022 or a month such as 2022-06 (years {min}–{max}).");

    public static readonly MessageTemplate<string, string, string, string, int> DuplicateCustomers = new("customers.duplicate",
        "period", "utility", "county", "area", "row",
        "统计期 {period}、{utility}、{county}、{area} 已在第 {row} 行出现，每个统计期、供电企业、县（市、区）和区域在一个文件中只能有一行。",
        "period {period}, {utility}, {county}, {area} is already in row {row}; a file has one row per period, utility, county and area.");

    public static readonly MessageTemplate<ILocalizedText> InvalidHalfYear = new("notes.invalid_half", "value",
        "{value}不是半年度，应为 2022H1、2022H2、2022年上半年或2022年下半年。",
        "{value} is not a half year; expected 2022H1, 2022H2, 2022年上半年 or 2022年下半年.");

    public static readonly MessageTemplate<string, string, string, int> DuplicateNote = new("notes.duplicate", "utility", "half", "section", "row",
        "{utility} {half} 的“{section}”部分已在第 {row} 行出现，每个供电企业、半年度和部分在一个文件中只能有一行。",
        "{utility} {half} section {section} is already in row {row}; a file has one row per utility, half and section.");

    // ---- The weekly ledger filed back (工作台账) ------------------------------------------------------------------

    public static readonly MessageTemplate LedgerNotXlsx = new("ledger.not_xlsx",
        "不是 XLSX 工作簿：每周工作台账是 analytics ledger 生成的 .xlsx 文件。",
        "is not an XLSX workbook: a weekly ledger is the .xlsx file `analytics ledger` writes.");

    public static readonly MessageTemplate<string, string> LedgerNoProgressSheet = new("ledger.no_progress_sheet", "sheet", "sheets",
        "没有“{sheet}”工作表，不是每周工作台账。本文件的工作表：{sheets}。",
        "no sheet {sheet}: this is not a weekly ledger (工作台账). Its sheets: {sheets}.");

    public static readonly MessageTemplate<string, int, ListText> LedgerNoHeader = new("ledger.no_header", "header", "rows", "expected",
        "前 {rows} 行中没有含“{header}”的表头行；应有以下各列：{expected}。",
        "no header row with {header} in the first {rows} rows; expected the columns {expected}.");

    public static readonly MessageTemplate<ListText, ListText> LedgerMissingHeaders = new("ledger.missing_headers", "missing", "expected",
        "表头行缺少{missing}；应有以下各列：{expected}。", "the header row lacks {missing}; expected the columns {expected}.");

    public static readonly MessageTemplate<string, int> LedgerDuplicateSignature = new("ledger.duplicate_signature", "label", "row",
        "签字栏中“{label}”出现两次（第一次在第 {row} 行），只写一次。",
        "the signature block gives {label} twice (first on row {row}); write it once.");

    public static readonly MessageTemplate<string, string> LedgerNoTask = new("ledger.no_task", "task_header", "title_header",
        "此行填写了工作进展，但没有任务：请填写“{task_header}”（如 任务3）；其他工作请填写“{title_header}”。",
        "the row has progress but no task: write the task ({task_header}, e.g. 任务3) or, for other work, a {title_header}.");

    public static readonly MessageTemplate<string, string, string, string> LedgerNotRectification = new("ledger.not_rectification",
        "value", "prefix", "example", "title_header",
        "“{value}”不是整改事项编号：整改台账的事项写作“{prefix}”加编号（如 {example}，见 analytics rectify list）；其他工作请写在“{title_header}”列。",
        "\"{value}\" is not a rectification item: items of the rectification ledger are written {prefix} and their number (e.g. {example}, see analytics rectify list); other work goes in the {title_header} column.");

    public static readonly MessageTemplate<string, int> LedgerDuplicateTask = new("ledger.duplicate_task", "task", "row",
        "{task}出现两次（第一次在第 {row} 行），每项任务只写一次。", "{task} appears twice (first on row {row}); write each task once.");

    public static readonly MessageTemplate<string> LedgerReservedTask = new("ledger.reserved_task", "name",
        "“{name}”是签字栏的保留名称，不能作为任务名称，请改写任务名称。",
        "\"{name}\" is the signature block's reserved name, not a task name; name the task otherwise.");

    public static readonly MessageTemplate<string, string, string, ListText, string> LedgerTaskNotCounty = new("ledger.task_not_county",
        "task", "title", "unit", "tasks", "plan",
        "{task}（{title}）的责任单位是{unit}，不是县（市、区）能源局；本台账只报送{tasks}及其他工作，请删除此行（{plan}）。",
        "{task} ({title}) is the task of {unit}, not of the county energy bureaus; this ledger reports only {tasks} and other work: delete the row ({plan}).");

    public static readonly MessageTemplate<string, string, ListText, string> LedgerTaskNotInPlan = new("ledger.task_not_in_plan",
        "plan", "task", "tasks", "title_header",
        "{plan}没有{task}；县（市、区）能源局负责的任务是{tasks}，其他工作请写在“{title_header}”列。",
        "{plan} has no {task}; the county energy bureaus' tasks are {tasks}, and other work goes in the {title_header} column.");

    public static readonly MessageTemplate<string, ListText> LedgerStatusNotInList = new("ledger.status_not_in_list", "value", "statuses",
        "状态“{value}”不在下拉列表中，应为{statuses}之一。", "the status \"{value}\" is not in the sheet's list; expected one of {statuses}.");

    public static readonly MessageTemplate<string, ListText, string> LedgerStatusNotInListNear = new("ledger.status_not_in_list_near", "value", "statuses", "near",
        "状态“{value}”不在下拉列表中，应为{statuses}之一（是否指“{near}”？）",
        "the status \"{value}\" is not in the sheet's list; expected one of {statuses} (did you mean {near}?)");

    public static readonly MessageTemplate<string, string> LedgerUnknownCounty = new("ledger.unknown_county", "value", "accepted",
        "“{value}”不是登记的县（市、区）。可填：{accepted}", "unknown county \"{value}\". Known: {accepted}");

    public static readonly MessageTemplate<string> LedgerMetaDate = new("ledger.meta_date", "value",
        "“{value}”不是 yyyy-MM-dd 格式的日期。", "\"{value}\" is not a date yyyy-MM-dd.");

    public static readonly MessageTemplate<string, string> LedgerTitleCounty = new("ledger.title_county", "title", "written",
        "标题写的是{title}，但本台账是为{written}生成的；请各县（市、区）报送本县的台账。",
        "the title names {title} but the ledger was written for {written}; file each county's own ledger.");

    public static readonly MessageTemplate<string, string> LedgerTitleDate = new("ledger.title_date", "title", "written",
        "标题写的是 {title}，但本台账是为 {written} 生成的。", "the title names {title} but the ledger was written for {written}.");

    public static readonly MessageTemplate<string, string, string> LedgerUnidentified = new("ledger.unidentified", "sheet", "title", "example",
        "无法确定本台账所属的县（市、区）和报送周四：隐藏工作表“{sheet}”已缺失，标题“{title}”也不是“{example}”的格式。",
        "cannot tell which county and Thursday this ledger is for: the hidden sheet {sheet} is missing and the title \"{title}\" is not of the form {example}.");

    public static readonly MessageTemplate<string, string, string> LedgerNotThursday = new("ledger.not_thursday", "date", "before", "after",
        "{date} 不是周四（最近的周四为 {before}、{after}）；台账应在每周四报送。",
        "{date} is not a Thursday (nearest: {before}, {after}); ledgers are due on Thursdays.");

    public static readonly MessageTemplate<ListText> LedgerNoSignatureBlock = new("ledger.no_signature_block", "labels",
        "已填写工作进展，但表格下方没有签字栏：请在A列写{labels}，C列写对应内容（或用 analytics ledger 重新生成本周台账后填写）。",
        "progress is filled in but there is no signature block under the table: write {labels} in column A and their values in column C (or make this week's ledger again with analytics ledger and fill it in).");

    public static readonly MessageTemplate<string> LedgerSignatureLabelMissing = new("ledger.signature_label_missing", "label",
        "签字栏缺少“{label}”一行：请在A列写“{label}”，C列写对应内容。",
        "the signature block lacks a row {label}: write {label} in column A and its value in column C.");

    public static readonly MessageTemplate<string, string> LedgerSignatureEmpty = new("ledger.signature_empty", "cell", "label",
        "未填写：请在 {cell} 填写{label}。", "is empty: fill in {label} in {cell}.");

    public static readonly MessageTemplate LedgerSignatureName = new("ledger.signature_name",
        "应为填写人的姓名（不含数字，最多20个字）。", "should be the person's name (no digits, at most 20 characters).");

    public static readonly MessageTemplate LedgerSignaturePhone = new("ledger.signature_phone",
        "不是有效的电话号码：应为11位手机号（如138xxxxxxxx）或带区号的固定电话（如0357-xxxxxxx），可加分机号。",
        "is not a valid telephone number: an 11-digit mobile number (e.g. 138xxxxxxxx) or a landline with its area code (e.g. 0357-xxxxxxx), with an extension if need be.");

    public static readonly MessageTemplate<string, string, string> LedgerSignatureDateEarly = new("ledger.signature_date_early", "date", "from", "to",
        "{date}早于本台账所报的一周（{from}至{to}）：请填写实际报送的日期。",
        "{date} is before the week this ledger reports ({from} to {to}): give the day it is actually filed.");

    public static readonly MessageTemplate<string, string> LedgerSignatureDateLate = new("ledger.signature_date_late", "date", "due",
        "{date}比应报送日{due}晚一年以上：请检查年份。", "{date} is more than a year after the due day {due}: check the year.");

    public static readonly MessageTemplate<string> LedgerSignatureNotDate = new("ledger.signature_not_date", "value",
        "“{value}”不是日期：请写成 2026-11-26 或 2026年11月26日。", "\"{value}\" is not a date: write 2026-11-26 or 2026年11月26日.");

    public static readonly MessageTemplate<string, string, MessageText> LedgerSignatureCell = new("ledger.signature_cell", "label", "cell", "problem",
        "{label}（{cell}）{problem}", "{label} ({cell}) {problem}");

    public static readonly MessageTemplate<string, string, MessageText> LedgerCell = new("ledger.cell", "header", "cell", "problem",
        "{header}（{cell}）{problem}", "{header} ({cell}) {problem}");

    public static readonly MessageTemplate<string, string, long, string> LedgerRectificationUnknown = new("ledger.rectification_unknown",
        "task_header", "task", "id", "title_header",
        "{task_header} {task}：整改台账中没有编号为 {id} 的事项（见 analytics rectify list）；请核对编号，其他工作请写在“{title_header}”列。",
        "{task_header} {task}: the rectification ledger has no item {id} (see analytics rectify list); check the number, and write other work in the {title_header} column.");

    public static readonly MessageTemplate<string, string, long, string, string> LedgerRectificationOtherCounty = new("ledger.rectification_other_county",
        "task_header", "task", "id", "county", "unit",
        "{task_header} {task}：整改事项 {id} 不属于{county}（责任单位：{unit}），本台账只报送本县（市、区）的整改事项。",
        "{task_header} {task}: rectification item {id} is not {county}'s (responsible: {unit}); this ledger reports only the county's own items.");

    // ---- The customer key file (personal data is hashed with it) -------------------------------------------------

    private const string NoNewKeyZh = "analytics 不会新建密钥：新密钥会使重走流程的关联失效。未载入任何数据。";
    private const string NoNewKeyEn = "analytics makes no new key: a new key would break the links between re-applications. Nothing was loaded.";

    public static readonly MessageTemplate<string, string, string> KeyFileMissingForStore = new("key.missing_for_store", "path", "store", "fingerprint",
        "{path}: 找不到客户密钥文件。存储 {store} 中的客户标识是用指纹为 {fingerprint} 的密钥生成的；请从备份恢复该密钥文件到 {path}（或用 --key-file / ANALYTICS_KEY_FILE 指定它）后重试。" + NoNewKeyZh,
        "{path}: the customer key file is missing. The customer keys in the store {store} were made with the key of fingerprint {fingerprint}; restore that key file from a backup to {path} (or name it with --key-file / ANALYTICS_KEY_FILE) and try again. " + NoNewKeyEn);

    public static readonly MessageTemplate<string, string> KeyFileMissingKeysHeld = new("key.missing_keys_held", "path", "store",
        "{path}: 找不到客户密钥文件，而存储 {store} 中已有用某个密钥生成的客户标识；请从备份恢复原来的密钥文件到 {path}（或用 --key-file / ANALYTICS_KEY_FILE 指定它）后重试。" + NoNewKeyZh,
        "{path}: the customer key file is missing, and the store {store} already holds customer keys made with some key; restore the original key file from a backup to {path} (or name it with --key-file / ANALYTICS_KEY_FILE) and try again. " + NoNewKeyEn);

    public static readonly MessageTemplate<string, string, string, string> KeyFileNotTheStores = new("key.not_the_stores", "path", "fingerprint", "store", "recorded",
        "{path}: 此客户密钥（指纹 {fingerprint}）不是存储 {store} 登记的密钥（指纹 {recorded}）；请从备份恢复建立此存储时所用的密钥文件，或用 --key-file / ANALYTICS_KEY_FILE 指定它。未载入任何数据。",
        "{path}: this customer key (fingerprint {fingerprint}) is not the key the store {store} recorded (fingerprint {recorded}); restore the key file the store was made with from a backup, or name it with --key-file / ANALYTICS_KEY_FILE. Nothing was loaded.");

    public static readonly MessageTemplate<string> KeyFileIsFolder = new("key.is_folder", "path",
        "{path}: 这是一个文件夹，不是客户密钥文件；请用 --key-file 或 ANALYTICS_KEY_FILE 指定密钥文件本身。",
        "{path}: this is a folder, not a customer key file; name the key file itself with --key-file or ANALYTICS_KEY_FILE.");

    public static readonly MessageTemplate<string, int> KeyFileNotAKey = new("key.not_a_key", "path", "digits",
        "{path}: 客户密钥文件应只含 {digits} 位十六进制数字。", "{path}: the customer key file must hold {digits} hexadecimal digits.");

    public static readonly MessageTemplate<string, string> KeyFileUnreadable = new("key.unreadable", "path", "reason",
        "{path}: 无法读取客户密钥文件（{reason}）；请检查该文件及其文件夹的权限。",
        "{path}: cannot read the customer key file ({reason}); check the permissions of the file and its folder.");

    public static readonly MessageTemplate<string, string> KeyFileNotCreated = new("key.not_created", "path", "reason",
        "{path}: 无法创建客户密钥文件（{reason}）；请检查其文件夹是否可写，或用 --key-file / ANALYTICS_KEY_FILE 指定别的位置。",
        "{path}: cannot create the customer key file ({reason}); check that its folder is writable, or name another place with --key-file / ANALYTICS_KEY_FILE.");
}
