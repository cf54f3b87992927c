namespace Analytics.Oversight.SpotChecks;

/// <summary>
/// The form of a draw's field workbook (抽查工作簿), shared by the writer (Reports' <c>SpotCheckWorkbook</c>) and the
/// reader of the filed-back results (<see cref="SpotCheckFiling"/>): sheet names, columns, the answer words and the items a
/// discrepancy can name.
/// </summary>
public static class SpotCheckForm
{
    public const string ListSheet = "抽查清单";
    public const string PublicSheet = "公开信息";
    public const string Verified = "一致";
    public const string Discrepant = "不一致";

    /// <summary>Columns of <see cref="ListSheet"/> (1-based), in order.</summary>
    public static readonly string[] Headers =
    [
        "批次", "县（市、区）", "供电企业", "工单编号", "抽取方式", "检查人员", "受理时间", "上门/环节记录", "装表接电时间",
        "收费（元）", "客户投资（元）", "申请材料", "核查结果（一致/不一致）", "不一致项目", "客户所述", "备注", "工单键",
    ];

    /// <summary>The items a discrepancy can name (不一致项目) and the field code each becomes.</summary>
    public static readonly IReadOnlyDictionary<string, (string Field, int Column)> Items = new Dictionary<string, (string, int)>(StringComparer.Ordinal)
    {
        ["受理时间"] = ("accepted_at", 7),
        ["上门/环节记录"] = ("visits", 8),
        ["装表接电时间"] = ("connected_at", 9),
        ["收费"] = ("fee_yuan", 10),
        ["客户投资"] = ("customer_investment_yuan", 11),
        ["申请材料"] = ("materials", 12),
    };

    public const int ResultColumn = 13, ItemColumn = 14, CustomerColumn = 15, KeyColumn = 17;
}
