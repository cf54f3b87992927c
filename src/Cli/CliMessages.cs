using Analytics.Ingest.Messages;

namespace Analytics.Cli;

/// <summary>
/// The command line's own messages (usage errors, failures, the summaries of a load), in Chinese (the default) and
/// English (<c>--lang en</c>); one catalogue like ingest's <see cref="IngestMessages"/>, with stable ids.
/// </summary>
public static class CliMessages
{
    // ---- Usage (exit 2) ------------------------------------------------------------------------------------------

    public static readonly MessageTemplate SeeHelp = new("cli.see_help",
        "运行 analytics --help 查看用法。", "Run 'analytics --help' for usage.");

    public static readonly MessageTemplate<string, string> NotALanguage = new("cli.not_a_language", "source", "text",
        "{source}：“{text}”不是可用的语言，应为 zh（中文）或 en（英文）。", "{source}: \"{text}\" is not a language; expected zh (Chinese) or en (English).");

    public static readonly MessageTemplate<string, string> NotADate = new("cli.not_a_date", "option", "text",
        "{option}：“{text}”不是日期，应为 yyyy-MM-dd 格式，如 2026-11-26。", "{option}: \"{text}\" is not a date; expected yyyy-MM-dd, e.g. 2026-11-26.");

    public static readonly MessageTemplate<string, string, int, int> YearOutside = new("cli.year_outside", "option", "text", "first", "last",
        "{option}：{text} 超出支持的范围（{first}—{last} 年）。", "{option}: {text} is outside the supported years {first}–{last}.");

    public static readonly MessageTemplate<string> EmptyFilePath = new("cli.empty_file_path", "option",
        "{option}：文件名为空。", "{option}: an empty path is not a file.");

    public static readonly MessageTemplate<string, string, string> WrongExtension = new("cli.wrong_extension", "option", "text", "ext",
        "{option}：“{text}”扩展名不符，应为 {ext}。", "{option}: \"{text}\": the file must end with {ext}.");

    public static readonly MessageTemplate<string> EmptyFolderPath = new("cli.empty_folder_path", "option",
        "{option}：文件夹名为空。", "{option}: an empty path is not a folder.");

    public static readonly MessageTemplate<string, string> InvalidPath = new("cli.invalid_path", "option", "text",
        "{option}：“{text}”不是有效的路径。", "{option}: \"{text}\" is not a valid path.");

    public static readonly MessageTemplate<string, string> NotAFolder = new("cli.not_a_folder", "option", "text",
        "{option}：{text} 已存在且不是文件夹。", "{option}: {text} exists and is not a folder.");

    /// <summary>A text worded elsewhere (a library's, the store's), shown as it is in both languages.</summary>
    public static readonly MessageTemplate<string> Verbatim = new("cli.verbatim", "text", "{text}", "{text}");

    /// <summary>An option and a reason given by another part of the program (its own wording).</summary>
    public static readonly MessageTemplate<string, string> OptionReason = new("cli.option_reason", "option", "reason",
        "{option}：{reason}", "{option}: {reason}");

    /// <summary>The same, the reason worded in both languages by the domain (<see cref="DomainLocalized"/>).</summary>
    public static readonly MessageTemplate<string, ILocalizedText> OptionReasonText = new("cli.option_reason_text", "option", "reason",
        "{option}：{reason}", "{option}: {reason}");

    public static readonly MessageTemplate<string> RequiredDate = new("cli.required_date", "name",
        "必须给出 {name}（yyyy-MM-dd）。", "{name} is required (yyyy-MM-dd).");

    public static readonly MessageTemplate<string, string, ListText> NotOneOf = new("cli.not_one_of", "option", "text", "allowed",
        "{option}：“{text}”不是可用的值，应为 {allowed} 之一。", "{option}: \"{text}\" is not one of {allowed}.");

    public static readonly MessageTemplate<string> RegistryMissing = new("cli.registry_missing", "path",
        "--registry：{path} 不存在。", "--registry: {path} does not exist.");

    public static readonly MessageTemplate KeyFileEmpty = new("cli.key_file_empty",
        "--key-file：路径为空。", "--key-file: the path is empty.");

    public static readonly MessageTemplate<string, ILocalizedText, string> UnknownCounty = new("cli.unknown_county", "text", "suggestion", "accepted",
        "--county：“{text}”不是本市的县（市、区）。{suggestion}可用：{accepted}。",
        "--county: \"{text}\" is not a county of the city. {suggestion}Accepted: {accepted}.");

    public static readonly MessageTemplate<string, ILocalizedText, string> UnknownUtility = new("cli.unknown_utility", "text", "suggestion", "accepted",
        "--utility：“{text}”不是登记的供电企业。{suggestion}可用：{accepted}。",
        "--utility: \"{text}\" is not a registered utility. {suggestion}Accepted: {accepted}.");

    public static readonly MessageTemplate<string, string> DidYouMean = new("cli.did_you_mean", "name", "code",
        "是否指 {name}（{code}）？", "Did you mean {name} ({code})? ");

    public static readonly MessageTemplate<string, string> ToBeforeFrom = new("cli.to_before_from", "to", "from",
        "--to {to} 早于 --from {from}。", "--to {to} is before --from {from}.");

    public static readonly MessageTemplate YearWithRange = new("cli.year_with_range",
        "--year 不能与 --from/--to 同时使用。", "--year cannot be combined with --from/--to.");

    public static readonly MessageTemplate<int> NotAYear = new("cli.not_a_year", "year",
        "--year：{year} 不是有效的年份。", "--year: {year} is not a year.");

    public static readonly MessageTemplate ApplicationNeedsUtility = new("cli.application_needs_utility",
        "--application 须与 --utility 一起使用。", "--application needs --utility.");

    public static readonly MessageTemplate ResolvedOrNot = new("cli.resolved_or_not",
        "--resolved 与 --not-resolved 须给出且只能给出其一。", "Give exactly one of --resolved and --not-resolved.");

    public static readonly MessageTemplate GenerateNegative = new("cli.generate_negative",
        "--applications 和 --outages 不能为负数。", "--applications and --outages must be ≥ 0.");

    public static readonly MessageTemplate<string, string> GenerateTooMany = new("cli.generate_too_many", "applications", "outages",
        "每次运行 --applications 最多 {applications}，--outages 最多 {outages}（需要更多时，请用不同的 --seed 多次运行）。",
        "--applications is at most {applications} and --outages at most {outages} a run (run several with different --seed for more).");

    public static readonly MessageTemplate GameShareNeedsUtility = new("cli.game_share_needs_utility",
        "--game-share 须与 --game-utility 一起使用。", "--game-share needs --game-utility.");

    public static readonly MessageTemplate SemiannualMode = new("cli.semiannual_mode",
        "analytics report semiannual 须给出 --utility U 或 --all，且只能给出其一。", "report semiannual needs exactly one of --utility U or --all.");

    public static readonly MessageTemplate DocNumberNeedsUtility = new("cli.doc_number_needs_utility",
        "--doc-number：每家供电企业的报告各有文号，只能与 --utility 一起使用。",
        "--doc-number: each utility's report has its own document number; use it only with --utility.");

    public static readonly MessageTemplate<string> DocNumberIncomplete = new("cli.doc_number_incomplete", "text",
        "--doc-number：“{text}”不是完整文号；应为发文机关代字〔年份〕序号号（如 临供电发〔2026〕15号）。",
        "--doc-number: \"{text}\" is not a whole document number; expected the issuer's code, 〔year〕 and the number with 号 (e.g. 临供电发〔2026〕15号).");

    public static readonly MessageTemplate<string> DocNumberInvalid = new("cli.doc_number_invalid", "text",
        "--doc-number：“{text}”不是文号；应为序号（如 12）或完整文号（如 临能源电力发〔2026〕12号）。",
        "--doc-number: \"{text}\" is not a document number; expected a sequence number (e.g. 12) or a whole number (e.g. 临能源电力发〔2026〕12号).");

    public static readonly MessageTemplate<string> NotAHalfYear = new("cli.not_a_half_year", "text",
        "--half：“{text}”不是半年度，应为如 2026H1 或 2026H2。", "--half: \"{text}\" is not a half-year; expected e.g. 2026H1 or 2026H2.");

    public static readonly MessageTemplate<string> UrlNotHttp = new("cli.url_not_http", "url",
        "--urls：“{url}”不是 http:// 或 https:// 地址。", "--urls: \"{url}\" is not an http:// or https:// address.");

    public static readonly MessageTemplate<string, string> CannotListen = new("cli.cannot_listen", "address", "reason",
        "--urls：无法在 {address} 上监听（{reason}）", "--urls: cannot listen on {address} ({reason})");

    public static readonly MessageTemplate LedgerMode = new("cli.ledger_mode",
        "analytics ledger 须给出 --county C、--all 或 --city，且只能给出其一。", "ledger needs exactly one of --county C, --all or --city.");

    public static readonly MessageTemplate XlsxNeedsOut = new("cli.xlsx_needs_out",
        "--format xlsx 须与 --out（文件名）一起使用。", "--format xlsx needs --out FILE.");

    // Issue 12 item 2: the store's derived figures computed again under another calendar, policy or rule version.
    public static readonly MessageTemplate<ListText, long> DerivedAgain = new("cli.derived_again", "what", "count",
        "{what}，已重新计算 {count} 条申请记录的派生指标。",
        "{what}: the derived figures of {count} application records were computed again.");

    public static readonly Localized DerivedCalendarChanged = new("节假日日历已变更", "the holiday calendar changed");
    public static readonly Localized DerivedPolicyChanged = new("工作方案的目标已变更", "the plan's targets changed");
    public static readonly Localized DerivedRulesChanged = new("派生指标的计算规则已更新", "the derivation rules changed");

    public static readonly MessageTemplate<long> DerivedFirst = new("cli.derived_first", "count",
        "已为 {count} 条申请记录计算派生指标（此前库中没有或不全）。",
        "Derived figures were computed for {count} application records (the store held none, or not for every record).");

    public static readonly MessageTemplate WhatOnlyForCsv = new("cli.what_only_for_csv",
        "--what 只用于 --format csv。", "--what is only for --format csv.");

    public static readonly MessageTemplate SpotCheckToBeforeFrom = new("cli.spotcheck_to_before_from",
        "--to 早于 --from。", "--to is before --from.");

    public static readonly MessageTemplate<string, string> CalendarToBeforeFrom = new("cli.calendar_to_before_from", "to", "from",
        "终止日 TO {to} 早于起始日 FROM {from}，请先写较早的日期。", "TO {to} is before FROM {from}; give the earlier date first.");

    public static readonly MessageTemplate<int> CalendarNegative = new("cli.calendar_negative", "count",
        "N：{count} 为负数，应为大于或等于 0 的整数。", "N: {count} is negative; expected a whole number ≥ 0.");

    public static readonly MessageTemplate<int, string> CalendarTooMany = new("cli.calendar_too_many", "count", "max",
        "N：{count} 超过 {max} 个工作日。", "N: {count} is more than {max} working days.");

    // ---- Bad input and failures ----------------------------------------------------------------------------------

    public static readonly MessageTemplate<string> NoData = new("cli.no_data", "what",
        "{what}：数据库中还没有数据。", "{what}: no data loaded yet.");

    public static readonly MessageTemplate<string, string, string> PeriodAfterData = new("cli.period_after_data", "what", "start", "through",
        "{what}：报告期始于 {start}，晚于数据截止日 {through}（data_through），没有可统计的数据。",
        "{what}: the period starts on {start}, after the data ends on {through} (data_through); there is nothing to count.");

    public static readonly MessageTemplate<string> NoAccount = new("cli.no_account", "name",
        "没有账户 {name}。", "no such account: {name}.");

    public static readonly MessageTemplate<string> AlreadyLoadedByAnother = new("cli.already_loaded_by_another", "reason",
        "该文件已由另一进程载入，本次未作任何更改：{reason}", "already loaded by another process; nothing changed: {reason}");

    public static readonly MessageTemplate<string> StoreBusy = new("cli.store_busy", "reason",
        "存储正被另一进程占用，本次未作任何更改，请稍后重试（{reason}）", "the store is busy; nothing was changed, try again later ({reason})");

    public static readonly MessageTemplate<string> DiskFull = new("cli.disk_full", "reason",
        "磁盘空间不足：{reason}", "disk full: {reason}");

    public static readonly MessageTemplate<string> IoError = new("cli.io_error", "reason",
        "文件读写失败：{reason}", "I/O error: {reason}");

    public static readonly MessageTemplate Cancelled = new("cli.cancelled",
        "已取消。", "cancelled.");

    public static readonly MessageTemplate<string, string> InternalError = new("cli.internal_error", "type", "reason",
        "内部错误：{type}：{reason}", "internal error: {type}: {reason}");

    public static readonly MessageTemplate NoAccountYet = new("cli.no_account_yet",
        "警告：还没有任何账户；请先运行 analytics user add NAME --role bureau。", "warning: no account yet; run analytics user add NAME --role bureau first.");

    public static readonly MessageTemplate<string, string> ScopedWarning = new("cli.scoped_warning", "scope", "reason",
        "警告：{scope}：{reason}", "warning: {scope}: {reason}");

    // ---- Loading files (analytics ingest) ------------------------------------------------------------------------

    public static readonly MessageTemplate NothingLoadedFixFiles = new("cli.nothing_loaded_fix_files",
        "未载入任何数据：请改正以上文件后重新运行本命令，或用 --accept-partial 只载入正确的行。",
        "Nothing was loaded: fix the files above and run the command again, or load the good rows with --accept-partial.");

    public static readonly MessageTemplate NothingLoaded = new("cli.nothing_loaded",
        "未载入任何数据。", "Nothing was loaded.");

    public static readonly MessageTemplate<string, string> NoGoodRows = new("cli.no_good_rows", "path", "rejects",
        "{path}：没有正确的行，未载入任何数据。被拒绝的行已写入 {rejects}。", "{path}: no good rows; nothing loaded. The rejected rows are in {rejects}.");

    public static readonly MessageTemplate<string, int> ErrorsNothingLoaded = new("cli.errors_nothing_loaded", "path", "count",
        "{path}：共 {count} 处错误，未载入任何数据。", "{path}: {count} error(s); nothing loaded.");

    public static readonly MessageTemplate FilesLoadTogether = new("cli.files_load_together",
        "同一命令中的文件须一并载入：所有文件均未载入。", "The files of one command load together: none of them was loaded.");

    public static readonly MessageTemplate<string, int> MoreErrors = new("cli.more_errors", "path", "count",
        "{path}：……另有 {count} 处错误。", "{path}: … and {count} more error(s).");

    public static readonly MessageTemplate<string, string, string> AlreadyLoaded = new("cli.already_loaded", "path", "id", "at",
        "{path}：已于 {at} 作为第 {id} 号报送载入，本次未作任何更改。", "{path}: already loaded as filing #{id} on {at}; nothing changed.");

    public static readonly MessageTemplate<string, string> LedgerAlreadyLoaded = new("cli.ledger_already_loaded", "path", "id",
        "{path}：已作为第 {id} 号报送载入，本次未作任何更改。", "{path}: already loaded as filing #{id}; nothing changed.");

    public static readonly MessageTemplate<string, string> ChangedCounts = new("cli.changed_counts", "changed", "unchanged",
        "新增或变更 {changed} 行，未变 {unchanged} 行", "{changed} new or changed, {unchanged} unchanged");

    public static readonly MessageTemplate<string, string, string, string, MessageText> Loaded = new("cli.loaded", "path", "rows", "id", "as_of", "counts",
        "{path}：已载入 {rows} 行，为第 {id} 号报送（数据截至 {as_of}；{counts}）。", "{path}: loaded {rows} rows as filing #{id} (as of {as_of}; {counts}).");

    public static readonly MessageTemplate<string, string, string, string, string, MessageText, MessageText> PartiallyLoaded = new("cli.partially_loaded",
        ["path", "rows", "read", "id", "as_of", "counts", "rejected"],
        "{path}：已载入 {read} 行中的 {rows} 行，为第 {id} 号报送（数据截至 {as_of}；{counts}）；{rejected}",
        "{path}: loaded {rows} of {read} rows as filing #{id} (as of {as_of}; {counts}); {rejected}");

    public static readonly MessageTemplate<string, string> RejectedRows = new("cli.rejected_rows", "count", "rejects",
        "被拒绝的 {count} 行已写入 {rejects}。", "{count} rejected rows written to {rejects}.");

    public static readonly MessageTemplate<string, string, string, string, string, ILocalizedText> LedgerLoaded = new("cli.ledger_loaded",
        ["path", "county", "date", "notes", "id", "signed"],
        "{path}：{county} {date} 的工作台账：{notes} 条工作进展已载入，为第 {id} 号报送{signed}。",
        "{path}: {county} ledger of {date}: {notes} progress notes loaded as filing #{id}{signed}.");

    public static readonly MessageTemplate<string, string> SignedBy = new("cli.signed_by", "name", "date",
        "（填报人 {name}，报送日期 {date}）", "; filed by {name} on {date}");

    // ---- Informational lines (what a person reads on the terminal; JSON/CSV/TSV output stays as it is) -------------

    public static readonly MessageTemplate<string> Wrote = new("cli.wrote", "path",
        "已写入 {path}", "wrote {path}");

    public static readonly MessageTemplate<string> GeneratedIn = new("cli.generated_in", "seconds",
        "样例数据生成完毕，用时 {seconds} 秒", "generated in {seconds} s");

    public static readonly MessageTemplate<string, string, string> GeneratedFile = new("cli.generated_file", "path", "kind", "rows",
        "{path}\t{kind}\t{rows} 行", "{path}\t{kind}\t{rows} rows");

    public static readonly MessageTemplate<string, string> AccountAdded = new("cli.account_added", "name", "role",
        "已添加账户 {name}：{role}。", "{name}: {role} added.");

    public static readonly MessageTemplate<string> AccountRemoved = new("cli.account_removed", "name",
        "已删除账户 {name}。", "{name} removed.");

    public static readonly MessageTemplate<string, string> Serving = new("cli.serving", "store", "address",
        "analytics serve：{store}，监听 {address}（按 Ctrl+C 停止）", "analytics serve: {store} on {address} (Ctrl+C to stop)");

    // The demo.
    public static readonly MessageTemplate<int, MessageText, MessageText, string> DemoStep = new("cli.demo.step", "n", "step", "detail", "seconds",
        "[{n}] {step}：{detail}（{seconds} 秒）", "[{n}] {step}: {detail} ({seconds} s)");

    public static readonly MessageTemplate StepGenerate = new("cli.demo.generate", "生成样例数据", "generating sample data");
    public static readonly MessageTemplate StepLoad = new("cli.demo.load", "载入嵌入式数据库", "loading the embedded store");
    public static readonly MessageTemplate StepCompute = new("cli.demo.compute", "计算指标", "computing the figures");
    public static readonly MessageTemplate StepTrain = new("cli.demo.train", "训练超期预警模型", "training the early-warning model");
    public static readonly MessageTemplate StepOversight = new("cli.demo.oversight", "监督检查：抽查、现场核查结果、整改", "oversight: spot check, field results, rectification");
    public static readonly MessageTemplate<string> StepLedgers = new("cli.demo.ledgers", "date", "编制工作台账 {date}", "writing the ledgers of {date}");
    public static readonly MessageTemplate<string> StepReports = new("cli.demo.reports", "half", "编制{half}报告", "writing the semiannual PDFs ({half})");

    public static readonly MessageTemplate<long, int> RowsInFiles = new("cli.demo.rows_in_files", "rows", "files",
        "{files} 个文件共 {rows} 行", "{rows} rows in {files} files");

    public static readonly MessageTemplate<int> RowsLoaded = new("cli.demo.rows", "rows",
        "{rows} 行", "{rows} rows");

    public static readonly MessageTemplate<int, int> RecordsRead = new("cli.demo.records", "applications", "outages",
        "工单 {applications} 件，停电记录 {outages} 行", "{applications} applications, {outages} outage rows");

    public static readonly MessageTemplate<int, int> Assessed = new("cli.demo.assessed", "open", "at_risk",
        "评估在途工单 {open} 件，其中有超期风险 {at_risk} 件", "{open} in progress assessed, {at_risk} at risk");

    public static readonly MessageTemplate<int> Workbooks = new("cli.demo.workbooks", "count",
        "{count} 个工作簿", "{count} workbooks");

    public static readonly MessageTemplate<int> Pdfs = new("cli.demo.pdfs", "count",
        "PDF {count} 份", "{count} PDFs");

    public static readonly MessageTemplate NothingToDraw = new("cli.demo.nothing_to_draw",
        "没有已装表接电的工单，未抽查", "no connected applications to draw");

    public static readonly MessageTemplate<string, int, int, int, ILocalizedText, MessageText> DemoDrawn = new("cli.demo.drawn",
        ["draw", "items", "risk", "model", "no_model", "filed"],
        "抽查批次 {draw}：抽取 {items} 件（风险加抽 {risk} 件，模型高风险 {model} 件{no_model}）；{filed}",
        "draw {draw}: {items} applications ({risk} risk draws, {model} high model risk{no_model}); {filed}");

    public static readonly MessageTemplate<int, int, int> DemoFiled = new("cli.demo.filed", "results", "discrepancies", "items",
        "现场核查结果 {results} 条，不一致 {discrepancies} 条；整改事项 {items} 项",
        "{results} field results, {discrepancies} discrepancies; {items} rectification items");

    public static readonly Localized NoStoredModel = new("，存储中无模型", ", no stored model");

    public static readonly MessageTemplate<string> DemoStore = new("cli.demo.store", "path", "数据库：{path}", "Store:   {path}");
    public static readonly MessageTemplate<string> DemoData = new("cli.demo.data", "path", "数据：  {path}", "Data:    {path}");
    public static readonly MessageTemplate<string, int, int> DemoReports = new("cli.demo.reports_dir", "path", "workbooks", "pdfs",
        "报表：  {path}（工作簿 {workbooks} 个，PDF {pdfs} 份）", "Reports: {path} ({workbooks} workbooks, {pdfs} PDFs)");
    public static readonly MessageTemplate<string> DemoDone = new("cli.demo.done", "seconds", "完成，用时 {seconds} 秒。", "Done in {seconds} s.");

    // The early-warning model (analytics risk, ledger, demo).
    public static readonly MessageTemplate<string, string, MessageText> ModelLoaded = new("cli.risk.model_loaded", "fingerprint", "trained_at", "figures",
        "超期预警模型：已从存储载入（指纹 {fingerprint}，训练于 {trained_at}）；{figures}",
        "early-warning model: loaded from the store (fingerprint {fingerprint}, trained on {trained_at}); {figures}");

    public static readonly MessageTemplate<MessageText, string, ILocalizedText, string, MessageText> ModelTrained = new("cli.risk.model_trained",
        "why", "seconds", "saved", "fingerprint", "figures",
        "超期预警模型：已训练（{why}；{seconds} 秒{saved}，指纹 {fingerprint}）；{figures}",
        "early-warning model: trained ({why}; {seconds} s{saved}, fingerprint {fingerprint}); {figures}");

    public static readonly MessageTemplate ModelNotFromStore = new("cli.risk.not_from_store",
        "数据不是从 --store 所指的存储读出的，模型不保存", "the data were not read from the store --store names; the model is not kept");

    public static readonly MessageTemplate ModelNoneStored = new("cli.risk.none_stored",
        "存储中尚无模型", "the store holds no model yet");

    public static readonly MessageTemplate<int> ModelAllDiffer = new("cli.risk.all_differ", "count",
        "数据、政策、日历或截至时刻与存储中的 {count} 个模型均不同，重新训练", "the data, policy, calendar or as-of differ from all {count} stored models; trained anew");

    public static readonly Localized ModelSaved = new("，已保存到存储", ", saved to the store");

    public static readonly MessageTemplate<string> ModelNotSaved = new("cli.risk.not_saved", "reason",
        "，未能保存到存储（{reason}）", ", could not be saved to the store ({reason})");

    public static readonly MessageTemplate<int, string, string, string, string, ILocalizedText> ModelFigures = new("cli.risk.figures",
        ["count", "mae_model", "mae_baseline", "auc_model", "auc_baseline", "used"],
        "训练 {count} 件，留出期 MAE 模型 {mae_model} 天 / 基线 {mae_baseline} 天，AUC 模型 {auc_model} / 基线 {auc_baseline}，模型用于：{used}",
        "trained on {count}, holdout MAE model {mae_model} days / baseline {mae_baseline} days, AUC model {auc_model} / baseline {auc_baseline}, model used for: {used}");

    public static readonly Localized ModelUsedForNone = new("无（均用基线）", "none (the baseline throughout)");

    public static readonly MessageTemplate<string, ILocalizedText, int, string, string, string, string> RiskHeadline = new("cli.risk.headline",
        ["as_of", "model", "count", "span", "mae_model", "mae_baseline", "auc"],
        "截至 {as_of}；模型：{model}；训练 {count} 件（{span}）；留出期 MAE {mae_model} 天（基线 {mae_baseline} 天），AUC {auc}",
        "as of {as_of}; model: {model}; trained on {count} ({span}); holdout MAE {mae_model} days (baseline {mae_baseline} days), AUC {auc}");

    public static readonly Localized ModelFastTree = new("FastTree 回归（部分类别）", "FastTree regression (some categories)");

    public static readonly Localized ModelBaseline = new("未优于基线，使用类别中位数基线", "no better than the baseline; the category medians are used");

    // analytics metrics (the tables' heading lines).
    public static readonly MessageTemplate<string, string, string, string> MetricsHeading = new("cli.metrics.heading", "scope", "period", "as_of", "plan",
        "{scope}  {period}  （截至 {as_of}）  {plan}", "{scope}  {period}  (as of {as_of})  {plan}");

    public static readonly MessageTemplate<string> MetricsNoData = new("cli.metrics.no_data", "through",
        "报告期晚于数据截止日：数据截至 {through}，本期没有数据。", "The period is after the data end: data through {through}; nothing in this period.");

    public static readonly MessageTemplate<string> MetricsIncomplete = new("cli.metrics.incomplete", "through",
        "报告期尚未结束：数据截至 {through}。", "The period is not over: data through {through}.");

    // Spot checks and rectification.
    public static readonly MessageTemplate<string> InspectorsMissing = new("cli.spotcheck.inspectors_missing", "path",
        "{path}:0:0: 检查人员名录不存在", "{path}:0:0: the list of inspectors does not exist");

    public static readonly MessageTemplate<string> InspectorsTooFew = new("cli.spotcheck.inspectors_too_few", "path",
        "{path}:0:0: 名录至少要有 2 名检查人员", "{path}:0:0: the list needs at least 2 inspectors");

    public static readonly MessageTemplate<string> NoSpotChecks = new("cli.spotcheck.unsupported", "store",
        "{store}: 此存储不支持抽查记录", "{store}: this store does not keep spot checks");

    public static readonly MessageTemplate<string> NoRectification = new("cli.rectify.unsupported", "store",
        "{store}: 此存储不支持整改台账", "{store}: this store does not keep the rectification ledger");

    public static readonly MessageTemplate<string, string> NothingToSpotCheck = new("cli.spotcheck.nothing", "from", "to",
        "{from} 至 {to} 没有装表接电的工单，无可抽查对象", "no application was connected from {from} to {to}; there is nothing to draw");

    public static readonly MessageTemplate<string> DrawExists = new("cli.spotcheck.draw_exists", "draw",
        "抽查批次 {draw} 已存在（同日同种子）；换一个 --seed", "draw {draw} exists already (same day, same seed); use another --seed");

    public static readonly MessageTemplate<string> FileMissing = new("cli.file_missing", "path",
        "{path}:0:0: 文件不存在", "{path}:0:0: the file does not exist");

    public static readonly MessageTemplate<string, string> NotASpotCheckWorkbook = new("cli.spotcheck.not_workbook", "path", "reason",
        "{path}:0:0: 不是可读的抽查工作簿（{reason}）", "{path}:0:0: not a readable spot-check workbook ({reason})");

    public static readonly MessageTemplate<string, string> NoDrawId = new("cli.spotcheck.no_draw_id", "path", "sheet",
        "{path}:1:2: 工作表“{sheet}”中没有批次号", "{path}:1:2: the sheet \"{sheet}\" has no draw number");

    public static readonly MessageTemplate<string, string> NoSuchDraw = new("cli.spotcheck.no_such_draw", "path", "draw",
        "{path}:1:2: 存储中没有抽查批次 {draw}", "{path}:1:2: the store has no draw {draw}");

    public static readonly MessageTemplate<string, int> SpotCheckHeadline = new("cli.spotcheck.draw", "draw", "seed",
        "批次 {draw}  种子 {seed}", "draw {draw}  seed {seed}");

    public static readonly MessageTemplate<string, int, int> SpotCheckFiled = new("cli.spotcheck.filed", "draw", "items", "discrepancies",
        "批次 {draw}：本次归档 {items} 件，其中不一致 {discrepancies} 项", "draw {draw}: {items} applications filed, {discrepancies} discrepancies");

    public static readonly MessageTemplate<long> NoSuchItem = new("cli.rectify.no_such_item", "id",
        "整改事项 {id} 不存在（见 analytics rectify list）", "rectification item {id} does not exist (see analytics rectify list)");
}
