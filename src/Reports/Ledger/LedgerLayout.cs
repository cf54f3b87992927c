using Analytics.Domain;
using Analytics.Reports.Common;

namespace Analytics.Reports.Ledger;

/// <summary>
/// The names a filed ledger is recognised by: sheet names, the 工作进展 headers, and the hidden
/// metadata sheet that carries the county code and due Thursday. The names the reader (Ingest's
/// LedgerTemplate) recognises come from <see cref="LedgerWorkbookNames"/> in Domain, so what is written can
/// always be read back; the rest of the layout (other sheets, widths, drop-downs) is the writer's alone.
/// </summary>
internal static class LedgerLayout
{
    public const string SummarySheet = "汇总";
    public const string InProgressSheet = "在途工单";
    public const string ConnectedSheet = "本周接电";
    public const string IssuesSheet = "问题清单";
    public const string OutagesSheet = "停电事件";
    public const string ApprovalsSheet = "审批事项";
    public const string ProgressSheet = LedgerWorkbookNames.ProgressSheet;
    /// <summary>Very hidden: county code and due Thursday, for reading a filed ledger back.</summary>
    public const string MetaSheet = LedgerWorkbookNames.MetaSheet;

    public const string MetaKind = LedgerWorkbookNames.MetaKind;
    public const string MetaVersion = LedgerWorkbookNames.MetaVersion;
    // Meta sheet rows (column A key, column B value).
    public const string KeyKind = LedgerWorkbookNames.KeyKind;
    public const string KeyCountyCode = LedgerWorkbookNames.KeyCountyCode;
    public const string KeyCountyName = LedgerWorkbookNames.KeyCountyName;
    public const string KeyThursday = LedgerWorkbookNames.KeyThursday;
    public const string KeyVersion = LedgerWorkbookNames.KeyVersion;

    public const string HeaderNumber = LedgerWorkbookNames.HeaderNumber;
    public const string HeaderTask = LedgerWorkbookNames.HeaderTask;
    public const string HeaderTitle = LedgerWorkbookNames.HeaderTitle;
    public const string HeaderText = LedgerWorkbookNames.HeaderText;
    public const string HeaderStatus = LedgerWorkbookNames.HeaderStatus;
    public const string HeaderProblems = LedgerWorkbookNames.HeaderProblems;

    /// <summary>Statuses offered in the drop-down; Ingest's LedgerTemplate accepts only these.</summary>
    public static readonly string[] Statuses = [.. LedgerWorkbookNames.Statuses];

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
    public static string ProgressTitle(string countyName, DateOnly thursday) => LedgerWorkbookNames.ProgressTitle(countyName, thursday);
}
