using System.Globalization;
using System.Text;

namespace Analytics.Domain.Messages;

/// <summary>
/// A message of the domain or the store worded in both languages (the domain cannot reference the ingest's
/// <c>MessageTemplate</c>): its catalogue <see cref="Id"/>, the Chinese (the default) and the English text. The CLI
/// prints the one <c>--lang</c> asks for.
/// </summary>
public sealed record DomainText(string Id, string Chinese, string English)
{
    public string In(bool english) => english ? English : Chinese;

    public override string ToString() => Chinese;
}

/// <summary>An exception whose message a person reads, in both languages (<see cref="Exception.Message"/> is the Chinese).</summary>
public interface IDomainLocalizedError
{
    DomainText Text { get; }
}

/// <summary>One entry of <see cref="DomainMessages"/>: a stable id, parameter names, and the templates with <c>{name}</c> placeholders.</summary>
public sealed class DomainTemplate
{
    private readonly string[] _parameters;

    public DomainTemplate(string id, string parameters, string chinese, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(parameters);
        Id = id;
        _parameters = parameters.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Chinese = chinese ?? throw new ArgumentNullException(nameof(chinese));
        English = english ?? throw new ArgumentNullException(nameof(english));
    }

    public string Id { get; }
    public string Chinese { get; }
    public string English { get; }
    public IReadOnlyList<string> Parameters => _parameters;

    /// <summary>The message with its arguments (numbers and dates invariant), in both languages.</summary>
    public DomainText With(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != _parameters.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Id} takes {_parameters.Length} arguments, not {args.Length}."), nameof(args));
        return new DomainText(Id, Render(Chinese, args, english: false), Render(English, args, english: true));
    }

    private string Render(string template, object?[] args, bool english)
    {
        var sb = new StringBuilder(template);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var value = args[i] switch
            {
                null => "",
                DomainText t => t.In(english),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "",
            };
            sb.Replace("{" + _parameters[i] + "}", value);
        }
        return sb.ToString();
    }

    public override string ToString() => Id;
}

/// <summary>
/// The messages of the domain (policy, calendar, output files) and the store that reach a person, in Chinese and
/// English; a test holds every entry to both languages with the declared placeholders and Chinese in the Chinese.
/// </summary>
public static class DomainMessages
{
    // ---- Output files ------------------------------------------------------------------------------------------
    public static readonly DomainTemplate CannotWrite = new("output.cannot_write", "path reason",
        "无法写入 {path}：{reason}", "cannot write {path}: {reason}");
    public static readonly DomainTemplate DiskFull = new("output.disk_full", "", "磁盘空间不足", "no space left on device");
    public static readonly DomainTemplate NoPermission = new("output.no_permission", "reason", "没有写入权限（{reason}）", "no permission to write ({reason})");
    public static readonly DomainTemplate WriteFailed = new("output.write_failed", "reason", "写入失败（{reason}）", "the write failed ({reason})");
    public static readonly DomainTemplate EmptyPath = new("output.empty_path", "", "路径为空", "the path is empty");
    public static readonly DomainTemplate InvalidPath = new("output.invalid_path", "", "不是有效的路径", "not a valid path");
    public static readonly DomainTemplate NotRegularFile = new("output.not_regular_file", "kind",
        "已存在且不是普通文件，而是{kind}，拒绝覆盖", "exists and is not a regular file but {kind}; refused");

    // ---- Calendar ----------------------------------------------------------------------------------------------
    public static readonly DomainTemplate CalendarEmpty = new("calendar.empty", "", "日历中没有任何年份的安排。", "The calendar has no year schedules.");
    public static readonly DomainTemplate CalendarResourceMissing = new("calendar.resource_missing", "", "内置日历资源缺失。", "The shipped calendar resource is missing.");
    public static readonly DomainTemplate CalendarUnreadable = new("calendar.unreadable", "path reason",
        "{path}：无法读取日历文件：{reason}", "{path}: cannot read the calendar file: {reason}");
    public static readonly DomainTemplate CalendarNotJson = new("calendar.not_json", "source reason",
        "{source}：不是有效的 JSON 日历文件：{reason}", "{source}: not a valid JSON calendar file: {reason}");
    public static readonly DomainTemplate CalendarNoYears = new("calendar.no_years", "source",
        "{source}：应有对象“years”，每年一项。", "{source}: expected an object \"years\" with one entry a year.");
    public static readonly DomainTemplate CalendarNotAYear = new("calendar.not_a_year", "source year",
        "{source}：years.{year}：应为四位数的年份。", "{source}: years.{year}: expected a four-digit year.");
    public static readonly DomainTemplate CalendarNotAList = new("calendar.not_a_list", "source year name",
        "{source}：years.{year}.{name}：应为日期列表。", "{source}: years.{year}.{name}: expected a list of dates.");
    public static readonly DomainTemplate CalendarNotADate = new("calendar.not_a_date", "source year name text",
        "{source}：years.{year}.{name}：“{text}”不是 yyyy-MM-dd 格式的日期，也不是 yyyy-MM-dd..yyyy-MM-dd 格式的日期范围。",
        "{source}: years.{year}.{name}: \"{text}\" is not a date yyyy-MM-dd or a range yyyy-MM-dd..yyyy-MM-dd.");
    public static readonly DomainTemplate CalendarOutsideYear = new("calendar.outside_year", "source year name date",
        "{source}：years.{year}.{name}：{date} 不在 {year} 年内。", "{source}: years.{year}.{name}: {date} lies outside {year}.");

    // ---- Policy ------------------------------------------------------------------------------------------------
    public static readonly DomainTemplate PolicyResourceMissing = new("policy.resource_missing", "", "内置政策资源缺失。", "The shipped policy resource is missing.");
    public static readonly DomainTemplate PolicyUnreadable = new("policy.unreadable", "path reason",
        "{path}：无法读取政策文件：{reason}", "{path}: cannot read the policy file: {reason}");
    public static readonly DomainTemplate PolicyNotJson = new("policy.not_json", "source reason",
        "{source}：不是有效的 JSON：{reason}", "{source}: not valid JSON: {reason}");

    public static readonly DomainTemplate PolicyExpectedObject = new("policy.expected_object", "where", "{where}：应为对象。", "{where}: expected an object.");
    public static readonly DomainTemplate PolicyExpectedJsonObject = new("policy.expected_json_object", "where", "{where}：应为 JSON 对象。", "{where}: expected a JSON object.");
    public static readonly DomainTemplate PolicyRequired = new("policy.required", "where name", "{where}：缺少必填项“{name}”。", "{where}: \"{name}\" is required.");
    public static readonly DomainTemplate PolicyMustBeList = new("policy.must_be_list", "where name", "{where}：“{name}”应为列表。", "{where}: \"{name}\" must be a list.");
    public static readonly DomainTemplate PolicyMustBeObject = new("policy.must_be_object", "where name", "{where}：“{name}”应为对象。", "{where}: \"{name}\" must be an object.");
    public static readonly DomainTemplate PolicyIdTwice = new("policy.id_twice", "where id", "{where}：编号 {id} 重复出现。", "{where}: the id {id} appears twice.");
    public static readonly DomainTemplate PolicyResponsibleList = new("policy.responsible_list", "where",
        "{where}：“responsible”应为非空列表，取值为 county、utility。", "{where}: \"responsible\" must be a non-empty list of county, utility.");
    public static readonly DomainTemplate PolicyResponsibleValue = new("policy.responsible_value", "where value",
        "{where}.responsible：{value} 不是 county、utility 之一。", "{where}.responsible: {value} is not one of county, utility.");
    public static readonly DomainTemplate PolicyUnknownParameter = new("policy.unknown_parameter", "where name known",
        "{where}：未知参数“{name}”；可用：{known}。", "{where}: unknown parameter \"{name}\"; known: {known}.");
    public static readonly DomainTemplate PolicyUnknownKind = new("policy.unknown_kind", "where kind known",
        "{where}：未知类型“{kind}”；应为 {known} 之一。", "{where}: unknown kind \"{kind}\"; expected one of {known}.");
    public static readonly DomainTemplate PolicyTargetNeeds = new("policy.target_needs", "where kind fields",
        "{where}：{kind} 类目标须有 {fields}。", "{where}: a {kind} target needs {fields}.");
    public static readonly DomainTemplate PolicyStepNeedsLimit = new("policy.step_needs_limit", "where",
        "{where}：按日计的目标，其“in_force”的每一步都须有“limit”。", "{where}: every \"in_force\" step of a day target needs a \"limit\".");
    public static readonly DomainTemplate PolicyInForceList = new("policy.in_force_list", "where",
        "{where}：“in_force”应为非空列表，每项形如 {\"from\": \"yyyy-MM-dd\", \"limit\": N}。",
        "{where}: \"in_force\" must be a non-empty list of {\"from\": \"yyyy-MM-dd\", \"limit\": N}.");
    public static readonly DomainTemplate PolicyFromNotDate = new("policy.from_not_date", "where got",
        "{where}：“from”应为 yyyy-MM-dd 格式的日期，实为 {got}。", "{where}: \"from\" must be a date yyyy-MM-dd, got {got}.");
    public static readonly DomainTemplate PolicyStepsOrder = new("policy.steps_order", "where",
        "{where}：各步须按日期升序排列。", "{where}: steps must be in ascending date order.");
    public static readonly DomainTemplate PolicyMustBeText = new("policy.must_be_text", "where name", "{where}：“{name}”应为文本。", "{where}: \"{name}\" must be text.");
    public static readonly DomainTemplate PolicyNotBool = new("policy.not_bool", "where got", "{where}：应为 true 或 false，实为 {got}。", "{where}: expected true or false, got {got}.");
    public static readonly DomainTemplate PolicyNumberRange = new("policy.number_range", "where min max got",
        "{where}：应为 {min} 至 {max} 之间的数，实为 {got}。", "{where}: expected a number from {min} to {max}, got {got}.");
    public static readonly DomainTemplate PolicyNotOneOf = new("policy.not_one_of", "where got accepted",
        "{where}：{got} 不是 {accepted} 之一。", "{where}: {got} is not one of {accepted}.");
    public static readonly DomainTemplate PolicyExpectedList = new("policy.expected_list", "where", "{where}：应为列表。", "{where}: expected a list.");
    public static readonly DomainTemplate PolicyExpectedByArea = new("policy.expected_by_area", "where", "{where}：应为按区域给出的对象。", "{where}: expected an object by area.");
    public static readonly DomainTemplate PolicyNotAnArea = new("policy.not_an_area", "where name accepted",
        "{where}：“{name}”不是区域；应为 {accepted}。", "{where}: \"{name}\" is not an area; expected {accepted}.");

    // ---- Store -------------------------------------------------------------------------------------------------
    public static readonly DomainTemplate StoreSchemaNewer = new("store.schema_newer", "store version ours",
        "{store}：其结构版本 {version} 比本程序的（{ours}）新；请使用较新的 analytics",
        "{store}: its schema version {version} is newer than this program's ({ours}); use a newer analytics");
    public static readonly DomainTemplate StoreNoFolder = new("store.no_folder", "store reason",
        "{store}：无法创建其所在文件夹（{reason}）", "{store}: cannot create its folder ({reason})");
    public static readonly DomainTemplate StoreBadConnectionString = new("store.bad_connection_string", "reason",
        "PostgreSQL：连接字符串无效（{reason}）", "PostgreSQL: invalid connection string ({reason})");
    public static readonly DomainTemplate StoreTimedOut = new("store.timed_out", "store",
        "{store}：连接超时", "{store}: timed out");
    public static readonly DomainTemplate StoreCannotConnect = new("store.cannot_connect", "store code",
        "{store}：无法连接（{code}）", "{store}: cannot connect ({code})");
    public static readonly DomainTemplate StoreReason = new("store.reason", "store reason",
        "{store}：{reason}", "{store}: {reason}");
    public static readonly DomainTemplate StoreReasonState = new("store.reason_state", "store reason state",
        "{store}：{reason}（错误代码 SQLSTATE {state}）", "{store}: {reason} (SQLSTATE {state})");
    public static readonly DomainTemplate StoreBusy = new("store.busy", "store",
        "{store}：存储正忙：另一个进程正在写入，在等待时限内未结束（等待秒数由环境变量 ANALYTICS_BUSY_TIMEOUT 设定，默认 30）；未载入任何数据，请稍后再试",
        "{store}: the store is busy: another process is writing and did not finish within the wait (seconds set by ANALYTICS_BUSY_TIMEOUT, default 30); nothing was loaded, try again later");
    public static readonly DomainTemplate StoreBusyState = new("store.busy_state", "store state",
        "{store}：存储正忙：另一个进程正在写入，在等待时限内未结束（等待秒数由环境变量 ANALYTICS_BUSY_TIMEOUT 设定，默认 30）；未载入任何数据，请稍后再试（错误代码 SQLSTATE {state}）",
        "{store}: the store is busy: another process is writing and did not finish within the wait (seconds set by ANALYTICS_BUSY_TIMEOUT, default 30); nothing was loaded, try again later (SQLSTATE {state})");
    public static readonly DomainTemplate StoreForeign = new("store.foreign", "store tables table",
        "{store}：这不是 analytics 的存储：其中已有别的表（{tables}），且没有 analytics 的标记（表 {table}）。为免改动别人的数据，analytics 不会在其中建表；请用 --store 指定 analytics 自己的存储，或一个新的文件/空数据库（PostgreSQL：空的 schema）",
        "{store}: this is not an analytics store: it holds other tables ({tables}) and no analytics marker (table {table}). So as not to change someone else's data, analytics creates no table in it; name analytics' own store with --store, or a new file / an empty database (PostgreSQL: an empty schema)");

    // Why a store cannot be used (the reason part of StoreReason / StoreReasonState).
    public static readonly DomainTemplate SqliteCantOpen = new("store.sqlite.cant_open", "", "无法打开数据库文件", "cannot open the database file");
    public static readonly DomainTemplate SqliteNotADb = new("store.sqlite.not_a_db", "", "该文件不是 analytics 的存储（不是 SQLite 数据库）", "the file is not an analytics store (not a SQLite database)");
    public static readonly DomainTemplate SqliteCorrupt = new("store.sqlite.corrupt", "", "数据库文件已损坏", "the database file is damaged");
    public static readonly DomainTemplate SqliteReadOnly = new("store.sqlite.read_only", "", "数据库文件只读或无权访问", "the database file is read-only or not accessible");
    public static readonly DomainTemplate SqliteFull = new("store.sqlite.full", "", "磁盘已满", "the disk is full");
    public static readonly DomainTemplate SqliteIo = new("store.sqlite.io", "", "读写数据库文件时出错", "input/output error on the database file");
    public static readonly DomainTemplate PgPassword = new("store.pg.password", "", "密码认证失败", "password authentication failed");
    public static readonly DomainTemplate PgRefusedUser = new("store.pg.refused_user", "", "服务器拒绝了该用户（认证）", "the server refused the user (authentication)");
    public static readonly DomainTemplate PgNoDatabase = new("store.pg.no_database", "", "数据库不存在", "the database does not exist");
    public static readonly DomainTemplate PgPrivilege = new("store.pg.privilege", "", "该用户缺少存储所需的权限", "the user lacks a privilege the store needs");
    public static readonly DomainTemplate PgTooMany = new("store.pg.too_many", "", "服务器连接数已满", "the server has too many connections");
    public static readonly DomainTemplate PgStarting = new("store.pg.starting", "", "服务器正在启动或关闭", "the server is starting up or shutting down");
    public static readonly DomainTemplate PgShutdown = new("store.pg.shutdown", "", "服务器正在关闭", "the server is shutting down");
    public static readonly DomainTemplate PgDiskFull = new("store.pg.disk_full", "", "服务器磁盘已满", "the server's disk is full");
    public static readonly DomainTemplate PgReadOnly = new("store.pg.read_only", "", "服务器为只读", "the server is read-only");
    public static readonly DomainTemplate PgNoSchema = new("store.pg.no_schema", "", "search_path 中没有存在的 schema", "the search path names no schema that exists");
    public static readonly DomainTemplate PgConnectionFailed = new("store.pg.connection_failed", "", "连接失败", "the connection failed");
    public static readonly DomainTemplate PgCannotConnect = new("store.pg.cannot_connect", "code", "无法连接（{code}）", "cannot connect ({code})");
    public static readonly DomainTemplate PgUnusable = new("store.pg.unusable", "", "服务器无法使用", "the server cannot be used");
    public static readonly DomainTemplate PgTimedOutLong = new("store.pg.timed_out", "",
        "连接超时（服务器未及时响应；耗时长的载入或查询可能需要更大的 Command Timeout）",
        "timed out (the server did not answer in time; a long load or query may need a larger Command Timeout)");

    // ---- Weekly ledgers -----------------------------------------------------------------------------------------
    public static readonly DomainTemplate LedgerNotThursday = new("ledger.not_thursday", "date weekday before after",
        "{date} 是{weekday}，不是星期四：工作台账每周四报送。最近的星期四为 {before}（之前）和 {after}（之后）。",
        "{date} is a {weekday}, not a Thursday: ledgers are due on Thursdays. The nearest are {before} (before) and {after} (after).");
    public static readonly DomainTemplate LedgerNotADate = new("ledger.not_a_date", "text",
        "“{text}”不是日期，应为 yyyy-MM-dd 格式的星期四，如 2026-11-26。", "\"{text}\" is not a date; expected a Thursday as yyyy-MM-dd, e.g. 2026-11-26.");

}
