using System.Globalization;

namespace Analytics.Domain;

/// <summary>
/// The names a filed weekly ledger (工作台账, 四、1) is recognised by when it comes back: the 工作进展 sheet and
/// its headers, its title, and the very hidden metadata sheet with the county code and the due Thursday.
/// The writer (Reports' <c>LedgerLayout</c>, which takes its values from here) and the reader (Ingest's
/// <c>LedgerTemplate</c>) share these, so what is written can always be read back.
/// </summary>
public static class LedgerWorkbookNames
{
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

    /// <summary>The statuses the 状态 drop-down offers; a filed ledger is read back with these only.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["已完成", "推进中", "未启动", "不适用"];

    /// <summary>The 工作进展 headers, in the order the writer lays them out.</summary>
    public static IReadOnlyList<string> ProgressHeaders { get; } =
        [HeaderNumber, HeaderTask, HeaderTitle, HeaderText, HeaderStatus, HeaderProblems];

    // The signature block (签字栏) under the 工作进展 table: a label in column A, the value the county writes in column C.
    public const string SignFiledBy = "填报人";
    public const string SignReviewedBy = "审核人";
    public const string SignPhone = "联系电话";
    public const string SignDate = "报送日期";

    /// <summary>The signature labels, in the order the writer lays them out (one row each).</summary>
    public static IReadOnlyList<string> SignatureLabels { get; } = [SignFiledBy, SignReviewedBy, SignPhone, SignDate];

    /// <summary>1-based column of the signature labels (序号 … 任务, merged).</summary>
    public const int SignatureLabelColumn = 1;
    /// <summary>1-based column where the county writes the signature values (任务名称).</summary>
    public const int SignatureValueColumn = 3;

    /// <summary>The row of a sheet's title (every sheet of the ledger starts with one).</summary>
    public const int TitleRow = 1;

    /// <summary>Title of the 工作进展 sheet; the reader falls back on it when the metadata sheet is gone.</summary>
    public static string ProgressTitle(string countyName, DateOnly thursday) =>
        $"{countyName}工作进展（{thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}报送）";
}
