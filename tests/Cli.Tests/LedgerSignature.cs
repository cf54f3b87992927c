using ClosedXML.Excel;

namespace Analytics.Cli.Tests;

/// <summary>
/// Fills the signature block a county ledger needs before it can be filed back (issue 15): 填报人、审核人 (read back
/// masked), 联系电话 (checked, then dropped), 报送日期.
/// </summary>
internal static class LedgerSignature
{
    public const string FiledBy = "王建国";
    public const string ReviewedBy = "李秀英";
    public const string Phone = "13912345678";

    public static void Sign(IXLWorksheet progress, DateTime filedOn)
    {
        int Row(string label) => progress.Column(1).CellsUsed().Single(c => c.GetString() == label).Address.RowNumber;
        progress.Cell(Row("填报人"), 3).Value = FiledBy;
        progress.Cell(Row("审核人"), 3).Value = ReviewedBy;
        progress.Cell(Row("联系电话"), 3).Value = Phone;
        progress.Cell(Row("报送日期"), 3).Value = filedOn;
    }
}
