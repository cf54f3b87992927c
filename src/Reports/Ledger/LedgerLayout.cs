using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// The names a filed ledger is recognised by: sheet names, the 工作进展 headers, and the hidden
/// metadata sheet that carries the county code and due Thursday. Writer and reader share these,
/// so what is written can always be read back.
/// </summary>
internal static class LedgerLayout
{
    public const string SummarySheet = "汇总";
    public const string InProgressSheet = "在途工单";
    public const string ConnectedSheet = "本周接电";
    public const string IssuesSheet = "问题清单";
    public const string OutagesSheet = "停电事件";
    public const string ApprovalsSheet = "审批事项";
    public const string ProgressSheet = "工作进展";
    /// <summary>Very hidden: county code and due Thursday, for reading a filed ledger back.</summary>
    public const string MetaSheet = "台账信息";

    public const string MetaKind = "工作台账";
    public const string MetaVersion = "1";
    // Meta sheet rows (column A key, column B value).
    public const string KeyKind = "类型";
    public const string KeyCountyCode = "县区代码";
    public const string KeyCountyName = "县区";
    public const string KeyThursday = "报送日";
    public const string KeyVersion = "格式版本";

    public const string HeaderNumber = "序号";
    public const string HeaderTask = "任务";
    public const string HeaderTitle = "任务名称";
    public const string HeaderText = "进展情况";
    public const string HeaderStatus = "状态";
    public const string HeaderProblems = "存在问题";

    /// <summary>Statuses offered in the drop-down; <see cref="LedgerReader"/> accepts only these.</summary>
    public static readonly string[] Statuses = ["已完成", "推进中", "未启动", "不适用"];

    /// <summary>Blank rows left under the twelve tasks for work the county wants to report apart.</summary>
    public const int FreeRows = 5;

    public static IReadOnlyList<SheetColumn> ProgressColumns { get; } =
    [
        new(HeaderNumber, 6),
        new(HeaderTask, 9),
        new(HeaderTitle, 30),
        new(HeaderText, 60),
        new(HeaderStatus, 10),
        new(HeaderProblems, 40),
    ];

    /// <summary>Title of the 工作进展 sheet; the reader falls back on it when the metadata sheet is gone.</summary>
    public static string ProgressTitle(string countyName, DateOnly thursday) =>
        $"{countyName}工作进展（{ReportFormats.Date(thursday)}报送）";
}
