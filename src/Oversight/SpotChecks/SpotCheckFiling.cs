using System.Globalization;
using Analytics.Domain.Storage;
using ClosedXML.Excel;

namespace Analytics.Oversight.SpotChecks;

/// <summary>A located problem of a filed-back workbook: <c>FILE:ROW:COLUMN: message</c> (sheet 抽查清单).</summary>
public sealed record SpotCheckFilingError(string File, int Row, int Column, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Row}:{Column}: {Message}");
}

/// <summary>
/// Reads the field results of a filed-back field workbook (<see cref="SpotCheckForm"/>): a row with 核查结果 一致 is a verified
/// application; 不一致 with 不一致项目 and 客户所述 is one discrepancy (the recorded value is the row's own cell); an empty
/// result is not yet checked. Every error of the file is collected; with any error nothing is taken.
/// </summary>
public static class SpotCheckFiling
{
    /// <summary>A cell as text; a date typed into Excel (a date cell) reads as <c>yyyy-MM-dd</c>, with <c>HH:mm</c> when it has a time.</summary>
    private static string Text(IXLCell cell)
    {
        if (cell.DataType == XLDataType.DateTime)
        {
            var d = cell.GetDateTime();
            return d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }
        var text = cell.GetFormattedString().Trim();
        return text.StartsWith('\'') ? text[1..] : text;
    }

    public static (IReadOnlyList<SpotCheckResult> Results, IReadOnlyList<SpotCheckFilingError> Errors) Read(
        string path, SpotCheckDrawRecord draw, DateTime filedAt)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var name = Path.GetFileName(path);
        var errors = new List<SpotCheckFilingError>();
        var results = new List<SpotCheckResult>();
        var items = draw.Items.ToDictionary(i => i.Utility + "/" + i.ApplicationId, StringComparer.Ordinal);
        using var wb = new XLWorkbook(path);
        if (!wb.TryGetWorksheet(SpotCheckForm.ListSheet, out var ws))
        {
            errors.Add(new SpotCheckFilingError(name, 1, 1, $"没有工作表“{SpotCheckForm.ListSheet}”"));
            return (results, errors);
        }
        var last = ws.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= last; r++)
        {
            string Cell(int c) => Text(ws.Cell(r, c));
            var result = Cell(SpotCheckForm.ResultColumn);
            if (result.Length == 0) continue;
            var batch = Cell(1);
            var key = Cell(SpotCheckForm.KeyColumn);
            if (!string.Equals(batch, draw.DrawId, StringComparison.Ordinal))
            {
                errors.Add(new SpotCheckFilingError(name, r, 1, $"批次“{batch}”不是 {draw.DrawId}"));
                continue;
            }
            if (!items.TryGetValue(key, out var item))
            {
                errors.Add(new SpotCheckFilingError(name, r, SpotCheckForm.KeyColumn, $"工单“{key}”不在批次 {draw.DrawId} 的抽取名单中"));
                continue;
            }
            if (string.Equals(result, SpotCheckForm.Verified, StringComparison.Ordinal))
            {
                results.Add(new SpotCheckResult { DrawId = draw.DrawId, Utility = item.Utility, ApplicationId = item.ApplicationId, County = item.County, Verified = true, FiledAt = filedAt });
                continue;
            }
            if (!string.Equals(result, SpotCheckForm.Discrepant, StringComparison.Ordinal))
            {
                errors.Add(new SpotCheckFilingError(name, r, SpotCheckForm.ResultColumn, $"核查结果“{result}”应为“一致”或“不一致”"));
                continue;
            }
            var what = Cell(SpotCheckForm.ItemColumn);
            if (!SpotCheckForm.Items.TryGetValue(what, out var field))
            {
                errors.Add(new SpotCheckFilingError(name, r, SpotCheckForm.ItemColumn,
                    $"不一致项目“{what}”应为以下之一：{string.Join("、", SpotCheckForm.Items.Keys)}"));
                continue;
            }
            var customer = Cell(SpotCheckForm.CustomerColumn);
            if (customer.Length == 0)
            {
                errors.Add(new SpotCheckFilingError(name, r, SpotCheckForm.CustomerColumn, "不一致时须填写客户所述的值"));
                continue;
            }
            results.Add(new SpotCheckResult
            {
                DrawId = draw.DrawId, Utility = item.Utility, ApplicationId = item.ApplicationId, County = item.County, Verified = false,
                Field = field.Field, RecordedValue = Cell(field.Column), CustomerValue = customer, FiledAt = filedAt,
            });
        }
        // An application both verified and discrepant in one filing is a contradiction.
        foreach (var g in results.GroupBy(x => (x.Utility, x.ApplicationId)).Where(g => g.Any(x => x.Verified) && g.Any(x => !x.Verified)))
            errors.Add(new SpotCheckFilingError(name, 1, SpotCheckForm.ResultColumn, $"工单 {g.Key.Utility}/{g.Key.ApplicationId} 同时填了“一致”和“不一致”"));
        return errors.Count > 0 ? ([], errors) : (results, errors);
    }
}
